"""The third independent review's refusals, themes B, D, E, G and H (docs/review-2026-12-07-3.md): sizing by the
credits a limit counts, order and push, unknown answers, small direct flows and the no-loss hand-over. Each is built
here from the flow the review named, written from the review's expectation before the engine was changed."""

from __future__ import annotations

from .flows import recommendation, result, said

HOSPITAL = {
    "systems": 12,
    "teams": "few",
    "change_rate": "monthly",
    "growth": "some",
    "platform": "on_premises",
    "existing_broker": "rabbitmq",
    "operations": "self_hosted",
    "async_experience": "some",
}
LAB_RESULT = {
    "source": "lab-information-system",
    "consumers": ["ehr"],
    "interaction": "command",
    "latency": "minutes",
    "volume_per_day": 20000,
    "peak_factor": 4,
    "delivery": "no_loss",
    "ordering": "per_key",
    "consumer_availability": "maintenance_windows",
    "message_size_kb": 12,
}


class TestHTheSenderKnowsTheBrokerHasIt:
    """Theme H: no-loss delivery says how the sender learns the broker has stored the message."""

    def test_a_no_loss_command_on_rabbitmq_names_publisher_confirms_and_an_outbox(self) -> None:
        found = result(LAB_RESULT, HOSPITAL)
        assert found.pattern == "message_queue"
        words = said(found)
        assert "publisher confirms" in words
        assert "acknowledge a message manually" in words
        assert "outbox" in words

    def test_a_no_loss_command_on_kafka_names_acks_all(self) -> None:
        found = result(LAB_RESULT, {**HOSPITAL, "existing_broker": "kafka"})
        assert "acks=all" in said(found)

    def test_a_best_effort_command_is_not_told_to_wait_for_confirms(self) -> None:
        found = result({**LAB_RESULT, "delivery": "best_effort"}, HOSPITAL)
        assert "publisher confirms" not in said(found)


class TestHIoTHubIsSized:
    """Theme H, R3-35: IoT Hub is bought in units of a tier with a daily message quota, counted in 4 KB chunks."""

    def test_firmware_commands_name_units_of_a_tier_against_the_daily_quota(self) -> None:
        # 10,000 commands a day of 8 KB count as 2 chunks each: 20,000 of an S1 unit's 400,000 a day (5 %).
        found = result(
            {
                "source": "device-management",
                "consumers": ["field-devices"],
                "interaction": "command",
                "latency": "hours",
                "volume_per_day": 10000,
                "peak_factor": 2,
                "delivery": "no_loss",
                "ordering": "none",
                "consumer_availability": "often_offline",
                "consumer_kind": "device",
                "message_size_kb": 8,
            },
            {"systems": 5, "platform": "azure", "existing_broker": "none", "operations": "managed"},
        )
        hub = next(t for t in found.technologies if t.name == "Azure IoT Hub")
        assert hub.sizing is not None
        assert hub.sizing.units == 1
        assert "S1" in hub.sizing.summary
        assert "daily quota of 400,000" in hub.sizing.summary
        assert "count as 20,000 in 4 KB chunks" in hub.sizing.summary
        # The 1.67 cloud-to-device sends a second of a unit bind before the daily quota: 0.23/s is 14 % of it.
        assert hub.sizing.headroom == 0.861


LEDGER_BANK = {
    "systems": 8,
    "teams": "few",
    "change_rate": "monthly",
    "growth": "none",
    "platform": "on_premises",
    "existing_broker": "none",
    "operations": "self_hosted",
    "async_experience": "some",
}
JOURNAL = {
    "source": "billing",
    "consumers": ["general-ledger"],
    "interaction": "command",
    "latency": "minutes",
    "volume_per_day": 2_000_000,
    "peak_factor": 4,
    "delivery": "effectively_once",
    "ordering": "global",
    "consumer_availability": "maintenance_windows",
    "message_size_kb": 1,
}
PER_KEY_WORDS = ("consistent-hash", "filled by key", "message groups", "partitions,", "ordering keys", "by key")


