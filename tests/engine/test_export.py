"""A stored snapshot reads back into the same dataclasses the engine returned."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from advisor.engine import Recommendation, recommendation_from_dict, recommendation_to_dict
from advisor.engine.export import UnreadableSnapshot
from advisor.engine.model import (
    FactorScore,
    Flip,
    FlowChange,
    FlowResult,
    LandscapeFlip,
    Limit,
    Risk,
    Sizing,
    TechnologyChoice,
)

FULL = Recommendation(
    engine_version="9.9.9",
    summary="A combination across 2 flows.",
    mix={"point_to_point": 0, "message_queue": 1, "event_driven": 1},
    landscape_advice=("Name a hub.",),
    landscape_flips=(
        LandscapeFlip(field="systems", before=4, after=12, flows=(FlowChange(name="Orders", pattern="message_queue"),)),
    ),
    flows=(
        FlowResult(
            name="Orders",
            pattern="event_driven",
            scores={"point_to_point": 20.5, "message_queue": 61.25, "event_driven": 70.0},
            margin=8.75,
            confidence="medium",
            factors={
                "complexity": FactorScore(0.4, {"point_to_point": 1.5, "message_queue": 2.0, "event_driven": 3.0})
            },
            reasons=("Three systems care about it.",),
            risks=(Risk(risk="Lost events.", mitigation="Persistent topics.", severity="high"),),
            technologies=(
                TechnologyChoice(
                    name="Amazon SNS",
                    why="Fans out.",
                    role="router",
                    sizing=Sizing(
                        unit="topic",
                        units=2,
                        peak_per_second=12.5,
                        peak_mb_per_second=0.05,
                        headroom=0.4,
                        retention_hours=24.0,
                        summary="2 topics carry 12.5 messages a second.",
                    ),
                    limits=(
                        Limit(text="256 KB a message", source="AWS docs", url="https://example.org", as_of="2026-11"),
                    ),
                    remedies=("claim check",),
                ),
            ),
            flips=(Flip(field="latency", before="seconds", after="immediate", pattern="point_to_point"),),
            unknowns=("teams",),
            robustness={"point_to_point": 0.0, "message_queue": 0.25, "event_driven": 0.75},
            approach="event_router",
            fit="weak",
            decided=False,
        ),
    ),
)

# What engine 1.0.0 stored, before robustness, approach, fit, severity, role, sizing, limits,
# remedies and landscape flips existed.
OLD_SNAPSHOT: dict[str, Any] = {
    "engine_version": "1.0.0",
    "summary": "The flow fits a message queue.",
    "mix": {"point_to_point": 0, "message_queue": 1, "event_driven": 0},
    "landscape_advice": ["Keep it simple."],
    "flows": [
        {
            "name": "Purchases",
            "pattern": "message_queue",
            "scores": {"point_to_point": 30.0, "message_queue": 70.0, "event_driven": 50.0},
            "margin": 20.0,
            "confidence": "high",
            "factors": {
                "error_handling": {
                    "pressure": 0.9,
                    "contributions": {"point_to_point": 1.0, "message_queue": 9.0, "event_driven": 7.0},
                }
            },
            "reasons": ["The tills go offline."],
            "risks": [{"risk": "A poison message.", "mitigation": "A dead-letter queue."}],
            "technologies": [{"name": "Amazon SQS", "why": "Managed."}],
            "flips": [{"field": "delivery", "from": "no_loss", "to": "best_effort", "pattern": "point_to_point"}],
            "unknowns": [],
        }
    ],
}


def every_default_left(value: object, path: str = "") -> list[str]:
    """Fields of `value` (and of the dataclasses inside it) that still hold their default."""
    if isinstance(value, (tuple, list)):
        return [p for i, item in enumerate(value) for p in every_default_left(item, f"{path}[{i}]")]
    if not dataclasses.is_dataclass(value) or isinstance(value, type):
        return []
    left = []
    for f in dataclasses.fields(value):
        current = getattr(value, f.name)
        default = f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
        if current == default or current in ((), {}, ""):
            left.append(f"{path}.{f.name}")
        left += every_default_left(current, f"{path}.{f.name}")
    return left


def test_the_full_recommendation_fills_every_field() -> None:
    assert every_default_left(FULL) == []


def test_a_recommendation_reads_back_equal_after_storing_it_as_json() -> None:
    stored = json.loads(json.dumps(recommendation_to_dict(FULL)))
    assert recommendation_from_dict(stored) == FULL


def test_a_snapshot_from_engine_1_0_0_reads_back_with_the_values_that_mean_not_computed() -> None:
    read = recommendation_from_dict(OLD_SNAPSHOT)
    assert read.landscape_flips == ()
    flow = read.flows[0]
    assert flow.robustness == {"message_queue": 1.0}
    assert (flow.approach, flow.fit) == ("", "good")
    assert flow.risks == (Risk(risk="A poison message.", mitigation="A dead-letter queue.", severity="medium"),)
    assert flow.technologies == (TechnologyChoice(name="Amazon SQS", why="Managed."),)
    assert flow.flips == (Flip(field="delivery", before="no_loss", after="best_effort", pattern="point_to_point"),)
    assert flow.factors["error_handling"] == FactorScore(
        0.9, {"point_to_point": 1.0, "message_queue": 9.0, "event_driven": 7.0}
    )


def test_a_snapshot_with_a_value_its_type_does_not_allow_is_refused() -> None:
    stored = json.loads(json.dumps(recommendation_to_dict(FULL)))
    stored["flows"][0]["fit"] = "excellent"
    with pytest.raises(UnreadableSnapshot, match="fit"):
        recommendation_from_dict(stored)
    stored["flows"][0]["fit"], stored["flows"][0]["margin"] = "weak", "wide"
    with pytest.raises(UnreadableSnapshot, match="margin"):
        recommendation_from_dict(stored)
