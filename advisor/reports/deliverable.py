"""What turns a recommendation into a deliverable: actions by priority, decisions still open, when to revisit.

The PDF report and the decision records read these; both take the engine's
results as they are and only regroup and word them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from advisor.assessments.presentation import field_label
from advisor.engine import Flip, FlowResult, Recommendation
from advisor.engine.catalog import PATTERNS, label
from advisor.engine.model import LandscapeFlip, TechnologyChoice
from advisor.engine.wording import listed, number, percent, plural

SEVERITIES = ("high", "medium", "low")
UNKNOWN = "unknown"
# Answers given as counts or amounts: a flip along them reads "grows to", not "changes to".
AMOUNTS = {
    "consumers": ("the consumers", "", "grow to", "drop to"),
    "volume_per_day": ("the volume", " messages a day", "reaches", "falls to"),
    "peak_factor": ("the peak", "× the average", "reaches", "falls to"),
    "systems": ("the landscape", " systems", "grows to", "shrinks to"),
}


@dataclass(frozen=True, slots=True)
class Action:
    """One mitigation to carry out, the risk it addresses, its worst severity and the flows it protects."""

    mitigation: str
    risk: str
    severity: str
    flows: tuple[str, ...]
    # The flows' positions in the assessment (names need not be unique).
    positions: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class OpenDecision:
    """An answer someone was not sure about, the flows that asked it, and what hangs on it."""

    field: str
    flows: tuple[str, ...]
    # Sentences: which winner each value would give, or that no value changes anything.
    consequences: tuple[str, ...]
    # True when some plausible value of the answer changes a winner: these come first.
    decisive: bool


def actions(results: Sequence[FlowResult]) -> list[Action]:
    """The risks of all flows, one action per distinct mitigation: highest severity first, then the most flows."""
    found: dict[tuple[str, str], tuple[str, list[int]]] = {}
    for position, result in enumerate(results):
        for risk in result.risks:
            severity, positions = found.setdefault((risk.risk, risk.mitigation), (SEVERITIES[-1], []))
            if position not in positions:
                positions.append(position)
            found[risk.risk, risk.mitigation] = (min(severity, risk.severity, key=SEVERITIES.index), positions)
    ranked = sorted(found.items(), key=lambda item: (SEVERITIES.index(item[1][0]), -len(item[1][1])))
    return [
        Action(mitigation, risk, severity, tuple(results[p].name for p in positions), tuple(positions))
        for (risk, mitigation), (severity, positions) in ranked
    ]


def open_decisions(recommendation: Recommendation) -> list[OpenDecision]:
    """Every "not sure" answer, with the flows that depend on it; the ones that can change a winner first."""
    fields: dict[str, list[FlowResult]] = {}
    for result in recommendation.flows:
        for field in result.unknowns:
            fields.setdefault(field, []).append(result)
    landscape = {flip.field: flip for flip in recommendation.landscape_flips if flip.before == UNKNOWN}
    decisions = []
    for field, results in fields.items():
        consequences = _consequences(field, results, landscape.get(field))
        decisive = any(r.robustness.get(r.pattern, 1) < 1 for r in results) or field in landscape
        if not consequences:
            consequences = [f"No value of it changes a winner: {_pattern_words(results)}."]
        decisions.append(OpenDecision(field, tuple(r.name for r in results), tuple(consequences), decisive))
    decisions.sort(key=lambda d: (not d.decisive, -len(d.flows)))
    return decisions


def _consequences(field: str, results: Sequence[FlowResult], landscape: LandscapeFlip | None) -> list[str]:
    said = []
    for result in results:
        changes = [f for f in result.flips if f.field == field and f.before == UNKNOWN]
        if not changes and result.robustness.get(result.pattern, 1) >= 1:
            continue
        winner = PATTERNS[result.pattern].short_name.lower()
        share = percent(result.robustness.get(result.pattern, 1))
        sentence = f"{result.name}: {winner} under {share} of the plausible answers"
        if changes:
            sentence += "; " + "; ".join(
                f"if it is “{label(str(f.after))}”, {PATTERNS[f.pattern].short_name.lower()}" for f in changes
            )
        said.append(sentence + ".")
    if landscape is not None:
        moved = listed([f"{c.name} ({PATTERNS[c.pattern].short_name.lower()})" for c in landscape.flows])
        said.append(f"If it is “{label(str(landscape.after))}”: {moved}.")
    return said


def _pattern_words(results: Sequence[FlowResult]) -> str:
    return listed([f"{r.name} stays {PATTERNS[r.pattern].short_name.lower()}" for r in results])


def flip_condition(flip: Flip | LandscapeFlip) -> str:
    """The change a flip names, as a clause: "the consumers grow to 3", "delivery turns out to be “best effort”"."""
    before, after = flip.before, flip.after
    if flip.field in AMOUNTS and isinstance(before, int | float) and isinstance(after, int | float):
        subject, unit, up, down = AMOUNTS[flip.field]
        return f"{subject} {up if after > before else down} {number(after)}{unit}"
    answer = field_label(flip.field).lower()
    if before == UNKNOWN:
        return f"the {answer} turns out to be “{label(str(after))}”"
    return f"the {answer} changes from “{label(str(before))}” to “{label(str(after))}”"


def flip_sentence(flip: Flip) -> str:
    """A flip as a sentence: "If the consumers grow to 3, event-driven publish/subscribe would fit better."."""
    name = PATTERNS[flip.pattern].name
    return f"If {flip_condition(flip)}, {name[:1].lower()}{name[1:]} would fit better."


def revisit_when(result: FlowResult) -> list[str]:
    """When to look at the decision again: each flip as a trigger, then each sizing's ceiling."""
    triggers = [
        f"Revisit if {flip_condition(flip)}: {PATTERNS[flip.pattern].short_name.lower()} would then win."
        for flip in result.flips
    ]
    triggers += [ceiling for technology in result.technologies if (ceiling := sizing_ceiling(technology))]
    return triggers


def sizing_ceiling(technology: TechnologyChoice) -> str:
    """The rate at which a technology's sizing runs out of headroom, as a re-evaluation trigger."""
    sizing = technology.sizing
    if sizing is None or sizing.headroom >= 1:
        return ""
    ceiling = sizing.peak_per_second / (1 - sizing.headroom)
    return (
        f"Re-evaluate {technology.name} above {number(round(ceiling))} messages per second at the peak: "
        f"{plural(sizing.units, sizing.unit)} carry up to that with no headroom left."
    )


def confidence_counts(results: Sequence[FlowResult]) -> str:
    """ "7 flows with high confidence, 2 medium and 1 low"."""
    counts = [(level, sum(r.confidence == level for r in results)) for level in ("high", "medium", "low")]
    parts = [f"{count} {level}" for level, count in counts if count]
    if len(parts) == 1:
        return f"{'all' if len(results) > 1 else 'the'} {plural(len(results), 'flow')} with {parts[0]} confidence"
    return f"{listed(parts)} confidence"
