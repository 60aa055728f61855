"""An architect's second review of the technologies (issue 20, items 1, 4 and 5): bulk transfers on every
platform, sizing on the read side and within a service's tiers, and pushes to endpoints that may be away.

Each expectation is worked out by hand from the vendors' figures in capabilities.py, with the target
utilisation of 70 % (technology.TARGET_UTILISATION), before the engine is run.
"""

from __future__ import annotations

from typing import Any

import pytest

from advisor.engine import parse_assessment, recommend
from advisor.engine.capabilities import CAPABILITIES
from advisor.engine.model import FlowResult, TechnologyChoice

BY_ID = {c.id: c for c in CAPABILITIES}
CLOUD_ONLY = {c.name for c in CAPABILITIES if set(c.platforms) <= {"aws", "azure", "gcp"}}
FIVE = ["Billing", "CRM", "Analytics", "Search", "Audit"]


def result(flow: dict[str, Any], landscape: dict[str, Any]) -> FlowResult:
    raw = {"landscape": landscape, "flows": [{"name": "flow", "interaction": "event", "consumers": FIVE, **flow}]}
    return recommend(parse_assessment(raw)).flows[0]


def named(found: FlowResult, capability_id: str) -> TechnologyChoice:
    return next(t for t in found.technologies if t.name == BY_ID[capability_id].name)


def advice(technology: TechnologyChoice) -> str:
    """Everything the architect reads about one technology."""
    sizing = technology.sizing.summary if technology.sizing else ""
    return " ".join([technology.why, sizing, *technology.remedies, *(limit.text for limit in technology.limits)])


# A monthly payroll file: one a month, due within hours, 1 GB.
PAYROLL = {
    "interaction": "command",
    "consumers": ["Payroll"],
    "volume_per_day": 1,
    "latency": "hours",
    "message_size_kb": 1024 * 1024,
}


class TestBulkTransfers:
    @pytest.mark.parametrize("platform", ["aws", "azure", "gcp", "kubernetes", "on_premises", "any"])
    def test_a_bulk_transfer_gets_technologies_that_carry_files_on_every_platform(self, platform: str) -> None:
        found = result(PAYROLL, {"platform": platform})
        assert found.approach == "bulk_transfer"
        carriers = [t for t in found.technologies if t.role == "bulk"]
        assert carriers

    @pytest.mark.parametrize("platform", ["on_premises", "kubernetes"])
    def test_a_bulk_transfer_on_premises_gets_sftp_and_a_self_run_object_store_never_a_cloud_service(
        self, platform: str
    ) -> None:
        found = result(PAYROLL, {"platform": platform})
        names = [t.name for t in found.technologies]
        assert BY_ID["sftp_file_transfer"].name in names
        assert BY_ID["ceph_object_gateway"].name in names
        assert not set(names) & CLOUD_ONLY
        words = " ".join(advice(t) for t in found.technologies)
        for cloud in ("Amazon S3", "Azure Blob Storage", "Cloud Storage"):
            assert cloud not in words

    @pytest.mark.parametrize("platform", ["aws", "azure"])
    def test_a_bulk_transfer_on_aws_or_azure_is_offered_an_sftp_endpoint_beside_the_object_store(
        self, platform: str
    ) -> None:
        found = result(PAYROLL, {"platform": platform})
        assert "SFTP" in " ".join(advice(t) for t in found.technologies if t.role == "bulk")

    def test_no_sentence_says_on_on_premises_nobody_runs_it_for_you(self) -> None:
        printer = {"interaction": "command", "consumers": ["Printer"], "consumer_availability": "often_offline"}
        for flow in (PAYROLL, printer):
            found = result(flow, {"platform": "on_premises", "operations": "managed"})
            words = " ".join(advice(t) for t in found.technologies)
            assert "On on premises" not in words
            assert "on premises nobody runs it for you" not in words.lower()

    def test_the_self_run_object_store_says_what_the_corpus_says_of_minios_licence_and_upkeep(self) -> None:
        found = result(PAYROLL, {"platform": "on_premises"})
        store = named(found, "ceph_object_gateway")
        assert any("AGPL" in limit.text and "no longer maintained" in limit.text for limit in store.limits)


