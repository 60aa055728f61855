"""Review 5's refusals on rules and risks (docs/review-2026-12-07-5.md, themes 1, 6, 7 and 8).

Review 5 was held out: its figure (43 of 55) was taken before these changes, so these tests fix what it found
and do not make a second independent count.
"""

from __future__ import annotations

from typing import Any

from advisor.engine import parse_assessment, recommend
from advisor.engine.model import FlowResult


def flow_of(flow: dict[str, Any], landscape: dict[str, Any]) -> FlowResult:
    return recommend(parse_assessment({"landscape": landscape, "flows": [flow]})).flows[0]


def said(flow: FlowResult) -> str:
    return " ".join([*flow.reasons, *(f"{r.risk} {r.mitigation}" for r in flow.risks)])


class TestTheme1ARepliedRequestHasADeadline:
    def test_asynchronous_request_reply_gives_each_request_an_expiry(self) -> None:
        """R5-08 matchmaking, R5-11, R5-35: "asynchronous request-reply has no reply deadline"."""
        matchmaking = {
            "name": "Matchmaking request",
            "consumers": ["Matchmaker"],
            "interaction": "query",
            "latency": "minutes",
            "volume_per_day": 3_000_000,
            "peak_factor": 6,
        }
        flow = flow_of(matchmaking, {"systems": 5, "platform": "gcp", "existing_broker": "pubsub"})
        assert flow.approach == "async_request_reply"
        assert "expiry" in said(flow)
        assert "time-to-live" in said(flow)


class TestTheme6EffectivelyOnceAcrossAnotherSystem:
    def test_work_that_calls_another_system_passes_it_an_idempotency_key_and_reconciles(self) -> None:
        """R5-20 seller payouts: "deduplicating inside the consumer's own transaction does not cover a call to a
        third party"."""
        payout = {
            "name": "Seller payout instruction",
            "consumers": ["Payout provider adapter"],
            "interaction": "command",
            "latency": "hours",
            "volume_per_day": 200_000,
            "peak_factor": 5,
            "delivery": "effectively_once",
            "ordering": "per_key",
            "consumer_availability": "maintenance_windows",
            "message_size_kb": 1,
        }
        flow = flow_of(payout, {"systems": 9, "platform": "aws", "existing_broker": "sqs"})
        assert "as that system's idempotency key" in said(flow)
        assert "reconcile" in said(flow)


class TestTheme7AFewSmallFactsAreNotABulkTransfer:
    FIRMWARE_RELEASED = {
        "name": "Firmware released",
        "consumers": ["Dealer portal", "Telematics platform", "Service planning"],
        "interaction": "event",
        "latency": "hours",
        "volume_per_day": 5,
        "peak_factor": 1,
        "message_size_kb": 2,
    }

    def test_five_small_events_a_day_for_three_systems_are_event_driven(self) -> None:
        """R5-36: five 2 KB events a day to three subscribers were called "a periodic bulk transfer"."""
        flow = flow_of(self.FIRMWARE_RELEASED, {"systems": 7, "platform": "aws"})
        assert not flow.bulk
        assert flow.pattern == "event_driven"

    def test_a_nightly_file_for_three_systems_is_still_a_bulk_transfer(self) -> None:
        nightly_file = self.FIRMWARE_RELEASED | {"volume_per_day": 1, "message_size_kb": 500_000}
        assert flow_of(nightly_file, {"systems": 7, "platform": "aws"}).bulk


class TestTheme8GrowthNotKnownWithoutContradiction:
    def test_growth_not_known_does_not_say_the_choice_rests_on_it_beside_a_winner_under_every_answer(self) -> None:
        """R5-31: "Until growth is known, the choice rests on it" beside "whatever the answer, event-driven comes out
        ahead"."""
        graded = {
            "name": "Grain delivery graded",
            "consumers": ["Member settlement", "Member portal"],
            "interaction": "event",
            "latency": "minutes",
            "volume_per_day": 6000,
            "peak_factor": [3, 10],
            "message_size_kb": 2,
        }
        flow = flow_of(graded, {"systems": 5, "teams": "few", "growth": "unknown", "platform": "gcp"})
        assert flow.robustness["event_driven"] == 1
        assert "the choice rests on it" not in said(flow)
        assert "until growth is known" in said(flow)
        assert flow.confidence == "medium"


