"""The second independent review's refusals on the advice (docs/review-2026-12-07.md), each flow built here.

Numbers in the test names are the review's verdict numbers (#22 is the card charge a checkout waits for).
"""

from __future__ import annotations

from advisor.engine import parse_assessment, recommend

from .flows import recommendation, result, said

P2P, QUEUE, EVENTS = "point_to_point", "message_queue", "event_driven"
OVER_ENGINEERING = "a broker here would be over-engineering"


SAGA = {
    "systems": 7,
    "teams": "few",
    "change_rate": "weekly",
    "growth": "some",
    "platform": "kubernetes",
    "existing_broker": "rabbitmq",
    "operations": "self_hosted",
    "async_experience": "strong",
}
CHARGE_CARD = {
    "source": "order orchestrator",
    "consumers": ["payment service provider"],
    "interaction": "command",
    "latency": "immediate",
    "volume_per_day": 150_000,
    "peak_factor": 10,
    "delivery": "effectively_once",
    "consumer_availability": "always",
    "message_size_kb": 2,
}


class TestACommandTheCallerWaitsFor:
    """#22: a waiting caller cannot be levelled by a queue."""

    def test_the_card_charge_is_a_direct_call_with_an_idempotency_key_retries_and_a_timeout(self) -> None:
        found = result(CHARGE_CARD, SAGA)
        assert (found.pattern, found.approach) == (P2P, "request_response")
        words = said(found)
        assert "idempotency key" in words
        assert "backoff" in words
        assert "imeout" in words
        assert "a broker absorbs them" not in words

    def test_its_peaks_are_met_by_scaling_not_by_a_queue(self) -> None:
        reasons = " ".join(result(CHARGE_CARD, SAGA).reasons)
        assert "Peaks reach 10×" in reasons
        assert "cannot be levelled" in reasons

    def test_the_same_command_is_queued_when_nobody_waits(self) -> None:
        assert result({**CHARGE_CARD, "latency": "minutes"}, SAGA).pattern == QUEUE

    def test_the_same_command_is_queued_when_the_consumer_has_maintenance_windows(self) -> None:
        found = result({**CHARGE_CARD, "consumer_availability": "maintenance_windows"}, SAGA)
        assert found.pattern == QUEUE


TWO_SYSTEMS = {
    "systems": 2,
    "teams": "one",
    "change_rate": "rare",
    "growth": "none",
    "platform": "any",
    "existing_broker": "none",
    "operations": "managed",
    "async_experience": "none",
}
APPROVED_HOURS = {
    "source": "timesheets",
    "consumers": ["payroll"],
    "interaction": "command",
    "latency": "minutes",
    "volume_per_day": 200,
    "peak_factor": 1,
    "delivery": "no_loss",
    "consumer_availability": "always",
    "message_size_kb": 2,
}


class TestFewSystems:
    """#41 and V31: rule 4, a broker for two systems and 200 messages a day is over-engineering."""

    def test_approved_hours_between_two_systems_are_a_direct_call(self) -> None:
        found = result(APPROVED_HOURS, TWO_SYSTEMS)
        assert found.pattern == P2P
        assert OVER_ENGINEERING in " ".join(found.reasons)
        assert "can wait in a queue" not in said(found)

    def test_over_engineering_is_not_said_when_the_consumer_availability_is_not_known(self) -> None:
        found = result({**APPROVED_HOURS, "consumer_availability": "unknown"}, TWO_SYSTEMS)
        assert OVER_ENGINEERING not in " ".join(found.reasons)

    def test_peaks_still_ask_for_a_queue(self) -> None:
        found = result({**APPROVED_HOURS, "peak_factor": 10}, TWO_SYSTEMS)
        assert found.pattern == QUEUE
        assert OVER_ENGINEERING not in " ".join(found.reasons)

    def test_no_platform_chosen_is_not_called_your_cloud(self) -> None:
        queued = {**APPROVED_HOURS, "consumer_availability": "maintenance_windows"}
        advice = " ".join(recommendation(queued, TWO_SYSTEMS).landscape_advice)
        assert "your cloud" not in advice

    def test_a_self_run_landscape_is_not_told_to_start_with_a_managed_service(self) -> None:
        queued = {**APPROVED_HOURS, "consumer_availability": "maintenance_windows"}
        for landscape in ({**TWO_SYSTEMS, "operations": "self_hosted"}, {**TWO_SYSTEMS, "platform": "on_premises"}):
            found = recommendation(queued, landscape)
            assert "Start with a managed service" not in said(found.flows[0])
            assert "managed messaging services" not in " ".join(found.landscape_advice)


