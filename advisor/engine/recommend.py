"""The engine's entry point: an Assessment in, a Recommendation out, same bytes every time."""

from __future__ import annotations

from .catalog import COMMAND, FACTOR_IDS, PATTERN_IDS, PATTERNS, POINT_TO_POINT
from .explain import landscape_advice, reasons, risks, technologies, unknown_fields
from .flips import Question, find_flips, flow_questions, landscape_questions
from .model import DEFAULT_FLOW, Assessment, FactorScore, Flow, FlowResult, Landscape, Recommendation
from .scoring import (
    flow_signals,
    kind_of,
    landscape_signals,
    pressures,
    raw_contributions,
    resolved,
    rounded_contributions,
    shares,
    winner_of,
)

ENGINE_VERSION = "1.0.0"
HIGH_MARGIN = 12.0
MEDIUM_MARGIN = 5.0
CONFIDENCES = ("low", "medium", "high")


def recommend(assessment: Assessment) -> Recommendation:
    weight_shares = shares(dict(assessment.weights))
    landscape_levels = landscape_signals(assessment.landscape)
    questions = landscape_questions(assessment.landscape)
    results = tuple(
        _score_flow(assessment.landscape, landscape_levels, questions, flow, weight_shares) for flow in assessment.flows
    )
    winners = [r.pattern for r in results]
    mix = {p: winners.count(p) for p in PATTERN_IDS}
    return Recommendation(
        engine_version=ENGINE_VERSION,
        summary=summary(mix),
        mix=mix,
        landscape_advice=landscape_advice(assessment.landscape, assessment.flows, winners),
        flows=results,
    )


def summary(mix: dict[str, int]) -> str:
    total = sum(mix.values())
    used = [(p, n) for p, n in mix.items() if n]
    if len(used) == 1:
        pattern, count = used[0]
        every = "The flow fits" if count == 1 else f"All {count} flows fit"
        name = PATTERNS[pattern].name
        return f"{every} {name[0].lower()}{name[1:]}."
    parts = [f"{n} {PATTERNS[p].short_name.lower()}" for p, n in used]
    return (
        f"A combination across {total} flows: {', '.join(parts[:-1])} and {parts[-1]} — "
        "each flow gets the pattern that fits it."
    )


def _score_flow(
    landscape: Landscape,
    landscape_levels: dict[str, float],
    questions: tuple[Question, ...],
    flow: Flow,
    weight_shares: dict[str, float],
) -> FlowResult:
    signals = landscape_levels | flow_signals(flow)
    kind = kind_of(flow)
    factor_pressures = pressures(signals)
    raw = {f: raw_contributions(f, kind, factor_pressures[f], weight_shares[f]) for f in FACTOR_IDS}
    totals = (
        sum(raw[f][0] for f in FACTOR_IDS),
        sum(raw[f][1] for f in FACTOR_IDS),
        sum(raw[f][2] for f in FACTOR_IDS),
    )
    winner = winner_of(totals)
    contributions = rounded_contributions(raw)
    scores = {p: round(sum(contributions[f][p] for f in FACTOR_IDS), 2) for p in PATTERN_IDS}
    ranked = sorted(PATTERN_IDS, key=lambda p: (-scores[p], PATTERN_IDS.index(p)))
    runner_up = ranked[1] if ranked[0] == winner else ranked[0]
    margin = round(scores[winner] - scores[runner_up], 2)
    unknowns = unknown_fields(landscape, flow)
    return FlowResult(
        name=flow.name,
        pattern=winner,
        scores=scores,
        margin=margin,
        confidence=_confidence(flow, winner, margin, unknowns),
        factors={f: FactorScore(round(factor_pressures[f], 3), contributions[f]) for f in FACTOR_IDS},
        reasons=reasons(landscape, flow, winner, runner_up, contributions, unknowns),
        risks=risks(landscape, flow, winner),
        technologies=technologies(landscape, flow, winner),
        flips=find_flips(questions + flow_questions(flow), kind, signals, raw, totals, weight_shares, winner),
        unknowns=unknowns,
        robustness={p: 1.0 if p == winner else 0.0 for p in PATTERN_IDS},
    )


def _confidence(flow: Flow, winner: str, margin: float, unknowns: tuple[str, ...]) -> str:
    level = 2 if margin >= HIGH_MARGIN else 1 if margin >= MEDIUM_MARGIN else 0
    if unknowns:
        level -= 1 if len(unknowns) <= 2 else 2
    no_loss = resolved(flow.delivery, "delivery", DEFAULT_FLOW) != "best_effort"
    if winner == POINT_TO_POINT and kind_of(flow) == COMMAND and no_loss:
        # A direct call for work that must not be lost holds only while the consumer stays up (rule 2).
        level = min(level, 1)
    return CONFIDENCES[max(level, 0)]
