"""'Not sure' has a bounded cost: sampled when the combinations are many, scored once for flows alike (R8)."""

from __future__ import annotations

from typing import Any

from advisor.engine import parse_assessment, recommend
from advisor.engine.answers import ANSWERS, UNKNOWN
from advisor.engine.evaluation import FlowModel, answers_of
from advisor.engine.model import FlowResult
from advisor.engine.scoring import shares

# Every flow choice a person may leave open but the interaction: far more combinations than are scored.
OPEN = ("latency", "delivery", "ordering", "consumer_availability", "source_availability", "consumer_kind", "replay")


def result(flow: dict[str, Any], landscape: dict[str, Any] | None = None) -> FlowResult:
    return recommend(parse_assessment({"landscape": landscape or {}, "flows": [{"name": "flow", **flow}]})).flows[0]


def not_sure_reason(flow: FlowResult) -> str:
    return next(r for r in flow.reasons if r.startswith("You were not sure about"))


def test_a_sampled_range_says_it_was_sampled_and_how() -> None:
    # Teams 3, latency 4, delivery 3, ordering 3, both availabilities 3 × 3, receiver kind 3, replay 2.
    flow = result({"interaction": "command", **dict.fromkeys(OPEN, UNKNOWN)}, {"teams": UNKNOWN})
    assert "from a fixed sample of 216 of the 5,832 plausible combinations" in not_sure_reason(flow)


def test_an_enumerated_range_does_not_claim_a_sample() -> None:
    flow = result({"interaction": "command", "latency": UNKNOWN, "delivery": UNKNOWN})
    assert "sample" not in not_sure_reason(flow)


def test_giving_an_unknown_answer_of_a_sample_is_what_a_rerun_with_it_gives() -> None:
    raw = {"name": "flow", "interaction": "event", "consumers": ["A", "B"], **dict.fromkeys(OPEN, UNKNOWN)}
    landscape = {"teams": UNKNOWN, "growth": UNKNOWN, "async_experience": UNKNOWN}
    assessment = parse_assessment({"landscape": landscape, "flows": [raw]})
    model = FlowModel(answers_of(assessment.landscape, assessment.flows[0]), shares({}))
    assert model.sampled
    compared = 0
    for answer in model.varied:
        for value in ANSWERS[answer].choices:
            given = {**raw, answer: value} if answer in raw else raw
            where = {**landscape, answer: value} if answer in landscape else landscape
            rerun = recommend(parse_assessment({"landscape": where, "flows": [given]})).flows[0]
            assert model.headline_if(answer, value) == rerun.pattern, (answer, value)
            compared += 1
    assert compared >= 20


def test_flows_alike_in_every_scored_answer_keep_their_own_names_in_the_reasons() -> None:
    alike = {"interaction": "event", "latency": UNKNOWN, "delivery": UNKNOWN}
    flows = [
        {"name": "Order placed", "source": "Shop", "consumers": ["CRM", "Email", "Analytics"], **alike},
        {"name": "Stock changed", "source": "Warehouse", "consumers": ["Shop", "ERP", "Forecast"], **alike},
    ]
    # The landscape is the same for both: left out, the number of systems would be counted from each run's flows.
    landscape = {"systems": 7}
    together = recommend(parse_assessment({"landscape": landscape, "flows": flows})).flows
    alone = [recommend(parse_assessment({"landscape": landscape, "flows": [f]})).flows[0] for f in flows]
    assert together == tuple(alone)
    assert "(Shop, ERP and Forecast)" in " ".join(together[1].reasons)
