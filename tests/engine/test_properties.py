"""Properties that hold for any valid input."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.engine import parse_assessment, recommend, recommendation_to_dict
from advisor.engine.answers import FLOW_CHOICES, LANDSCAPE_CHOICES, UNKNOWN
from advisor.engine.catalog import FACTOR_IDS, PATTERN_IDS


def choice(options: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.sampled_from((*options, UNKNOWN))


landscapes = st.fixed_dictionaries(
    {},
    optional={"systems": st.integers(2, 500), **{f: choice(c) for f, c in LANDSCAPE_CHOICES.items()}},
)
flows = st.fixed_dictionaries(
    {
        "name": st.text(st.characters(exclude_categories=("Cc", "Cs")), min_size=1, max_size=20).filter(str.strip),
        "interaction": choice(FLOW_CHOICES["interaction"]),
    },
    optional={
        "consumers": st.lists(
            st.sampled_from(["CRM", "Shop", "Email", "Analytics", "Billing", "crm"]),
            min_size=1,
            max_size=5,
            unique_by=str.casefold,
        ),
        "volume_per_day": st.integers(0, 10**11),
        "peak_factor": st.floats(1, 10_000),
        **{f: choice(c) for f, c in FLOW_CHOICES.items() if f != "interaction"},
    },
)
weights = st.dictionaries(st.sampled_from(FACTOR_IDS), st.floats(0.5, 3), max_size=7)
assessments = st.fixed_dictionaries(
    {"landscape": landscapes, "flows": st.lists(flows, min_size=1, max_size=4), "weights": weights}
)


@settings(max_examples=150, deadline=None)
@given(assessments)
def test_any_valid_input_gives_consistent_scores(raw: dict[str, Any]) -> None:
    recommendation = recommend(parse_assessment(raw))
    for flow in recommendation.flows:
        assert all(0 <= score <= 100 for score in flow.scores.values())
        for pattern_id in PATTERN_IDS:
            total = sum(flow.factors[f].contributions[pattern_id] for f in FACTOR_IDS)
            assert abs(total - flow.scores[pattern_id]) < 1e-9
        assert flow.scores[flow.pattern] == max(flow.scores.values())
        assert flow.margin >= 0
        assert all(0 <= flow.factors[f].pressure <= 1 for f in FACTOR_IDS)
        assert all(flip.pattern != flow.pattern for flip in flow.flips)
    assert sum(recommendation.mix.values()) == len(raw["flows"])


@settings(max_examples=40, deadline=None)
@given(assessments)
def test_the_same_input_gives_the_same_bytes(raw: dict[str, Any]) -> None:
    first = json.dumps(recommendation_to_dict(recommend(parse_assessment(raw))))
    second = json.dumps(recommendation_to_dict(recommend(parse_assessment(json.loads(json.dumps(raw))))))
    assert first == second


@settings(max_examples=60, deadline=None)
@given(assessments)
def test_every_flip_really_changes_the_winner(raw: dict[str, Any]) -> None:
    recommendation = recommend(parse_assessment(raw))
    for index, flow in enumerate(recommendation.flows):
        for flip in flow.flips:
            changed = json.loads(json.dumps(raw))
            if flip.field in LANDSCAPE_CHOICES or flip.field == "systems":
                changed["landscape"][flip.field] = flip.after
            elif flip.field == "consumers":
                changed["flows"][index]["consumers"] = [f"c{i}" for i in range(int(str(flip.after)))]
            else:
                changed["flows"][index][flip.field] = flip.after
            assert recommend(parse_assessment(changed)).flows[index].pattern == flip.pattern


NEIGHBOURS = {
    **{f: c for f, c in LANDSCAPE_CHOICES.items()},
    **{f: c for f, c in FLOW_CHOICES.items() if f != "ordering"},
}


@settings(max_examples=60, deadline=None)
@given(assessments)
def test_no_one_step_flip_is_missed(raw: dict[str, Any]) -> None:
    """Brute force: any answer one step away that changes the winner is reported (unless five nearer are)."""
    recommendation = recommend(parse_assessment(raw))
    for index, flow in enumerate(recommendation.flows):
        if len(flow.flips) == 5:
            continue
        reported = {flip.field for flip in flow.flips}
        for field, choices in NEIGHBOURS.items():
            scope = raw["landscape"] if field in LANDSCAPE_CHOICES else raw["flows"][index]
            current = scope.get(field, UNKNOWN)
            if current == UNKNOWN:
                continue
            here = choices.index(current)
            ordered = field not in ("platform", "existing_broker", "operations", "interaction")
            steps = [i for i in range(len(choices)) if i != here and (not ordered or abs(i - here) == 1)]
            for step in steps:
                changed = json.loads(json.dumps(raw))
                target = changed["landscape"] if field in LANDSCAPE_CHOICES else changed["flows"][index]
                target[field] = choices[step]
                if recommend(parse_assessment(changed)).flows[index].pattern != flow.pattern:
                    assert field in reported, (field, choices[step])
