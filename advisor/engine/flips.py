"""What would change the answer: the smallest single-answer changes that change a flow's winner.

Scores are sums of per-factor contributions, so a changed answer re-scores
only the factors its signals feed (all of them when it changes the kind of
interaction). When an ordered answer moves one signal that feeds a single
factor, or that every pressure it feeds is a straight line in, each pattern's
score moves one way along it: if the far end of a direction changes nothing,
nothing nearer does either, and that direction is skipped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from functools import cache

from .catalog import FACTOR_IDS, FLOW_CHOICES, LANDSCAPE_CHOICES, UNKNOWN
from .model import DEFAULT_FLOW, DEFAULT_LANDSCAPE, Flip, Flow, Landscape
from .scoring import (
    DEFERRAL,
    FACTORS_OF_SIGNAL,
    LEVELS,
    LINEAR_SIGNALS,
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


@dataclass(frozen=True, slots=True)
class Candidate:
    distance: int
    after: object
    signals: Signals
    # The new kind of interaction, or None when it stays the same.
    kind: str | None = None
    # The factors the changed signals feed, in a fixed order so sums come out the same every run.
    factors: tuple[str, ...] = dataclass_field(init=False)

    def __post_init__(self) -> None:
        fed = {f for name in self.signals for f in FACTORS_OF_SIGNAL[name]}
        object.__setattr__(self, "factors", tuple(f for f in FACTOR_IDS if f in fed))


@dataclass(frozen=True, slots=True)
class Question:
    field: str
    before: object
    # Candidates nearest first, one list per direction away from the current answer.
    directions: tuple[tuple[Candidate, ...], ...]
    monotone: bool


def landscape_questions(landscape: Landscape) -> tuple[Question, ...]:
    """The landscape's alternatives: the same for every flow, so built once per assessment."""
    questions = [_ladder("systems", landscape.systems, SYSTEMS_LADDER, lambda n: {"size": size_level(int(n))})]
    for field, signal in (("teams", "teams"), ("change_rate", "change"), ("growth", "growth")):
        questions.append(
            _ordinal(
                field,
                getattr(landscape, field),
                LANDSCAPE_CHOICES[field],
                DEFAULT_LANDSCAPE,
                _level_signals(field, signal),
            )
        )
    questions.append(
        _ordinal(
            "async_experience",
            landscape.async_experience,
            LANDSCAPE_CHOICES["async_experience"],
            DEFAULT_LANDSCAPE,
            _stack_signals(landscape, "async_experience"),
        )
    )
    for field in ("existing_broker", "operations", "platform"):
        questions.append(
            _nominal(
                field,
                getattr(landscape, field),
                LANDSCAPE_CHOICES[field],
                DEFAULT_LANDSCAPE,
                _stack_signals(landscape, field),
            )
        )
    return tuple(questions)


def _level_signals(field: str, signal: str) -> Callable[[str], Signals]:
    def signals_for(value: str) -> Signals:
        return {signal: LEVELS[field][value]}

    return signals_for


def _stack_signals(landscape: Landscape, field: str) -> Callable[[str], Signals]:
    def signals_for(value: str) -> Signals:
        return stack_levels(_replace_landscape(landscape, field, value))

    return signals_for


def flow_questions(flow: Flow) -> tuple[Question, ...]:
    """A flow's alternatives, each built from the few answers it depends on and shared by equal flows."""
    return (
        _interaction_question(flow.interaction, flow.fan_out),
        _answer_question("latency", flow.latency),
        _fan_out_question(flow.interaction, flow.fan_out),
        _volume_question(flow.volume_per_day, flow.peak_factor),
        _peak_question(flow.volume_per_day, flow.peak_factor),
        _answer_question("delivery", flow.delivery),
        _answer_question("consumer_availability", flow.consumer_availability),
    )


FLOW_ANSWER_SIGNALS: dict[str, Callable[[str], Signals]] = {
    "latency": lambda v: {"urgency": LEVELS["latency"][v], "deferral": DEFERRAL[v]},
    "delivery": lambda v: {"delivery": LEVELS["delivery"][v]},
    "consumer_availability": lambda v: {"availability": LEVELS["consumer_availability"][v]},
}


@cache
def _answer_question(field: str, value: str) -> Question:
    return _ordinal(field, value, FLOW_CHOICES[field], DEFAULT_FLOW, FLOW_ANSWER_SIGNALS[field])


@cache
def _interaction_question(interaction: str, fan_out: int) -> Question:
    kind = _kind(interaction, fan_out)
    candidates = tuple(
        Candidate(1, value, {}, new_kind if new_kind != kind else None)
        for value in FLOW_CHOICES["interaction"]
        if value != interaction
        for new_kind in [_kind(value, fan_out)]
    )
    return Question("interaction", interaction, (candidates,), monotone=False)


@cache
def _fan_out_question(interaction: str, fan_out: int) -> Question:
    kind = _kind(interaction, fan_out)
    ladder = _ladder("consumers", fan_out, FAN_OUT_LADDER, lambda n: {"fan_out": fan_out_level(int(n))})
    directions = tuple(
        tuple(
            Candidate(c.distance, c.after, c.signals, new_kind if new_kind != kind else None)
            for c in direction
            for new_kind in [_kind(interaction, int(str(c.after)))]
        )
        for direction in ladder.directions
    )
    return Question("consumers", fan_out, directions, monotone=False)


