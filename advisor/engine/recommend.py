"""The engine's entry point: an Assessment in, a Recommendation out, same bytes every time."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .answers import Answers
from .catalog import COMMAND, EVENT_DRIVEN, FACTOR_IDS, MESSAGE_QUEUE, PATTERN_IDS, POINT_TO_POINT, QUERY
from .choices import Interaction
from .evaluation import FlowModel, answers_of, scored_key
from .flips import flow_flips, landscape_flips, unknown_flips
from .landscape import BULK, UNDECIDED, advice, summary, what_if
from .model import ApproachId, Assessment, FactorScore, Flip, FlowResult, LandscapeFlip, Recommendation
from .reasons import reasons
from .risks import risks
from .rules import APPROACH_RULES, BULK_TRANSFER, CAPS, HIGH, LOW, MEDIUM, SLOW_QUERY
from .scoring import rounded_contributions, shares
from .technology import dead_letters_of, technologies
from .wording import listed

ENGINE_VERSION = "3.20.0"
HIGH_MARGIN = 12.0
MEDIUM_MARGIN = 5.0
# Below these shares of plausible answers, the winner is not settled enough for a high (or medium) confidence.
SETTLED_SHARE = 0.9
LIKELY_SHARE = 0.6
CONFIDENCES = ("low", "medium", "high")
DEFAULT_APPROACHES: dict[str, ApproachId] = {
    POINT_TO_POINT: "request_response",
    MESSAGE_QUEUE: "work_queue",
    EVENT_DRIVEN: "event_router",
}


def recommend(assessment: Assessment) -> Recommendation:
    weight_shares = shares(dict(assessment.weights))
    given = [answers_of(assessment.landscape, flow, assessment.assumed(i)) for i, flow in enumerate(assessment.flows)]
    models = _models(given, weight_shares)
    # A model shared by several flows finds its flips once.
    unique = {id(m): m for m in models}
    turns = {key: (flow_flips(m), unknown_flips(m)) for key, m in unique.items()}
    flips = landscape_flips(models, [flow.name for flow in assessment.flows])
    results = tuple(
        _flow_result(answers, model, *turns[id(model)], _turned_by(str(answers["name"]), flips))
        for answers, model in zip(given, models, strict=True)
    )
    mix = mix_of(results)
    kinds = [BULK if r.bulk else _kind_given(a) for a, r in zip(given, results, strict=True)]
    return Recommendation(
        engine_version=ENGINE_VERSION,
        summary=summary(mix, doubtful=sum(1 for r in results if r.confidence == LOW)),
        mix=mix,
        landscape_advice=advice(
            assessment.landscape,
            kinds,
            [outcome_of(r) for r in results],
            flips,
            assessment.assumed_landscape,
            settled=all(r.robustness.get(r.pattern, 0.0) >= 1.0 for r in results),
        ),
        flows=results,
        landscape_flips=flips,
    )


def mix_of(results: tuple[FlowResult, ...]) -> dict[str, int]:
    """Flows by pattern; a bulk transfer (no pattern fits) and an undecided flow are counted as such instead."""
    mix = dict.fromkeys(PATTERN_IDS, 0)
    for result in results:
        outcome = outcome_of(result)
        mix[outcome] = mix.get(outcome, 0) + 1
    return mix


def outcome_of(result: FlowResult) -> str:
    """What the mix counts a flow as: its pattern, or a bulk transfer, or undecided."""
    return BULK if result.bulk else UNDECIDED if not result.decided else result.pattern


def _models(given: Sequence[Answers], weight_shares: Mapping[str, float]) -> list[FlowModel]:
    """One model per flow; flows whose scored answers agree (an inventory of similar interfaces, or flows
    answered "not sure" throughout) share one, since its scores, robustness and flips read nothing else."""
    built: dict[tuple[object, ...], FlowModel] = {}
    models = []
    for answers in given:
        key = scored_key(answers)
        if key not in built:
            built[key] = FlowModel(answers, weight_shares)
        models.append(built[key])
    return models


def _kind_given(given: Answers) -> str:
    """The interaction as the landscape advice counts it: a waited-for query, or anything else."""
    return QUERY if given["interaction"] == Interaction.QUERY and not SLOW_QUERY.holds(given) else COMMAND


def _turned_by(name: str, flips: Sequence[LandscapeFlip]) -> tuple[LandscapeFlip, ...]:
    """The landscape changes, each a single answer, that would change this flow's winner."""
    return tuple(flip for flip in flips if any(change.name == name for change in flip.flows))


def _flow_result(
    given: Answers,
    model: FlowModel,
    flips: tuple[Flip, ...],
    doubts: tuple[Flip, ...],
    turned_by: tuple[LandscapeFlip, ...] = (),
) -> FlowResult:
    contributions = rounded_contributions(model.raw)
    scores = {p: round(sum(contributions[f][p] for f in FACTOR_IDS), 2) for p in PATTERN_IDS}
    winner = model.headline
    runner_up = max((p for p in PATTERN_IDS if p != winner), key=lambda p: (scores[p], -PATTERN_IDS.index(p)))
    margin = round(scores[winner] - scores[runner_up], 2)
    approach = approach_of(given, winner)
    robustness = model.robustness
    pressures = model.pressures
    level = confidence(given, winner, margin, robustness[winner]) if model.decided else LOW
    said = reasons(given, model, contributions, doubts)
    if turned_by and level == HIGH:
        # The margin measures the scores as answered; a winner that one landscape answer turns is not settled,
        # however wide the margin (review 7, R7-28 and R7-30).
        level = MEDIUM
        said += (
            f"One landscape answer alone would change it — {listed([f'if {what_if(f)}' for f in turned_by], 'or')} — "
            "so it is not advised with high confidence, whatever the lead.",
        )
    chosen = technologies(given, winner, approach)
    return FlowResult(
        name=str(given["name"]),
        pattern=winner,
        scores=scores,
        margin=margin,
        confidence=level,
        decided=model.decided,
        factors={f: FactorScore(round(pressures[f], 3), contributions[f]) for f in FACTOR_IDS},
        reasons=said,
        risks=risks(given, winner, approach, dead_letters_of(chosen)),
        technologies=chosen,
        flips=flips,
        unknowns=model.unknown,
        robustness={p: round(share, 4) for p, share in robustness.items()},
        approach=approach,
        fit="weak" if BULK_TRANSFER.holds(given) else "good",
    )


def approach_of(given: Answers, winner: str) -> ApproachId:
    """How the winning pattern is applied to this flow (catalog APPROACHES): by the first rule that holds and
    sets one for this winner, else the pattern's own."""
    for rule in APPROACH_RULES:
        if rule.approach is not None and winner in rule.approach_for and rule.holds(given):
            return rule.approach
    return DEFAULT_APPROACHES[winner]


def confidence(given: Answers, winner: str, margin: float, share: float) -> str:
    """From the margin and the share of plausible answers the winner holds, capped by the rules that hold."""
    level = 2 if margin >= HIGH_MARGIN else 1 if margin >= MEDIUM_MARGIN else 0
    if share < LIKELY_SHARE:
        level = 0
    elif share < SETTLED_SHARE:
        level = min(level, 1)
    for rule in CAPS:
        if rule.caps is not None and winner in rule.caps_for and rule.caps_given(given):
            level = min(level, CONFIDENCES.index(rule.caps))
    return CONFIDENCES[level]
