"""Every broker the engine lists carries its sizing and the limits that matter (issue 20, item 4; the architect's
second review, docs/review-2026-12-07.md).

Each expectation is worked out by hand from the vendors' figures in capabilities.py before the engine is run: the
peak is volume_per_day / 86,400 x peak_factor, and a reference message of a claim check is 1 KB.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from advisor.engine import InvalidAssessment, parse_assessment, recommend
from advisor.engine.capabilities import CAPABILITIES
from advisor.engine.model import FlowResult, TechnologyChoice
from advisor.engine.presets import USE_CASES

BY_ID = {c.id: c for c in CAPABILITIES}
BY_NAME = {c.name: c for c in CAPABILITIES}
BROKERED = ("queue", "router", "log")
HERE = Path(__file__).parent
# A consumer down for maintenance puts a command on a queue (rather than a direct call).
AWAY = {"consumer_availability": "maintenance_windows"}


def result(flow: dict[str, Any], landscape: dict[str, Any]) -> FlowResult:
    raw = {"landscape": landscape, "flows": [{"name": "flow", "interaction": "event", **flow}]}
    return recommend(parse_assessment(raw)).flows[0]


def named(found: FlowResult, capability_id: str) -> TechnologyChoice:
    wanted = BY_ID[capability_id].name
    listed = [t.name for t in found.technologies]
    assert wanted in listed, listed
    return next(t for t in found.technologies if t.name == wanted)


def summary(technology: TechnologyChoice) -> str:
    assert technology.sizing is not None, technology.name
    return technology.sizing.summary


def assessments() -> Iterator[tuple[str, dict[str, Any]]]:
    """The architect's scenarios (both reviews) and the presets, as the API takes them."""
    for scenario in yaml.safe_load((HERE / "scenarios.yaml").read_text()):
        flows = [scenario["flow"], *(scenario.get("others") or [])]
        yield scenario["id"], {"landscape": scenario.get("landscape") or {}, "flows": flows}
    for scenario in yaml.safe_load((HERE / "scenarios-review-2.yaml").read_text()):
        flows = [{k: v for k, v in flow.items() if k != "expected"} for flow in scenario["flows"]]
        yield scenario["id"], {"landscape": scenario["landscape"], "flows": flows}
    for slug, case in USE_CASES.items():
        yield slug, case.assessment


# Flows across platforms, orders, brokers the team runs and shapes, so that every broker the engine can list is
# listed somewhere.
MATRIX = list(
    itertools.product(
        ("aws", "azure", "gcp", "kubernetes", "on_premises", "any"),
        ("none", "per_key", "global"),
        ("none", "rabbitmq", "kafka", "pulsar", "nats", "sqs", "service_bus", "eventbridge", "pubsub"),
        ("event", "command"),
        ("no", "yes"),
    )
)


def matrix_flow(platform: str, ordering: str, broker: str, interaction: str, replay: str) -> FlowResult:
    consumers = ["Billing", "CRM", "Analytics"] if interaction == "event" else ["Billing"]
    return result(
        {
            "interaction": interaction,
            "consumers": consumers,
            "ordering": ordering,
            "replay": replay,
            "volume_per_day": 50_000,
            "consumer_availability": "maintenance_windows",
        },
        {"platform": platform, "existing_broker": broker, "async_experience": "strong"},
    )


