"""Review 7's refusals and the contradictions that the answers decide (docs/review-2026-12-07-7.md, themes 1 to 5
and the smaller contradictions).

Review 7 was held out: its figure (48 of 57) was taken before these changes, so these tests fix what it found
and do not make a second independent count.
"""

from __future__ import annotations

from advisor.engine.model import FlowResult

from . import flows

REVIEW = "scenarios-review-7.yaml"


def everything(flow: FlowResult) -> str:
    return flows.said(flow) + " " + " ".join(flows.texts(t) for t in flow.technologies)


def technology(flow: FlowResult, name: str) -> str:
    return flows.texts(next(t for t in flow.technologies if t.name == name))


class TestTheme3PubSubReplayNeedsASetting:
    def test_a_replayed_meter_reading_turns_on_retained_acknowledged_messages(self) -> None:
        """Theme 3, #16 (R7-10 'Interval meter reading'): 'its default message retention duration of 7 days covers
        that' on a replay flow; by default Pub/Sub keeps only unacknowledged messages."""
        said = technology(flows.reviewed(REVIEW, "R7-10", "Interval meter reading"), "Pub/Sub")
        assert "covers that" not in said
        assert "retain_acked_messages" in said
        assert "topic" in said

    def test_a_replayed_audit_stream_turns_on_retained_acknowledged_messages(self) -> None:
        """Theme 3, #35 (R7-22 'Tenant audit log stream'): the same sentence on a compliance replay flow."""
        said = technology(flows.reviewed(REVIEW, "R7-22", "Tenant audit log stream"), "Pub/Sub")
        assert "covers that" not in said
        assert "retain_acked_messages" in said

    def test_without_replay_the_default_still_covers_a_backlog(self) -> None:
        """Unacknowledged messages are what the default keeps: a queue's backlog through a window is covered."""
        flow = {
            "consumers": ["Billing"],
            "interaction": "command",
            "latency": "minutes",
            "consumer_availability": "maintenance_windows",
        }
        result = flows.result(flow, {"platform": "gcp", "existing_broker": "pubsub"})
        said = technology(result, "Pub/Sub")
        assert "retain_acked_messages" not in said

    def test_sqs_is_never_said_to_replay(self) -> None:
        """Theme 3 on AWS: SQS deletes what is received and deleted, so a replay flow never hears that its
        retention 'covers' replay."""
        flow = {
            "consumers": ["Ledger"],
            "interaction": "command",
            "latency": "minutes",
            "replay": "yes",
        }
        for broker in ("sqs", "none"):
            result = flows.result(flow, {"platform": "aws", "existing_broker": broker})
            for choice in result.technologies:
                if "SQS" in choice.name:
                    assert "covers that" not in flows.texts(choice), choice.name
