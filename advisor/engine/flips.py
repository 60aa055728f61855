"""What would change the answer: the smallest single-answer changes that change a flow's winner.

Scores are sums of per-factor contributions, so a changed answer re-scores
only the factors its signals feed (all of them when it changes the kind of
interaction). Two shortcuts keep this cheap, and both are exact:

- A factor's pressure moves by at most 1, so it can close the gap between
  two patterns by at most its share times the difference of their fit
  slopes. An answer whose factors cannot close the winner's lead is not even
  built, let alone re-scored.
- When an ordered answer moves one signal that feeds a single factor, or one
  that every pressure it feeds is a straight line in, each pattern's score
  moves one way along it: if the far end of a direction changes nothing,
  nothing nearer does either.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from .answers import FLOW_CHOICES, LANDSCAPE_CHOICES, UNKNOWN
from .catalog import FACTOR_IDS, PATTERN_IDS
from .model import DEFAULT_FLOW, DEFAULT_LANDSCAPE, Flip, Flow, Landscape
from .scoring import (
    DEFERRAL,
    FACTORS_OF_SIGNAL,
    LEVELS,
    LINEAR_SIGNALS,
    LINES,
    PRESSURES,
    Signals,
    fan_out_level,
    kind_of,
    peak_level,
    rate_level,
    raw_contributions,
    size_level,
    stack_levels,
    winner_of,
)

MAX_FLIPS = 5
# Ladders for numeric answers: a flip moves along them one rung at a time.
SYSTEMS_LADDER = (2, 3, 4, 6, 10, 20, 50, 100, 500)
FAN_OUT_LADDER = (1, 2, 3, 5, 10)
VOLUME_LADDER = (0, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000)
PEAK_LADDER = (1, 2, 5, 10, 50, 100, 1_000)

Totals = tuple[float, float, float]
Raw = Mapping[str, tuple[float, float, float]]
Directions = tuple[tuple["Candidate", ...], ...]


@dataclass(frozen=True, slots=True)
class Candidate:
    distance: int
    after: object
    signals: Signals
    # The new kind of interaction, or None when it stays the same.
    kind: str | None = None


class Question:
    """One answer's alternatives, nearest first in each direction, built only when first needed."""

    __slots__ = ("_build", "_directions", "before", "changes_kind", "factors", "field", "monotone")

    def __init__(
        self,
        field: str,
        before: object,
        signal_names: tuple[str, ...],
        build: Callable[[], Directions],
        changes_kind: bool = False,
    ) -> None:
        self.field = field
        self.before = before
        self.factors = _factors_fed(signal_names)
        self.changes_kind = changes_kind
        self.monotone = not changes_kind and _moves_one_way(signal_names)
        self._build = build
        self._directions: Directions | None = None

    @property
    def directions(self) -> Directions:
        if self._directions is None:
            self._directions = self._build()
        return self._directions


@cache
def _factors_fed(signal_names: tuple[str, ...]) -> tuple[str, ...]:
    """The factors these signals feed, in catalog order so re-scoring adds up the same way every run."""
    return tuple(f for f in FACTOR_IDS if any(f in FACTORS_OF_SIGNAL[s] for s in signal_names))


@cache
def _moves_one_way(signal_names: tuple[str, ...]) -> bool:
    """One signal feeding one factor, or feeding only pressures that are straight lines in it."""
    return len(signal_names) == 1 and (
        len(FACTORS_OF_SIGNAL[signal_names[0]]) == 1 or signal_names[0] in LINEAR_SIGNALS
    )


def landscape_questions(landscape: Landscape) -> tuple[Question, ...]:
    """The landscape's alternatives: the same for every flow, so built once per assessment."""
    questions = [
        _ladder("systems", landscape.systems, SYSTEMS_LADDER, ("size",), lambda n: {"size": size_level(int(n))})
    ]
    for field, signal in (("teams", "teams"), ("change_rate", "change"), ("growth", "growth")):
        questions.append(
            _ordinal(field, getattr(landscape, field), DEFAULT_LANDSCAPE, (signal,), _level_of(field, signal))
        )
    questions.append(
        _ordinal(
            "async_experience",
            landscape.async_experience,
            DEFAULT_LANDSCAPE,
            STACK_SIGNALS,
            _stack_of(landscape, "async_experience"),
        )
    )
    for field in ("existing_broker", "operations", "platform"):
        questions.append(_nominal(field, getattr(landscape, field), _stack_of(landscape, field)))
    return tuple(questions)


STACK_SIGNALS = ("broker", "experience", "capacity")


def _level_of(field: str, signal: str) -> Callable[[str], Signals]:
    def signals_for(value: str) -> Signals:
        return {signal: LEVELS[field][value]}

    return signals_for


