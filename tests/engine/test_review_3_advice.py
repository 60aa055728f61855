"""The third independent review's themes on the advice (docs/review-2026-12-07-3.md), each flow built here.

Letters and numbers in the class names are the review's themes (A: a broker the team does not run named as
theirs) and contradictions (6: "a partitioned log" beside one partition).
"""

from __future__ import annotations

from typing import Any

import pytest

from advisor.engine.model import TechnologyChoice
from advisor.engine.wording import message_size as _size

from .flows import result


def texts(choice: TechnologyChoice) -> str:
    return " ".join([choice.why, choice.sizing.summary if choice.sizing else "", *choice.remedies])


def landscape(**answers: Any) -> dict[str, Any]:
    return {
        "systems": 15,
        "teams": "many",
        "change_rate": "weekly",
        "growth": "some",
        "platform": "kubernetes",
        "existing_broker": "none",
        "operations": "self_hosted",
        "async_experience": "strong",
        **answers,
    }


REPLAYED_FACT = {
    "source": "ticketing",
    "consumers": ["search", "analytics", "sla-monitor", "webhooks"],
    "interaction": "event",
    "latency": "seconds",
    "volume_per_day": 3_000_000,
    "peak_factor": 6,
    "delivery": "no_loss",
    "ordering": "per_key",
    "consumer_availability": "always",
    "message_size_kb": 3,
    "replay": "yes",
}


class TestATheTeamsOwnBrokerOnly:
    """A: "on a RabbitMQ you already run" was said where the team runs Kafka, NATS or Pulsar."""

    @pytest.mark.parametrize("broker", ["kafka", "nats", "pulsar"])
    def test_only_the_broker_the_team_runs_is_called_theirs_and_it_comes_first_with_a_sizing(self, broker: str) -> None:
        found = result(REPLAYED_FACT, landscape(existing_broker=broker))
        first, *others = found.technologies
        assert first.why.startswith("You already run it")
        assert first.sizing is not None
        for other in others:
            assert "already run" not in texts(other), other.name

    def test_rabbitmq_streams_on_the_rabbitmq_the_team_runs_says_so(self) -> None:
        found = result(REPLAYED_FACT, landscape(existing_broker="rabbitmq"))
        assert found.technologies[0].name == "RabbitMQ Streams"
        assert found.technologies[0].why.startswith("You already run it")


class TestFTheApproachFollowsTheLogRule:
    """F: replay with a peak given as a range was applied as a router while the reasons said it needs a log."""

    def test_replay_with_a_peak_range_is_applied_as_a_log(self) -> None:
        found = result({**REPLAYED_FACT, "peak_factor": [2, 20]}, landscape(existing_broker="kafka"))
        assert "needs a log" in " ".join(found.reasons)
        assert found.approach == "event_log"
        assert all(t.role == "log" for t in found.technologies)


CACHE_INVALIDATION = {
    "source": "catalog-service",
    "consumers": ["search", "webshop-bff", "recommendations", "pricing", "cart"],
    "interaction": "event",
    "latency": "immediate",
    "volume_per_day": 5_000_000,
    "peak_factor": 3,
    "delivery": "best_effort",
    "ordering": "none",
    "consumer_availability": "always",
    "message_size_kb": 0.5,
    "replay": "no",
}


class Test6ALogForVolume:
    """6: "events a day call for a partitioned log" beside one partition, and a log for best-effort invalidations."""

    def test_the_volume_calls_for_a_log_not_for_partitions_the_sizing_does_not_give(self) -> None:
        found = result({**CACHE_INVALIDATION, "delivery": "no_loss"}, landscape(existing_broker="nats"))
        reasons = " ".join(found.reasons)
        assert "5,000,000 events a day" in reasons
        assert "call for a log" in reasons
        assert "partitioned" not in reasons
        assert found.approach == "event_log"

    def test_best_effort_invalidations_need_no_log_for_their_volume(self) -> None:
        found = result(CACHE_INVALIDATION, landscape(existing_broker="nats"))
        assert found.approach == "event_router"
        assert "needs a log" not in " ".join(found.reasons)
        assert all(t.role == "router" for t in found.technologies)
        assert found.technologies[0].why.startswith("You already run it")

    def test_best_effort_invalidations_go_over_core_nats_which_keeps_nothing(self) -> None:
        core = result(CACHE_INVALIDATION, landscape(existing_broker="nats")).technologies[0]
        assert core.name == "Core NATS"
        assert core.sizing is not None
        assert "keep messages" not in core.sizing.summary

    def test_core_nats_is_never_offered_for_events_that_must_not_be_lost(self) -> None:
        found = result({**CACHE_INVALIDATION, "delivery": "no_loss"}, landscape(existing_broker="nats"))
        assert "Core NATS" not in [t.name for t in found.technologies]

    def test_best_effort_events_beyond_what_a_router_takes_go_to_a_log(self) -> None:
        found = result(
            {**CACHE_INVALIDATION, "volume_per_day": 300_000_000}, landscape(platform="aws", operations="managed")
        )
        assert found.approach == "event_log"
        assert "beyond the published quotas of managed routers" in " ".join(found.reasons)


SIGNED_UP = {
    "source": "identity-service",
    "consumers": ["crm", "email-service", "loyalty", "analytics"],
    "interaction": "event",
    "latency": "minutes",
    "volume_per_day": 250_000,
    "peak_factor": 4,
    "delivery": "no_loss",
    "ordering": "none",
    "consumer_availability": "maintenance_windows",
    "message_size_kb": 2,
    "replay": "no",
}
AWS = {"platform": "aws", "operations": "managed", "async_experience": "some"}


