"""Golden cases: each decision rule of DESIGN.md section 3, both sides of its boundaries."""

from __future__ import annotations

from typing import Any

import pytest

from advisor.engine import parse_assessment, recommend
from advisor.engine.presets import USE_CASES

P2P, QUEUE, EVENTS = "point_to_point", "message_queue", "event_driven"


def winner(flow: dict[str, Any] | None = None, landscape: dict[str, Any] | None = None, **weights: float) -> str:
    return result(flow, landscape, **weights).pattern


def result(flow: dict[str, Any] | None = None, landscape: dict[str, Any] | None = None, **weights: float) -> Any:
    raw = {
        "landscape": landscape or {},
        "flows": [{"name": "flow", "interaction": "command", **(flow or {})}],
        "weights": weights,
    }
    return recommend(parse_assessment(raw)).flows[0]


BIG_LANDSCAPE = {
    "systems": 200,
    "teams": "many",
    "change_rate": "weekly",
    "growth": "fast",
    "existing_broker": "kafka",
    "async_experience": "strong",
}


@pytest.mark.parametrize(
    ("case", "flow", "landscape", "expected"),
    [
        # Rule 1: a query whose caller waits is point-to-point, even in a large landscape.
        ("query, small landscape", {"interaction": "query", "latency": "immediate"}, {}, P2P),
        (
            "query, large landscape with Kafka",
            {
                "interaction": "query",
                "latency": "immediate",
                "consumers": ["a", "b", "c", "d"],
                "volume_per_day": 10**9,
                "peak_factor": 100,
            },
            BIG_LANDSCAPE,
            P2P,
        ),
        ("query answered within seconds", {"interaction": "query", "latency": "seconds"}, BIG_LANDSCAPE, P2P),
        # Rule 2: work for one consumer that meets downtime, peaks or may finish later goes through a queue.
        ("consumer often offline", {"consumer_availability": "often_offline"}, {}, QUEUE),
        ("consumer has maintenance windows", {"consumer_availability": "maintenance_windows"}, {}, QUEUE),
        ("peaks beyond the consumer", {"peak_factor": 50, "volume_per_day": 100_000}, {}, QUEUE),
        ("may complete within minutes", {"latency": "minutes"}, {}, QUEUE),
        ("may complete within hours", {"latency": "hours"}, {}, QUEUE),
        # ... but `no_loss` alone does not force a queue (rule 2 and 4).
        ("no loss, always available, no peaks", {"delivery": "no_loss"}, {}, P2P),
        (
            "offline consumer but loss is acceptable",
            {"consumer_availability": "often_offline", "delivery": "best_effort"},
            {},
            P2P,
        ),
        # Rule 3: a fact several systems care about is event-driven, whatever the latency.
        ("event to three consumers", {"interaction": "event", "consumers": ["a", "b", "c"]}, {}, EVENTS),
        (
            "event to three consumers, immediate",
            {"interaction": "event", "consumers": ["a", "b", "c"], "latency": "immediate"},
            {},
            EVENTS,
        ),
        (
            "event to three consumers, hours",
            {"interaction": "event", "consumers": ["a", "b", "c"], "latency": "hours"},
            {},
            EVENTS,
        ),
        (
            "event to two consumers, more expected",
            {"interaction": "event", "consumers": ["a", "b"]},
            {"growth": "some"},
            EVENTS,
        ),
        ("command to three consumers is an event", {"consumers": ["a", "b", "c"]}, {}, EVENTS),
        # Rule 4: few systems, one consumer, low volume, rare change: no broker.
        ("simple command", {}, {}, P2P),
        ("simple event to one consumer", {"interaction": "event"}, {}, P2P),
    ],
)
def test_each_decision_rule_holds(case: str, flow: dict[str, Any], landscape: dict[str, Any], expected: str) -> None:
    assert winner(flow, landscape) == expected, case


def test_a_direct_call_for_work_that_must_not_be_lost_has_lowered_confidence() -> None:
    assert result({"delivery": "no_loss"}).pattern == P2P
    assert result({"delivery": "no_loss"}).confidence != "high"


def test_a_command_to_several_consumers_says_it_is_really_an_event() -> None:
    reasons = " ".join(result({"consumers": ["CRM", "Email", "Analytics"]}).reasons)
    assert "really an event" in reasons


def test_events_cannot_answer_questions_is_said_for_queries() -> None:
    assert any("events cannot answer questions" in r for r in result({"interaction": "query"}).reasons)