# 1 billion events a day of 1 KB at a peak three times the average: 34,722 events/s, 33.9 MB/s.
BILLION = {"volume_per_day": 1_000_000_000, "message_size_kb": 1, "peak_factor": 3, "replay": "yes"}


class TestReadSide:
    def test_five_consumers_sharing_kinesis_reads_need_shards_for_their_reads(self) -> None:
        # Writes: 33.9 MB/s / (0.7 x 1 MB/s) and 34,722/s / (0.7 x 1,000/s): 50 shards.
        # Reads: 5 x 33.9 = 169.5 MB/s shared at 2 MB/s a shard: 169.5 / (0.7 x 2) = 121.1, so 122 shards.
        kinesis = named(result(BILLION, {"platform": "aws"}), "amazon_kinesis_data_streams")
        assert kinesis.sizing is not None
        assert kinesis.sizing.units == 122
        assert "5 consumers" in kinesis.sizing.summary
        fan_out = " ".join(r for r in kinesis.remedies if "enhanced fan-out" in r)
        assert "50 shards" in fan_out

    def test_one_consumer_of_kinesis_is_sized_by_its_writes(self) -> None:
        kinesis = named(result({**BILLION, "consumers": ["Lake"]}, {"platform": "aws"}), "amazon_kinesis_data_streams")
        assert kinesis.sizing is not None
        assert kinesis.sizing.units == 50

    def test_event_hubs_beyond_standards_forty_throughput_units_names_premium_or_dedicated(self) -> None:
        # Ingress 50 TUs; egress 5 x 33.9 = 169.5 MB/s at 2 MB/s a TU: 122 TUs; Standard stops at 40 TUs and
        # 32 partitions (a partition carries one TU's worth).
        hubs = named(result(BILLION, {"platform": "azure"}), "azure_event_hubs")
        assert hubs.sizing is not None
        assert hubs.sizing.units == 122
        tiers = " ".join(r for r in hubs.remedies if "Standard" in r)
        assert "40 throughput units" in tiers
        assert "32 partitions" in tiers
        assert "Premium" in tiers
        assert "Dedicated" in tiers

    def test_event_hubs_within_standard_names_no_other_tier(self) -> None:
        hubs = named(result({**BILLION, "volume_per_day": 10_000_000}, {"platform": "azure"}), "azure_event_hubs")
        assert not any("Premium" in r for r in hubs.remedies)

    def test_a_500_kb_command_on_service_bus_is_told_standard_stops_at_256_kb(self) -> None:
        found = result(
            {
                "interaction": "command",
                "consumers": ["Archive"],
                "message_size_kb": 500,
                "consumer_availability": "often_offline",
            },
            {"platform": "azure"},
        )
        bus = named(found, "azure_service_bus_queues")
        tier = " ".join(r for r in bus.remedies if "256 KB" in r)
        assert "Standard" in tier
        assert "Premium" in tier

    def test_a_small_command_on_service_bus_is_not_told_about_tiers(self) -> None:
        found = result(
            {"interaction": "command", "consumers": ["Archive"], "consumer_availability": "often_offline"},
            {"platform": "azure"},
        )
        assert not any("Premium" in r for r in named(found, "azure_service_bus_queues").remedies)

    def test_msk_partitions_follow_the_consumer_groups_and_the_brokers_they_spread_over(self) -> None:
        # 170 million 1 KB events a day: 1,968/s, 1.92 MB/s. Writes: 1.92 / (0.7 x 5) = 1 partition; reads by
        # three groups: 5.77 / (0.7 x 10) = 1; but three brokers (one per Availability Zone) take 3 partitions.
        found = result(
            {"volume_per_day": 170_000_000, "message_size_kb": 1, "replay": "yes", "consumers": FIVE[:3]},
            {"platform": "aws", "async_experience": "strong"},
        )
        msk = named(found, "amazon_msk")
        assert msk.sizing is not None
        assert msk.sizing.units == 3
        assert "brokers" in msk.sizing.summary

    def test_msk_partitions_are_a_multiple_of_the_brokers(self) -> None:
        # 4 KB: 11.3 MB/s; writes 11.3 / (0.7 x 5) = 3.2, so 4; rounded up to a multiple of 3 brokers: 6. (Reads
        # are no longer held to MSK Serverless's egress quota: provisioned brokers set none per partition.)
        found = result(
            {"volume_per_day": 250_000_000, "replay": "yes", "consumers": FIVE[:3]},
            {"platform": "aws", "async_experience": "strong"},
        )
        msk = named(found, "amazon_msk")
        assert msk.sizing is not None
        assert msk.sizing.units == 6

    def test_sqs_fifo_headroom_states_its_batching_assumption(self) -> None:
        found = result(
            {
                "interaction": "command",
                "consumers": ["Ledger"],
                "ordering": "per_key",
                "volume_per_day": 1_000_000,
                "consumer_availability": "often_offline",
            },
            {"platform": "aws"},
        )
        fifo = named(found, "amazon_sqs_fifo")
        assert fifo.sizing is not None
        assert "batches of 10" in fifo.sizing.summary
        assert "without batching" in fifo.sizing.summary


