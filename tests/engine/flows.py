"""One flow through the engine, for the tests that pin a reviewer's verdicts: its recommendation, its result and
everything it says (reasons, risks and mitigations) as one text to search."""

from __future__ import annotations

from typing import Any

from advisor.engine import parse_assessment, recommend
from advisor.engine.model import FlowResult, Recommendation


def recommendation(flow: dict[str, Any], landscape: dict[str, Any]) -> Recommendation:
    return recommend(parse_assessment({"landscape": landscape, "flows": [{"name": "flow", **flow}]}))


def result(flow: dict[str, Any], landscape: dict[str, Any]) -> FlowResult:
    return recommendation(flow, landscape).flows[0]


def said(flow: FlowResult) -> str:
    return " ".join([*flow.reasons, *(r.risk + " " + r.mitigation for r in flow.risks)])
