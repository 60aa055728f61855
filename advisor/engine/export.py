"""The JSON shapes at the engine's edges: inputs (re-importable) and recommendations, both ways.

Dicts exist only here and in the adapters' JSON edges (API, export, storage):
`recommendation_from_dict` reads a stored snapshot back into the dataclasses
the rest of the product works with. Snapshots saved by an older engine lack
the newer fields; they read back with the values that mean "not computed".
"""

from __future__ import annotations

from typing import Any

from .model import (
    Assessment,
    FactorScore,
    Flip,
    Flow,
    FlowChange,
    FlowResult,
    LandscapeFlip,
    Limit,
    Recommendation,
    Risk,
    Sizing,
    TechnologyChoice,
)


def assessment_to_dict(assessment: Assessment) -> dict[str, Any]:
    """The inputs as they were given: an answer that was left out (taken by default) stays left out."""
    landscape = assessment.landscape
    left_out = assessment.assumed_landscape
    return {
        "landscape": {name: getattr(landscape, name) for name in type(landscape).__slots__ if name not in left_out},
        "flows": [_flow_to_dict(flow, assessment.assumed(i)) for i, flow in enumerate(assessment.flows)],
        "weights": dict(assessment.weights),
    }


def _flow_to_dict(flow: Flow, left_out: frozenset[str]) -> dict[str, Any]:
    values = {name: getattr(flow, name) for name in Flow.__slots__ if name not in left_out}
    if "consumers" in values:
        values["consumers"] = list(flow.consumers)
    return values


def recommendation_to_dict(recommendation: Recommendation) -> dict[str, Any]:
    return {
        "engine_version": recommendation.engine_version,
        "summary": recommendation.summary,
        "mix": dict(recommendation.mix),
        "landscape_advice": list(recommendation.landscape_advice),
        "landscape_flips": [
            {
                "field": f.field,
                "from": f.before,
                "to": f.after,
                "flows": [{"name": c.name, "pattern": c.pattern} for c in f.flows],
            }
            for f in recommendation.landscape_flips
        ],
        "flows": [flow_result_to_dict(result) for result in recommendation.flows],
    }


def flow_result_to_dict(result: FlowResult) -> dict[str, Any]:
    return {
        "name": result.name,
        "pattern": result.pattern,
        "approach": result.approach,
        "fit": result.fit,
        "decided": result.decided,
        "scores": dict(result.scores),
        "margin": result.margin,
        "confidence": result.confidence,
        "robustness": dict(result.robustness),
        "factors": {
            factor_id: {"pressure": score.pressure, "contributions": dict(score.contributions)}
            for factor_id, score in result.factors.items()
        },
        "reasons": list(result.reasons),
        "risks": [{"risk": r.risk, "mitigation": r.mitigation, "severity": r.severity} for r in result.risks],
        "technologies": [_technology_to_dict(t) for t in result.technologies],
        "flips": [{"field": f.field, "from": f.before, "to": f.after, "pattern": f.pattern} for f in result.flips],
        "unknowns": list(result.unknowns),
    }


def _technology_to_dict(technology: TechnologyChoice) -> dict[str, Any]:
    sizing = technology.sizing
    return {
        "name": technology.name,
        "why": technology.why,
        "role": technology.role,
        "sizing": None
        if sizing is None
        else {
            "unit": sizing.unit,
            "units": sizing.units,
            "peak_per_second": sizing.peak_per_second,
            "peak_mb_per_second": sizing.peak_mb_per_second,
            "headroom": sizing.headroom,
            "retention_hours": sizing.retention_hours,
            "summary": sizing.summary,
        },
        "limits": [
            {"text": li.text, "source": li.source, "url": li.url, "as_of": li.as_of} for li in technology.limits
        ],
        "remedies": list(technology.remedies),
    }


def recommendation_from_dict(raw: dict[str, Any]) -> Recommendation:
    """A stored snapshot (the shape `recommendation_to_dict` writes) as the engine's dataclasses."""
    return Recommendation(
        engine_version=raw["engine_version"],
        summary=raw["summary"],
        mix=dict(raw["mix"]),
        landscape_advice=tuple(raw["landscape_advice"]),
        flows=tuple(flow_result_from_dict(flow) for flow in raw["flows"]),
        landscape_flips=tuple(
            LandscapeFlip(
                field=f["field"],
                before=f["from"],
                after=f["to"],
                flows=tuple(FlowChange(c["name"], c["pattern"]) for c in f["flows"]),
            )
            for f in raw.get("landscape_flips", [])
        ),
    )


def flow_result_from_dict(raw: dict[str, Any]) -> FlowResult:
    return FlowResult(
        name=raw["name"],
        pattern=raw["pattern"],
        scores=dict(raw["scores"]),
        margin=raw["margin"],
        confidence=raw["confidence"],
        factors={
            factor_id: FactorScore(score["pressure"], dict(score["contributions"]))
            for factor_id, score in raw["factors"].items()
        },
        reasons=tuple(raw["reasons"]),
        risks=tuple(Risk(r["risk"], r["mitigation"], r.get("severity", "medium")) for r in raw["risks"]),
        technologies=tuple(_technology_from_dict(t) for t in raw["technologies"]),
        flips=tuple(Flip(f["field"], f["from"], f["to"], f["pattern"]) for f in raw["flips"]),
        unknowns=tuple(raw.get("unknowns", ())),
        robustness=dict(raw.get("robustness") or {raw["pattern"]: 1.0}),
        approach=raw.get("approach", ""),
        fit=raw.get("fit", "good"),
        decided=raw.get("decided", True),
    )


def _technology_from_dict(raw: dict[str, Any]) -> TechnologyChoice:
    sizing = raw.get("sizing")
    return TechnologyChoice(
        name=raw["name"],
        why=raw["why"],
        role=raw.get("role", ""),
        sizing=None if sizing is None else Sizing(**sizing),
        limits=tuple(Limit(**li) for li in raw.get("limits", ())),
        remedies=tuple(raw.get("remedies", ())),
    )
