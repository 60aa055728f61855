"""An architect's scenarios (tests/engine/scenarios.yaml), each with the answer they would sign and its source.

The expectations were written from published guidance before the engine's
answers were seen; this runner only checks them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from advisor.engine import parse_assessment, recommend
from advisor.engine.capabilities import CAPABILITIES
from advisor.engine.model import FlowResult

SCENARIOS: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "scenarios.yaml").read_text())
CONFIDENCE = ("low", "medium", "high")
NAMES = {c.id: c.name for c in CAPABILITIES}


def _advice(flow: FlowResult) -> str:
    parts = [*flow.reasons]
    parts += [f"{r.risk} {r.mitigation}" for r in flow.risks]
    parts += [f"{t.name} {t.why} {' '.join(t.remedies)}" for t in flow.technologies]
    return " ".join(parts).lower()


def _listed(flow: FlowResult, ids: list[str]) -> list[str]:
    names = [t.name for t in flow.technologies]
    return [i for i in ids if NAMES[i] in names]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["id"] for s in SCENARIOS])
def test_the_engine_signs_what_the_architect_signs(scenario: dict[str, Any]) -> None:
    raw = {
        "landscape": scenario.get("landscape") or {},
        "flows": [scenario["flow"], *(scenario.get("others") or [])],
    }
    found = recommend(parse_assessment(raw))
    flow = found.flows[0]
    expect = scenario["expect"]
    patterns = expect["pattern"] if isinstance(expect["pattern"], list) else [expect["pattern"]]
    assert flow.pattern in patterns, flow.reasons
    if "approach" in expect:
        assert flow.approach == expect["approach"]
    if "fit" in expect:
        assert flow.fit == expect["fit"]
    if "confidence_at_most" in expect:
        assert CONFIDENCE.index(flow.confidence) <= CONFIDENCE.index(expect["confidence_at_most"]), flow.reasons
    if "confidence_at_least" in expect:
        assert CONFIDENCE.index(flow.confidence) >= CONFIDENCE.index(expect["confidence_at_least"]), flow.reasons
    if "first_technology_role" in expect:
        assert flow.technologies
        assert flow.technologies[0].role == expect["first_technology_role"], [t.name for t in flow.technologies]
    if "technologies_include_any" in expect:
        assert _listed(flow, expect["technologies_include_any"]), [t.name for t in flow.technologies]
    if "technologies_exclude" in expect:
        assert not _listed(flow, expect["technologies_exclude"]), [t.name for t in flow.technologies]
    if "first_technology_not" in expect:
        assert flow.technologies
        assert flow.technologies[0].name not in [NAMES[i] for i in expect["first_technology_not"]]
    advice = _advice(flow)
    for words in expect.get("advice_mentions", []):
        assert words.lower() in advice, (words, advice)
    for words in expect.get("advice_never_mentions", []):
        assert words.lower() not in advice, words
    landscape = " ".join(found.landscape_advice).lower()
    for words in expect.get("landscape_advice_mentions", []):
        assert words.lower() in landscape, (words, landscape)