class TestEveryBrokerIsSized:
    def test_every_brokered_technology_in_the_scenarios_and_presets_has_a_sizing(self) -> None:
        unsized = []
        for name, raw in assessments():
            try:
                found = recommend(parse_assessment(raw))
            except InvalidAssessment:
                continue
            for flow, given in zip(found.flows, raw["flows"], strict=True):
                if given.get("volume_per_day", 1000) == 0:
                    continue
                unsized += [
                    f"{name} / {flow.name}: {t.name}"
                    for t in flow.technologies
                    if t.role in BROKERED and t.sizing is None
                ]
        assert not unsized

    def test_every_brokered_technology_the_engine_can_list_has_a_sizing(self) -> None:
        seen: set[str] = set()
        unsized: set[str] = set()
        for answers in MATRIX:
            for technology in matrix_flow(*answers).technologies:
                if technology.role in BROKERED:
                    seen.add(technology.name)
                    if technology.sizing is None:
                        unsized.add(technology.name)
        assert not unsized
        # The brokers the architect found unsized are among those listed.
        for capability_id in (
            "amazon_sqs_standard",
            "amazon_sns_standard",
            "amazon_eventbridge",
            "google_pubsub",
            "google_eventarc",
            "rabbitmq_queues",
            "rabbitmq_streams",
            "nats_jetstream",
            "apache_pulsar",
            "google_managed_kafka",
        ):
            assert BY_ID[capability_id].name in seen, capability_id

    def test_a_self_run_broker_states_what_its_sizing_assumes(self) -> None:
        found = result(
            {
                "interaction": "command",
                "consumers": ["Warehouse"],
                "volume_per_day": 50_000,
                "consumer_availability": "maintenance_windows",
            },
            {"platform": "kubernetes", "existing_broker": "rabbitmq"},
        )
        rabbit = summary(named(found, "rabbitmq_queues"))
        assert "quorum queue" in rabbit
        assert "3 nodes" in rabbit
        assert "assum" in rabbit

    def test_rabbitmq_gives_each_subscriber_a_queue_of_its_own(self) -> None:
        found = result(
            {"consumers": ["Billing", "CRM", "Analytics", "Search"], "volume_per_day": 50_000},
            {"platform": "on_premises", "existing_broker": "rabbitmq"},
        )
        rabbit = named(found, "rabbitmq_queues")
        assert rabbit.sizing is not None
        assert rabbit.sizing.units == 4
        assert "4 queues" in rabbit.sizing.summary

    def test_amazon_mq_is_one_cluster_broker_of_three_nodes_whatever_the_subscribers(self) -> None:
        # An ordered event on AWS with three subscribers: Amazon MQ beside the FIFO topic; its queues are per
        # subscriber, its broker is one cluster deployment.
        found = result(
            {"consumers": ["Billing", "CRM", "Analytics"], "ordering": "per_key", "volume_per_day": 200},
            {"platform": "aws"},
        )
        broker = named(found, "amazon_mq")
        assert broker.sizing is not None
        assert (broker.sizing.unit, broker.sizing.units) == ("broker", 1)
        assert "3 nodes" in broker.sizing.summary

    def test_google_managed_kafka_is_sized_in_vcpus_the_way_google_plans_a_cluster(self) -> None:
        # 864 million 1 KB events a day at twice the average: 20,000/s, 19.53 MB/s. Three replicas write
        # 58.59 MB/s; three consumer groups read 58.59 MB/s plus 39.06 MB/s of replication: 97.66 MB/s, a
        # quarter of which counts as writes (24.41). 83.0 MB/s at 20 MB/s a vCPU and 50 % utilisation: 9 vCPUs.
        found = result(
            {
                "consumers": ["Lake", "Search", "Fraud"],
                "volume_per_day": 864_000_000,
                "peak_factor": 2,
                "message_size_kb": 1,
                "replay": "yes",
            },
            {"platform": "gcp", "existing_broker": "kafka", "async_experience": "strong"},
        )
        kafka = named(found, "google_managed_kafka")
        assert kafka.sizing is not None
        assert (kafka.sizing.unit, kafka.sizing.units) == ("vCPU", 9)
        assert "20 MB/s" in kafka.sizing.summary

    def test_eventbridge_is_sized_against_its_put_events_quota(self) -> None:
        # 1.9 million events a day at 5x (under the ten million a day that call for a log): 109.95/s, 1 % of the
        # 10,000 PutEvents a second of us-east-1.
        found = result(
            {"consumers": ["Billing", "CRM", "Analytics"], "volume_per_day": 1_900_000, "peak_factor": 5},
            {"platform": "aws", "existing_broker": "eventbridge"},
        )
        bridge = named(found, "amazon_eventbridge")
        assert bridge.sizing is not None
        assert "10,000 messages/s" in bridge.sizing.summary
        assert "1 % of its quota" in bridge.sizing.summary
        assert bridge.sizing.headroom == 0.989


