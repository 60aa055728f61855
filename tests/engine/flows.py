"""One flow through the engine, for the tests that pin a reviewer's verdicts: its recommendation, its result and
everything it says (reasons, risks and mitigations) as one text to search."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from advisor.engine import parse_assessment, recommend
from advisor.engine.model import FlowResult, Recommendation, TechnologyChoice


def recommendation(flow: dict[str, Any], landscape: dict[str, Any]) -> Recommendation:
    return recommend(parse_assessment({"landscape": landscape, "flows": [{"name": "flow", **flow}]}))


def result(flow: dict[str, Any], landscape: dict[str, Any]) -> FlowResult:
    return recommendation(flow, landscape).flows[0]


def said(flow: FlowResult) -> str:
    return " ".join([*flow.reasons, *(r.risk + " " + r.mitigation for r in flow.risks)])


@cache
def _scenarios(file: str) -> dict[str, dict[str, Any]]:
    """A review's scenarios by their id's review and number ("R4-14", "R10-06")."""
    return {"-".join(s["id"].split("-")[:2]): s for s in yaml.safe_load(Path(__file__).with_name(file).read_text())}


def reviewed_recommendation(file: str, scenario: str) -> Recommendation:
    """A review's scenario, answered as the reviewer answered it (its expectations left out)."""
    found = _scenarios(file)[scenario]
    flows = [{k: v for k, v in f.items() if k != "expected"} for f in found["flows"]]
    return recommend(parse_assessment({"landscape": found["landscape"], "flows": flows}))


def reviewed(file: str, scenario: str, flow: str) -> FlowResult:
    """A flow of a review's scenario, answered as the reviewer answered it."""
    return next(f for f in reviewed_recommendation(file, scenario).flows if f.name == flow)


def texts(choice: TechnologyChoice) -> str:
    """Everything a technology's entry says: why, its sizing and its remedies."""
    return " ".join([choice.why, choice.sizing.summary if choice.sizing else "", *choice.remedies])


def set_aside(flow: FlowResult) -> str:
    """The mitigations of an event a subscriber cannot process: where the flow sets it aside."""
    found = [r.mitigation for r in flow.risks if "cannot process" in r.risk]
    assert found, [r.risk for r in flow.risks]
    return " ".join(found)
