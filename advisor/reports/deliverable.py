"""What turns a recommendation into a deliverable: actions by priority, decisions still open, when to revisit.

The PDF report and the decision records read these; both take the engine's
results as they are and only regroup and word them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from advisor.assessments.presentation import field_in_sentence
from advisor.engine import Assessment, Flip, FlowResult, Recommendation
from advisor.engine.answers import ANSWERS
from advisor.engine.catalog import PATTERNS, label
from advisor.engine.evaluation import SCORED_ANSWERS, FlowModel, answers_of
from advisor.engine.model import LandscapeFlip, TechnologyChoice
from advisor.engine.scoring import shares, winner_of
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


@dataclass(frozen=True, slots=True)
class LeftOut:
    """An answer the input left out, so taken at its usual value, and where: the landscape, or these flows."""

    field: str
    taken_as: str
    flows: tuple[str, ...]
    landscape: bool


def left_out(assessment: Assessment) -> list[LeftOut]:
    """Every answer left out of the input, once per answer and value it was taken as, in the questionnaire's
    order: the landscape's, then the flows' (user 5 of issue 23 read "No answer was left open" beside
    reasons that said "Assumed, as the input left it out")."""
    found: list[LeftOut] = [
        LeftOut(field, _taken_as(getattr(assessment.landscape, field)), (), True)
        for field in ANSWERS
        if field in assessment.assumed_landscape and hasattr(assessment.landscape, field)
    ]
    for field in ANSWERS:
        values: dict[str, list[str]] = {}
        for index, flow in enumerate(assessment.flows):
            flow_assumed = assessment.assumed_flows[index] if index < len(assessment.assumed_flows) else frozenset()
            if field in flow_assumed and hasattr(flow, field):
                values.setdefault(_taken_as(getattr(flow, field), field), []).append(flow.name)
        found += [LeftOut(field, value, tuple(names), False) for value, names in values.items()]
    return found


def _taken_as(value: object, field: str = "") -> str:
    """A default as the report shows it: a choice in words, an amount as a number (a peak with its ×)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number(value) + ("×" if field == "peak_factor" else "")
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return label(str(value))


def open_decisions(recommendation: Recommendation, assessment: Assessment) -> list[OpenDecision]:
    """Every "not sure" answer, with the flows that depend on it and, for each, what settling that answer
    alone would change: another winner, or how often the winner holds; the ones that can change a winner
    first."""
    fields: dict[str, list[int]] = {}
    for position, result in enumerate(recommendation.flows):
        for field in result.unknowns:
            fields.setdefault(field, []).append(position)
    weights = shares(dict(assessment.weights))
    models: dict[int, FlowModel] = {}
    decisions = []
    for field, positions in fields.items():
        consequences, decisive = [], False
        for position in positions:
            result = recommendation.flows[position]
            if position not in models:
                models[position] = FlowModel(answers_of(assessment.landscape, assessment.flows[position]), weights)
            if changes := _changes(field, result, models[position]):
                decisive = True
                consequences.append(_changes_sentence(result, changes))
            elif holds := _holds(field, models[position]):
                consequences.append(_holds_sentence(result, holds))
        if not consequences:
            stays = _pattern_words([recommendation.flows[p] for p in positions])
            consequences = [f"No value of it changes a winner: {stays}."]
        names = tuple(recommendation.flows[p].name for p in positions)
        decisions.append(OpenDecision(field, names, tuple(consequences), decisive))
    decisions.sort(key=lambda d: (not d.decisive, -len(d.flows)))
    return decisions


def _changes(field: str, result: FlowResult, model: FlowModel) -> list[tuple[object, str]]:
    """(value, pattern) for each value of an unknown answer that, settled alone, gives the flow another winner."""
    choices = ANSWERS[field].choices if field in ANSWERS else ()
    if choices and field in SCORED_ANSWERS:
        found = [(value, model.winner_if(field, value)) for value in choices]
        return [(value, pattern) for value, pattern in found if pattern != model.pattern]
    # An answer without a list of choices (a number): the engine's own flips from "not sure" say it.
    return [(f.after, f.pattern) for f in result.flips if f.field == field and f.before == UNKNOWN]


