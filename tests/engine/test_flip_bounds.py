"""The flip search skips changes that provably cannot move a winner: it finds what the full search finds.

The full search is the same model with every bound answering "may change", so it re-scores every
alternative of every answer (docs/how-scores-are-made.md, "What would change it").
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from advisor.engine import parse_assessment
from advisor.engine.evaluation import FlowModel, answers_of
from advisor.engine.flips import flow_flips, landscape_flips, unknown_flips
from advisor.engine.scoring import shares

from .test_properties import assessments


class FullSearch(FlowModel):
    """A flow's model that never rules a change out: every alternative is re-scored."""

    def may_change(self, answer: str, value: object | None = None) -> bool:
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
