"""Plain frozen dataclasses: what goes into the engine and what comes out."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Final


@dataclass(frozen=True, slots=True)
class Landscape:
    """The answers about the whole set of systems; enum answers may be "unknown"."""

    systems: int = 2
    teams: str = "one"
    change_rate: str = "rare"
    growth: str = "none"
    platform: str = "any"
    existing_broker: str = "none"
    operations: str = "managed"
    async_experience: str = "some"


@dataclass(frozen=True, slots=True)
class Flow:
    """One data flow between a source and its consumers."""

    name: str
    interaction: str
    source: str = ""
    consumers: tuple[str, ...] = ("consumer",)
    latency: str = "seconds"
    volume_per_day: int = 1000
    peak_factor: float = 1
    delivery: str = "no_loss"
    ordering: str = "none"
    consumer_availability: str = "always"
    source_availability: str = "always"
    consumer_kind: str = "service"
    message_size_kb: float = 4
    replay: str = "no"

    @property
    def fan_out(self) -> int:
        return len(self.consumers)


@dataclass(frozen=True, slots=True)
class Assessment:
    flows: tuple[Flow, ...]
    landscape: Landscape = field(default_factory=Landscape)
    # Only the weights that were given, in factor order; a missing factor weighs 1.
    weights: tuple[tuple[str, float], ...] = ()
    name: str = ""


@dataclass(frozen=True, slots=True)
class FactorScore:
    pressure: float
    contributions: dict[str, float]


@dataclass(frozen=True, slots=True)
class Risk:
    risk: str
    mitigation: str
    # "high" | "medium" | "low": how much harm it does when it happens here.
    severity: str = "medium"


@dataclass(frozen=True, slots=True)
class Limit:
    """A service limit that matters for this flow, with where it was read and when."""

    text: str
    source: str
    url: str
    as_of: str


@dataclass(frozen=True, slots=True)
class Sizing:
    """What one technology needs to carry the flow at its peak."""

    unit: str
    units: int
    peak_per_second: float
    peak_mb_per_second: float
    # The share of the units' capacity left free at the peak (0 to 1).
    headroom: float
    # How long messages must be kept to survive the longest outage the answers imply.
    retention_hours: float
    summary: str


@dataclass(frozen=True, slots=True)
class TechnologyChoice:
    name: str
    why: str
    # "queue" | "router" | "log" | "gateway" | "push" | "bulk" | "operator": the part it plays.
    role: str = ""
    sizing: Sizing | None = None
    limits: tuple[Limit, ...] = ()
    # What to add when it fits except for one limit (a claim check for large payloads, ...).
    remedies: tuple[str, ...] = ()


# In JSON a flip reads {"field", "from", "to", ...}: `from` is a Python keyword.
FROM: Final = {"json": "from"}
TO: Final = {"json": "to"}


@dataclass(frozen=True, slots=True)
class Flip:
    field: str
    before: object = dataclasses.field(metadata=FROM)
    after: object = dataclasses.field(metadata=TO)
    pattern: str = dataclasses.field()


@dataclass(frozen=True, slots=True)
class FlowChange:
    """A flow whose winner a landscape flip changes, and the pattern it would get."""

    name: str
    pattern: str


@dataclass(frozen=True, slots=True)
class LandscapeFlip:
    """One landscape answer changed, and the flows whose winner it changes."""

    field: str
    before: object = dataclasses.field(metadata=FROM)
    after: object = dataclasses.field(metadata=TO)
    flows: tuple[FlowChange, ...] = dataclasses.field()


@dataclass(frozen=True, slots=True)
class FlowResult:
    name: str
    pattern: str
    scores: dict[str, float]
    margin: float
    confidence: str
    factors: dict[str, FactorScore]
    reasons: tuple[str, ...]
    risks: tuple[Risk, ...]
    technologies: tuple[TechnologyChoice, ...]
    flips: tuple[Flip, ...]
    unknowns: tuple[str, ...] = ()
    # The share of the plausible answers to the unknowns under which each pattern wins.
    robustness: dict[str, float] = field(default_factory=dict)
    # How the pattern is applied here (catalog APPROACHES): "request_response", "async_request_reply", ...
    approach: str = ""
    # "good", or "weak" when none of the three patterns fits well (a periodic bulk transfer).
    fit: str = "good"


@dataclass(frozen=True, slots=True)
class Recommendation:
    engine_version: str
    summary: str
    mix: dict[str, int]
    landscape_advice: tuple[str, ...]
    flows: tuple[FlowResult, ...]
    landscape_flips: tuple[LandscapeFlip, ...] = ()
