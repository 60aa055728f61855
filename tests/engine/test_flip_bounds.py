"""The flip search skips changes that provably cannot move a winner: it finds what the full search finds.

The full search is the same model with every bound answering "may change", so it re-scores every
alternative of every answer (docs/how-scores-are-made.md, "What would change it").
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from advisor.engine import parse_assessment
from advisor.engine.answers import ANSWERS
from advisor.engine.evaluation import FlowModel, answers_of
from advisor.engine.flips import CONSUMERS, LADDERS, flow_flips, landscape_flips, unknown_flips
from advisor.engine.rules import DIRECT_CALL_KB, SCORED_AS
from advisor.engine.scoring import KIND_ANSWERS, first_holding, kind_if, kind_of, shares, with_answers

from .test_properties import assessments


class FullSearch(FlowModel):
    """A flow's model that never rules a change out: every alternative is re-scored."""

    def may_change(self, answer: str, value: object | None = None) -> bool:
        return True

    def may_change_keeping_kind(self, answer: str) -> bool:
        return True

    def may_reach(self, answer: str, value: object) -> bool:
        return True


def _models(raw: dict[str, Any], model: type[FlowModel]) -> list[FlowModel]:
    assessment = parse_assessment(raw)
    weight_shares = shares(dict(assessment.weights))
    return [
        model(answers_of(assessment.landscape, flow, assessment.assumed(i)), weight_shares)
        for i, flow in enumerate(assessment.flows)
    ]


@settings(max_examples=200, deadline=None)
@given(assessments)
def test_the_bounded_search_finds_every_flip_the_full_search_finds(raw: dict[str, Any]) -> None:
    bounded, full = _models(raw, FlowModel), _models(raw, FullSearch)
    for fast, slow in zip(bounded, full, strict=True):
        assert fast.headline == slow.headline
        assert flow_flips(fast) == flow_flips(slow)
        assert unknown_flips(fast) == unknown_flips(slow)
    names = [flow["name"] for flow in raw["flows"]]
    assert landscape_flips(bounded, names) == landscape_flips(full, names)


# The answers a flip may change: those with choices or a ladder.
CHANGEABLE = tuple(a for a in ANSWERS if ANSWERS[a].choices or a in LADDERS)


def _values(answer: str) -> tuple[object, ...]:
    """Every value a flip may give an answer: its choices, or the rungs of its ladder."""
    if answer == "consumers":
        return tuple(CONSUMERS.values())
    if answer == "message_size_kb":
        # No flip walks the size, but the kind reads it (a direct call carries no more than DIRECT_CALL_KB).
        return (0.1, 4, DIRECT_CALL_KB, DIRECT_CALL_KB + 1, 204_800)
    return ANSWERS[answer].choices or LADDERS[answer]


@settings(max_examples=100, deadline=None)
@given(assessments)
def test_the_kind_with_one_answer_changed_is_the_kind_worked_out_afresh(raw: dict[str, Any]) -> None:
    for model in _models(raw, FlowModel):
        for group in model.kinds:
            first = first_holding(group.answers)
            for answer in KIND_ANSWERS:
                for value in _values(answer):
                    fresh = kind_of(with_answers(group.answers, {answer: value}))
                    assert kind_if(group.answers, first, answer, value) == fresh, (answer, value)


@settings(max_examples=100, deadline=None)
@given(assessments)
def test_a_rule_that_sets_the_kind_reads_only_the_answers_it_declares(raw: dict[str, Any]) -> None:
    for model in _models(raw, FlowModel):
        for group in model.kinds:
            for rule in SCORED_AS:
                holds = rule.holds(group.answers)
                for answer in (a for a in CHANGEABLE if a not in rule.reads):
                    for value in _values(answer):
                        assert rule.holds(with_answers(group.answers, {answer: value})) == holds, (rule.id, answer)