def _stack_of(landscape: Landscape, field: str) -> Callable[[str], Signals]:
    def signals_for(value: str) -> Signals:
        changed: dict[str, Any] = {field: value}
        return stack_levels(replace(landscape, **changed))

    return signals_for


def flow_questions(flow: Flow) -> tuple[Question, ...]:
    """A flow's alternatives, each made from the few answers it depends on and shared by equal flows."""
    return (
        _interaction_question(flow.interaction, flow.fan_out),
        _answer_question("latency", flow.latency),
        _fan_out_question(flow.interaction, flow.fan_out),
        _volume_question(flow.volume_per_day, flow.peak_factor),
        _peak_question(flow.volume_per_day, flow.peak_factor),
        _answer_question("delivery", flow.delivery),
        _answer_question("consumer_availability", flow.consumer_availability),
    )


FLOW_ANSWER_SIGNALS: dict[str, tuple[tuple[str, ...], Callable[[str], Signals]]] = {
    "latency": (("urgency", "deferral"), lambda v: {"urgency": LEVELS["latency"][v], "deferral": DEFERRAL[v]}),
    "delivery": (("delivery",), lambda v: {"delivery": LEVELS["delivery"][v]}),
    "consumer_availability": (
        ("availability",),
        lambda v: {"availability": LEVELS["consumer_availability"][v]},
    ),
}


@cache
def _answer_question(field: str, value: str) -> Question:
    names, signals_for = FLOW_ANSWER_SIGNALS[field]
    return _ordinal(field, value, DEFAULT_FLOW, names, signals_for)


def _kind(interaction: str, fan_out: int) -> str:
    return kind_of(Flow(name="", interaction=interaction, consumers=("c",) * fan_out))


def _new_kind(interaction: str, fan_out: int, current: str) -> str | None:
    kind = _kind(interaction, fan_out)
    return kind if kind != current else None


@cache
def _interaction_question(interaction: str, fan_out: int) -> Question:
    kind = _kind(interaction, fan_out)

    def build() -> Directions:
        return (
            tuple(
                Candidate(1, value, {}, _new_kind(value, fan_out, kind))
                for value in FLOW_CHOICES["interaction"]
                if value != interaction
            ),
        )

    return Question("interaction", interaction, (), build, changes_kind=True)


@cache
def _fan_out_question(interaction: str, fan_out: int) -> Question:
    kind = _kind(interaction, fan_out)
    return _ladder(
        "consumers",
        fan_out,
        FAN_OUT_LADDER,
        ("fan_out",),
        lambda n: {"fan_out": fan_out_level(int(n))},
        kind_for=lambda n: _new_kind(interaction, int(n), kind),
    )


# Volumes and peaks are typed numbers: keep a bounded number of them, not every one ever seen.
@lru_cache(maxsize=4096)
def _volume_question(volume_per_day: int, peak_factor: float) -> Question:
    return _ladder(
        "volume_per_day", volume_per_day, VOLUME_LADDER, ("rate",), lambda v: {"rate": rate_level(v, peak_factor)}
    )


@lru_cache(maxsize=4096)
def _peak_question(volume_per_day: int, peak_factor: float) -> Question:
    return _ladder(
        "peak_factor",
        peak_factor,
        PEAK_LADDER,
        ("rate", "peak"),
        lambda v: {"rate": rate_level(volume_per_day, v), "peak": peak_level(v)},
    )


def _scored(field: str, before: str, defaults: Mapping[str, object]) -> str:
    """The answer the engine scores: "unknown" scores the default."""
    return str(defaults[field]) if before == UNKNOWN else before


def _choices(field: str) -> tuple[str, ...]:
    return LANDSCAPE_CHOICES.get(field) or FLOW_CHOICES[field]


def _ordinal(
    field: str,
    before: str,
    defaults: Mapping[str, object],
    signal_names: tuple[str, ...],
    signals_for: Callable[[str], Signals],
) -> Question:
    """Ordered answers: distance counts steps from the answer scored."""
    choices = _choices(field)
    here = choices.index(_scored(field, before, defaults))

    def build() -> Directions:
        down = tuple(Candidate(here - i, choices[i], signals_for(choices[i])) for i in range(here - 1, -1, -1))
        up = tuple(Candidate(i - here, choices[i], signals_for(choices[i])) for i in range(here + 1, len(choices)))
        return (down, up)

    return Question(field, before, signal_names, build)


def _nominal(field: str, before: str, signals_for: Callable[[str], Signals]) -> Question:
    """Unordered answers: every other answer is one step away; each distinct effect is tried once."""
    choices = _choices(field)
    scored = _scored(field, before, DEFAULT_LANDSCAPE)

    def build() -> Directions:
        seen: set[tuple[float, ...]] = {tuple(signals_for(scored).values())}
        candidates = []
        for value in choices:
            signals = signals_for(value)
            key = tuple(signals.values())
            if key not in seen:
                seen.add(key)
                candidates.append(Candidate(1, value, signals))
        return (tuple(candidates),)

    return Question(field, before, STACK_SIGNALS, build)