class TestDGlobalOrderIsOneSequence:
    """Theme D, R3-19: a ledger's global sequence is one ordered line; nothing may spread it over keys or let a
    failed entry be overtaken."""

    def test_no_sentence_offers_per_key_mechanisms(self) -> None:
        found = result(JOURNAL, LEDGER_BANK)
        texts = [*found.reasons, *(r.risk + " " + r.mitigation for r in found.risks)]
        for t in found.technologies:
            texts += [t.why, t.sizing.summary if t.sizing else "", *(limit.text for limit in t.limits), *t.remedies]
        offending = [text for text in texts for word in PER_KEY_WORDS if word in text]
        assert not offending

    def test_a_failed_entry_stops_the_line_rather_than_being_skipped(self) -> None:
        found = result(JOURNAL, LEDGER_BANK)
        poison = next(r for r in found.risks if "poison" in r.risk)
        assert "dead-letter queue with an alert" not in poison.mitigation
        assert "stop" in poison.mitigation
        assert "park" in poison.mitigation

    def test_order_per_key_still_names_the_per_key_mechanisms(self) -> None:
        found = result({**JOURNAL, "ordering": "per_key"}, LEDGER_BANK)
        assert "consistent-hash exchange" in " ".join(found.reasons)


PICKUP_SHOP = {
    "systems": 6,
    "teams": "few",
    "change_rate": "monthly",
    "growth": "fast",
    "platform": "gcp",
    "existing_broker": "pubsub",
    "operations": "managed",
    "async_experience": "some",
}
PICKUP = {
    "source": "order-service",
    "consumers": ["customer-app"],
    "interaction": "event",
    "latency": "seconds",
    "volume_per_day": 60000,
    "peak_factor": 6,
    "delivery": "best_effort",
    "ordering": "none",
    "consumer_availability": "often_offline",
    "consumer_kind": "device",
    "message_size_kb": 1,
}


class TestDPhonesReachedByPush:
    """Theme D, R3-25: no queue holds a notification for an offline phone; the backbone keeps the events and the app
    syncs its inbox when it reconnects."""

    def test_the_outage_reason_does_not_say_a_queue_holds_them_for_the_phones(self) -> None:
        found = result(PICKUP, PICKUP_SHOP)
        words = " ".join(found.reasons)
        assert "a queue holds them" not in words
        assert "reconnect" in words


FACILITIES = {
    "systems": 5,
    "teams": "few",
    "change_rate": "monthly",
    "growth": "some",
    "platform": "aws",
    "existing_broker": "none",
    "operations": "managed",
    "async_experience": "some",
}
WORK_ORDER = {
    "source": "asset-portal",
    "consumers": ["maintenance-system"],
    "interaction": "command",
    "latency": "seconds",
    "volume_per_day": "unknown",
    "peak_factor": "unknown",
    "delivery": "no_loss",
    "ordering": "none",
    "consumer_availability": "unknown",
    "message_size_kb": 3,
}


class TestEUnknownsThatDecideTheChoice:
    """Theme E, R3-12: a queue for no-loss work whose consumer availability and peaks are not known is not a high
    confidence: answered "always available, steady", a direct call would carry it (R2.3)."""

    def test_the_queue_is_at_most_medium_while_the_availability_and_peak_are_unknown(self) -> None:
        found = result(WORK_ORDER, FACILITIES)
        assert found.pattern == "message_queue" or not found.decided
        assert found.confidence in ("medium", "low")

    def test_a_consumer_known_to_be_away_leaves_the_queue_high(self) -> None:
        found = result(
            {
                **WORK_ORDER,
                "consumer_availability": "maintenance_windows",
                "volume_per_day": 20000,
                "peak_factor": 4,
                "latency": "minutes",
            },
            FACILITIES,
        )
        assert (found.pattern, found.confidence) == ("message_queue", "high")

    def test_a_reason_says_why_the_queue_covers_the_unknown_availability(self) -> None:
        words = " ".join(result(WORK_ORDER, FACILITIES).reasons)
        assert "a direct call" in words
        assert "at most medium" in words


