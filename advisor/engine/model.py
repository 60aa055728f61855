"""Plain frozen dataclasses: what goes into the engine and what comes out."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Final, Literal

from .choices import (
    Availability,
    Broker,
    ChangeRate,
    ConsumerKind,
    Delivery,
    Experience,
    Freshness,
    Growth,
    Interaction,
    Latency,
    Operations,
    Ordering,
    Platform,
    Replay,
    SenderKind,
    Teams,
    Transaction,
)

# How the winning pattern is applied to a flow (catalog APPROACHES); "" before it is known.
ApproachId = Literal[
    "request_response",
    "async_request_reply",
    "local_copy",
    "work_queue",
    "event_router",
    "event_log",
    "bulk_transfer",
    "",
]
# The part a technology plays for a flow (catalog ROLES, and "operator": whoever runs it).
Role = Literal["gateway", "queue", "router", "log", "push", "bulk", "device", "cache", "operator", ""]
# "weak" when none of the three patterns fits well (a periodic bulk transfer).
Fit = Literal["good", "weak"]


@dataclass(frozen=True, slots=True)
class Span:
    """A number the person was not sure of: a range they gave (`[low, high]`), or "unknown".

    `values` are the plausible values the flow is scored over, lowest first: the range's ends and its
    geometric middle, or for "unknown" a fixed spread over what such flows carry (answers.Answer.plausible).
    No premise holds on a span, and no sentence states one of its values as what the person said.
    """

    values: tuple[float, ...]
    unknown: bool = False

    @property
    def low(self) -> float:
        return self.values[0]

    @property
    def high(self) -> float:
        return self.values[-1]

    def wire(self) -> object:
        """As the API takes it back: "unknown" or [low, high]."""
        return "unknown" if self.unknown else [_plain(self.low), _plain(self.high)]


def _plain(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


@dataclass(frozen=True, slots=True)
class Landscape:
    """The answers about the whole set of systems; each choice may be "not sure" (UNKNOWN)."""

    systems: int = 2
    teams: Teams = Teams.ONE
    change_rate: ChangeRate = ChangeRate.RARE
    growth: Growth = Growth.NONE
    platform: Platform = Platform.ANY
    existing_broker: Broker = Broker.NONE
    operations: Operations = Operations.MANAGED
    async_experience: Experience = Experience.SOME


@dataclass(frozen=True, slots=True)
class Flow:
    """One data flow between a source and its consumers."""

    name: str
    interaction: Interaction
    source: str = ""
    consumers: tuple[str, ...] = ("consumer",)
    latency: Latency = Latency.SECONDS
    volume_per_day: int | Span = 1000
    peak_factor: float | Span = 1
    delivery: Delivery = Delivery.NO_LOSS
    ordering: Ordering = Ordering.NONE
    consumer_availability: Availability = Availability.ALWAYS
    source_availability: Availability = Availability.ALWAYS
    consumer_kind: ConsumerKind = ConsumerKind.SERVICE
    message_size_kb: float | Span = 4
    replay: Replay = Replay.NO
    source_kind: SenderKind = SenderKind.SERVICE
    transaction: Transaction = Transaction.SINGLE
    freshness: Freshness = Freshness.MAY_BE_STALE

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
    # The answers the input left out, so taken at their defaults: sentences say "assumed" of them, and the
    # export leaves them out again. Per flow, in flow order; none for an assessment built in code.
    assumed_landscape: frozenset[str] = field(default=frozenset(), compare=False)
    assumed_flows: tuple[frozenset[str], ...] = field(default=(), compare=False)

    def assumed(self, index: int) -> frozenset[str]:
        """The answers taken by default for one flow: its own and its landscape's."""
        flow = self.assumed_flows[index] if index < len(self.assumed_flows) else frozenset()
        return self.assumed_landscape | flow


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
    # None where the vendor publishes no capacity to measure the peak against (a self-run broker, a larger tier).
    headroom: float | None
    # How long messages must be kept to survive the longest outage the answers imply.
    retention_hours: float
    summary: str


@dataclass(frozen=True, slots=True)
class TechnologyChoice:
    name: str
    why: str
    role: Role = ""
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
    approach: ApproachId = ""
    fit: Fit = "good"
    # False when no pattern wins two thirds of the plausible answers to what the person was not sure of.
    decided: bool = True

    @property
    def bulk(self) -> bool:
        """A periodic bulk transfer: none of the three patterns fits it, whatever its scores."""
        return self.approach == "bulk_transfer"


@dataclass(frozen=True, slots=True)
class Recommendation:
    engine_version: str
    summary: str
    mix: dict[str, int]
    landscape_advice: tuple[str, ...]
    flows: tuple[FlowResult, ...]
    landscape_flips: tuple[LandscapeFlip, ...] = ()