class TestPubSub:
    def test_per_key_order_names_the_ordering_keys_megabyte_a_second(self) -> None:
        found = result(
            {"consumers": ["Billing", "CRM", "Analytics"], "ordering": "per_key", "volume_per_day": 5000},
            {"platform": "gcp"},
        )
        pubsub = summary(named(found, "google_pubsub"))
        assert "ordering key" in pubsub
        assert "1 MB/s" in pubsub

    def test_ten_billion_a_day_states_its_peak_and_the_smaller_regions_quota(self) -> None:
        # R2-35: 10^10 half-KB events a day at 2x: 231,481/s and 113.0 MB/s, beyond 50 MB/s in smaller Regions.
        found = result(
            {
                "consumers": ["stream analytics", "cold storage"],
                "volume_per_day": 10_000_000_000,
                "peak_factor": 2,
                "message_size_kb": 0.5,
                "delivery": "best_effort",
            },
            {"platform": "gcp", "growth": "some", "async_experience": "strong"},
        )
        pubsub = summary(named(found, "google_pubsub"))
        assert "231,481" in pubsub
        assert "113 MB/s" in pubsub
        assert "50 MB/s" in pubsub


class TestSmallRates:
    def test_twenty_a_day_is_not_a_peak_of_zero(self) -> None:
        found = result(
            {"interaction": "query", "latency": "hours", "consumers": ["Reports"], "volume_per_day": 20},
            {"platform": "aws"},
        )
        sized = [t for t in found.technologies if t.sizing]
        assert sized
        for technology in sized:
            assert technology.sizing is not None
            assert technology.sizing.peak_per_second > 0
            assert " 0 messages/s" not in technology.sizing.summary
            assert "(0 MB/s)" not in technology.sizing.summary
            assert "0.83 messages an hour" in technology.sizing.summary

    def test_a_few_a_second_keep_their_rate_per_second(self) -> None:
        found = result(
            {"interaction": "command", "consumers": ["ERP"], "volume_per_day": 80_000, **AWAY}, {"platform": "aws"}
        )
        assert "0.93 messages/s" in summary(found.technologies[0])


class TestClaimCheck:
    def test_sqs_counts_the_reference_through_the_queue_and_the_payload_through_object_storage(self) -> None:
        # R2-26: 50,000 images of 20,000 KB a day at 30x: 17.36/s; payloads 339.1 MB/s, references 17.4 KB/s.
        found = result(
            {
                "interaction": "command",
                "consumers": ["Image service"],
                "volume_per_day": 50_000,
                "peak_factor": 30,
                "message_size_kb": 20_000,
                "latency": "minutes",
            },
            {"platform": "aws"},
        )
        for capability_id in ("amazon_sqs_standard", "amazon_sqs_fifo"):
            queue = named(found, capability_id)
            assert queue.sizing is not None
            assert queue.sizing.peak_mb_per_second < 0.02
            words = queue.sizing.summary
            assert "1 KB" in words
            assert "339.1 MB/s" in words
            assert "object storage" in words
            assert "339.084 MB/s" not in words

    def test_service_bus_with_50_mb_messages_gets_a_claim_check_and_sizes_the_reference(self) -> None:
        # R2-40: 10,000 firmware images of 50 MB a day at 5x: 0.58/s, 28.9 MB/s of payload.
        found = result(
            {
                "interaction": "command",
                "consumers": ["Vending machines"],
                "volume_per_day": 10_000,
                "peak_factor": 5,
                "message_size_kb": 51_200,
                "consumer_availability": "often_offline",
                "latency": "hours",
            },
            {"platform": "azure"},
        )
        bus = named(found, "azure_service_bus_queues")
        assert any("claim check" in r for r in bus.remedies)
        assert bus.sizing is not None
        assert bus.sizing.peak_mb_per_second < 0.01
        assert "28.9 MB/s" in bus.sizing.summary
        assert "Blob Storage" in bus.sizing.summary or "object storage" in bus.sizing.summary


