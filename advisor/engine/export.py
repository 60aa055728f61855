"""The JSON shapes of the API: inputs (re-importable) and recommendations."""

from __future__ import annotations

from typing import Any

from .model import Assessment, Flow, FlowResult, Recommendation


def assessment_to_dict(assessment: Assessment) -> dict[str, Any]:
    landscape = assessment.landscape
    return {
        "landscape": {name: getattr(landscape, name) for name in type(landscape).__slots__},
        "flows": [_flow_to_dict(flow) for flow in assessment.flows],
        "weights": dict(assessment.weights),
    }


def _flow_to_dict(flow: Flow) -> dict[str, Any]:
    values = {name: getattr(flow, name) for name in Flow.__slots__}
    values["consumers"] = list(flow.consumers)
    return values


def recommendation_to_dict(recommendation: Recommendation) -> dict[str, Any]:
    return {
        "engine_version": recommendation.engine_version,
        "summary": recommendation.summary,
        "mix": dict(recommendation.mix),
        "landscape_advice": list(recommendation.landscape_advice),
        "flows": [flow_result_to_dict(result) for result in recommendation.flows],
    }


def flow_result_to_dict(result: FlowResult) -> dict[str, Any]:
    return {
        "name": result.name,
        "pattern": result.pattern,
        "scores": dict(result.scores),
        "margin": result.margin,
        "confidence": result.confidence,
        "factors": {
            factor_id: {"pressure": score.pressure, "contributions": dict(score.contributions)}
            for factor_id, score in result.factors.items()
        },
        "reasons": list(result.reasons),
        "risks": [{"risk": r.risk, "mitigation": r.mitigation} for r in result.risks],
        "technologies": [{"name": t.name, "why": t.why} for t in result.technologies],
        "flips": [{"field": f.field, "from": f.before, "to": f.after, "pattern": f.pattern} for f in result.flips],
        "unknowns": list(result.unknowns),
    }