KAFKA_NO_EXPERIENCE = {
    "systems": 10,
    "teams": "few",
    "change_rate": "monthly",
    "growth": "some",
    "platform": "on_premises",
    "existing_broker": "kafka",
    "operations": "self_hosted",
    "async_experience": "none",
}
PRICE_CHANGED = {
    "source": "pricing",
    "consumers": ["web shop", "POS hub", "marketplace feed", "ERP"],
    "interaction": "event",
    "latency": "minutes",
    "volume_per_day": 200_000,
    "peak_factor": 10,
    "delivery": "no_loss",
    "ordering": "per_key",
    "message_size_kb": 2,
}


class TestTheBrokerTheTeamRuns:
    """#28: an existing Kafka carries events a router would, before any new self-run broker."""

    def test_the_existing_kafka_comes_first_for_published_facts(self) -> None:
        found = result(PRICE_CHANGED, KAFKA_NO_EXPERIENCE)
        assert found.pattern == EVENTS
        first = found.technologies[0]
        assert first.name == "Apache Kafka"
        assert first.why.startswith("You already run it")
        assert "consumer group" in first.why

    def test_no_experience_is_a_risk_that_names_the_broker_they_run(self) -> None:
        found = result(PRICE_CHANGED, KAFKA_NO_EXPERIENCE)
        experience = [r for r in found.risks if "no experience with asynchronous systems" in r.risk]
        assert experience
        assert "Kafka" in experience[0].mitigation
        assert "Start with a managed service" not in said(found)

    def test_the_existing_kafka_takes_work_for_one_consumer_too(self) -> None:
        work = {
            "consumers": ["warehouse"],
            "interaction": "command",
            "latency": "minutes",
            "volume_per_day": 200_000,
            "peak_factor": 10,
            "consumer_availability": "maintenance_windows",
        }
        found = result(work, KAFKA_NO_EXPERIENCE)
        assert found.pattern == QUEUE
        assert found.technologies[0].name == "Apache Kafka"


class TestTheHub:
    """Contradiction 10: rule 5 names a hub from 6 systems with 4 or more point-to-point flows, never for one."""

    def test_one_direct_flow_in_forty_systems_gets_no_hub(self) -> None:
        flow = {"consumers": ["core banking"], "interaction": "query", "latency": "immediate"}
        advice = " ".join(recommendation(flow, {"systems": 40}).landscape_advice)
        assert "introduce a hub" not in advice

    def test_four_direct_flows_in_six_systems_get_one(self) -> None:
        flows = [{"name": f"lookup {i}", "interaction": "query", "latency": "immediate"} for i in range(4)]
        advice = " ".join(recommend(parse_assessment({"landscape": {"systems": 6}, "flows": flows})).landscape_advice)
        assert "introduce a hub" in advice


VENDING = {
    "systems": 4,
    "teams": "few",
    "change_rate": "rare",
    "growth": "some",
    "platform": "azure",
    "existing_broker": "none",
    "operations": "managed",
    "async_experience": "some",
}
FIRMWARE = {
    "source": "device management",
    "consumers": ["vending machines"],
    "interaction": "command",
    "latency": "hours",
    "volume_per_day": 50_000,
    "peak_factor": 1,
    "delivery": "no_loss",
    "consumer_availability": "often_offline",
    "consumer_kind": "device",
    "message_size_kb": 51_200,
}
PHONE_PUSH = ("Firebase Cloud Messaging", "Apple Push Notification service (APNs)")


