"""Plain frozen dataclasses: what goes into the engine and what comes out."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields


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

    @property
    def fan_out(self) -> int:
        return len(self.consumers)


def _defaults(answers: type) -> dict[str, object]:
    """The default of every answer that has one, by field name."""
    return {f.name: f.default for f in fields(answers) if f.default is not MISSING}


DEFAULT_LANDSCAPE = _defaults(Landscape)
DEFAULT_FLOW = _defaults(Flow)


@dataclass(frozen=True, slots=True)
class Assessment:
    flows: tuple[Flow, ...]
    landscape: Landscape = field(default_factory=Landscape)
    weights: tuple[tuple[str, float], ...] = ()
    name: str = ""

    def weight(self, factor_id: str) -> float:
        return dict(self.weights).get(factor_id, 1.0)


@dataclass(frozen=True, slots=True)
class FactorScore:
    pressure: float
    contributions: dict[str, float]


@dataclass(frozen=True, slots=True)
class Risk:
    risk: str
    mitigation: str


@dataclass(frozen=True, slots=True)
class TechnologyChoice:
    name: str
    why: str


@dataclass(frozen=True, slots=True)
class Flip:
    field: str
    before: object
    after: object
    pattern: str


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


@dataclass(frozen=True, slots=True)
class Recommendation:
    engine_version: str
    summary: str
    mix: dict[str, int]
    landscape_advice: tuple[str, ...]
    flows: tuple[FlowResult, ...]