class TestCFanOutOnAwsKeepsMessagesInQueues:
    """C: SNS was sized to "keep messages 24 hours" beside its own limit "SNS stores nothing"."""

    @pytest.mark.parametrize("broker", ["none", "eventbridge", "sqs"])
    def test_a_router_that_stores_nothing_states_no_retention_and_puts_a_queue_with_a_dlq_behind_it(
        self, broker: str
    ) -> None:
        found = result(SIGNED_UP, landscape(existing_broker=broker, **AWS))
        routers = [t for t in found.technologies if t.name in ("Amazon SNS standard topic", "Amazon EventBridge")]
        assert routers
        for router in routers:
            assert router.sizing is not None
            assert "keep messages" not in router.sizing.summary.split(" SQS ")[0], router.sizing.summary
            assert "Amazon SQS" in router.sizing.summary
            assert "dead-letter queue" in router.sizing.summary

    def test_the_sqs_the_team_runs_holds_the_subscribers_queues(self) -> None:
        found = result(SIGNED_UP, landscape(existing_broker="sqs", **AWS))
        sized = [t.sizing.summary for t in found.technologies if t.sizing and "Amazon SQS" in t.sizing.summary]
        assert sized
        assert all("you already run" in summary for summary in sized)

    def test_a_best_effort_fan_out_keeps_nothing_and_says_no_retention(self) -> None:
        found = result({**SIGNED_UP, "delivery": "best_effort"}, landscape(**AWS))
        for router in found.technologies:
            if router.name == "Amazon SNS standard topic" and router.sizing:
                assert "keep messages" not in router.sizing.summary


ADDRESS_CHANGED = {
    "source": "policy-admin",
    "consumers": ["billing", "shipping", "marketing"],
    "interaction": "event",
    "latency": "seconds",
    "volume_per_day": 10_000,
    "peak_factor": 2,
    "delivery": "no_loss",
    "ordering": "per_key",
    "consumer_availability": "always",
    "message_size_kb": 2,
}
NOT_SURE = {
    "systems": 6,
    "teams": "few",
    "change_rate": "unknown",
    "growth": "unknown",
    "platform": "unknown",
    "existing_broker": "unknown",
    "operations": "unknown",
    "async_experience": "unknown",
}


class TestEUnknownOperationsAndOrder:
    """E: "nobody to run it" with operations not known, and an SNS standard topic offered for order per key."""

    def test_operations_not_known_is_not_said_as_nobody_to_run_it(self) -> None:
        found = result(ADDRESS_CHANGED, NOT_SURE)
        words = " ".join(texts(t) for t in found.technologies)
        assert "nobody to run it" not in words
        assert "managed" in words

    def test_operations_left_out_is_not_said_as_nobody_to_run_it(self) -> None:
        """The answers table: an omitted answer is never presented as something the user said. Review 7 (a first-time
        user): the form shows "managed services (assumed)", so the text says managed is assumed, not "no answer"."""
        found = result(ADDRESS_CHANGED, {})
        words = " ".join(texts(t) for t in found.technologies)
        assert "nobody to run it" not in words
        assert "who runs it was left out: managed assumed" in words

    def test_a_flow_in_order_per_key_is_never_offered_an_unordered_router(self) -> None:
        found = result(ADDRESS_CHANGED, NOT_SURE)
        words = " ".join(texts(t) for t in found.technologies)
        assert "SNS standard" not in words
        assert "SNS FIFO" in words


class Test11SampledSharesOnlyBesideShares:
    """11: "These shares are estimated …" in a sentence that gives no shares."""

    def test_the_sample_is_named_only_where_shares_are_given(self) -> None:
        found = result(ADDRESS_CHANGED, NOT_SURE)
        for reason in found.reasons:
            if "These shares" in reason:
                assert "% of cases" in reason, reason


class TestTheReRunsSlips:
    """What the re-run of review 3 still found in the words and numbers (none held against a flow)."""

    def test_a_local_copys_parts_keep_their_names_capitals(self) -> None:
        carrier = {
            "interaction": "query",
            "latency": "immediate",
            "volume_per_day": 150_000,
            "peak_factor": 4,
            "delivery": "best_effort",
            "consumer_availability": "often_offline",
        }
        found = result(carrier, landscape(platform="kubernetes", operations="self_hosted"))
        assert found.approach == "local_copy"
        whys = " ".join(t.why for t in found.technologies)
        assert "rEST" not in whys
        assert "Fronts the direct calls while the provider is up: REST or gRPC" in whys

    def test_a_router_that_keeps_nothing_states_no_hours_of_retention(self) -> None:
        invalidation = {
            "interaction": "event",
            "consumers": ["search", "shop", "recommendations", "pricing", "cart"],
            "latency": "immediate",
            "volume_per_day": 5_000_000,
            "peak_factor": 3,
            "delivery": "best_effort",
            "message_size_kb": 0.5,
        }
        found = result(invalidation, landscape(platform="kubernetes", existing_broker="nats", operations="self_hosted"))
        nats = next(t for t in found.technologies if t.name.startswith("Core NATS"))
        assert nats.sizing is not None
        assert nats.sizing.retention_hours == 0

    @pytest.mark.parametrize(("kb", "words"), [(2_000, "1.95 MB"), (5_000, "4.88 MB"), (1_048_576, "1,024 MB")])
    def test_message_sizes_read_as_people_say_them(self, kb: float, words: str) -> None:
        assert _size(kb) == words