@cache
def _volume_question(volume_per_day: int, peak_factor: float) -> Question:
    return _ladder("volume_per_day", volume_per_day, VOLUME_LADDER, lambda v: {"rate": rate_level(v, peak_factor)})


@cache
def _peak_question(volume_per_day: int, peak_factor: float) -> Question:
    return _ladder(
        "peak_factor",
        peak_factor,
        PEAK_LADDER,
        lambda v: {"rate": rate_level(volume_per_day, v), "peak": peak_level(v)},
    )


def _kind(interaction: str, fan_out: int) -> str:
    return kind_of(Flow(name="", interaction=interaction, consumers=("c",) * fan_out))


def find_flips(
    questions: Sequence[Question],
    kind: str,
    signals: Signals,
    raw: Mapping[str, tuple[float, float, float]],
    shares: Mapping[str, float],
    winner: str,
) -> tuple[Flip, ...]:
    totals = (
        sum(raw[f][0] for f in FACTOR_IDS),
        sum(raw[f][1] for f in FACTOR_IDS),
        sum(raw[f][2] for f in FACTOR_IDS),
    )

    def flips_to(candidate: Candidate) -> str | None:
        if candidate.kind is None:
            new_totals = _rescore(totals, raw, signals, candidate, kind, shares)
        else:
            new_totals = _rescore_all(signals | candidate.signals, candidate.kind, shares)
        pattern = winner_of(new_totals)
        return pattern if pattern != winner else None

    found: list[tuple[int, int, Flip]] = []
    for order, question in enumerate(questions):
        best: tuple[int, Flip] | None = None
        for direction in question.directions:
            if not direction or (question.monotone and flips_to(direction[-1]) is None):
                continue
            for candidate in direction:
                if best is not None and candidate.distance >= best[0]:
                    break
                pattern = flips_to(candidate)
                if pattern is not None:
                    best = (candidate.distance, Flip(question.field, question.before, candidate.after, pattern))
                    break
        if best is not None:
            found.append((best[0], order, best[1]))
    found.sort(key=lambda item: (item[0], item[1]))
    return tuple(flip for _, _, flip in found[:MAX_FLIPS])


def _rescore(
    totals: Totals,
    raw: Mapping[str, tuple[float, float, float]],
    signals: Signals,
    candidate: Candidate,
    kind: str,
    shares: Mapping[str, float],
) -> Totals:
    updated = signals | candidate.signals
    p2p, queue, events = totals
    for factor_id in candidate.factors:
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


def _replace_landscape(landscape: Landscape, field: str, value: str) -> Landscape:
    values = {name: getattr(landscape, name) for name in Landscape.__slots__}
    values[field] = value
    return Landscape(**values)


def _scored(field: str, before: str, defaults: Mapping[str, object]) -> str:
    """The answer the engine scores: "unknown" scores the default."""
    return str(defaults[field]) if before == UNKNOWN else before


def _ordinal(
    field: str,
    before: str,
    choices: tuple[str, ...],
    defaults: Mapping[str, object],
    signals_for: Callable[[str], Signals],
) -> Question:
    """Ordered answers: distance counts steps from the answer scored ("unknown" scores the default)."""
    scored = _scored(field, before, defaults)
    here = choices.index(scored)
    down = tuple(Candidate(here - i, choices[i], signals_for(choices[i])) for i in range(here - 1, -1, -1))
    up = tuple(Candidate(i - here, choices[i], signals_for(choices[i])) for i in range(here + 1, len(choices)))
    return Question(field, before, (down, up), monotone=_monotone(down + up))


def _nominal(
    field: str,
    before: str,
    choices: tuple[str, ...],
    defaults: Mapping[str, object],
    signals_for: Callable[[str], Signals],
) -> Question:
    """Unordered answers: every other answer is one step away; each distinct effect is tried once."""
    scored = _scored(field, before, defaults)
    seen: set[tuple[float, ...]] = {tuple(signals_for(scored).values())}
    candidates = []
    for value in choices:
        signals = signals_for(value)
        key = tuple(signals.values())
        if key not in seen:
            seen.add(key)
            candidates.append(Candidate(1, value, signals))
    return Question(field, before, (tuple(candidates),), monotone=False)


def _ladder(field: str, current: float, ladder: tuple[float, ...], signals_for: Callable[[float], Signals]) -> Question:
    below = [v for v in ladder if v < current][::-1]
    above = [v for v in ladder if v > current]
    down = tuple(Candidate(i + 1, v, signals_for(v)) for i, v in enumerate(below))
    up = tuple(Candidate(i + 1, v, signals_for(v)) for i, v in enumerate(above))
    return Question(field, current, (down, up), monotone=_monotone(down + up))


def _monotone(candidates: Sequence[Candidate]) -> bool:
    names = {name for c in candidates for name in c.signals}
    if len(names) != 1:
        return False
    (name,) = names
    return len(FACTORS_OF_SIGNAL[name]) == 1 or name in LINEAR_SIGNALS
