"""The capability table: every number sourced and dated, the vocabulary kept, every required technology present."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest

from advisor.engine.answers import LANDSCAPE_ANSWERS
from advisor.engine.capabilities import CAPABILITIES, Capability, Source, Sourced

# The last day the stored pages were read: no source can be dated after it.
READ_BY = date(2026, 12, 7)

# The ids the selection code and the independent scenario suite refer to.
REQUIRED_IDS = (
    "amazon_sqs_standard",
    "amazon_sqs_fifo",
    "amazon_sns_standard",
    "amazon_sns_fifo",
    "amazon_eventbridge",
    "amazon_kinesis_data_streams",
    "amazon_msk",
    "amazon_mq",
    "amazon_api_gateway",
    "amazon_api_gateway_websocket",
    "aws_appsync",
    "amazon_s3",
    "azure_service_bus_queues",
    "azure_service_bus_topics",
    "azure_event_grid",
    "azure_event_hubs",
    "azure_storage_queues",
    "azure_web_pubsub",
    "azure_signalr_service",
    "azure_api_management",
    "azure_blob_storage",
    "google_pubsub",
    "google_cloud_tasks",
    "google_eventarc",
    "google_managed_kafka",
    "google_api_gateway",
    "google_cloud_storage",
    "rabbitmq_queues",
    "rabbitmq_streams",
    "apache_kafka",
    "apache_pulsar",
    "nats_jetstream",
    "api_gateway_self_run",
    "websocket_sse_gateway",
    "firebase_cloud_messaging",
    "apple_push_notification_service",
    "sftp_file_transfer",
    "ceph_object_gateway",
    "aws_transfer_family",
)

ROLES = {"queue", "router", "log", "gateway", "push", "bulk", "device", "cache"}
PLATFORMS = {"aws", "azure", "gcp", "kubernetes", "on_premises", "any"}
ORDERINGS = {"none", "per_key", "global"}
DELIVERIES = {"at_most_once", "at_least_once", "exactly_once"}
BROKERS = set(LANDSCAPE_ANSWERS["existing_broker"].choices) - {"none"}

# The unit each numeric field promises in capabilities.py.
FIELD_UNITS = {
    "retention": "hours",
    "max_message": "KB",
    "unit_messages_per_second": "messages/s",
    "unit_mb_per_second": "MB/s",
    "ordered_messages_per_second": "messages/s",
    "ordered_mb_per_second": "MB/s",
    "max_wait": "seconds",
    "read_mb_per_second": "MB/s",
    "read_messages_per_second": "messages/s",
    "dedicated_read_mb_per_second": "MB/s",
    "unbatched_messages_per_second": "messages/s",
    "http_retry": "hours",
    "claim_check_above": "KB",
    "lower_quota": "MB/s",
    "counted_in": "KB",
    "vcpu_mb_per_second": "MB/s",
}
# Counts whose unit is the thing counted ("brokers", "partition per throughput unit").
COUNTS = (
    "group_parallelism",
    "brokers",
    "unit_partitions",
    "replicas",
    "in_flight",
    "fewest_units",
    "vcpu_utilisation",
)


def numbers(capability: Capability) -> list[Sourced]:
    """Every sourced number of an entry: its fields, its tiers' ceilings and its limits."""
    found = [getattr(capability, name) for name in (*FIELD_UNITS, *COUNTS)]
    tiers = [t for t in (capability.tier, *capability.larger_tiers) if t is not None]
    found += [ceiling for t in tiers for ceiling in (t.max_message, t.max_units, t.max_partitions)]
    return [n for n in found if n is not None] + list(capability.limits)


def sources(capability: Capability) -> list[Source]:
    practice = [capability.practice] if capability.practice is not None else []
    return [n.source for n in numbers(capability)] + [fact.source for fact in (*capability.facts, *practice)]


def each(test: Callable[[Capability], None]) -> Callable[[Capability], None]:
    """Run a check once per entry, named by the entry's id."""
    return pytest.mark.parametrize("capability", CAPABILITIES, ids=[c.id for c in CAPABILITIES])(test)


def test_every_required_technology_is_in_the_table() -> None:
    assert set(REQUIRED_IDS) - {c.id for c in CAPABILITIES} == set()


def test_ids_are_unique() -> None:
    assert [i for i, n in Counter(c.id for c in CAPABILITIES).items() if n > 1] == []


@each
def test_every_entry_names_at_least_one_source(capability: Capability) -> None:
    assert sources(capability)


@each
def test_every_source_has_a_title_an_https_url_and_a_date_not_after_the_reading(capability: Capability) -> None:
    for source in sources(capability):
        assert source.title.strip(), source
        assert source.url.startswith("https://"), source
        assert len(source.url) > len("https://"), source
        assert date.fromisoformat(source.as_of) <= READ_BY, source


# Query parameters that pick a reader's language or signed-in account, not the page: every reader gets the same one.
PERSONAL_PARAMETERS = {"hl", "authuser"}


@each
def test_no_source_url_carries_a_readers_language_or_account(capability: Capability) -> None:
    for source in sources(capability):
        parameters = set(parse_qs(urlsplit(source.url).query))
        assert parameters & PERSONAL_PARAMETERS == set(), source.url


@each
def test_every_number_is_positive_and_finite_with_a_unit(capability: Capability) -> None:
    for number in numbers(capability):
        assert math.isfinite(number.value), number
        assert number.value > 0, number
        assert number.unit.strip(), number


@each
def test_every_field_carries_the_unit_it_promises(capability: Capability) -> None:
    for name, unit in FIELD_UNITS.items():
        number = getattr(capability, name)
        assert number is None or number.unit == unit, (name, number)


@each
def test_the_vocabulary_is_the_documented_one(capability: Capability) -> None:
    assert capability.roles
    assert set(capability.roles) <= ROLES
    assert capability.platforms
    assert set(capability.platforms) <= PLATFORMS
    assert capability.ordering in ORDERINGS
    assert capability.delivery
    assert set(capability.delivery) <= DELIVERIES


@each
def test_an_entry_that_keeps_order_says_how_and_only_then(capability: Capability) -> None:
    assert bool(capability.ordering_how.strip()) == (capability.ordering != "none")


@each
def test_a_gateway_states_how_long_a_caller_may_wait(capability: Capability) -> None:
    if "gateway" in capability.roles:
        assert capability.max_wait is not None


@each
def test_broker_ids_are_existing_broker_answers(capability: Capability) -> None:
    assert set(capability.broker_ids) <= BROKERS


@each
def test_the_words_an_architect_reads_are_filled_in(capability: Capability) -> None:
    for name in ("name", "unit", "cost_shape", "good_at"):
        assert getattr(capability, name).strip(), name


@each
def test_a_larger_tier_is_named_only_beside_the_tier_the_figures_describe(capability: Capability) -> None:
    assert not capability.larger_tiers or capability.tier is not None


@each
def test_an_entry_kept_for_ordered_flows_keeps_order(capability: Capability) -> None:
    assert not capability.for_ordered_flows or capability.ordering != "none"


@each
def test_a_fact_is_a_sentence(capability: Capability) -> None:
    for fact in capability.facts:
        assert fact.text[0].isupper(), fact
        assert fact.text.endswith("."), fact
