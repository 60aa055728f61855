"""Technologies chosen by what a flow requires and sized for its peak (docs/decision-rules.md R6).

Cases follow the vendors' own guides: AWS on queues, topics and streams, Azure's "choose between Azure
messaging services", Google's "Cloud Tasks or Pub/Sub"; the architect's scenarios add more.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.engine import parse_assessment, recommend
from advisor.engine.capabilities import CAPABILITIES, Capability
from advisor.engine.model import FlowResult
from advisor.engine.technology import ORDER_RANK

BY_NAME = {c.name: c for c in CAPABILITIES}
BY_ID = {c.id: c for c in CAPABILITIES}
THREE = ["Billing", "CRM", "Analytics"]


def result(flow: dict[str, Any], landscape: dict[str, Any]) -> FlowResult:
    raw = {"landscape": landscape, "flows": [{"name": "flow", "interaction": "event", "consumers": THREE, **flow}]}
    return recommend(parse_assessment(raw)).flows[0]


def listed(flow: FlowResult) -> list[Capability]:
    return [BY_NAME[t.name] for t in flow.technologies if t.name in BY_NAME]


class TestSelection:
    def test_service_bus_queues_keep_order_per_key_through_sessions(self) -> None:
        """Azure's comparison of its messaging services: Service Bus sessions keep first-in, first-out per session;
        Queue Storage keeps no order. An ordered command on Azure gets the first and never the second."""
        command = {"interaction": "command", "consumers": ["Ledger"], "ordering": "per_key"}
        found = result(command | {"consumer_availability": "maintenance_windows"}, {"platform": "azure"})
        first = found.technologies[0]
        assert first.name == "Azure Service Bus queues"
        assert "Keeps order per key (message sessions (session ID))." in first.why
        assert "Azure Queue Storage" not in [t.name for t in found.technologies]
        unordered = result(command | {"ordering": "none"}, {"platform": "azure"})
        assert "Keeps order" not in unordered.technologies[0].why

    @pytest.mark.parametrize("platform", ["aws", "azure", "gcp", "kubernetes", "on_premises"])
    @pytest.mark.parametrize("ordering", ["per_key", "global"])
    def test_ordered_flows_never_get_a_service_that_cannot_order(self, platform: str, ordering: str) -> None:
        found = result({"ordering": ordering, "volume_per_day": 5000}, {"platform": platform})
        backbone = [c for c in listed(found) if "push" not in c.roles]
        assert backbone
        # Global order is one key: a service that keeps order per key keeps it for everything on one key.
        assert all(ORDER_RANK[c.ordering] >= ORDER_RANK["per_key"] for c in backbone)

    @pytest.mark.parametrize(
        ("platform", "log"), [("aws", "amazon_kinesis_data_streams"), ("azure", "azure_event_hubs")]
    )
    def test_high_volume_replayed_events_get_a_log_first(self, platform: str, log: str) -> None:
        found = result({"volume_per_day": 200_000_000, "replay": "yes"}, {"platform": platform})
        assert found.technologies[0].role == "log"
        assert found.technologies[0].name == BY_ID[log].name

    @pytest.mark.parametrize("platform", ["aws", "azure", "gcp"])
    def test_low_volume_flows_never_get_a_streaming_cluster_first(self, platform: str) -> None:
        found = result({"ordering": "per_key", "volume_per_day": 200}, {"platform": platform})
        first = listed(found)[0]
        assert not first.needs_experience
        assert first.footprint == 0

    def test_two_hundred_ordered_events_a_day_on_aws_get_a_fifo_topic_not_msk(self) -> None:
        found = result({"ordering": "per_key", "volume_per_day": 200}, {"platform": "aws"})
        assert found.technologies[0].name == BY_ID["amazon_sns_fifo"].name

    def test_five_thousand_ordered_events_a_day_on_azure_get_service_bus_sessions_first(self) -> None:
        found = result({"ordering": "per_key", "volume_per_day": 5000}, {"platform": "azure"})
        assert found.technologies[0].name == BY_ID["azure_service_bus_topics"].name
        assert "sessions" in found.technologies[0].why

    def test_an_existing_fitting_broker_comes_first(self) -> None:
        found = result(
            {"interaction": "command", "consumers": ["Printer"], "consumer_availability": "often_offline"},
            {"platform": "on_premises", "existing_broker": "rabbitmq", "operations": "self_hosted"},
        )
        assert found.technologies[0].name == BY_ID["rabbitmq_queues"].name
        assert found.technologies[0].why.startswith("You already run it")

    @pytest.mark.parametrize("operations", ["self_hosted", "managed"])
    def test_beside_the_broker_the_team_runs_no_second_self_run_broker_is_offered(self, operations: str) -> None:
        """Review 3 (R3-05, R3-10): a Kafka shop was offered RabbitMQ Streams beside Kafka for its events,
        a second cluster to run for what the one it has already does."""
        found = result(
            {"volume_per_day": 2_000_000, "replay": "yes", "ordering": "per_key"},
            {"platform": "kubernetes", "existing_broker": "kafka", "operations": operations},
        )
        brokers = [c for c in listed(found) if "push" not in c.roles]
        assert brokers[0].id == "apache_kafka"
        assert [c.name for c in brokers[1:] if not c.managed] == []

    def test_with_no_platform_chosen_a_team_that_wants_managed_services_reads_that_first(self) -> None:
        """Review 3's re-run: with `platform: any` and `operations: managed` the self-run brokers came before
        "prefer a managed one", the answer the team gave."""
        found = result(
            {"interaction": "command", "consumers": ["Worker"], "consumer_availability": "maintenance_windows"},
            {"platform": "any", "operations": "managed"},
        )
        assert found.technologies[0].role == "operator"
        assert "prefer a managed one" in found.technologies[0].why

    def test_a_broker_that_does_not_fit_is_not_reused(self) -> None:
        found = result({"ordering": "per_key"}, {"platform": "aws", "existing_broker": "eventbridge"})
        assert BY_ID["amazon_eventbridge"].name not in [t.name for t in found.technologies]

    def test_a_broker_run_elsewhere_is_not_offered_as_the_one_you_run(self) -> None:
        found = result(
            {"interaction": "command", "consumers": ["Printer"], "consumer_availability": "often_offline"},
            {"platform": "on_premises", "existing_broker": "rabbitmq"},
        )
        assert BY_ID["amazon_mq"].name not in [t.name for t in found.technologies]

    def test_queries_get_the_platforms_gateway(self) -> None:
        found = result({"interaction": "query", "latency": "immediate", "consumers": ["CRM"]}, {"platform": "aws"})
        assert [t.name for t in found.technologies] == [BY_ID["amazon_api_gateway"].name]
        assert any("Longest wait for an answer: 29 seconds" in li.text for li in found.technologies[0].limits)

    def test_phones_are_reached_by_push_before_the_backbone(self) -> None:
        found = result({"consumers": ["Mobile app"], "consumer_kind": "device"}, {"platform": "aws"})
        assert found.technologies[0].role == "push"
        assert any(t.role == "router" for t in found.technologies)

    def test_phones_on_a_cloud_are_reached_by_their_own_push_services_first(self) -> None:
        # A WebSocket only reaches an app that is open; FCM and APNs wake one that is not.
        found = result({"consumers": ["Mobile app"], "consumer_kind": "device"}, {"platform": "aws"})
        assert [t.name for t in found.technologies[:2]] == [
            BY_ID["firebase_cloud_messaging"].name,
            BY_ID["apple_push_notification_service"].name,
        ]

    @pytest.mark.parametrize("kind", ["device", "browser"])
    def test_ordered_updates_to_phones_and_browsers_keep_their_push_service_with_a_sequence(self, kind: str) -> None:
        found = result({"consumers": ["App"], "consumer_kind": kind, "ordering": "per_key"}, {"platform": "aws"})
        push = [t for t in found.technologies if t.role == "push"]
        assert push
        assert all(any(r.startswith("It does not keep order: number each update") for r in t.remedies) for t in push)

    def test_unordered_updates_need_no_sequence(self) -> None:
        found = result({"consumers": ["App"], "consumer_kind": "device", "ordering": "none"}, {"platform": "aws"})
        assert not any(r.startswith("It does not keep order") for t in found.technologies for r in t.remedies)

    def test_an_ordered_direct_call_keeps_its_gateway(self) -> None:
        # The caller keeps the order by waiting for each answer before it sends the next.
        found = result(
            {
                "interaction": "command",
                "ordering": "per_key",
                "latency": "immediate",
                "consumers": ["CRM"],
                "delivery": "best_effort",
                "volume_per_day": 50,
            },
            {"platform": "aws"},
        )
        assert found.pattern == "point_to_point"
        assert [t.name for t in found.technologies] == [BY_ID["amazon_api_gateway"].name]

    def test_a_command_for_one_handler_on_google_cloud_gets_cloud_tasks_first(self) -> None:
        # Google's "Choose Cloud Tasks or Pub/Sub": a command is explicit invocation, which Cloud Tasks is for.
        found = result(
            {
                "interaction": "command",
                "consumers": ["Image worker"],
                "ordering": "none",
                "latency": "minutes",
                "volume_per_day": 100_000,
                "peak_factor": 20,
            },
            {"platform": "gcp"},
        )
        assert found.pattern == "message_queue"
        assert [t.name for t in found.technologies[:2]] == [
            BY_ID["google_cloud_tasks"].name,
            BY_ID["google_pubsub"].name,
        ]
        tasks = found.technologies[0]
        assert all(limit.url == "https://cloud.google.com/tasks/docs/comp-pub-sub" for limit in tasks.limits)

    def test_browser_sessions_are_reached_by_a_persistent_connection_first_never_apns(self) -> None:
        found = result({"consumers": ["Dashboard"], "consumer_kind": "browser"}, {"platform": "azure"})
        names = [t.name for t in found.technologies if t.role == "push"]
        assert names[0] == BY_ID["azure_web_pubsub"].name
        assert BY_ID["apple_push_notification_service"].name not in names

    def test_browser_sessions_on_google_cloud_get_web_push_not_another_clouds_service(self) -> None:
        # Google Cloud has no managed WebSocket service in the table: open pages are reached over connections the
        # team hosts (review 12, R12-22), closed ones by web push through Firebase Cloud Messaging, Google's own.
        found = result({"consumers": ["Dashboard"], "consumer_kind": "browser"}, {"platform": "gcp"})
        names = [t.name for t in found.technologies]
        assert names[:2] == [BY_ID["websocket_sse_gateway"].name, BY_ID["firebase_cloud_messaging"].name]
        assert all(t.role != "operator" for t in found.technologies)

    def test_nothing_managed_on_premises_says_who_operates_it(self) -> None:
        found = result({}, {"platform": "on_premises", "operations": "managed"})
        assert found.technologies[-1].role == "operator"


class TestLimits:
    def sqs(self, size_kb: float) -> FlowResult:
        return result(
            {
                "interaction": "command",
                "consumers": ["Worker"],
                "consumer_availability": "often_offline",
                "message_size_kb": size_kb,
            },
            {"platform": "aws"},
        )

    def test_a_message_exactly_at_the_limit_fits(self) -> None:
        first = self.sqs(1024).technologies[0]
        assert first.name == BY_ID["amazon_sqs_standard"].name
        assert not any("claim check" in r for r in first.remedies)

    def test_a_message_one_byte_over_the_limit_gets_the_claim_check(self) -> None:
        first = self.sqs(1024 + 1 / 1024).technologies[0]
        assert any("claim check" in r for r in first.remedies)

    def test_every_limit_names_its_source_and_date(self) -> None:
        for technology in self.sqs(4).technologies:
            assert technology.limits
            for limit in technology.limits:
                assert limit.url.startswith("https://")
                assert limit.source
                assert len(limit.as_of) == 10


class TestSizing:
    def test_five_megabytes_a_second_on_one_megabyte_shards_is_eight_shards_with_headroom(self) -> None:
        # 5 MB/s of 4 KB messages (1,280/s) at a peak of 1: 5 / (0.7 × 1 MB/s) = 7.1, so 8 shards, 37.5 % free.
        # One consumer reads 5 MB/s of the shards' 2 MB/s each: the writes decide.
        found = result({"volume_per_day": 1280 * 86_400, "replay": "yes", "consumers": ["Lake"]}, {"platform": "aws"})
        kinesis = next(t for t in found.technologies if t.name == BY_ID["amazon_kinesis_data_streams"].name)
        assert kinesis.sizing is not None
        assert (kinesis.sizing.units, kinesis.sizing.headroom) == (8, 0.375)
        assert kinesis.sizing.peak_mb_per_second == 5
        assert kinesis.sizing.retention_hours == 168

    def test_a_consumer_often_offline_keeps_messages_for_a_long_weekend(self) -> None:
        found = result(
            {"interaction": "command", "consumers": ["Worker"], "consumer_availability": "often_offline"},
            {"platform": "aws"},
        )
        sized = [t.sizing for t in found.technologies if t.sizing is not None]
        assert sized
        assert all(s.retention_hours == 72 for s in sized)

    def kafka(self, ordering: str, volume: int = 200_000_000) -> list[Any]:
        # High-volume replayed events on AWS list MSK beside Kinesis.
        found = result({"volume_per_day": volume, "replay": "yes", "ordering": ordering}, {"platform": "aws"})
        return [
            t
            for t in found.technologies
            if t.name in (BY_ID["amazon_msk"].name, BY_ID["amazon_kinesis_data_streams"].name)
        ]

    def test_kafkas_partitions_are_counted_for_the_consumers_too_and_set_before_keys_depend_on_them(self) -> None:
        # The architect's review: MSK got 1 partition for 1,736 messages/s and 4 consumer groups.
        msk, kinesis = sorted(self.kafka("per_key"), key=lambda t: t.name != BY_ID["amazon_msk"].name)
        advice = " ".join(msk.remedies)
        assert "one consumer per partition" in advice
        assert "adding partitions later sends a key's messages to another partition" in advice
        assert any(limit.url.startswith("https://github.com/apache/kafka/") for limit in msk.limits)
        assert not any("consumer per partition" in r for r in kinesis.remedies)

    def test_unkeyed_kafka_flows_are_told_about_parallelism_not_about_keys(self) -> None:
        msk = next(t for t in self.kafka("none") if t.name == BY_ID["amazon_msk"].name)
        advice = " ".join(msk.remedies)
        assert "one consumer per partition" in advice
        assert "sends a key's messages" not in advice

    def test_globally_ordered_kafka_flows_are_not_told_to_add_partitions(self) -> None:
        # Global order is one partition, which must carry the whole peak: 100 million 4 KB events a day are
        # 4.5 MB/s, within the 5 MB/s of an MSK Serverless partition.
        msk = next(t for t in self.kafka("global", 100_000_000) if t.name == BY_ID["amazon_msk"].name)
        advice = " ".join(msk.remedies)
        assert "Global order is one partition" in advice
        assert "create at least as many partitions" not in advice


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 10**10), st.integers(1, 10**10), st.sampled_from(["aws", "azure"]))
def test_more_traffic_never_needs_fewer_units(low: int, high: int, platform: str) -> None:
    low, high = sorted((low, high))
    smaller = result({"volume_per_day": low, "replay": "yes"}, {"platform": platform})
    larger = result({"volume_per_day": high, "replay": "yes"}, {"platform": platform})
    units = {t.name: t.sizing.units for t in smaller.technologies if t.sizing}
    for technology in larger.technologies:
        if technology.sizing and technology.name in units:
            assert technology.sizing.units >= units[technology.name]


def test_the_broker_the_team_runs_keeps_its_proper_names_in_why() -> None:
    """ "You already run it; kafka's …" lowercased the product's name: the sentence now ends before it."""
    assessment = parse_assessment(
        {
            "landscape": {"platform": "aws", "existing_broker": "kafka", "async_experience": "strong"},
            "flows": [{"name": "Clicks", "interaction": "event", "consumers": ["A", "B", "C"], "replay": "yes"}],
        }
    )
    why = recommend(assessment).flows[0].technologies[0].why
    assert why.startswith("You already run it. ")
    assert "kafka's" not in why
