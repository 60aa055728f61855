"""The engine's entry point: an Assessment in, a Recommendation out, same bytes every time."""

from __future__ import annotations

from .catalog import COMMAND, EVENT_DRIVEN, FACTOR_IDS, MESSAGE_QUEUE, PATTERN_IDS, POINT_TO_POINT, QUERY
from .evaluation import FlowModel, answers_of
from .flips import flow_flips, landscape_flips, unknown_flips
from .landscape import BULK, advice, summary
from .model import Assessment, FactorScore, FlowResult, Recommendation
from .reasons import is_bulk, known, needs_log, reasons
from .risks import risks
from .scoring import WAITED_LATENCIES, Answers, rounded_contributions, shares
from .technology import technologies

ENGINE_VERSION = "2.0.8"
HIGH_MARGIN = 12.0
MEDIUM_MARGIN = 5.0
# Below these shares of plausible answers, the winner is not settled enough for a high (or medium) confidence.
SETTLED_SHARE = 0.9
LIKELY_SHARE = 0.6
CONFIDENCES = ("low", "medium", "high")


def recommend(assessment: Assessment) -> Recommendation:
    weight_shares = shares(dict(assessment.weights))
    given = [answers_of(assessment.landscape, flow) for flow in assessment.flows]
    models = [FlowModel(answers, weight_shares) for answers in given]
    results = tuple(_flow_result(answers, model) for answers, model in zip(given, models, strict=True))
    winners = [r.pattern for r in results]
    mix = {p: winners.count(p) for p in PATTERN_IDS}
    flips = landscape_flips(models, [flow.name for flow in assessment.flows])
    kinds = [BULK if r.approach == "bulk_transfer" else _kind_given(a) for a, r in zip(given, results, strict=True)]
    return Recommendation(
        engine_version=ENGINE_VERSION,
        summary=summary(mix),
        mix=mix,
        landscape_advice=advice(assessment.landscape, kinds, winners, flips),
        flows=results,
        landscape_flips=flips,
    )


def _kind_given(given: Answers) -> str:
    """The interaction as the landscape advice counts it: a waited-for query, or anything else."""
    return QUERY if known(given, "interaction") == QUERY and known(given, "latency") in WAITED_LATENCIES else COMMAND


def _flow_result(given: Answers, model: FlowModel) -> FlowResult:
    contributions = rounded_contributions(model.raw)
    scores = {p: round(sum(contributions[f][p] for f in FACTOR_IDS), 2) for p in PATTERN_IDS}
    winner = model.pattern
    runner_up = max((p for p in PATTERN_IDS if p != winner), key=lambda p: (scores[p], -PATTERN_IDS.index(p)))
    margin = round(scores[winner] - scores[runner_up], 2)
    approach = approach_of(given, winner)
    robustness = model.robustness
    pressures = model.pressures
    doubts = unknown_flips(model)
    return FlowResult(
        name=str(given["name"]),
        pattern=winner,
        scores=scores,
        margin=margin,
        confidence=confidence(given, winner, margin, robustness[winner]),
        factors={f: FactorScore(round(pressures[f], 3), contributions[f]) for f in FACTOR_IDS},
        reasons=reasons(given, model, contributions, doubts),
        risks=risks(given, winner, approach),
        technologies=technologies(given, winner, approach),
        flips=flow_flips(model),
        unknowns=model.unknown,
        robustness={p: round(share, 4) for p, share in robustness.items()},
        approach=approach,
        fit="weak" if is_bulk(given) else "good",
    )


def approach_of(given: Answers, winner: str) -> str:
    """How the winning pattern is applied to this flow (catalog APPROACHES)."""
    interaction = known(given, "interaction")
    waited = known(given, "latency") in WAITED_LATENCIES
    if is_bulk(given):
        return "bulk_transfer"
    if interaction == QUERY and not waited and winner != EVENT_DRIVEN:
        return "async_request_reply"
    if interaction == QUERY and known(given, "consumer_availability") in ("maintenance_windows", "often_offline"):
        return "local_copy"
    if winner == POINT_TO_POINT:
        return "request_response"
    if winner == MESSAGE_QUEUE:
        return "work_queue"
    return "event_log" if needs_log(given) else "event_router"


def _nobody_runs_a_broker(given: Answers) -> bool:
    """No vendor runs one on this platform, the team will not, and it has no asynchronous experience."""
    return (
        known(given, "operations") == "managed"
        and known(given, "platform") in ("on_premises", "kubernetes")
        and known(given, "async_experience") == "none"
        and known(given, "existing_broker") == "none"
    )


def confidence(given: Answers, winner: str, margin: float, share: float) -> str:
    """From the margin and the share of plausible answers the winner holds, capped where a rule says so."""
    level = 2 if margin >= HIGH_MARGIN else 1 if margin >= MEDIUM_MARGIN else 0
    if share < LIKELY_SHARE:
        level = 0
    elif share < SETTLED_SHARE:
        level = min(level, 1)
    if is_bulk(given):
        # None of the three patterns fits a periodic bulk transfer well.
        level = 0
    interaction = known(given, "interaction")
    if (
        winner == POINT_TO_POINT
        and interaction == COMMAND
        and known(given, "delivery") in ("no_loss", "effectively_once")
    ):
        # A direct call for work that must not be lost holds only while the consumer stays up.
        level = min(level, 1)
    if interaction == QUERY and known(given, "consumer_availability") in ("maintenance_windows", "often_offline"):
        # A provider that is away answers from a copy that may be stale.
        level = min(level, 1)
    if winner != POINT_TO_POINT and _nobody_runs_a_broker(given):
        # The answers ask for a broker that nobody is there to run: they pull against each other.
        level = min(level, 1)
    return CONFIDENCES[level]
