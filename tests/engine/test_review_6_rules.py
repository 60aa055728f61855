"""Review 6's refusals and contradictions that the answers decide (docs/review-2026-12-07-6.md, theme 2 and
contradictions 2, 5, 6, 7 and 12).

Review 6 was held out: its figure (41 of 48) was taken before these changes, so these tests fix what it found
and do not make a second independent count.
"""

from __future__ import annotations

from advisor.engine import parse_assessment, recommend
from advisor.engine.model import FlowResult

from . import flows


def work_order() -> FlowResult:
    return flows.reviewed("scenarios-review-6.yaml", "R6-25", "Work orders dispatched to technicians' tablets")


def everything(flow: FlowResult) -> str:
    return flows.said(flow) + " " + " ".join(flows.texts(t) for t in flow.technologies)


class TestTheme2ACommandToADeviceOftenAway:
    def test_a_work_order_is_kept_until_acknowledged_and_escalated_not_expired(self) -> None:
        """#35: a work order due within minutes to tablets often out of coverage 'expires after 1 hour', while the
        outage quote beside it argues that the queue keeps it through a 4-hour outage."""
        said = everything(work_order())
        assert "expire" not in said
        assert "until it is acknowledged or cancelled" in said
        assert "escalat" in said

    def test_a_command_due_within_seconds_to_a_device_often_away_still_expires(self) -> None:
        """An unlock or a valve command run an hour late is stale, however long the device is away."""
        unlock = {
            "name": "Unlock the door",
            "consumers": ["Door locks"],
            "interaction": "command",
            "latency": "seconds",
            "consumer_kind": "device",
            "consumer_availability": "often_offline",
        }
        said = everything(flows.result(unlock, {"platform": "aws"}))
        assert "expires" in said
        assert "until it is acknowledged or cancelled" not in said


class TestContradiction2ADeviceQueueHoldsThePeakHour:
    def test_the_session_queue_is_sized_on_the_peak_rate_not_the_average_hour(self) -> None:
        """#35: '625 commands over 1 hour' is 15,000 / 24; the peak printed beside it (0.52/s) gives 1,875."""
        setting = {
            "name": "Setpoints",
            "consumers": ["Thermostats"],
            "interaction": "command",
            "latency": "minutes",
            "volume_per_day": 15_000,
            "peak_factor": 3,
            "consumer_kind": "device",
        }
        said = everything(flows.result(setting, {"platform": "on_premises", "operations": "self_hosted"}))
        assert "1,875 commands" in said
        assert "625 commands" not in said


class TestContradictions10And12TheSummary:
    def test_two_flows_of_one_pattern_are_both(self) -> None:
        """R6-25, R6-30: 'All 2 flows fit message queue.'"""
        lookup = {"interaction": "query", "latency": "immediate", "consumers": ["CRM"]}
        recommendation = recommend(parse_assessment({"flows": [{"name": "One", **lookup}, {"name": "Two", **lookup}]}))
        assert recommendation.summary == "Both flows fit point-to-point API calls."

    def test_a_flow_of_low_confidence_is_not_summed_up_as_settled(self) -> None:
        """#47: 'The flow fits message queue.' beside a low confidence and 22 % of plausible answers elsewhere."""
        recommendation = flows.reviewed_recommendation("scenarios-review-6.yaml", "R6-34")
        assert recommendation.flows[0].confidence == "low"
        assert recommendation.summary == "The flow leans to a message queue, with low confidence."


class TestContradiction5ARetentionTheDefaultCovers:
    def test_a_queue_is_not_told_to_keep_less_than_its_default(self) -> None:
        """#23, #26, #40: 'keep messages 24 hours' beside SQS's '4 days by default' reads as lowering it."""
        settlement = {
            "name": "Settle",
            "consumers": ["Ledger"],
            "interaction": "command",
            "latency": "hours",
            "consumer_availability": "maintenance_windows",
        }
        for platform, service, default in (
            ("aws", "Amazon SQS standard queue", "default MessageRetentionPeriod of 4 days covers that"),
            ("gcp", "Pub/Sub", "default message retention duration of 7 days covers that"),
        ):
            flow = flows.result(settlement, {"platform": platform})
            sizing = next(t.sizing for t in flow.technologies if t.name == service)
            assert sizing is not None
            assert f"keep messages 24 hours (to ride out a maintenance window) or more: its {default}" in sizing.summary