class TestCommandsToMachines:
    """#48: machines receive commands over MQTT from an IoT hub that queues per device, not by phone push."""

    def test_vending_machines_on_azure_get_iot_hub_with_a_claim_check(self) -> None:
        found = result(FIRMWARE, VENDING)
        names = [t.name for t in found.technologies]
        assert names[0] == "Azure IoT Hub"
        assert not set(names) & {*PHONE_PUSH, "Azure Service Bus queues", "Azure Queue Storage"}
        assert any("claim check" in remedy for remedy in found.technologies[0].remedies)
        assert "MQTT" in " ".join(found.reasons)
        assert "Firebase" not in " ".join(found.reasons)

    def test_on_aws_it_is_aws_iot_core(self) -> None:
        found = result(FIRMWARE, {**VENDING, "platform": "aws"})
        assert found.technologies[0].name == "AWS IoT Core"

    def test_on_google_cloud_a_self_run_mqtt_broker_says_iot_core_was_retired(self) -> None:
        found = result(FIRMWARE, {**VENDING, "platform": "gcp"})
        first = found.technologies[0]
        assert "EMQX" in first.name
        assert any("IoT Core" in limit.text and "2023" in limit.text for limit in first.limits)

    def test_on_premises_it_is_a_self_run_mqtt_broker(self) -> None:
        found = result(FIRMWARE, {**VENDING, "platform": "on_premises", "operations": "self_hosted"})
        assert "Mosquitto" in found.technologies[0].name

    def test_a_device_offline_longer_than_the_hub_keeps_messages_is_a_risk(self) -> None:
        words = said(result(FIRMWARE, VENDING))
        assert "twin" in words or "shadow" in words
        assert "best effort" not in words

    def test_events_for_phones_still_go_by_push(self) -> None:
        gate = {"consumers": ["travel app"], "interaction": "event", "consumer_kind": "device", "latency": "seconds"}
        names = [t.name for t in result(gate, {**VENDING, "platform": "aws"}).technologies]
        assert names[:2] == list(PHONE_PUSH)


CATALOGUE = {
    "systems": 6,
    "teams": "few",
    "change_rate": "monthly",
    "growth": "some",
    "operations": "managed",
    "async_experience": "some",
}
PRODUCT_LOOKUP = {
    "consumers": ["mainframe catalogue"],
    "interaction": "query",
    "latency": "immediate",
    "volume_per_day": 800_000,
    "peak_factor": 6,
    "delivery": "best_effort",
    "consumer_availability": "often_offline",
}


class TestALocalCopy:
    """#3: a local copy names a cache and the change feed of a read model, per platform."""

    def test_each_platform_names_its_cache_first_then_a_change_feed(self) -> None:
        caches = {
            "aws": "Amazon ElastiCache",
            "azure": "Azure Managed Redis",
            "gcp": "Memorystore for Valkey",
            "on_premises": "Self-run Valkey or Redis",
        }
        for platform, cache in caches.items():
            found = result(PRODUCT_LOOKUP, {**CATALOGUE, "platform": platform})
            assert found.approach == "local_copy"
            assert found.technologies[0].name == cache, platform
            assert any("change events" in t.why for t in found.technologies), platform

    def test_the_change_feed_is_not_sized_for_the_provider_being_away(self) -> None:
        found = result(PRODUCT_LOOKUP, {**CATALOGUE, "platform": "aws"})
        feed = next(t for t in found.technologies if "change events" in t.why)
        assert not any("may be away" in remedy for remedy in feed.remedies)

    def test_the_change_feed_says_it_is_sized_at_the_lookups_rate_as_an_upper_bound(self) -> None:
        """Review 3's re-run (R3-18): the read model's broker was sized at the lookup rate as if each lookup
        were a change event; how often the provider's data changes is never asked."""
        found = result(PRODUCT_LOOKUP, {**CATALOGUE, "platform": "aws"})
        feed = next(t for t in found.technologies if "change events" in t.why)
        assert feed.sizing is not None
        assert feed.sizing.summary.startswith("Sized at the lookups' rate, an upper bound")


class TestBulkLoads:
    """#12–#16: a bulk transfer names the tool that loads the file, per cloud."""

    def test_each_cloud_names_its_load_tool(self) -> None:
        nightly = {"consumers": ["data warehouse"], "interaction": "command", "latency": "hours", "volume_per_day": 1}
        tools = {"aws": "AWS Glue (ETL jobs)", "azure": "Azure Data Factory", "gcp": "BigQuery load jobs"}
        for platform, tool in tools.items():
            names = [t.name for t in result(nightly, {"platform": platform}).technologies]
            assert tool in names, platform


WEBHOOKS = {
    "systems": 15,
    "teams": "many",
    "change_rate": "weekly",
    "growth": "fast",
    "platform": "aws",
    "existing_broker": "eventbridge",
    "operations": "managed",
    "async_experience": "some",
}
PSP_WEBHOOK = {
    "source": "payment provider",
    "consumers": ["order service"],
    "interaction": "event",
    "latency": "seconds",
    "volume_per_day": 80_000,
    "peak_factor": 20,
    "delivery": "no_loss",
    "consumer_availability": "maintenance_windows",
}
AUTHORISATION = {
    "source": "card terminal",
    "consumers": ["authorisation switch"],
    "interaction": "query",
    "latency": "immediate",
    "volume_per_day": 3_000_000,
    "peak_factor": 8,
    "delivery": "effectively_once",
    "consumer_availability": "always",
}
ON_PREMISES = {"systems": 6, "platform": "on_premises", "operations": "self_hosted"}


