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


class TestTheme1NoLossGoesDirectOnlyWhenSmallAndSteady:
    def test_a_large_video_that_must_not_be_lost_goes_through_a_queue_with_a_claim_check(self) -> None:
        """Theme 1, #49 (R7-31 'Analyse dashcam video for claim'): 200 MB, peaks 4× and no loss was a direct call;
        the exemption is for a small message with no peaks."""
        video = flows.reviewed(REVIEW, "R7-31", "Analyse dashcam video for claim")
        assert video.pattern == "message_queue"
        assert "a direct call with retries and an idempotency key can carry it" not in flows.said(video)
        assert "claim check" in everything(video).lower()

    def test_peaks_take_work_that_must_not_be_lost_off_a_direct_call(self) -> None:
        """Theme 1: 'the consumer is always available and peaks reach only 4×: a direct call … can carry it'."""
        work = {"consumers": ["Billing"], "interaction": "command", "latency": "minutes", "peak_factor": 4}
        result = flows.result(work, {"systems": 4})
        assert result.pattern == "message_queue"
        assert "can carry it" not in flows.said(result)

    def test_a_small_steady_command_that_must_not_be_lost_may_go_direct_at_medium_confidence(self) -> None:
        """DESIGN rule 2: a small command to an always-available consumer with no peaks can be a direct call,
        with a lower confidence."""
        work = {"consumers": ["Billing"], "interaction": "command", "latency": "minutes", "volume_per_day": 100}
        result = flows.result(work, {"systems": 2})
        assert result.pattern == "point_to_point"
        assert result.confidence == "medium"

    def test_an_event_that_must_not_be_lost_carried_by_a_direct_call_is_not_high_confidence(self) -> None:
        """Theme 1, #48 (R7-30 'Locker door fault reported'): high with a 66-point margin, while no_loss rides on
        a direct call and three single landscape changes flip it."""
        fault = flows.reviewed(REVIEW, "R7-30", "Locker door fault reported")
        assert fault.pattern == "point_to_point"
        assert fault.confidence == "medium"

    def test_a_winner_one_landscape_answer_turns_is_not_high_confidence(self) -> None:
        """Theme 1, R7-28 'Send appointment reminder SMS': a 68-point lead, yet growth 'fast' or 10 systems would
        turn it into a queue: the confidence agrees with the flips, not the margin."""
        reminder = flows.reviewed(REVIEW, "R7-28", "Send appointment reminder SMS")
        assert reminder.pattern == "point_to_point"
        assert reminder.confidence == "medium"


class TestTheme2TheApproachIsTakenWhereTheSizingIs:
    def test_achievements_at_every_peak_of_the_range_run_on_a_log(self) -> None:
        """Theme 2, #11 (R7-07 'Achievement unlocked'): 'a router … is enough … a router carries this volume' beside
        'if peak factor is 3×, 5.5× or 10×, it is applied as event log (stream)'."""
        achievement = flows.reviewed(REVIEW, "R7-07", "Achievement unlocked")
        assert achievement.approach == "event_log"
        assert "a router carries this volume" not in flows.said(achievement)
        assert "it is applied as event log" not in flows.said(achievement)

    def test_room_inventory_sized_at_the_top_of_its_peaks_is_applied_as_at_that_peak(self) -> None:
        """Theme 2, #50 (R7-32 'Room inventory changed'): sized 'for the top of the range, peaks 12×' on router
        queues, while 'if peak factor is 12×, it is applied as event log (stream)'."""
        inventory = flows.reviewed(REVIEW, "R7-32", "Room inventory changed")
        assert inventory.approach == "event_log"
        assert "is enough" not in flows.said(inventory)
        assert "12× the average (the top of the range given)" in flows.said(inventory)
        assert all("Sized for the top of the range, peaks 12×" in flows.texts(t) for t in inventory.technologies[:2])
