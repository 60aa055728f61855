"""What would change the answer: the smallest single-answer changes that change a winner.

A flow's flips come from its own answers only. Landscape answers are the same
for every flow, so their flips are found once for the whole landscape and say
which flows would change ("on Kubernetes, 3 of 10 flows would change").

An answer's alternatives are tried nearest first in each direction: steps
along ordered choices, rungs of a ladder for numbers, every other value for
unordered choices and for an answer that was "unknown". A change is not even
re-scored when the factors it moves cannot close the winner's lead (a
factor's pressure moves by at most 1): see FlowModel.may_change.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from .answers import ANSWERS, LANDSCAPE_ANSWERS, UNKNOWN, Answer, plausible_values
from .evaluation import SCORED_ANSWERS, FlowModel
from .model import Flip, FlowChange, LandscapeFlip, Span
from .rules import BULK_TRANSFER
from .scoring import answer_of, with_answers

MAX_FLIPS = 5
MAX_LANDSCAPE_FLIPS = 6
# Ladders for numeric answers: a flip moves along them one rung at a time.
LADDERS: dict[str, tuple[float, ...]] = {
    "systems": (2, 3, 4, 6, 10, 20, 50, 100, 200, 500),
    "consumers": (1, 2, 3, 5, 10),
    "volume_per_day": (0, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000),
    "peak_factor": (1, 2, 5, 10, 50, 100, 1_000),
}
# A flow's answers in the order their flips are listed when several are as near: the quantities and
# conditions that change in the real world first, the nature of the flow (what the sender expects) last.
FLOW_FLIP_ANSWERS = (
    "volume_per_day",
    "peak_factor",
    "consumer_availability",
    "source_availability",
    "latency",
    "delivery",
    "replay",
    "consumers",
    "consumer_kind",
    "interaction",
)
LANDSCAPE_FLIP_ANSWERS = tuple(a for a in LANDSCAPE_ANSWERS if a in SCORED_ANSWERS)


@dataclass(frozen=True, slots=True)
class Alternative:
    distance: int
    # The value as the person would give it (a count of consumers for `consumers`).
    shown: object
    # The value the engine scores.
    value: object


Directions = tuple[tuple[Alternative, ...], ...]


def _choice_directions(answer: Answer, before: str) -> Directions:
    if before == UNKNOWN or not answer.ordered:
        return (tuple(Alternative(1, v, v) for v in answer.choices if v != before),)
    here = answer.choices.index(before)
    down = tuple(Alternative(here - i, answer.choices[i], answer.choices[i]) for i in range(here - 1, -1, -1))
    up = tuple(
        Alternative(i - here, answer.choices[i], answer.choices[i]) for i in range(here + 1, len(answer.choices))
    )
    return (down, up)


# Choices are few: every answer's alternatives, for every value it can have, are known in advance.
CHOICE_DIRECTIONS: dict[tuple[str, str], Directions] = {
    (a.id, value): _choice_directions(a, value)
    for a in ANSWERS.values()
    if a.kind == "choice"
    for value in (*a.choices, UNKNOWN)
}
# A consumer count stands for that many consumers: only how many there are is scored.
CONSUMERS = {n: tuple("consumer" for _ in range(int(n))) for n in LADDERS["consumers"]}


def alternatives(answer: Answer, before: object) -> Directions:
    """Each direction's alternatives to an answer, nearest first."""
    if answer.kind == "choice":
        return CHOICE_DIRECTIONS[answer.id, str(before)]
    if answer.id == "consumers":
        assert isinstance(before, tuple)
        before = len(before)
    assert isinstance(before, int | float)
    ladder = LADDERS[answer.id]
    return _ladder_directions(answer.id, bisect_left(ladder, before), bisect_right(ladder, before))


@cache
def _ladder_directions(answer_id: str, below: int, above: int) -> Directions:
    """The rungs below `below` (nearest first) and from `above` on: all a value's place on the ladder decides."""
    ladder = LADDERS[answer_id]

    def rung(distance: int, value: float) -> Alternative:
        if answer_id == "consumers":
            return Alternative(distance, int(value), CONSUMERS[value])
        return Alternative(distance, value, value)

    down = tuple(rung(d, v) for d, v in enumerate(reversed(ladder[:below]), 1))
    up = tuple(rung(d, v) for d, v in enumerate(ladder[above:], 1))
    return (down, up)


