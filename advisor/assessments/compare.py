"""What changed between two assessments: current versus future state, or this build against the last.

Flows are matched by name (case and surrounding spaces aside; a repeated name
by its order among the flows of that name). For each flow in both, the
answers that differ, how its pattern, confidence and scores moved, and the
factors whose pressure moved: the reasons the recommendation moved. The
compare page, `GET /api/v1/compare` and the CLI's `--baseline` all read this.
A baseline that holds only a recommendation (the CLI's JSON output) has no
answers to compare: its flows compare by their results alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any, Final

from advisor.engine import Assessment, Flow, FlowResult, Landscape, Recommendation
from advisor.engine.catalog import FACTOR_IDS, FACTORS, PATTERN_IDS, PATTERNS, label
from advisor.engine.wording import number, plural

from .presentation import field_in_sentence

# A factor moved when its pressure changed by at least this much (pressures run 0 to 1).
PRESSURE_MOVED: Final = 0.05
# Mix keys in the order they are shown; "bulk" and "undecided" appear when a result counts them.
MIX_ORDER: Final = (*PATTERN_IDS, "bulk", "undecided")


@dataclass(frozen=True, slots=True)
class AnswerChange:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True, slots=True)
class FactorMove:
    factor: str
    before: float
    after: float

    @property
    def delta(self) -> float:
        return round(self.after - self.before, 4)


@dataclass(frozen=True, slots=True)
class FlowChange:
    name: str
    before: FlowResult
    after: FlowResult
    answers: tuple[AnswerChange, ...]
    factors: tuple[FactorMove, ...]

    @property
    def pattern_changed(self) -> bool:
        return self.before.pattern != self.after.pattern

    @property
    def confidence_changed(self) -> bool:
        return self.before.confidence != self.after.confidence

    @property
    def score_moves(self) -> dict[str, float]:
        return {p: round(self.after.scores[p] - self.before.scores[p], 1) for p in PATTERN_IDS}


@dataclass(frozen=True, slots=True)
class Comparison:
    added: tuple[FlowResult, ...]
    removed: tuple[FlowResult, ...]
    # Flows in both whose answers or results differ.
    changed: tuple[FlowChange, ...]
    unchanged: int
    mix_before: dict[str, int]
    mix_after: dict[str, int]
    landscape: tuple[AnswerChange, ...]
    weights: tuple[AnswerChange, ...]
    # False when the baseline is a recommendation without its answers.
    answers_known: bool = True

    @property
    def pattern_changes(self) -> tuple[FlowChange, ...]:
        return tuple(c for c in self.changed if c.pattern_changed)

    @property
    def mix(self) -> list[tuple[str, int, int]]:
        """(key, before, after) for every mix key either side counts."""
        keys: list[str] = [k for k in MIX_ORDER if k in self.mix_before or k in self.mix_after]
        keys += sorted(k for k in {*self.mix_before, *self.mix_after} if k not in MIX_ORDER)
        return [(k, self.mix_before.get(k, 0), self.mix_after.get(k, 0)) for k in keys]

    @property
    def same(self) -> bool:
        return not (self.added or self.removed or self.changed or self.landscape or self.weights)


def compare(
    before: Recommendation,
    after: Recommendation,
    before_answers: Assessment | None,
    after_answers: Assessment,
) -> Comparison:
    """How `after` differs from `before`; without `before_answers`, by results alone."""
    old = _keyed(before.flows, before_answers.flows if before_answers else None)
    new = _keyed(after.flows, after_answers.flows)
    changed: list[FlowChange] = []
    unchanged = 0
    for key, (result, flow) in new.items():
        if key not in old:
            continue
        old_result, old_flow = old[key]
        answers = _answer_changes(old_flow, flow) if old_flow is not None and flow is not None else ()
        factors = _factor_moves(old_result, result)
        results_moved = old_result.pattern != result.pattern or old_result.confidence != result.confidence
        if answers or results_moved or factors:
            changed.append(FlowChange(result.name, old_result, result, answers, factors))
        else:
            unchanged += 1
    return Comparison(
        added=tuple(result for key, (result, _) in new.items() if key not in old),
        removed=tuple(result for key, (result, _) in old.items() if key not in new),
        changed=tuple(changed),
        unchanged=unchanged,
        mix_before=dict(before.mix),
        mix_after=dict(after.mix),
        landscape=_landscape_changes(before_answers.landscape, after_answers.landscape) if before_answers else (),
        weights=_weight_changes(before_answers, after_answers) if before_answers else (),
        answers_known=before_answers is not None,
    )


def _keyed(
    results: Sequence[FlowResult], flows: Sequence[Flow] | None
) -> dict[tuple[str, int], tuple[FlowResult, Flow | None]]:
    seen: Counter[str] = Counter()
    keyed: dict[tuple[str, int], tuple[FlowResult, Flow | None]] = {}
    for index, result in enumerate(results):
        name = " ".join(result.name.split()).casefold()
        keyed[(name, seen[name])] = (result, flows[index] if flows is not None else None)
        seen[name] += 1
    return keyed


def _answer_changes(before: Flow, after: Flow) -> tuple[AnswerChange, ...]:
    return tuple(
        AnswerChange(f.name, getattr(before, f.name), getattr(after, f.name))
        for f in fields(Flow)
        if f.name != "name" and getattr(before, f.name) != getattr(after, f.name)
    )


def _landscape_changes(before: Landscape, after: Landscape) -> tuple[AnswerChange, ...]:
    return tuple(
        AnswerChange(f.name, getattr(before, f.name), getattr(after, f.name))
        for f in fields(Landscape)
        if getattr(before, f.name) != getattr(after, f.name)
    )


def _weight_changes(before: Assessment, after: Assessment) -> tuple[AnswerChange, ...]:
    old, new = dict(before.weights), dict(after.weights)
    return tuple(
        AnswerChange(f, old.get(f, 1.0), new.get(f, 1.0)) for f in FACTOR_IDS if old.get(f, 1.0) != new.get(f, 1.0)
    )


def _factor_moves(before: FlowResult, after: FlowResult) -> tuple[FactorMove, ...]:
    moves = [
        FactorMove(f, before.factors[f].pressure, after.factors[f].pressure)
        for f in FACTOR_IDS
        if f in before.factors
        and f in after.factors
        and abs(after.factors[f].pressure - before.factors[f].pressure) >= PRESSURE_MOVED
    ]
    return tuple(sorted(moves, key=lambda m: -abs(m.delta)))


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison at the JSON edge (the API and the CLI's JSON)."""
    return {
        "same": comparison.same,
        "answers_known": comparison.answers_known,
        "added": [{"name": r.name, "pattern": r.pattern, "confidence": r.confidence} for r in comparison.added],
        "removed": [{"name": r.name, "pattern": r.pattern, "confidence": r.confidence} for r in comparison.removed],
        "changed": [
            {
                "name": c.name,
                "pattern": {"from": c.before.pattern, "to": c.after.pattern},
                "confidence": {"from": c.before.confidence, "to": c.after.confidence},
                "scores": {p: {"from": c.before.scores[p], "to": c.after.scores[p]} for p in PATTERN_IDS},
                "answers": [_change_to_dict(a) for a in c.answers],
                "factors": [{"factor": m.factor, "from": m.before, "to": m.after} for m in c.factors],
            }
            for c in comparison.changed
        ],
        "unchanged": comparison.unchanged,
        "mix": {key: {"from": before, "to": after} for key, before, after in comparison.mix},
        "landscape": [_change_to_dict(a) for a in comparison.landscape],
        "weights": [_change_to_dict(a) for a in comparison.weights],
    }


