"""The scoring engine: a functional core with no Django import anywhere in it."""

from __future__ import annotations

from .export import assessment_to_dict, recommendation_from_dict, recommendation_to_dict
from .model import Assessment, Flip, Flow, FlowResult, Landscape, Recommendation
from .parse import FieldError, InvalidAssessment, parse_assessment
from .recommend import ENGINE_VERSION, recommend

__all__ = [
    "ENGINE_VERSION",
    "Assessment",
    "FieldError",
    "Flip",
    "Flow",
    "FlowResult",
    "InvalidAssessment",
    "Landscape",
    "Recommendation",
    "assessment_to_dict",
    "parse_assessment",
    "recommend",
    "recommendation_from_dict",
    "recommendation_to_dict",
]