class TestTiers:
    def test_service_bus_over_256_kb_is_sized_as_premium_or_a_claim_check(self) -> None:
        # R2-27: 400 KB claims.
        found = result(
            {
                "interaction": "command",
                "consumers": ["Assessment"],
                "volume_per_day": 6000,
                "message_size_kb": 400,
                "consumer_availability": "maintenance_windows",
                "latency": "hours",
            },
            {"platform": "azure", "async_experience": "none"},
        )
        words = summary(named(found, "azure_service_bus_queues"))
        assert "Premium namespace" in words
        assert "claim check" in words

    def test_a_namespace_names_its_tier(self) -> None:
        found = result(
            {"interaction": "command", "consumers": ["ERP"], "volume_per_day": 80_000, **AWAY}, {"platform": "azure"}
        )
        assert "1 Standard namespace" in summary(named(found, "azure_service_bus_queues"))

    def test_event_hubs_gives_partitions_beside_throughput_units_and_spreads_keys_over_partitions(self) -> None:
        # R2-38: 1,000,000 product changes of 4 KB... 57.87/s, 1.13 MB/s; reads by 4 groups 4.5 MB/s: 4 TUs.
        found = result(
            {
                "consumers": ["web shop", "search", "marketplace", "recommendations"],
                "volume_per_day": 1_000_000,
                "peak_factor": 5,
                "message_size_kb": 20,
                "replay": "yes",
                "ordering": "per_key",
            },
            {"platform": "azure", "async_experience": "strong"},
        )
        hubs = named(found, "azure_event_hubs")
        assert "partitions" in summary(hubs)
        assert not any("throughput units by key" in r for r in hubs.remedies)


class TestGlobalOrder:
    GLOBAL = {
        "consumers": ["surveillance", "archive", "risk"],
        "volume_per_day": 2_000_000,
        "peak_factor": 5,
        "message_size_kb": 2,
        "ordering": "global",
        "replay": "yes",
    }

    def test_kafka_and_kinesis_keep_global_order_in_one_partition_or_shard(self) -> None:
        found = result(self.GLOBAL, {"platform": "aws", "async_experience": "strong"})
        msk = named(found, "amazon_msk")
        kinesis = named(found, "amazon_kinesis_data_streams")
        assert msk.sizing is not None
        assert kinesis.sizing is not None
        assert (msk.sizing.units, kinesis.sizing.units) == (1, 1)
        assert "multiple of 3" not in msk.sizing.summary
        assert not any("by key" in r for r in msk.remedies)

    def test_self_run_kafka_keeps_global_order_in_one_partition(self) -> None:
        landscape = {"platform": "on_premises", "existing_broker": "kafka", "async_experience": "strong"}
        kafka = named(result(self.GLOBAL, landscape), "apache_kafka")
        assert kafka.sizing is not None
        assert kafka.sizing.units == 1

    def test_no_sentence_asks_a_globally_ordered_flow_to_partition_by_key(self) -> None:
        found = result(
            self.GLOBAL | {"volume_per_day": 20_000_000, "message_size_kb": 0.1, "peak_factor": 1},
            {"platform": "aws", "async_experience": "strong"},
        )
        words = " ".join([*found.reasons, *(f"{r.risk} {r.mitigation}" for r in found.risks)])
        assert "partitioned log" not in words
        assert "Partition or group by key" not in words
        msk = named(found, "amazon_msk")
        assert "Keeps order per key" not in msk.why
        assert "global order" in msk.why

    @staticmethod
    def too_fast(platform: str) -> FlowResult:
        # 300 million 4 KB events a day in global order: 3,472 a second and 13.6 MB/s through one ordered group,
        # more than a Kinesis shard (1,000 records, 1 MB/s), a Kafka partition on provisioned MSK (10 MB/s, the
        # floor of the measured range) or an Event Hubs partition (one throughput unit) takes.
        flow = {
            "consumers": ["Billing", "CRM", "Analytics"],
            "volume_per_day": 300_000_000,
            "ordering": "global",
            "replay": "yes",
        }
        return result(flow, {"platform": platform, "async_experience": "strong"})

    @pytest.mark.parametrize("platform", ["aws", "azure"])
    def test_a_peak_no_single_ordered_group_carries_is_said_so_not_handed_to_an_operator(self, platform: str) -> None:
        found = self.too_fast(platform)
        words = " ".join(f"{t.name} {t.why}" for t in found.technologies)
        assert "nobody runs it for you" not in words
        assert "one ordered group" in words
        assert "per key" in words


