"""The second independent review's refusals on the advice (docs/review-2026-12-07.md), each flow built here.

Numbers in the test names are the review's verdict numbers (#22 is the card charge a checkout waits for).
"""

from __future__ import annotations

from typing import Any

from advisor.engine import parse_assessment, recommend
from advisor.engine.model import FlowResult, Recommendation

P2P, QUEUE, EVENTS = "point_to_point", "message_queue", "event_driven"
OVER_ENGINEERING = "a broker here would be over-engineering"


def recommendation(flow: dict[str, Any], landscape: dict[str, Any]) -> Recommendation:
    return recommend(parse_assessment({"landscape": landscape, "flows": [{"name": "flow", **flow}]}))


def result(flow: dict[str, Any], landscape: dict[str, Any]) -> FlowResult:
    return recommendation(flow, landscape).flows[0]


def said(flow: FlowResult) -> str:
    return " ".join([*flow.reasons, *(r.risk + " " + r.mitigation for r in flow.risks)])


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
