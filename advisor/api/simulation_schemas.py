"""The what-if endpoints' shapes for the OpenAPI schema (the contract in docs/what-if.md).

Requests are validated by the engine's own parser (engine/whatif_parse.py); these models say in JSON
Schema what it accepts, from the same limits.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, create_model

from advisor.engine.catalog import PATTERN_IDS
from advisor.engine.simulation import BROKER, OutageOf
from advisor.engine.traffic import MINUTES, SHAPES
from advisor.engine.whatif_parse import MAX_CAPACITY, MAX_OUTAGES, MAX_RETENTION_HOURS, MAX_RETRIES, MIN_RETENTION_HOURS

from .schemas import AssessmentIn, Closed, FlowIn

PatternId = Literal[PATTERN_IDS]  # type: ignore[valid-type]
Shape = Literal[SHAPES]  # type: ignore[valid-type]


class OutageIn(Closed):
    """Down from `start_minute` (0 is midnight) for `minutes`; it must end within the day."""

    start_minute: int = Field(0, ge=0, le=MINUTES - 1)
    minutes: int = Field(ge=1, le=MINUTES, description=f"start_minute + minutes is at most {MINUTES}.")


class ScenarioIn(Closed):
    """Every field is optional: an omitted one takes the default derived from the flow."""

    shape: Shape | None = Field(
        None, description="The day's traffic; default: flat when peak_factor is 1, else business_day."
    )
    capacity_per_minute: float | None = Field(
        None,
        ge=0,
        le=MAX_CAPACITY,
        description="Messages each consumer takes a minute; default: the flow's peak with the sizing's headroom.",
    )
    outages: list[OutageIn] | None = Field(
        None,
        max_length=MAX_OUTAGES,
        description="When the consumers are down; default from consumer_availability (none when always).",
    )
    retry_attempts: int | None = Field(
        None, ge=0, le=MAX_RETRIES, description="Point-to-point retries after a failed call; default 2."
    )
    retention_hours: float | None = Field(
        None,
        ge=MIN_RETENTION_HOURS,
        le=MAX_RETENTION_HOURS,
        description="How long a queue or log keeps messages; default: what the sizing asks, within the "
        "recommended technology's documented retention.",
    )
    broker_outages: list[OutageIn] = Field([], max_length=MAX_OUTAGES, description="When the broker itself is down.")


class SimulationIn(Closed):
    flow: FlowIn  # type: ignore[valid-type]
    scenario: ScenarioIn = Field(default_factory=ScenarioIn)


class LandscapeOutageIn(OutageIn):
    system: str = Field(description=f'A system one of the flows names (any case), or "{BROKER}".')


LandscapeWhatIfIn = create_model(
    "LandscapeWhatIfIn",
    __base__=AssessmentIn,
    outage=(LandscapeOutageIn, ...),
)


class SeriesOut(BaseModel):
    arrivals: list[float] = Field(min_length=MINUTES, max_length=MINUTES)
    processed: list[float] = Field(min_length=MINUTES, max_length=MINUTES)
    backlog: list[float] = Field(min_length=MINUTES, max_length=MINUTES)


class DrainOut(BaseModel):
    of: OutageOf = Field(description="Whose outage: the consumers' (outages) or the broker's.")
    start_minute: int
    minutes: int
    drain_minutes: float | None = Field(
        description=(
            "From this outage's end until nothing waits (through any later outage); null when nothing waits at "
            "its end, the outage lasts until midnight, or the backlog is not shrinking."
        )
    )


class PatternOutcomeOut(BaseModel):
    """Counted per consumer: a message to three consumers is three deliveries."""

    arrived: float
    delivered: float
    lost: float
    queued_at_end: float
    max_backlog: float
    max_delay_minutes: float
    p95_delay_minutes: float
    drain_minutes: float | None = Field(
        description=(
            "From the end of the last outage (without one, from the largest backlog) until empty; null when "
            "nothing backed up or it does not shrink."
        )
    )
    drain_minutes_per_outage: list[DrainOut] = Field(
        description="One per outage, consumers' and broker's, in the order of the day (earliest start first)."
    )
    producer_calls: float
    retention_exceeded: bool
    series: SeriesOut


class SimulationOut(BaseModel):
    minutes: Literal[1440]
    patterns: dict[PatternId, PatternOutcomeOut]


class FlowWhatIfOut(BaseModel):
    name: str
    pattern: PatternId
    affected: bool
    arrived: float
    delivered: float
    lost: float
    max_backlog: float
    drain_minutes: float | None


class LandscapeWhatIfOut(BaseModel):
    minutes: Literal[1440]
    flows: list[FlowWhatIfOut]
