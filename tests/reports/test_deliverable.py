"""Actions and open decisions regrouped from the engine's results."""

from __future__ import annotations

from dataclasses import replace

import pytest

from advisor.engine import parse_assessment, recommend
from advisor.engine.model import Risk, Sizing, TechnologyChoice
from advisor.reports.deliverable import actions, open_decisions, sizing_ceiling
from tests.conftest import SHOP


def test_one_risk_in_several_flows_is_one_action_at_its_worst_severity() -> None:
    flows = recommend(parse_assessment(SHOP)).flows
    shared = Risk("The provider is down.", "Retry with backoff.", "low")
    first = replace(flows[0], risks=(shared,))
    second = replace(
        flows[1], risks=(Risk("Duplicates.", "Idempotent consumers.", "medium"), replace(shared, severity="high"))
    )
    listed = actions([first, second])
    assert [(a.mitigation, a.severity, a.flows) for a in listed] == [
        ("Retry with backoff.", "high", (flows[0].name, flows[1].name)),
        ("Idempotent consumers.", "medium", (flows[1].name,)),
    ]


def test_a_decisive_unknown_comes_before_one_that_changes_nothing() -> None:
    body = {**SHOP, "flows": [dict(SHOP["flows"][0], latency="unknown"), dict(SHOP["flows"][1], ordering="unknown")]}
    assessment = parse_assessment(body)
    decisions = open_decisions(recommend(assessment), assessment)
    assert [(d.field, d.decisive) for d in decisions] == [("latency", True), ("ordering", False)]
    assert decisions[0].consequences == (
        "Customer lookup at checkout: if it is “within minutes” or “within hours”, message queue; "
        "any other value keeps point-to-point.",
    )
    assert decisions[1].consequences == ("No value of it changes a winner: Order placed stays event-driven.",)


@pytest.mark.parametrize(("units", "verb"), [(1, "1 queue carries"), (2, "2 queues carry")])
def test_the_sizing_ceiling_agrees_with_its_count(units: int, verb: str) -> None:
    sized = Sizing("queue", units, 50.0, 0.1, 0.5, 24, "")
    trigger = sizing_ceiling(TechnologyChoice(name="Amazon SQS FIFO queue", why="", sizing=sized))
    assert trigger.endswith(f"{verb} up to that with no headroom left.")