def test_latency_changes_the_kind_of_broker_not_the_pattern() -> None:
    flows = [
        winner({"interaction": "event", "consumers": ["a", "b", "c"], "latency": latency})
        for latency in ("immediate", "seconds", "minutes", "hours")
    ]
    assert flows == [EVENTS] * 4


def test_no_loss_events_are_durable_through_an_outbox() -> None:
    risks = result({"interaction": "event", "consumers": ["a", "b", "c"], "delivery": "no_loss"}).risks
    assert any("outbox" in r.mitigation.lower() for r in risks)


@pytest.mark.parametrize(
    ("systems", "direct_flows", "hub"), [(5, 4, False), (6, 3, False), (6, 4, True), (20, 6, True)]
)
def test_a_hub_is_named_from_six_systems_with_four_direct_flows(systems: int, direct_flows: int, hub: bool) -> None:
    flows = [{"name": f"lookup {i}", "interaction": "query", "latency": "immediate"} for i in range(direct_flows)]
    advice = " ".join(recommend(parse_assessment({"landscape": {"systems": systems}, "flows": flows})).landscape_advice)
    assert ("introduce a hub" in advice) is hub
    assert f"up to {systems * (systems - 1) // 2} direct" in advice


@pytest.mark.parametrize("slug", USE_CASES)
def test_each_use_case_flow_gets_the_pattern_of_the_founding_article(slug: str) -> None:
    case = USE_CASES[slug]
    patterns = tuple(f.pattern for f in recommend(parse_assessment(case.assessment)).flows)
    assert patterns == case.expected


def test_the_mix_is_the_headline_when_flows_differ() -> None:
    recommendation = recommend(parse_assessment(USE_CASES["crm-ecommerce"].assessment))
    assert recommendation.mix == {P2P: 1, QUEUE: 1, EVENTS: 1}
    assert recommendation.summary.startswith("A combination across 3 flows")


def test_a_heavier_weight_can_change_the_winner() -> None:
    flow = {"consumer_availability": "maintenance_windows"}
    assert winner(flow) == QUEUE
    assert winner(flow, real_time=3, complexity=3, data_volume=3, error_handling=0) == P2P


def test_a_zero_weight_removes_a_factor_from_every_score() -> None:
    scored = result({}, None, real_time=0)
    assert all(value == 0 for value in scored.factors["real_time"].contributions.values())


class TestTechnologies:
    def names(self, flow: dict[str, Any], landscape: dict[str, Any]) -> list[str]:
        return [t.name for t in result(flow, landscape).technologies]

    def test_an_existing_fitting_broker_comes_first(self) -> None:
        names = self.names({"consumer_availability": "often_offline"}, {"existing_broker": "rabbitmq"})
        assert names[0] == "RabbitMQ"

    def test_a_broker_that_does_not_fit_the_pattern_is_not_reused(self) -> None:
        names = self.names(
            {"consumer_availability": "often_offline"}, {"existing_broker": "eventbridge", "platform": "aws"}
        )
        assert "AWS EventBridge" not in names
        assert names[0] == "Amazon SQS"

    def test_the_platforms_managed_services_follow(self) -> None:
        names = self.names({"interaction": "event", "consumers": ["a", "b", "c"]}, {"platform": "azure"})
        assert names[0].startswith("Azure")

    def test_no_experience_and_no_ops_capacity_gets_managed_services_and_a_warning(self) -> None:
        scored = result(
            {"interaction": "event", "consumers": ["a", "b", "c"], "volume_per_day": 10**8},
            {"platform": "aws", "async_experience": "none", "operations": "managed"},
        )
        assert all("Kafka" not in t.name for t in scored.technologies)
        assert any("no experience" in r.risk for r in scored.risks)

    def test_queries_get_an_api_gateway(self) -> None:
        assert self.names({"interaction": "query"}, {"platform": "aws"}) == ["Amazon API Gateway"]


class TestUnknownAnswers:
    def test_unknown_uses_the_default_and_lowers_the_confidence(self) -> None:
        known = result({"interaction": "query", "latency": "immediate"})
        doubtful = result({"interaction": "query", "latency": "immediate", "delivery": "unknown"}, {"teams": "unknown"})
        assert doubtful.scores == known.scores
        assert known.confidence == "high"
        assert doubtful.confidence == "medium"
        assert doubtful.unknowns == ("teams", "delivery")
        assert any("not sure" in r for r in doubtful.reasons)

    def test_many_unknowns_give_low_confidence(self) -> None:
        doubtful = result(
            {"interaction": "query", "latency": "immediate", "delivery": "unknown", "ordering": "unknown"},
            {"teams": "unknown"},
        )
        assert doubtful.confidence == "low"