def _rungs(current: float, ladder: tuple[float, ...]) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
    below = [v for v in ladder if v < current][::-1]
    above = [v for v in ladder if v > current]
    return list(enumerate(below, 1)), list(enumerate(above, 1))


def _ladder(
    field: str,
    current: float,
    ladder: tuple[float, ...],
    signal_names: tuple[str, ...],
    signals_for: Callable[[float], Signals],
    kind_for: Callable[[float], str | None] | None = None,
) -> Question:
    """Numeric answers: the rungs below and above, nearest first; `kind_for` when a rung can change the kind."""
    below, above = _rungs(current, ladder)

    def build() -> Directions:
        return tuple(
            tuple(Candidate(d, v, signals_for(v), kind_for(v) if kind_for else None) for d, v in rungs)
            for rungs in (below, above)
        )

    return Question(field, current, signal_names, build, changes_kind=kind_for is not None)


def find_flips(
    questions: Sequence[Question],
    kind: str,
    signals: Signals,
    raw: Raw,
    totals: Totals,
    shares: Mapping[str, float],
    winner: str,
) -> tuple[Flip, ...]:
    lead = _lead_over_others(totals, winner)
    reach = _reach(kind, tuple(shares[f] for f in FACTOR_IDS), winner)
    found: list[tuple[int, int, Flip]] = []

    def flips_to(candidate: Candidate, factors: tuple[str, ...]) -> str | None:
        if candidate.kind is None:
            new_totals = _rescore(totals, raw, signals | candidate.signals, factors, kind, shares)
        else:
            new_totals = _rescore_all(signals | candidate.signals, candidate.kind, shares)
        pattern = winner_of(new_totals)
        return pattern if pattern != winner else None

    for order, question in enumerate(questions):
        within_reach = lead <= reach[question.factors]
        if not (within_reach or question.changes_kind):
            continue
        best: tuple[int, Flip] | None = None
        for direction in question.directions:
            tried = direction if within_reach else tuple(c for c in direction if c.kind is not None)
            if not tried or (question.monotone and flips_to(tried[-1], question.factors) is None):
                continue
            for candidate in tried:
                if best is not None and candidate.distance >= best[0]:
                    break
                pattern = flips_to(candidate, question.factors)
                if pattern is not None:
                    best = (candidate.distance, Flip(question.field, question.before, candidate.after, pattern))
                    break
        if best is not None:
            found.append((best[0], order, best[1]))
    found.sort(key=lambda item: (item[0], item[1]))
    return tuple(flip for _, _, flip in found[:MAX_FLIPS])


def _lead_over_others(totals: Totals, winner: str) -> float:
    """How far the winner is ahead of the nearest other pattern."""
    best = PATTERN_IDS.index(winner)
    return min(totals[best] - totals[i] for i in range(3) if i != best)


class _Reach(dict[tuple[str, ...], float]):
    """The most that moving a set of factors' pressures can bring another pattern towards the winner."""

    def __init__(self, per_factor: dict[str, float]) -> None:
        super().__init__()
        self.per_factor = per_factor

    def __missing__(self, factors: tuple[str, ...]) -> float:
        self[factors] = total = sum(self.per_factor[f] for f in factors)
        return total


@lru_cache(maxsize=1024)
def _reach(kind: str, shares: tuple[float, ...], winner: str) -> _Reach:
    best = PATTERN_IDS.index(winner)
    per_factor = {}
    for factor_id, share in zip(FACTOR_IDS, shares, strict=True):
        slopes = [rise for _, rise in LINES[factor_id, kind]]
        per_factor[factor_id] = share * 100 * max(abs(slopes[i] - slopes[best]) for i in range(3) if i != best)
    return _Reach(per_factor)


def _rescore(
    totals: Totals, raw: Raw, updated: Signals, factors: tuple[str, ...], kind: str, shares: Mapping[str, float]
) -> Totals:
    p2p, queue, events = totals
    for factor_id in factors:
        after = raw_contributions(factor_id, kind, PRESSURES[factor_id](updated), shares[factor_id])
        before = raw[factor_id]
        p2p += after[0] - before[0]
        queue += after[1] - before[1]
        events += after[2] - before[2]
    return p2p, queue, events


def _rescore_all(signals: Signals, kind: str, shares: Mapping[str, float]) -> Totals:
    p2p = queue = events = 0.0
    for factor_id in FACTOR_IDS:
        values = raw_contributions(factor_id, kind, PRESSURES[factor_id](signals), shares[factor_id])
        p2p += values[0]
        queue += values[1]
        events += values[2]
    return p2p, queue, events
