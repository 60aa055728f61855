"""One flow scored over the plausible answers to what the person was not sure of.

An "unknown" answer is not replaced by its default: the flow is scored for
each plausible combination of its unknown answers (a completion), every value
equally likely; a number given as a range, or not known, is varied over the
values of its Span (model.py). The scores shown are the mean over the completions, and the
robustness is the share of completions each pattern wins. Completions are
enumerated when there are at most MAX_COMPLETIONS of them, otherwise drawn
with a fixed seed, so the same input always gives the same bytes. Only
unknown answers that some signal or the kind of interaction reads are
varied: the others cannot move a score.

Scores are sums of per-factor contributions, and a factor reads only a few
answers, so the completions that agree on those answers form one group per
factor, scored once for all of them. A changed answer re-scores only the
factors it moves (all of them when it changes the kind of interaction), and
is not re-scored at all when those factors cannot close the winner's lead.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterable, Mapping
from functools import cache
from operator import itemgetter

from .answers import ANSWERS, UNKNOWN, Answers, plausible_values, unsure
from .catalog import FACTOR_IDS, PATTERN_IDS
from .model import Flow, Landscape
from .scoring import (
    FACTORS_OF_ANSWER,
    FACTORS_OF_SIGNAL,
    KIND_ANSWERS,
    KIND_ANSWERS_OF,
    LINES,
    PRESSURES,
    SIGNALS,
    SIGNALS_OF_ANSWER,
    SWINGS,
    Signal,
    Signals,
    Totals,
    answer_of,
    first_holding,
    kind_if,
    kind_of,
    raw_contributions,
    signals_of,
    winner_of,
    with_answers,
)

MAX_COMPLETIONS = 216
SAMPLE_SEED = 20261126
# The answers that move a score: those a signal reads, and those the kind of interaction depends on.
SCORED_ANSWERS = tuple(a for a in ANSWERS if a in KIND_ANSWERS or any(a in s.answers for s in SIGNALS))
# The signals feeding each factor, and every answer that factor reads (through them or through the kind).
FEEDING: dict[str, tuple[Signal, ...]] = {
    f: tuple(s for s in SIGNALS if f in FACTORS_OF_SIGNAL[s.id]) for f in FACTOR_IDS
}
READS: dict[str, frozenset[str]] = {
    f: frozenset(a for s in FEEDING[f] for a in s.answers) | frozenset(KIND_ANSWERS) for f in FACTOR_IDS
}

Raw = dict[str, Totals]
# For each factor, kind and winning pattern: how much faster another pattern's fit can rise than the
# winner's as the pressure goes from 0 to 1. Times the factor's share, the most a change can close.
CLOSING: dict[tuple[str, str, int], float] = {
    (f, kind, best): max(abs(rise - lines[best][1]) for _, rise in lines)
    for (f, kind), lines in LINES.items()
    for best in range(3)
}


def answers_of(landscape: Landscape, flow: Flow, assumed: frozenset[str] = frozenset()) -> Answers:
    """Every answer of the flow and its landscape, as given (possibly "unknown"), and which were left out."""
    return Answers(
        assumed=assumed,
        systems=landscape.systems,
        teams=landscape.teams,
        change_rate=landscape.change_rate,
        growth=landscape.growth,
        platform=landscape.platform,
        existing_broker=landscape.existing_broker,
        operations=landscape.operations,
        async_experience=landscape.async_experience,
        name=flow.name,
        interaction=flow.interaction,
        source=flow.source,
        consumers=flow.consumers,
        latency=flow.latency,
        volume_per_day=flow.volume_per_day,
        peak_factor=flow.peak_factor,
        delivery=flow.delivery,
        ordering=flow.ordering,
        consumer_availability=flow.consumer_availability,
        source_availability=flow.source_availability,
        consumer_kind=flow.consumer_kind,
        message_size_kb=flow.message_size_kb,
        replay=flow.replay,
        source_kind=flow.source_kind,
        transaction=flow.transaction,
        freshness=flow.freshness,
    )


def scored_key(given: Answers) -> tuple[object, ...]:
    """What a flow's model reads of its answers: the scored ones, with consumers counted rather than named,
    and which answers were not sure (the model reports them all)."""
    scored = tuple(len(given["consumers"]) if a == "consumers" else answer_of(given, a) for a in SCORED_ANSWERS)
    return scored + tuple(a for a in ANSWERS if unsure(answer_of(given, a)))


# The answers not sure of, each with the values it could take: a choice's options, or a number's range.
Doubts = tuple[tuple[str, tuple[object, ...]], ...]


def _combinations(doubts: Doubts) -> int:
    count = 1
    for _, options in doubts:
        count *= len(options)
    return count


@cache
def _sample_column(answer: str, options: tuple[object, ...]) -> tuple[object, ...]:
    """The values one unknown answer takes in the MAX_COMPLETIONS sampled completions, drawn once.

    Each answer has a column of its own, so a flow with one more answer given keeps the same values for
    the others: scoring the sample with that answer set to a value is what a re-run with it would score.
    """
    draw = random.Random(f"{SAMPLE_SEED}:{answer}")
    return tuple(draw.choice(options) for _ in range(MAX_COMPLETIONS))


@cache
def plausible_completions(doubts: Doubts) -> tuple[tuple[object, ...], ...]:
    """The combinations of values the unknown answers could take: all of them, or a fixed-seed sample."""
    if _combinations(doubts) <= MAX_COMPLETIONS:
        return tuple(itertools.product(*(options for _, options in doubts)))
    return tuple(zip(*(_sample_column(a, options) for a, options in doubts), strict=True))


# The signals an answer moves that feed a factor: all a changed answer needs re-computed for it.
MOVED: dict[tuple[str, str], tuple[Signal, ...]] = {
    (a, f): tuple(s for s in FEEDING[f] if a in s.answers) for a in ANSWERS for f in FACTOR_IDS
}


# The other answers those signals read: when one of them is unknown, each group needs its own levels.
CO_READ: dict[tuple[str, str], frozenset[str]] = {
    key: frozenset(a for s in signals for a in s.answers if a != key[0]) for key, signals in MOVED.items()
}


class Group:
    """The completions that give one factor the same pressure and fits, scored once for all of them.

    A plain class with slots: thousands are made per assessment, and a frozen dataclass costs twice as much.
    """

    __slots__ = ("answers", "kind", "members", "pressure", "raw", "signals", "weight")

    def __init__(
        self,
        members: list[int],
        weight: float,
        answers: Answers,
        signals: Signals,
        kind: str,
        pressure: float,
        raw: Totals,
    ) -> None:
        # The completions it stands for (their positions), and their share of all.
        self.members = members
        self.weight = weight
        self.raw = raw
        # Every answer, with the group's values for the unknown answers the factor reads, and its signals.
        self.answers = answers
        self.signals = signals
        self.kind = kind
        self.pressure = pressure


def _moved_levels(answer: str, value: object, factor_id: str, answers: Answers) -> Signals:
    """The levels of the signals that one changed answer moves for a factor."""
    changed = with_answers(answers, {answer: value})
    return {s.id: s.level(changed) for s in MOVED[answer, factor_id]}


class FlowModel:
    """A flow's scores over its plausible answers, and how they move when one answer changes."""

    def __init__(self, given: Answers, shares: Mapping[str, float]) -> None:
        self.given = given
        self.shares = shares
        self.unknown = tuple(a for a in ANSWERS if unsure(answer_of(given, a)))
        self.varied = varied = tuple(a for a in self.unknown if a in SCORED_ANSWERS)
        self.varied_set = frozenset(varied)
        self.doubts: Doubts = tuple((a, plausible_values(a, answer_of(given, a))) for a in varied)
        # Each completion as the values of the varied answers, in their order.
        self.values = values = plausible_completions(self.doubts)
        self.combinations = _combinations(self.doubts)
        self.sampled = len(values) < self.combinations
        weight = 1 / len(values)
        # Answers, signals and kind of each completion, worked out when a group first needs them: only
        # the signals that read an unknown answer differ from one completion to the next.
        scored: dict[int, tuple[Answers, Signals, str]] = {}
        first_answers = with_answers(given, dict(zip(varied, values[0], strict=True)))
        base_signals, base_kind = signals_of(first_answers), kind_of(first_answers)
        varying = [s for s in SIGNALS if not self.varied_set.isdisjoint(s.answers)]
        self.kind_varied = kind_varies = any(a in varied for a in KIND_ANSWERS)
        # The answers that can change this flow's kind: all of them while the interaction is not known.
        interaction = str(answer_of(given, "interaction"))
        self.kind_answers = frozenset(KIND_ANSWERS) if interaction == UNKNOWN else KIND_ANSWERS_OF[interaction]
        self.groups: dict[str, tuple[Group, ...]] = {}
        self.raw: Raw = {}
        self.pressures: dict[str, float] = {}
        # Each completion's totals, to find who wins in each completion.
        t0, t1, t2 = [0.0] * len(values), [0.0] * len(values), [0.0] * len(values)
        for factor_id in FACTOR_IDS:
            positions = [i for i, a in enumerate(varied) if a in READS[factor_id]]
            found: dict[object, list[int]] = {}
            if positions:
                key = itemgetter(*positions)
                for index, row in enumerate(values):
                    found.setdefault(key(row), []).append(index)
            else:
                found[()] = list(range(len(values)))
            share = shares[factor_id]
            groups = []
            # The factor's contributions, as means over the groups.
            w0 = w1 = w2 = 0.0
            for members in found.values():
                first = members[0]
                if first not in scored:
                    completed = (
                        with_answers(given, dict(zip(varied, values[first], strict=True))) if first else first_answers
                    )
                    signals = base_signals | {s.id: s.level(completed) for s in varying}
                    scored[first] = (completed, signals, kind_of(completed) if kind_varies else base_kind)
                answers, signals, kind = scored[first]
                pressure = PRESSURES[factor_id](signals)
                r0, r1, r2 = raw_contributions(factor_id, kind, pressure, share)
                group = Group(members, weight * len(members), answers, signals, kind, pressure, (r0, r1, r2))
                groups.append(group)
                w0 += group.weight * r0
                w1 += group.weight * r1
                w2 += group.weight * r2
                for index in members:
                    t0[index] += r0
                    t1[index] += r1
                    t2[index] += r2
            self.groups[factor_id] = tuple(groups)
            self.raw[factor_id] = (w0, w1, w2)
            self.pressures[factor_id] = sum(g.weight * g.pressure for g in groups)
        # What each unknown answer, once given, makes of the totals: asked by the flips and the reasons alike.
        self._known: dict[tuple[str, object], Totals] = {}
        # Whether each answer could take back enough of the lead (see may_change), once worked out.
        self._in_reach: dict[str, bool] = {}
        self._shared: dict[tuple[str, object], Signals] = {}
        self._keeps_kind: dict[tuple[str, object], bool] = {}
        # For each of self.kinds' groups, the rule that sets its kind, once a change asks (see kind_if).
        self._first_holding: list[int] | None = None
        self.completion_totals = list(zip(t0, t1, t2, strict=True))
        self.totals = _total_of(self.raw.values())
        self.pattern = winner_of(self.totals)
        best = PATTERN_IDS.index(self.pattern)
        # How far the winner is ahead of the nearest other pattern, and how much of that lead each
        # factor could take back: a factor's pressure moves by at most 1.
        self.lead = min(self.totals[best] - self.totals[i] for i in range(3) if i != best)
        # One group per combination of the unknown answers the kind reads: enough to see every kind.
        self.kinds = self.groups[FACTOR_IDS[0]]
        kinds = {g.kind for g in self.kinds}
        # With unknown answers, each completion has a winner of its own (the headline counts them): any may be
        # the one another pattern closes on.
        bests = range(3) if varied else (best,)
        self.reach = {f: shares[f] * 100 * max(CLOSING[f, k, b] for k in kinds for b in bests) for f in FACTOR_IDS}
        # How many of the plausible answers each pattern wins, and the share of them.
        self.wins = dict.fromkeys(PATTERN_IDS, 0)
        for totals in self.completion_totals:
            self.wins[winner_of(totals)] += 1
        self.robustness = {p: count * weight for p, count in self.wins.items()}
        # The headline: the pattern that wins most often (the mean scores break a tie). With nothing unknown it
        # is the top score; averaged over unknown answers, a score is not a decision.
        self.headline = _most_wins(self.wins, self.totals)
        # Settled when the headline wins at least two thirds of the plausible answers.
        self.decided = 3 * self.wins[self.headline] >= 2 * len(values)
        # The headline moves only when some completion's winner does: the closest of them bounds every change.
        # When another pattern wins as many completions, the means break the tie, and any change may move them.
        # Each completion's winner and how far it leads: a change that cannot close a completion's lead leaves
        # its winner, and the headline moves only when enough completions change hands (see may_change).
        self.leads = [(winner_of(totals), _lead_of(totals)) for totals in self.completion_totals]
        self.bests = [PATTERN_IDS.index(winner) for winner, _ in self.leads]

    def if_known(self, answer: str, value: object) -> Totals:
        """The mean totals had an unknown answer been given as `value`: what a re-run with it would score.

        When the completions are every combination of the unknown answers, giving one of them a value
        keeps the completions that already have it. When they are a sample, a re-run with the answer
        given scores either every remaining combination (when few enough are left) or the same sample
        with that answer's column set to the value (see _sample_column), which re-scoring does in place.
        """
        if (answer, value) in self._known:
            return self._known[answer, value]
        if not self.sampled:
            position = self.varied.index(answer)
            kept = [
                totals
                for totals, values in zip(self.completion_totals, self.values, strict=True)
                if values[position] == value
            ]
            totals = _total_of(kept, 1 / len(kept))
        elif self._combinations_without(answer) <= MAX_COMPLETIONS:
            totals = FlowModel(with_answers(self.given, {answer: value}), self.shares).totals
        else:
            totals = self.rescored(answer, value)
        self._known[answer, value] = totals
        return totals

    def _combinations_without(self, answer: str) -> int:
        """How many completions are left once one unknown answer is given."""
        return _combinations(tuple(d for d in self.doubts if d[0] != answer))

    def may_change(self, answer: str, value: object | None = None) -> bool:
        """False when this answer (set to `value`, or to any value when None) provably cannot change the winner.

        Short of changing the kind of interaction, an answer moves only the factors it feeds, and each of
        their pressures by at most 1.
        """
        if answer in self.kind_answers and (value is None or not self.keeps_kind(answer, value)):
            return True
        return self.may_change_keeping_kind(answer)

    def may_change_keeping_kind(self, answer: str) -> bool:
        """False when no value of this answer that keeps every completion's kind can change the winner."""
        if answer not in self._in_reach:
            self._in_reach[answer] = self._within_reach(answer)
        return self._in_reach[answer]

    def _within_reach(self, answer: str) -> bool:
        if answer in self.varied and self.sampled and self._combinations_without(answer) <= MAX_COMPLETIONS:
            # A re-run enumerates the combinations left (headline_if), not the sample's: a bound on how far the
            # sample's completions move says nothing about them.
            return True
        reach = sum(self.reach[f] * swing for f, swing in SWINGS[answer].items())
        if not self.varied:
            return self.lead <= reach
        return self._headline_may_move([winner for winner, lead in self.leads if lead <= reach])

    def _headline_may_move(self, movable: list[str]) -> bool:
        """Whether the headline may move when the completions won by `movable` (their winners) may change hands.

        At worst every one of them goes to the same other pattern: the headline holds while it still wins
        more completions than any other could (ties are broken by the means, which may move).
        """
        kept = self.wins[self.headline] - sum(1 for winner in movable if winner == self.headline)
        return any(kept <= self.wins[p] + len(movable) for p in PATTERN_IDS if p != self.headline)

    def _pressures_if(self, factor_id: str, answer: str, value: object) -> list[float]:
        """Each of a factor's groups' pressure with one answer changed.

        The changed signals read other answers too; unless one of those is unknown (and so differs from
        group to group), they are worked out once for all groups.
        """
        pressure = PRESSURES[factor_id]
        groups = self.groups[factor_id]
        if not self.varied_set.isdisjoint(CO_READ[answer, factor_id]):
            return [pressure(g.signals | _moved_levels(answer, value, factor_id, g.answers)) for g in groups]
        levels = self._shared_levels(answer, value)
        return [pressure(g.signals | levels) for g in groups]

    def _shared_levels(self, answer: str, value: object) -> Signals:
        """The levels, with one answer changed, of the signals it moves that read no other unknown answer:
        the same in every group, and asked for by each factor the answer feeds."""
        key = (answer, value)
        if key not in self._shared:
            changed = with_answers(self.given, {answer: value})
            # The changed answer may itself be one of the unknown ones: it is given here.
            others = self.varied_set - {answer}
            self._shared[key] = {
                s.id: s.level(changed) for s in SIGNALS_OF_ANSWER[answer] if others.isdisjoint(s.answers)
            }
        return self._shared[key]

    def may_reach(self, answer: str, value: object) -> bool:
        """False when no value between the given one and `value` can change the winner.

        For an ordered answer, every factor's pressure moves one way between the given value and a farther
        one, and a contribution is a straight line in the pressure: so the most another pattern can gain
        anywhere on the way is its gain at one end or the other, factor by factor. That holds in each
        completion, against its own winner; the headline then moves only when enough completions can change
        hands (as in may_change). Only for changes that keep the kind of interaction, of an answer given.
        """
        if answer in self.varied_set:
            # Giving an unknown answer keeps some completions rather than moving them all (headline_if).
            return True
        # For each completion, the most each pattern can gain on the completion's winner.
        gains = [[0.0, 0.0, 0.0] for _ in self.values]
        for factor_id in FACTORS_OF_ANSWER[answer]:
            scale = self.shares[factor_id] * 100
            for group, pressure in zip(
                self.groups[factor_id], self._pressures_if(factor_id, answer, value), strict=True
            ):
                moved = scale * (pressure - group.pressure)
                if moved == 0:
                    continue
                lines = LINES[factor_id, group.kind]
                rises = (lines[0][1] * moved, lines[1][1] * moved, lines[2][1] * moved)
                for member in group.members:
                    best = self.bests[member]
                    gain = gains[member]
                    for i in range(3):
                        if (closed := rises[i] - rises[best]) > 0:
                            gain[i] += closed
        movable = [
            self.leads[member][0]
            for member, (gain, totals, best) in enumerate(zip(gains, self.completion_totals, self.bests, strict=True))
            if any(gain[i] > 0 and gain[i] >= totals[best] - totals[i] for i in range(3) if i != best)
        ]
        return self._headline_may_move(movable)

    def keeps_kind(self, answer: str, value: object) -> bool:
        if answer not in self.kind_answers:
            return True
        # Asked for each alternative while walking, and again when it is scored.
        if (answer, value) not in self._keeps_kind:
            if self._first_holding is None:
                self._first_holding = [first_holding(g.answers) for g in self.kinds]
            self._keeps_kind[answer, value] = all(
                kind_if(g.answers, first, answer, value) == g.kind
                for g, first in zip(self.kinds, self._first_holding, strict=True)
            )
        return self._keeps_kind[answer, value]

    def rescored(self, answer: str, value: object) -> Totals:
        """The mean totals with one answer changed (an unknown answer then takes the given value)."""
        kind_may_change = answer in self.kind_answers
        # With every answer the kind reads given, all completions share one kind before and after.
        shared_kind = (
            kind_of(with_answers(self.given, {answer: value})) if kind_may_change and not self.kind_varied else None
        )
        fed = FACTORS_OF_ANSWER[answer]
        t0, t1, t2 = self.totals
        for factor_id in FACTOR_IDS if kind_may_change else fed:
            share = self.shares[factor_id]
            if shared_kind is not None and factor_id not in fed:
                # A contribution is a straight line in the pressure: the mean of the lines is the line at the mean.
                n0, n1, n2 = raw_contributions(factor_id, shared_kind, self.pressures[factor_id], share)
            else:
                groups = self.groups[factor_id]
                moved = (
                    self._pressures_if(factor_id, answer, value) if factor_id in fed else [g.pressure for g in groups]
                )
                n0 = n1 = n2 = 0.0
                for group, pressure in zip(groups, moved, strict=True):
                    kind = shared_kind or (
                        kind_of(with_answers(group.answers, {answer: value})) if kind_may_change else group.kind
                    )
                    r0, r1, r2 = raw_contributions(factor_id, kind, pressure, share)
                    n0 += group.weight * r0
                    n1 += group.weight * r1
                    n2 += group.weight * r2
            b0, b1, b2 = self.raw[factor_id]
            t0 += n0 - b0
            t1 += n1 - b1
            t2 += n2 - b2
        return t0, t1, t2

    def headline_if(self, answer: str, value: object) -> str:
        """The headline a re-run would give had an unknown answer been given as `value`: the pattern that wins
        most of the plausible answers still open. Exact when the completions are enumerated or few enough remain
        to be; over a sample re-scored in place, the winner of the mean (its completions are not kept)."""
        if not self.sampled:
            position = self.varied.index(answer)
            kept = [
                t for t, values in zip(self.completion_totals, self.values, strict=True) if values[position] == value
            ]
            return _headline_of(kept)
        if self._combinations_without(answer) <= MAX_COMPLETIONS:
            return FlowModel(with_answers(self.given, {answer: value}), self.shares).headline
        return self._headline_with(answer, value)

    def _headline_with(self, answer: str, value: object) -> str:
        """The headline with one answer set to `value` in every completion.

        Only the completions whose totals move are looked at: each moves its win from its old winner to its
        new one, and the mean by its change over the number of completions.
        """
        deltas: dict[int, list[float]] = {}
        kind_moves = answer in self.kind_answers and not self.keeps_kind(answer, value)
        # Groups of different factors share their completions' answers: each kind is worked out once.
        kinds: dict[int, str] = {}
        for factor_id in FACTOR_IDS if kind_moves else FACTORS_OF_ANSWER[answer]:
            share = self.shares[factor_id]
            groups = self.groups[factor_id]
            moved = self._pressures_if(factor_id, answer, value) if factor_id in FACTORS_OF_ANSWER[answer] else None
            for index, group in enumerate(groups):
                pressure = group.pressure if moved is None else moved[index]
                kind = group.kind
                if kind_moves:
                    key = id(group.answers)
                    if key not in kinds:
                        kinds[key] = kind_of(with_answers(group.answers, {answer: value}))
                    kind = kinds[key]
                if pressure == group.pressure and kind == group.kind:
                    continue
                n0, n1, n2 = raw_contributions(factor_id, kind, pressure, share)
                o0, o1, o2 = group.raw
                d0, d1, d2 = n0 - o0, n1 - o1, n2 - o2
                for member in group.members:
                    delta = deltas.get(member)
                    if delta is None:
                        deltas[member] = [d0, d1, d2]
                    else:
                        delta[0] += d0
                        delta[1] += d1
                        delta[2] += d2
        wins = dict(self.wins)
        s0 = s1 = s2 = 0.0
        for member, (d0, d1, d2) in deltas.items():
            t0, t1, t2 = self.completion_totals[member]
            wins[self.leads[member][0]] -= 1
            wins[winner_of((t0 + d0, t1 + d1, t2 + d2))] += 1
            s0 += d0
            s1 += d1
            s2 += d2
        scale = 1 / len(self.values)
        means = (self.totals[0] + s0 * scale, self.totals[1] + s1 * scale, self.totals[2] + s2 * scale)
        return _most_wins(wins, means)

    def winner_if(self, answer: str, value: object) -> str:
        """The headline a re-run with one answer changed would give (an unknown answer then given)."""
        # Giving an unknown answer moves each completion as changing a given one does: the same bound holds.
        if not self.may_change(answer, value):
            return self.headline
        if answer in self.varied:
            return self.headline_if(answer, value)
        if self.varied:
            return self._headline_with(answer, value)
        return winner_of(self.rescored(answer, value))


def _lead_of(totals: Totals) -> float:
    first, second, _ = sorted(totals, reverse=True)
    return first - second


def _headline_of(completions: list[Totals]) -> str:
    """The pattern that wins most of the completions, the mean breaking a tie."""
    wins = dict.fromkeys(PATTERN_IDS, 0)
    for totals in completions:
        wins[winner_of(totals)] += 1
    return _most_wins(wins, _total_of(completions, 1 / len(completions)))


def _most_wins(wins: Mapping[str, int], means: Totals) -> str:
    return max(PATTERN_IDS, key=lambda p: (wins[p], means[PATTERN_IDS.index(p)]))


def _total_of(raws: Iterable[Totals], scale: float = 1.0) -> Totals:
    values = list(raws)
    return (
        scale * sum(r[0] for r in values),
        scale * sum(r[1] for r in values),
        scale * sum(r[2] for r in values),
    )