class TestRisks:
    """#24, #25 and the weaker observation: duplicates where work takes effect, not caching it."""

    def test_a_payment_authorisation_gets_duplicate_protection_and_no_cache(self) -> None:
        found = result(AUTHORISATION, ON_PREMISES)
        words = said(found)
        assert "idempotency key" in words
        assert "reverse" in words
        assert "Cache answers" not in words
        assert "answers be cached" not in words

    def test_redelivered_webhooks_are_an_idempotency_risk_for_the_consumer(self) -> None:
        # One consumer goes through a queue whatever the landscape's growth (R3.5, review 9): its duplicates risk
        # names the message ids, and the outbox risk the provider's event id.
        found = result(PSP_WEBHOOK, WEBHOOKS)
        duplicates = [r for r in found.risks if "duplicates" in r.risk or "more than once" in r.risk]
        assert duplicates
        assert "Idempotent" in duplicates[0].mitigation
        assert "message ids" in duplicates[0].mitigation
        assert any("deduplicate on its event id" in r.mitigation for r in found.risks)

    def test_the_outbox_risk_says_what_to_do_when_the_producer_is_not_ours(self) -> None:
        outbox = [r for r in result(PSP_WEBHOOK, WEBHOOKS).risks if "outbox" in r.mitigation.lower()]
        assert outbox
        assert "only then answer 2xx" in outbox[0].mitigation

    def test_a_consumer_that_is_always_available_is_not_said_to_be_down(self) -> None:
        work = {"interaction": "command", "latency": "minutes", "volume_per_day": 50_000, "peak_factor": 10}
        found = result({**work, "consumer_availability": "always"}, {"systems": 8})
        assert found.pattern == QUEUE
        assert "while the consumer is down" not in said(found)
        assert "unplanned outage" in said(found)
        away = result({**work, "consumer_availability": "maintenance_windows"}, {"systems": 8})
        assert "while the consumer is down" in said(away)


PAYROLL_FILE = {
    "source": "payroll",
    "consumers": ["house bank"],
    "interaction": "command",
    "latency": "hours",
    "volume_per_day": 1,
    "delivery": "no_loss",
    "consumer_availability": "maintenance_windows",
    "message_size_kb": 20_000,
}


class TestBulkTransfers:
    """#12–#16: a file moves as a file, whatever the pattern scores say."""

    def test_no_queue_sentence_and_no_pattern_lead_for_a_nightly_file(self) -> None:
        found = result(PAYROLL_FILE, {"systems": 3, "platform": "on_premises", "operations": "self_hosted"})
        reasons = " ".join(found.reasons)
        assert "None of the three patterns fits it well" in reasons
        assert "a queue or a durable subscription" not in reasons
        assert " leads " not in reasons
        assert "maintenance windows" in reasons

    def test_a_second_receiver_does_not_turn_a_nightly_file_into_events(self) -> None:
        found = recommendation(PAYROLL_FILE, {"systems": 3})
        flow = found.flows[0]
        assert all(flip.field not in ("consumers", "interaction") for flip in flow.flips), flow.flips
        assert all(flip.field in ("latency", "volume_per_day", "peak_factor") for flip in flow.flips), flow.flips
        assert not found.landscape_flips

    def test_a_file_carries_no_broker_risks(self) -> None:
        landscape = {"systems": 3, "platform": "on_premises", "operations": "self_hosted", "async_experience": "none"}
        found = result(PAYROLL_FILE, landscape)
        assert "broker" not in said(found)
        assert "asynchronous systems" not in said(found)


class TestMachineSizing:
    """#48: the device broker carries the sizing of the flow, in the units of one hub."""

    def test_iot_hub_is_sized_in_units_of_one_hub(self) -> None:
        found = result({**FIRMWARE, "volume_per_day": 1_000_000, "message_size_kb": 4}, VENDING)
        hub = found.technologies[0]
        assert hub.sizing is not None
        assert hub.sizing.units == 10
        assert any("on the one hub" in remedy for remedy in hub.remedies)

    def test_aws_iot_core_is_sized_against_its_account_quota(self) -> None:
        core = result(FIRMWARE, {**VENDING, "platform": "aws"}).technologies[0]
        assert core.sizing is not None
        assert "quota of 20,000 messages/s" in core.sizing.summary