CARRIER = {
    "systems": 9,
    "teams": "unknown",
    "change_rate": "unknown",
    "growth": "unknown",
    "platform": "azure",
    "existing_broker": "none",
}
DELIVERED = {
    "source": "carrier-gateway",
    "consumers": ["order-service", "customer-notifications", "billing", "analytics"],
    "interaction": "event",
    "latency": "unknown",
    "volume_per_day": "unknown",
    "peak_factor": "unknown",
    "delivery": "unknown",
    "ordering": "unknown",
    "consumer_availability": "unknown",
    "message_size_kb": "unknown",
    "replay": "unknown",
}


class TestEReplayNotAnswered:
    """Theme E, R3-36: with replay not answered, a router is offered while saying what would need a log; and the
    landscape does not call settling its unknowns a first decision when no answer changes any flow's pattern."""

    def test_the_reasons_say_that_replay_would_need_a_log(self) -> None:
        found = result(DELIVERED, CARRIER)
        assert found.approach == "event_router"
        words = " ".join(found.reasons)
        assert "re-read past events" in words
        assert "Azure Event Hubs" in words

    def test_unknowns_that_change_no_winner_are_not_a_decision_to_take_first(self) -> None:
        found = recommendation(DELIVERED, CARRIER)
        assert found.flows[0].robustness[found.flows[0].pattern] == 1.0
        advice = " ".join(found.landscape_advice)
        assert "You were not sure about teams" in advice
        assert "decision to take first" not in advice

    def test_unknowns_that_change_a_winner_remain_a_decision_to_take_first(self) -> None:
        found = recommendation(WORK_ORDER, {**FACILITIES, "teams": "unknown"})
        assert found.flows[0].robustness[found.flows[0].pattern] < 1.0
        assert "decision to take first" in " ".join(found.landscape_advice)


SMALL_SHOP = {
    "systems": 2,
    "teams": "one",
    "change_rate": "rare",
    "growth": "none",
    "platform": "any",
    "existing_broker": "none",
    "operations": "managed",
    "async_experience": "none",
}
NEW_CUSTOMER = {
    "source": "crm",
    "consumers": ["invoicing"],
    "interaction": "command",
    "latency": "seconds",
    "volume_per_day": 50,
    "peak_factor": 1,
    "delivery": "no_loss",
    "ordering": "none",
    "consumer_availability": "always",
    "message_size_kb": 2,
}


class TestGNoSelfRunGatewayForTwoSystems:
    """Theme G, R3-09: two systems, 50 calls a day and nobody to run anything get a direct call, a gateway being
    optional and, where wanted, managed; the reason does not set a threshold its own flips contradict."""

    def test_a_direct_call_leads_and_no_self_run_gateway_is_offered(self) -> None:
        found = result(NEW_CUSTOMER, SMALL_SHOP)
        assert found.pattern == "point_to_point"
        names = [t.name for t in found.technologies]
        assert names[0] == "A direct HTTPS call"
        assert "optional" in found.technologies[0].why
        assert not any("Self-run" in name for name in names)

    def test_a_managed_cloud_offers_its_managed_gateway_as_the_option(self) -> None:
        found = result(NEW_CUSTOMER, {**SMALL_SHOP, "platform": "aws"})
        names = [t.name for t in found.technologies]
        assert names[0] == "A direct HTTPS call"
        assert any(name.startswith("Amazon API Gateway") for name in names)

    def test_the_reason_states_the_peak_rather_than_a_threshold_the_flips_contradict(self) -> None:
        found = result(NEW_CUSTOMER, SMALL_SHOP)
        assert not any("below 5×" in r for r in found.reasons)
