"""The API's shapes for the OpenAPI schema, built from the engine's catalog so they cannot drift.

Requests are validated by the engine's own parser (one set of messages
everywhere); these models document the request and check the responses.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from advisor.engine.answers import FLOW_CHOICES, LANDSCAPE_CHOICES, UNKNOWN
from advisor.engine.catalog import FACTOR_IDS, PATTERN_IDS


def _choice(field: str, choices: dict[str, tuple[str, ...]]) -> Any:
    return Literal[(*choices[field], UNKNOWN)]


PatternId = Literal[PATTERN_IDS]  # type: ignore[valid-type]


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LandscapeIn(Closed):
    systems: int = Field(2, ge=2, le=500, description="How many systems take part")
    teams: _choice("teams", LANDSCAPE_CHOICES) = "one"  # type: ignore[valid-type]
    change_rate: _choice("change_rate", LANDSCAPE_CHOICES) = "rare"  # type: ignore[valid-type]
    growth: _choice("growth", LANDSCAPE_CHOICES) = "none"  # type: ignore[valid-type]
    platform: _choice("platform", LANDSCAPE_CHOICES) = "any"  # type: ignore[valid-type]
    existing_broker: _choice("existing_broker", LANDSCAPE_CHOICES) = "none"  # type: ignore[valid-type]
    operations: _choice("operations", LANDSCAPE_CHOICES) = "managed"  # type: ignore[valid-type]
    async_experience: _choice("async_experience", LANDSCAPE_CHOICES) = "some"  # type: ignore[valid-type]


class FlowIn(Closed):
    name: str = Field(min_length=1, max_length=120)
    source: str = Field("", max_length=80)
    consumers: list[str] = Field(["consumer"], min_length=1, max_length=50)
    interaction: _choice("interaction", FLOW_CHOICES)  # type: ignore[valid-type]
    latency: _choice("latency", FLOW_CHOICES) = "seconds"  # type: ignore[valid-type]
    volume_per_day: int = Field(1000, ge=0, le=10**11)
    peak_factor: float = Field(1, ge=1, le=10_000)
    delivery: _choice("delivery", FLOW_CHOICES) = "no_loss"  # type: ignore[valid-type]
    ordering: _choice("ordering", FLOW_CHOICES) = "none"  # type: ignore[valid-type]
    consumer_availability: _choice("consumer_availability", FLOW_CHOICES) = "always"  # type: ignore[valid-type]
    source_availability: _choice("source_availability", FLOW_CHOICES) = "always"  # type: ignore[valid-type]
    consumer_kind: _choice("consumer_kind", FLOW_CHOICES) = "service"  # type: ignore[valid-type]
    message_size_kb: float = Field(4, ge=0.1, le=1_048_576)
    replay: _choice("replay", FLOW_CHOICES) = "no"  # type: ignore[valid-type]


WeightsIn = type(
    "WeightsIn",
    (Closed,),
    {
        "__annotations__": {factor_id: float for factor_id in FACTOR_IDS},
        **{factor_id: Field(1, ge=0, le=3) for factor_id in FACTOR_IDS},
    },
)


class AssessmentIn(Closed):
    landscape: LandscapeIn = Field(default_factory=LandscapeIn)
    flows: list[FlowIn] = Field(min_length=1, max_length=50)
    weights: WeightsIn = Field(default_factory=WeightsIn)  # type: ignore[valid-type]
    name: str = Field("", max_length=120, description="Only stored by POST /assessments")
    engine_version: str = Field("", description="Ignored: present in exports so they post back unchanged")


class FactorOut(BaseModel):
    pressure: float
    contributions: dict[PatternId, float]


class RiskOut(BaseModel):
    risk: str
    mitigation: str
    severity: Literal["high", "medium", "low"]


class SizingOut(BaseModel):
    unit: str
    units: int
    peak_per_second: float
    peak_mb_per_second: float
    headroom: float
    retention_hours: float
    summary: str


class LimitOut(BaseModel):
    text: str
    source: str
    url: str
    as_of: str


class TechnologyOut(BaseModel):
    name: str
    why: str
    role: str
    sizing: SizingOut | None
    limits: list[LimitOut]
    remedies: list[str]


class FlipOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)
    field: str
    from_: str | int | float = Field(alias="from")
    to: str | int | float
    pattern: PatternId


class FlowOut(BaseModel):
    name: str
    pattern: PatternId
    approach: str
    fit: Literal["good", "weak"]
    scores: dict[PatternId, float]
    margin: float
    confidence: Literal["high", "medium", "low"]
    robustness: dict[PatternId, float]
    factors: dict[str, FactorOut]
    reasons: list[str]
    risks: list[RiskOut]
    technologies: list[TechnologyOut]
    flips: list[FlipOut]
    unknowns: list[str]


class FlowChangeOut(BaseModel):
    name: str
    pattern: PatternId


class LandscapeFlipOut(BaseModel):
    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)
    field: str
    from_: str | int | float = Field(alias="from")
    to: str | int | float
    flows: list[FlowChangeOut]


class RecommendationOut(BaseModel):
    engine_version: str
    summary: str
    mix: dict[PatternId, int]
    landscape_advice: list[str]
    landscape_flips: list[LandscapeFlipOut]
    flows: list[FlowOut]


class LinksOut(BaseModel):
    view_url: str
    edit_url: str
    pdf_url: str
    adr_url: str
    json_url: str


class FieldErrorOut(BaseModel):
    field: str
    message: str


class ErrorOut(BaseModel):
    detail: str
    errors: list[FieldErrorOut] = []