def _worth_walking(model: FlowModel, answer_id: str, before: object, direction: tuple[Alternative, ...]) -> bool:
    """Whether any alternative in this direction may change the winner (see FlowModel.may_reach)."""
    if not direction:
        return False
    answer = ANSWERS[answer_id]
    if len(direction) == 1 or before == UNKNOWN or (answer.kind == "choice" and not answer.ordered):
        # Bounding one alternative costs as much as trying it.
        return True
    farthest = direction[-1].value
    if answer_id not in model.kind_answers:
        return model.may_reach(answer_id, farthest)
    # The bounds hold while every completion keeps its kind. They are asked first: a direction they cannot rule
    # out is walked whatever the kinds, and working out the kind for every alternative costs more.
    if model.may_change_keeping_kind(answer_id) and model.may_reach(answer_id, farthest):
        return True
    return not all(model.keeps_kind(answer_id, a.value) for a in direction)


def _shown(answer_id: str, value: object) -> object:
    return len(value) if answer_id == "consumers" and isinstance(value, tuple) else value


def flow_flips(model: FlowModel) -> tuple[Flip, ...]:
    found: list[tuple[int, int, Flip]] = []
    bulk = BULK_TRANSFER.holds(model.given)
    for order, answer_id in enumerate(FLOW_FLIP_ANSWERS):
        if not model.may_change(answer_id):
            continue
        before = answer_of(model.given, answer_id)
        if isinstance(before, Span):
            # A number not sure of has no place on its ladder: unknown_flips gives the values that matter.
            continue
        best: tuple[int, Flip] | None = None
        for direction in alternatives(ANSWERS[answer_id], before):
            if not _worth_walking(model, answer_id, before, direction):
                continue
            for alternative in direction:
                if best is not None and alternative.distance >= best[0]:
                    break
                if bulk and BULK_TRANSFER.holds(with_answers(model.given, {answer_id: alternative.value})):
                    # Still a periodic file: no pattern carries it, whichever one the scores favour.
                    continue
                pattern = model.winner_if(answer_id, alternative.value)
                if pattern != model.headline:
                    flip = Flip(answer_id, _shown(answer_id, before), alternative.shown, pattern)
                    best = (alternative.distance, flip)
                    break
        if best is not None:
            found.append((best[0], order, best[1]))
    found.sort(key=lambda item: (item[0], item[1]))
    return tuple(flip for _, _, flip in found[:MAX_FLIPS])


def unknown_flips(model: FlowModel) -> tuple[Flip, ...]:
    """For each unknown answer of the flow, the values that would give another winner."""
    flips = []
    for answer_id in model.unknown:
        if answer_id not in SCORED_ANSWERS:
            continue
        given = answer_of(model.given, answer_id)
        # "unknown", or a range as the API takes it: [low, high].
        before = (given.low, given.high) if isinstance(given, Span) and not given.unknown else UNKNOWN
        for value in plausible_values(answer_id, given):
            # Against the headline: the pattern that wins most of the plausible answers.
            pattern = model.winner_if(answer_id, value)
            if pattern != model.headline:
                flips.append(Flip(answer_id, before, value, pattern))
    return tuple(flips)


def landscape_flips(models: Sequence[FlowModel], names: Sequence[str]) -> tuple[LandscapeFlip, ...]:
    """The nearest change of each landscape answer, in each direction, that changes some flow's winner."""
    if not models:
        return ()
    given = models[0].given
    found: list[tuple[int, int, LandscapeFlip]] = []
    for order, answer_id in enumerate(LANDSCAPE_FLIP_ANSWERS):
        # A bulk transfer reads no landscape answer: it stays a file whatever the landscape, so it never flips.
        movable = [
            (model, name)
            for model, name in zip(models, names, strict=True)
            if model.may_change(answer_id) and not BULK_TRANSFER.holds(model.given)
        ]
        if not movable:
            continue
        before = answer_of(given, answer_id)
        for direction in alternatives(ANSWERS[answer_id], before):
            walked = [(m, n) for m, n in movable if _worth_walking(m, answer_id, before, direction)]
            for alternative in direction if walked else ():
                changed = tuple(
                    FlowChange(name, pattern)
                    for model, name in walked
                    if (pattern := model.winner_if(answer_id, alternative.value)) != model.headline
                )
                if changed:
                    flip = LandscapeFlip(answer_id, before, alternative.shown, changed)
                    found.append((alternative.distance, order, flip))
                    break
    found.sort(key=lambda item: (item[0], -len(item[2].flows), item[1]))
    return tuple(flip for _, _, flip in found[:MAX_LANDSCAPE_FLIPS])