class TestPushAndWebhooks:
    @pytest.mark.parametrize("teams", ["one", "many"])
    def test_unordered_events_on_aws_never_get_a_fifo_topic(self, teams: str) -> None:
        found = result({"ordering": "none", "volume_per_day": 5000}, {"platform": "aws", "teams": teams})
        assert BY_ID["amazon_sns_fifo"].name not in [t.name for t in found.technologies]

    def test_many_teams_on_aws_find_eventbridge_among_the_options(self) -> None:
        found = result({"ordering": "none", "volume_per_day": 5000}, {"platform": "aws", "teams": "many"})
        assert BY_ID["amazon_eventbridge"].name in [t.name for t in found.technologies]

    def test_a_fifo_topic_says_it_delivers_only_to_sqs_queues(self) -> None:
        found = result({"ordering": "per_key", "volume_per_day": 5000}, {"platform": "aws"})
        fifo = named(found, "amazon_sns_fifo")
        assert "only to Amazon SQS queues" in advice(fifo)
        assert any(limit.url.startswith("https://docs.aws.amazon.com/sns/") for limit in fifo.limits)

    def test_endpoints_away_longer_than_snss_hour_of_http_retries_get_a_delivery_that_retries_longer(self) -> None:
        found = result(
            {"ordering": "none", "volume_per_day": 5000, "consumer_availability": "maintenance_windows"},
            {"platform": "aws"},
        )
        sns = named(found, "amazon_sns_standard")
        retry = " ".join(r for r in sns.remedies if "retr" in r)
        assert "1 hour" in retry
        assert "EventBridge API destinations" in retry
        assert "queue" in retry
        assert BY_ID["amazon_eventbridge"].name in [t.name for t in found.technologies]
        # EventBridge retries for 24 hours: enough for a maintenance window.
        assert not any("retr" in r for r in named(found, "amazon_eventbridge").remedies)

    def test_endpoints_offline_for_days_outlast_eventbridges_day_of_retries_too(self) -> None:
        found = result(
            {"ordering": "none", "volume_per_day": 5000, "consumer_availability": "often_offline"},
            {"platform": "aws"},
        )
        bridge = " ".join(named(found, "amazon_eventbridge").remedies)
        assert "24 hours" in bridge
        assert "queue" in bridge

    def test_endpoints_that_are_always_up_are_not_told_about_retry_windows(self) -> None:
        found = result(
            {"ordering": "none", "volume_per_day": 5000, "consumer_availability": "always"}, {"platform": "aws"}
        )
        assert not any("retr" in r for t in found.technologies for r in t.remedies)


def test_google_api_gateways_deadline_comes_from_google() -> None:
    gateway = BY_ID["google_api_gateway"]
    assert gateway.max_wait is not None
    assert gateway.max_wait.source.url.startswith(
        ("https://cloud.google.com/", "https://github.com/GoogleCloudPlatform/")
    )


@pytest.mark.parametrize(
    ("capability_id", "field"),
    [("google_pubsub", "max_message"), ("google_cloud_tasks", "max_message"), ("google_cloud_tasks", "limits")],
)
def test_pubsub_and_cloud_tasks_figures_come_from_google(capability_id: str, field: str) -> None:
    value = getattr(BY_ID[capability_id], field)
    for sourced in value if isinstance(value, tuple) else (value,):
        assert sourced.source.url.startswith("https://cloud.google.com/")