class TestRabbitMQPerKey:
    PER_KEY = {"interaction": "command", "consumers": ["Stock"], "ordering": "per_key", "volume_per_day": 20_000}

    def test_rabbitmq_says_how_it_keeps_order_per_key(self) -> None:
        found = result(self.PER_KEY, {"platform": "kubernetes", "existing_broker": "rabbitmq"})
        rabbit = named(found, "rabbitmq_queues")
        assert "single active consumer" in rabbit.why
        assert "hash" in rabbit.why
        assert any(limit.url.startswith("https://www.rabbitmq.com/") for limit in rabbit.limits)

    def test_rabbitmqs_sizing_counts_the_queues_that_keep_order_per_key(self) -> None:
        found = result(self.PER_KEY, {"platform": "kubernetes", "existing_broker": "rabbitmq"})
        words = summary(named(found, "rabbitmq_queues"))
        assert "instance" in words
        assert "single active consumer" in words

    def test_the_per_key_reason_names_the_listed_brokers_own_mechanism(self) -> None:
        found = result(self.PER_KEY, {"platform": "kubernetes", "existing_broker": "rabbitmq"})
        reason = next(r for r in found.reasons if "in order per key" in r)
        assert "RabbitMQ" in reason


class TestServiceBusCredits:
    """Review 3, theme B: a Standard namespace's 1,000 credits a second are charged for every send, every receive
    and every topic filter evaluation (Microsoft, "Throttling operations on Azure Service Bus"), so the headroom
    counts them all, and a flow past what one Standard namespace carries is sent to Premium."""

    SETTLED = {
        "consumers": ["general-ledger", "customer-notifications", "fraud-analytics", "statements"],
        "volume_per_day": 500_000,
        "peak_factor": 8,
        "message_size_kb": 3,
    }

    def test_a_topic_with_4_subscriptions_charges_9_credits_a_message(self) -> None:
        # R3-02 Payment settled: 500,000 x 8 / 86,400 = 46.3 sends/s; x (1 send + 4 filters + 4 receives) =
        # 416.67 credits/s of 1,000: 58 % headroom, not 95 %.
        found = result(self.SETTLED, {"platform": "azure", "existing_broker": "service_bus"})
        topics = named(found, "azure_service_bus_topics")
        assert topics.sizing is not None
        assert topics.sizing.headroom == pytest.approx(0.583, abs=0.001)
        assert "1 Standard namespace" in topics.sizing.summary
        assert "416.67 credits/s" in topics.sizing.summary
        assert "58 % headroom" in topics.sizing.summary

    def test_a_queue_charges_a_send_and_a_receive(self) -> None:
        # R3-02 Payment order: 46.3 sends/s x 2 = 92.59 credits/s: 91 % headroom.
        found = result(
            {
                "interaction": "command",
                "consumers": ["payment-engine"],
                "volume_per_day": 500_000,
                "peak_factor": 8,
                **AWAY,
            },
            {"platform": "azure", "existing_broker": "service_bus"},
        )
        queues = named(found, "azure_service_bus_queues")
        assert queues.sizing is not None
        assert queues.sizing.headroom == pytest.approx(0.907, abs=0.001)
        assert "92.59 credits/s" in queues.sizing.summary

    def test_past_one_standard_namespace_the_sizing_names_premium(self) -> None:
        # R3-15: 400,000 x 20 / 86,400 = 92.59 sends/s x 9 = 833.33 credits/s: beyond 70 % of 1,000, and a topic
        # lives in one namespace, so Premium, not 2 Standard namespaces.
        found = result(
            {
                "interaction": "event",
                "consumers": ["webshop", "pos-backend", "marketplace-feed", "shelf-labels"],
                "volume_per_day": 400_000,
                "peak_factor": 20,
                "message_size_kb": 1,
            },
            {"platform": "azure"},
        )
        topics = named(found, "azure_service_bus_topics")
        assert topics.sizing is not None
        assert "1 Premium namespace" in topics.sizing.summary
        assert "833.33 credits/s" in topics.sizing.summary
        assert "1 Standard namespace" not in topics.sizing.summary
        assert not any("Spread the load" in r for r in topics.remedies)
        assert any("Premium" in r for r in topics.remedies)