def _holds(field: str, model: FlowModel) -> list[tuple[object, float]]:
    """(value, share) for each value of an unknown answer: how often the winner still wins over the other
    unknown answers once this one is settled; nothing when every value leaves it as sure as before."""
    if field not in model.varied:
        return []
    column = model.varied.index(field)
    wins: dict[object, list[bool]] = {}
    for row, totals in zip(model.values, model.completion_totals, strict=True):
        wins.setdefault(row[column], []).append(winner_of(totals) == model.pattern)
    held = [(value, sum(won) / len(won)) for value, won in wins.items()]
    return held if len({share for _, share in held}) > 1 else []


def _changes_sentence(result: FlowResult, changes: Sequence[tuple[object, str]]) -> str:
    """ "Sales: if it is “within minutes” or “within hours”, message queue; any other value keeps point-to-point."."""
    by_pattern: dict[str, list[str]] = {}
    for value, pattern in changes:
        by_pattern.setdefault(pattern, []).append(f"“{label(str(value))}”")
    said = "; ".join(
        f"if it is {listed(values, 'or')}, {PATTERNS[p].short_name.lower()}" for p, values in by_pattern.items()
    )
    return f"{result.name}: {said}; any other value keeps {PATTERNS[result.pattern].short_name.lower()}."


def _holds_sentence(result: FlowResult, holds: Sequence[tuple[object, float]]) -> str:
    """ "Sales: no value of it alone changes message queue, which then wins in 100 % of cases if it is “always”,
    75 % if “often offline”."."""
    winner = PATTERNS[result.pattern].short_name.lower()
    shares_said = [f"{percent(share)} if it is “{label(str(value))}”" for value, share in holds]
    return f"{result.name}: no value of it alone changes {winner}, which then wins in {', '.join(shares_said)}."


def _pattern_words(results: Sequence[FlowResult]) -> str:
    return listed([f"{r.name} stays {_outcome(r)}" for r in results])


def _outcome(result: FlowResult) -> str:
    """A flow's outcome in a sentence: its pattern, or a bulk transfer (which no pattern carries)."""
    return "a bulk transfer" if result.bulk else PATTERNS[result.pattern].short_name.lower()


def flip_condition(flip: Flip | LandscapeFlip) -> str:
    """The change a flip names, as a clause: "the consumers grow to 3", "delivery turns out to be “best effort”"."""
    before, after = flip.before, flip.after
    if flip.field in AMOUNTS and isinstance(before, int | float) and isinstance(after, int | float):
        subject, unit, up, down = AMOUNTS[flip.field]
        return f"{subject} {up if after > before else down} {number(after)}{unit}"
    answer = field_in_sentence(flip.field)
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
    if sizing is None or sizing.headroom is None or sizing.headroom >= 1:
        return ""
    ceiling = sizing.peak_per_second / (1 - sizing.headroom)
    carry = "carries" if sizing.units == 1 else "carry"
    return (
        f"Re-evaluate {technology.name} above {number(round(ceiling))} messages per second at the peak: "
        f"{plural(sizing.units, sizing.unit)} {carry} up to that with no headroom left."
    )


def confidence_counts(results: Sequence[FlowResult]) -> str:
    """ "7 flows with high confidence, 2 medium and 1 low"."""
    counts = [(level, sum(r.confidence == level for r in results)) for level in ("high", "medium", "low")]
    parts = [f"{count} {level}" for level, count in counts if count]
    if len(parts) == 1:
        return f"{'all' if len(results) > 1 else 'the'} {plural(len(results), 'flow')} with {parts[0]} confidence"
    return f"{listed(parts)} confidence"
