"""Each decision rule's own cases, beside it in rules.py, and the docs' table of rules kept equal to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from advisor.engine import parse_assessment, recommend
from advisor.engine.choices import Interaction
from advisor.engine.evaluation import answers_of
from advisor.engine.rules import RULES, Case, Rule, rules_table

DOCS = Path(__file__).resolve().parents[2] / "docs" / "decision-rules.md"
CASES = [(rule, case) for rule in RULES for case in rule.cases]


@pytest.mark.parametrize(("rule", "case"), CASES, ids=[f"{r.id}-{i}" for i, (r, _) in enumerate(CASES)])
def test_each_rule_holds_exactly_for_its_cases(rule: Rule, case: Case) -> None:
    assessment = parse_assessment({"landscape": dict(case.landscape or {}), "flows": [{"name": "f", **case.flow}]})
    assert rule.holds(answers_of(assessment.landscape, assessment.flows[0], assessment.assumed(0))) is case.holds


def test_every_rule_has_a_case_that_holds_and_one_that_does_not() -> None:
    for rule in RULES:
        assert {case.holds for case in rule.cases} == {True, False}, rule.id


def test_a_rule_that_holds_contributes_its_sentence_its_approach_and_its_risks() -> None:
    for rule in RULES:
        case = next(c for c in rule.cases if c.holds)
        assessment = parse_assessment({"landscape": dict(case.landscape or {}), "flows": [{"name": "f", **case.flow}]})
        given = answers_of(assessment.landscape, assessment.flows[0], assessment.assumed(0))
        flow = recommend(assessment).flows[0]
        assert all(sentence in flow.reasons for sentence in rule.said(given)), rule.id
        if rule.approach is not None and flow.pattern in rule.approach_for:
            assert flow.approach == rule.approach, rule.id
            assert all(risk in flow.risks for risk in rule.warned(given)), rule.id


DECLARED = [(rule, case) for rule, case in CASES if rule.interactions and case.holds]


@pytest.mark.parametrize(("rule", "case"), DECLARED, ids=[f"{r.id}-{i}" for i, (r, _) in enumerate(DECLARED)])
@pytest.mark.parametrize("interaction", [i.value for i in Interaction])
def test_a_rule_holds_only_for_the_interactions_it_declares(rule: Rule, case: Case, interaction: str) -> None:
    """Scoring asks a flow only about the answers the rules of its interaction read (scoring.KIND_ANSWERS_OF):
    a premise that held for another interaction would change a kind nobody asked about."""
    flow = {"name": "f", **case.flow, "interaction": interaction}
    assessment = parse_assessment({"landscape": dict(case.landscape or {}), "flows": [flow]})
    held = rule.holds(answers_of(assessment.landscape, assessment.flows[0], assessment.assumed(0)))
    if interaction not in rule.interactions:
        assert not held


def test_every_rule_that_scores_a_flow_as_another_kind_declares_its_interactions() -> None:
    assert all(rule.interactions for rule in RULES if rule.scored_as is not None)


def test_the_docs_list_the_rules_as_they_are() -> None:
    assert rules_table() in DOCS.read_text(), "docs/decision-rules.md: paste rules_table() (make engine-snapshot)"