class TestLeftByTheFirstFixes:
    """What docs/review-2026-12-07-5.md's "After the review" section left: an expiring command worded for a long
    wait (R5-18), and an AWS router named on Kubernetes (R5-24)."""

    DOOR_UNLOCK = {
        "name": "Remote door unlock",
        "consumers": ["Vehicle TCU"],
        "interaction": "command",
        "latency": "seconds",
        "volume_per_day": 300_000,
        "peak_factor": 5,
        "delivery": "no_loss",
        "consumer_availability": "often_offline",
        "consumer_kind": "device",
        "message_size_kb": 0.5,
    }

    def test_a_command_that_expires_does_not_wait_until_the_device_is_back(self) -> None:
        flow = flow_of(self.DOOR_UNLOCK, {"systems": 12, "platform": "azure"})
        assert "must wait somewhere durable until it is back" not in said(flow)
        assert "size retention for the longest outage" not in said(flow)
        assert "until it expires" in said(flow)

    def test_the_router_quota_is_not_said_as_one_platforms_service_elsewhere(self) -> None:
        fast = {"name": "Odds", "interaction": "event", "consumers": ["A", "B", "C"], "delivery": "best_effort"}
        flow = flow_of(fast | {"volume_per_day": 100_000_000, "peak_factor": 10}, {"platform": "kubernetes"})
        assert "beyond the published quotas of managed routers" in said(flow)
        assert "beyond a router's quota" not in said(flow)


class TestReview6OfflineSendersInOrder:
    """Review 6 (#27 bag scans): handhelds' backlog "arrives in a burst when it reconnects" beside "partitioning by
    key keeps each bag's scans in order": a partition keeps arrival order, not the order things happened."""

    def test_an_offline_sender_of_ordered_messages_stamps_them_with_a_sequence(self) -> None:
        scans = {
            "name": "Bag scanned",
            "consumers": ["Baggage system", "Ops dashboard", "Analytics"],
            "interaction": "event",
            "ordering": "per_key",
            "source_availability": "often_offline",
        }
        flow = flow_of(scans, {"systems": 6, "platform": "aws"})
        # The sender's kind was left out: a sequence per sender (review 10, R10-32: a server is no device).
        assert "a per-sender sequence number" in said(flow)

    def test_an_offline_sender_with_no_order_to_keep_is_not_told_to_stamp_one(self) -> None:
        orderless = {"name": "x", "interaction": "command", "source_availability": "often_offline"}
        assert "sequence number" not in said(flow_of(orderless, {"systems": 4}))


class TestReview6WhenTheProviderDoesNotAnswer:
    """Review 6 (#21 sanctions screening, #32 feature flags, #46 paywall): a lookup on a critical path got retries
    and a circuit breaker but no word on what the caller does when no answer comes."""

    def test_a_direct_call_says_to_decide_between_failing_closed_and_failing_open(self) -> None:
        lookup = {"name": "Screening", "interaction": "query", "latency": "immediate", "consumers": ["Screening"]}
        flow = flow_of(lookup, {"systems": 4})
        assert flow.pattern == "point_to_point"
        assert "fail closed" in said(flow)
        assert "fail open" in said(flow)


class TestReview6SizeNotKnown:
    def test_a_message_size_not_known_says_what_to_do_with_a_large_one(self) -> None:
        """Review 6 (#44): "Sized assuming 4 KB … size again once known" and nothing on a larger article."""
        article = {
            "name": "Article published",
            "interaction": "event",
            "consumers": ["Search", "Newsletter", "Archive"],
            "message_size_kb": "unknown",
        }
        flow = flow_of(article, {"systems": 5, "platform": "aws"})
        sized = [t.sizing.summary for t in flow.technologies if t.sizing]
        assert sized
        assert all("larger than the service takes goes by claim check" in summary for summary in sized)


class TestReview6TheTeamsBrokerThatDoesNotFit:
    def test_the_broker_the_team_runs_is_named_with_why_it_does_not_fit(self) -> None:
        """Review 6 (#25): the team runs EventBridge; the advice offered SNS FIFO and Amazon MQ without a word
        on it, where EventBridge keeps no order per key."""
        flight = {
            "name": "Flight status changed",
            "interaction": "event",
            "consumers": ["Gates", "Crew", "Baggage"],
            "ordering": "per_key",
        }
        flow = flow_of(flight, {"systems": 8, "platform": "aws", "existing_broker": "eventbridge"})
        words = " ".join(t.why for t in flow.technologies)
        assert "Amazon EventBridge, which you run, does not fit: it keeps no order per key" in words
