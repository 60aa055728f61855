"""Signals, pressures, fits and scores: the arithmetic behind a recommendation.

A flow's answers, with its landscape's, become a handful of levels between 0
and 1 (signals). Each factor's pressure is a fixed mix of signals; each
pattern's fit under a factor is a straight line between its fit at pressure 0
and at pressure 1 (catalog FITS), for the flow's kind of interaction. A
pattern's score is the weighted mean of its fits, times 100, so the per-factor
contributions add up to the score. docs/how-scores-are-made.md walks through
one flow by hand.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .answers import ANSWERS, Answers, exact
from .catalog import FACTOR_IDS, FITS, PATTERN_IDS
from .choices import (
    Availability,
    Broker,
    ChangeRate,
    ConsumerKind,
    Delivery,
    Experience,
    Growth,
    Interaction,
    Latency,
    Operations,
    Ordering,
    Platform,
    Replay,
    Teams,
)
from .rules import SCORED_AS

Signals = dict[str, float]
Totals = tuple[float, float, float]

TEAMS = {Teams.ONE: 0.0, Teams.FEW: 0.5, Teams.MANY: 1.0}
CHANGE = {ChangeRate.RARE: 0.0, ChangeRate.MONTHLY: 0.5, ChangeRate.WEEKLY: 1.0}
GROWTH = {Growth.NONE: 0.0, Growth.SOME: 0.5, Growth.FAST: 1.0}
EXPERIENCE = {Experience.NONE: 0.0, Experience.SOME: 0.5, Experience.STRONG: 1.0}
URGENCY = {Latency.IMMEDIATE: 1.0, Latency.SECONDS: 0.6, Latency.MINUTES: 0.25, Latency.HOURS: 0.0}
CARE = {Delivery.BEST_EFFORT: 0.0, Delivery.NO_LOSS: 0.6, Delivery.EFFECTIVELY_ONCE: 1.0}
ABSENCE = {Availability.ALWAYS: 0.0, Availability.MAINTENANCE_WINDOWS: 0.8, Availability.OFTEN_OFFLINE: 1.0}
REPLAY = {Replay.NO: 0.0, Replay.YES: 1.0}
# Order kept per key needs one request in flight per key, which a direct call holds only with one sender instance
# and retries that block the next; across all messages, one consumer at a time (docs/decision-rules.md R2.5).
ORDER = {Ordering.NONE: 0.0, Ordering.PER_KEY: 0.6, Ordering.GLOBAL: 0.8}
# Work that may finish later must be held somewhere until it is done.
DEFERRAL = {Latency.IMMEDIATE: 0.0, Latency.SECONDS: 0.0, Latency.MINUTES: 0.7, Latency.HOURS: 1.0}
# A sender that goes offline delivers late whatever was asked, and in a burst when it reconnects.
SENDER_DEFERRAL = 0.7
SENDER_BURST = 0.5
# Each phone or browser session is a subscriber of its own: a fact for them fans out like one for three systems.
DEVICE_FAN_OUT = 3


# answer_of and with_answers run in the flips' inner loops: no typing.cast there, as a cast is a function call.


def answer_of(answers: Answers, answer: str) -> object:
    """An answer by its id, for the machinery that walks every answer alike (flips, "not sure")."""
    return answers[answer]  # type: ignore[literal-required]


def with_answers(answers: Answers, changes: Mapping[str, object]) -> Answers:
    """The answers with some changed by id (a completion of the unknown ones, or a flip's alternative)."""
    return {**answers, **changes}  # type: ignore[typeddict-item]


def size_level(systems: int) -> float:
    return min(1.0, math.log2(systems / 2) / 5)


def fan_out_level(fan_out: int) -> float:
    """0 for one consumer, 0.35 for two, 0.7 for three, 1 from four: a second consumer is a weak sign of a
    fan-out (two direct calls still work), a third a strong one."""
    return min(1.0, float((math.log2(fan_out) / 2) ** 1.5))


def rate_level(volume_per_day: float, peak_factor: float) -> float:
    peak_per_second = volume_per_day / 86_400 * peak_factor
    return min(1.0, math.log10(1 + peak_per_second) / 4)


def peak_level(peak_factor: float) -> float:
    return min(1.0, math.log10(peak_factor) / 2)


def fan_out_of(answers: Answers) -> int:
    return len(answers["consumers"])


def kind_of(answers: Answers) -> str:
    """The kind of interaction the fits are written for: the interaction, unless a rule scores it as another
    (a query answered later is work handed over, R1.2; a command to several consumers is a fan-out, R3.2)."""
    for rule in SCORED_AS:
        if rule.holds(answers):
            return rule.scored_as or ""
    return str(answers["interaction"])


# The answers the kind depends on: changing one of them may change every factor's fits.
KIND_ANSWERS = tuple(a for a in ANSWERS if any(a in rule.reads for rule in SCORED_AS) or a == "interaction")
# For a flow whose interaction is given, only the rules that require it can change its kind: the answers those read.
KIND_ANSWERS_OF: dict[str, frozenset[str]] = {
    interaction: frozenset(
        a
        for a in KIND_ANSWERS
        if a == "interaction"
        or any(a in rule.reads for rule in SCORED_AS if not rule.interactions or interaction in rule.interactions)
    )
    for interaction in Interaction
}


def first_holding(answers: Answers) -> int:
    """The position in SCORED_AS of the rule that sets the kind (len(SCORED_AS) when none does): see kind_if."""
    return next((i for i, rule in enumerate(SCORED_AS) if rule.holds(answers)), len(SCORED_AS))


# For a changed answer other than the interaction, and the flow's interaction, the rules (positions in SCORED_AS)
# that may start or stop holding: those that read the answer and admit that interaction.
ASKED_AGAIN: dict[tuple[str, str], tuple[int, ...]] = {
    (answer, interaction): tuple(
        i
        for i, rule in enumerate(SCORED_AS)
        if answer in rule.reads and (not rule.interactions or interaction in rule.interactions)
    )
    for answer in KIND_ANSWERS
    if answer != "interaction"
    for interaction in Interaction
}


def kind_if(answers: Answers, first: int, answer: str, value: object) -> str:
    """kind_of the answers with one changed, given the rule that sets their kind unchanged (first_holding).

    Asked for every alternative of every answer a flip may change, so only the rules that read the changed
    answer (a rule's premises read its `reads` and nothing else) and come before that rule are asked again.
    """
    interaction = answers["interaction"]
    asked = ASKED_AGAIN.get((answer, str(interaction)))
    if asked is None:
        # Another interaction also stops the rules that require this one: all are asked again.
        return kind_of(with_answers(answers, {answer: value}))
    changed: Answers | None = None
    for i in asked:
        if i > first:
            break
        changed = changed or with_answers(answers, {answer: value})
        if i == first:
            # The rule that set the kind reads the answer: it and every rule after it are asked again.
            return kind_of(changed)
        if SCORED_AS[i].holds(changed):
            return SCORED_AS[i].scored_as or ""
    return SCORED_AS[first].scored_as or "" if first < len(SCORED_AS) else str(interaction)


def _fan_out(answers: Answers) -> float:
    fan_out = fan_out_of(answers)
    if answers["consumer_kind"] != ConsumerKind.SERVICE and answers["interaction"] == Interaction.EVENT:
        fan_out = max(fan_out, DEVICE_FAN_OUT)
    return fan_out_level(fan_out)


def _rate(answers: Answers) -> float:
    return rate_level(exact(answers["volume_per_day"]), exact(answers["peak_factor"]))


def _peak(answers: Answers) -> float:
    burst = SENDER_BURST * ABSENCE[answers["source_availability"]]
    return max(peak_level(exact(answers["peak_factor"])), burst)


def _deferral(answers: Answers) -> float:
    sender = SENDER_DEFERRAL * ABSENCE[answers["source_availability"]]
    return max(DEFERRAL[answers["latency"]], sender)


def _size(answers: Answers) -> float:
    return size_level(answers["systems"])


def _broker(answers: Answers) -> float:
    return 0.0 if answers["existing_broker"] == Broker.NONE else 1.0


def _capacity(answers: Answers) -> float:
    """Someone must run a broker: a managed service on a cloud, or the team itself."""
    if answers["operations"] == Operations.SELF_HOSTED:
        return 1.0
    return {Platform.ON_PREMISES: 0.0, Platform.KUBERNETES: 0.5}.get(answers["platform"], 1.0)


@dataclass(frozen=True, slots=True)
class Signal:
    id: str
    # The answers it reads: a changed answer re-computes only the signals that read it.
    answers: tuple[str, ...]
    level: Callable[[Answers], float]


SIGNALS: tuple[Signal, ...] = (
    Signal("size", ("systems",), _size),
    Signal("teams", ("teams",), lambda a: TEAMS[a["teams"]]),
    Signal("change", ("change_rate",), lambda a: CHANGE[a["change_rate"]]),
    Signal("growth", ("growth",), lambda a: GROWTH[a["growth"]]),
    Signal("broker", ("existing_broker",), _broker),
    Signal("experience", ("async_experience",), lambda a: EXPERIENCE[a["async_experience"]]),
    Signal("capacity", ("operations", "platform"), _capacity),
    Signal("fan_out", ("consumers", "consumer_kind", "interaction"), _fan_out),
    Signal("rate", ("volume_per_day", "peak_factor"), _rate),
    Signal("peak", ("peak_factor", "source_availability"), _peak),
    Signal("urgency", ("latency",), lambda a: URGENCY[a["latency"]]),
    Signal("deferral", ("latency", "source_availability"), _deferral),
    Signal("delivery", ("delivery",), lambda a: CARE[a["delivery"]]),
    Signal("availability", ("consumer_availability",), lambda a: ABSENCE[a["consumer_availability"]]),
    Signal("replay", ("replay",), lambda a: REPLAY[a["replay"]]),
    Signal("order", ("ordering",), lambda a: ORDER[a["ordering"]]),
)


class Mix:
    """A factor's pressure as a weighted sum of signals, capped at 1."""

    def __init__(self, **weights: float) -> None:
        self.terms = tuple(weights.items())
        # The most the pressure moves when one signal goes from 0 to 1.
        self.swings = dict(weights)

    def __call__(self, signals: Signals) -> float:
        total = 0.0
        for name, weight in self.terms:
            total += weight * signals[name]
        return total if total < 1.0 else 1.0


class ErrorHandling:
    """Work must be held when the consumer is away, swamped by peaks, finishes it later, must re-read it
    (replay) or must arrive in order (a sequence kept per key while callers retry and scale out); that matters
    only as much as losing the work matters: a loss that is acceptable counts for a share (CARELESS) of it."""

    LOSS = 0.3
    HOLD = 0.7
    CARELESS = 0.4
    swings = {
        "delivery": LOSS + HOLD * (1 - CARELESS),
        "availability": HOLD,
        "deferral": HOLD,
        "peak": HOLD,
        "replay": HOLD,
        "order": HOLD,
    }

    def __call__(self, s: Signals) -> float:
        care = self.CARELESS if s["delivery"] == 0 else 1.0
        held = max(s["availability"], s["deferral"], s["peak"], s["replay"], s["order"])
        return min(1.0, self.LOSS * s["delivery"] + self.HOLD * care * held)


PRESSURES: dict[str, Mix | ErrorHandling] = {
    "complexity": Mix(size=0.45, teams=0.25, fan_out=0.3),
    "data_volume": Mix(rate=0.7, peak=0.3),
    "real_time": Mix(urgency=1.0),
    "loose_coupling": Mix(fan_out=0.5, change=0.2, availability=0.3),
    "scalability": Mix(growth=0.4, rate=0.3, fan_out=0.3, replay=0.3),
    "error_handling": ErrorHandling(),
    "tech_stack": Mix(broker=0.5, experience=0.3, capacity=0.2),
}

# Which factors each signal feeds, read off the pressures above.
FACTORS_OF_SIGNAL: dict[str, tuple[str, ...]] = {
    s.id: tuple(f for f in FACTOR_IDS if s.id in PRESSURES[f].swings) for s in SIGNALS
}


def _factors_fed(signals: tuple[Signal, ...]) -> tuple[str, ...]:
    fed = {f for s in signals for f in FACTORS_OF_SIGNAL[s.id]}
    return tuple(f for f in FACTOR_IDS if f in fed)


# What each answer moves: the signals that read it, and the factors those feed (in catalog order).
SIGNALS_OF_ANSWER: dict[str, tuple[Signal, ...]] = {a: tuple(s for s in SIGNALS if a in s.answers) for a in ANSWERS}
FACTORS_OF_ANSWER: dict[str, tuple[str, ...]] = {a: _factors_fed(SIGNALS_OF_ANSWER[a]) for a in ANSWERS}
# The most a change of one answer can move each factor's pressure it feeds.
SWINGS: dict[str, dict[str, float]] = {
    a: {
        f: min(1.0, sum(PRESSURES[f].swings.get(s.id, 0.0) for s in SIGNALS_OF_ANSWER[a])) for f in FACTORS_OF_ANSWER[a]
    }
    for a in ANSWERS
}


# The answers whose changes move each factor's pressure, in questionnaire order.
DRIVERS: dict[str, tuple[str, ...]] = {f: tuple(a for a in ANSWERS if f in FACTORS_OF_ANSWER[a]) for f in FACTOR_IDS}


def drivers_of(factor_id: str) -> tuple[str, ...]:
    return DRIVERS[factor_id]


def signals_of(answers: Answers) -> Signals:
    return {s.id: s.level(answers) for s in SIGNALS}


# Each fit as (fit at pressure 0, rise to pressure 1), in pattern order.
LINES: dict[tuple[str, str], tuple[tuple[float, float], ...]] = {
    (factor_id, kind): tuple((low, high - low) for low, high in (by_kind[kind][p] for p in PATTERN_IDS))
    for factor_id, by_kind in FITS.items()
    for kind in by_kind
}


def raw_contributions(factor_id: str, kind: str, pressure: float, share: float) -> Totals:
    """A factor's share of each pattern's score, in points, before rounding."""
    (a, da), (b, db), (c, dc) = LINES[factor_id, kind]
    points = share * 100
    return points * (a + da * pressure), points * (b + db * pressure), points * (c + dc * pressure)


def shares(weights: Mapping[str, float]) -> dict[str, float]:
    total = sum(weights.get(f, 1.0) for f in FACTOR_IDS)
    return {f: weights.get(f, 1.0) / total for f in FACTOR_IDS}


def winner_of(totals: Totals) -> str:
    """The top score; ties go to the simpler pattern (catalog order)."""
    return PATTERN_IDS[totals.index(max(totals))]


def rounded_contributions(raw: Mapping[str, Totals]) -> dict[str, dict[str, float]]:
    """Round to hundredths so that each pattern's contributions add up to its rounded score exactly.

    Every contribution is rounded; the few hundredths by which their sum misses
    the rounded score go to the pattern's largest contribution.
    """
    factors = list(raw)
    columns: list[list[int]] = []
    for index in range(len(PATTERN_IDS)):
        exact = [raw[f][index] * 100 for f in factors]
        units = [round(x) for x in exact]
        largest = max(range(len(exact)), key=exact.__getitem__)
        units[largest] += round(sum(exact)) - sum(units)
        columns.append(units)
    return {
        f: {pattern_id: columns[p][i] / 100 for p, pattern_id in enumerate(PATTERN_IDS)} for i, f in enumerate(factors)
    }