def _change_to_dict(change: AnswerChange) -> dict[str, Any]:
    return {"field": change.field, "from": _plain(change.before), "to": _plain(change.after)}


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def comparison_lines(comparison: Comparison) -> list[str]:
    """The comparison as plain text, for the command line and CI logs."""
    counts = (
        f"{plural(len(comparison.added), 'flow')} added, {len(comparison.removed):,} removed, "
        f"{len(comparison.changed):,} changed, {comparison.unchanged:,} unchanged"
    )
    lines = [f"Compared with the baseline: {counts}."]
    lines.append("Mix: " + "; ".join(f"{mix_label(k)} {b} → {a}" for k, b, a in comparison.mix))
    if comparison.landscape:
        lines.append("Landscape: " + "; ".join(answer_change_text(c) for c in comparison.landscape))
    if comparison.weights:
        lines.append("Weights: " + "; ".join(answer_change_text(c) for c in comparison.weights))
    if not comparison.answers_known:
        lines.append("The baseline holds results only: answers cannot be compared.")
    for change in comparison.changed:
        moved = [pattern_move_text(change)]
        if change.confidence_changed:
            moved.append(f"confidence {change.before.confidence} → {change.after.confidence}")
        lines.append(f"Changed: {change.name}: " + "; ".join(moved))
        if change.answers:
            lines.append("  answers: " + "; ".join(answer_change_text(a) for a in change.answers))
        if change.factors:
            lines.append("  factors: " + "; ".join(factor_move_text(m) for m in change.factors))
    lines += [f"Added: {r.name} ({pattern_name(r.pattern)}, {r.confidence} confidence)" for r in comparison.added]
    lines += [f"Removed: {r.name} (was {pattern_name(r.pattern)})" for r in comparison.removed]
    return lines


def pattern_name(pattern: str) -> str:
    return PATTERNS[pattern].short_name.lower() if pattern in PATTERNS else str(pattern)


def mix_label(key: str) -> str:
    return pattern_name(key) if key in PATTERNS else key


def pattern_move_text(change: FlowChange) -> str:
    if change.pattern_changed:
        return f"{pattern_name(change.before.pattern)} → {pattern_name(change.after.pattern)}"
    return f"still {pattern_name(change.after.pattern)}"


def answer_change_text(change: AnswerChange) -> str:
    return f"{field_in_sentence(change.field)}: {_value_text(change.before)} → {_value_text(change.after)}"


def factor_move_text(move: FactorMove) -> str:
    return f"{FACTORS[move.factor].name.lower()}: {move.before:.2f} → {move.after:.2f}"


def _value_text(value: Any) -> str:
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number(value)
    return "not sure" if value == "unknown" else label(str(value))
