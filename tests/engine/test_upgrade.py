"""Stored inputs of an older shape read as the current engine's answers, saying what was read differently."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.engine import parse_assessment, recommend, recommendation_to_dict
from advisor.engine.catalog import FACTOR_IDS
from advisor.engine.export import assessment_to_dict
from advisor.engine.parse import MAX_FLOWS
from advisor.engine.upgrade import (
    SCHEMA_VERSION,
    STEPS,
    ChoiceRename,
    FieldRename,
    Reread,
    Step,
    stored_flow_result,
    stored_recommendation,
    upgrade,
)

CURRENT: dict[str, Any] = {
    "landscape": {"systems": 4, "teams": "few"},
    "flows": [
        {"name": "Lookup", "interaction": "query", "latency": "immediate", "consumers": ["CRM"]},
        {"name": "Orders", "interaction": "event", "consumers": ["CRM", "Email", "Analytics"]},
    ],
    "weights": {"real_time": 2},
}


def older(**flow_changes: Any) -> dict[str, Any]:
    """CURRENT with the first flow's answers changed as an older questionnaire stored them."""
    raw = copy.deepcopy(CURRENT)
    raw["flows"][0] |= flow_changes
    return raw


def test_inputs_in_the_current_shape_read_as_they_were_saved_with_nothing_to_say() -> None:
    read = upgrade(CURRENT, SCHEMA_VERSION)
    assert read.assessment == parse_assessment(CURRENT)
    assert (read.rereads, read.set_aside, read.changed) == ((), {}, False)


def test_every_version_below_the_current_one_has_its_upgrade_step() -> None:
    assert set(STEPS) == set(range(1, SCHEMA_VERSION))


def test_a_choice_that_no_longer_exists_is_read_as_not_sure_and_its_value_kept_aside() -> None:
    read = upgrade(older(latency="realtime"), SCHEMA_VERSION)
    assert read.assessment.flows[0].latency == "unknown"
    assert read.set_aside == {"flows[0].latency": "realtime"}
    assert read.rereads == (Reread("flows[0].latency", "realtime", "unknown", "no_longer_a_choice", "Lookup"),)
    assert read.rereads[0].sentence == (
        "Flow 1 “Lookup”, latency: “realtime” is no longer one of the choices; read as not sure."
    )


def test_a_retired_answer_is_kept_aside_not_lost_and_the_rest_reads_as_saved() -> None:
    raw = older(criticality="high")
    raw["landscape"]["budget"] = "small"
    read = upgrade(raw, SCHEMA_VERSION)
    assert read.assessment == parse_assessment(CURRENT)
    assert read.set_aside == {"landscape.budget": "small", "flows[0].criticality": "high"}
    assert [r.sentence for r in read.rereads] == [
        "Landscape, budget: no longer asked; the saved answer (“small”) is kept aside.",
        "Flow 1 “Lookup”, criticality: no longer asked; the saved answer (“high”) is kept aside.",
    ]


def test_a_step_renames_a_choice_before_anything_is_read_as_not_sure() -> None:
    steps = {1: Step(choices=(ChoiceRename("flow", "latency", "realtime", "immediate"),))}
    read = upgrade(older(latency="realtime"), 1, steps=steps, current=2)
    assert read.assessment.flows[0].latency == "immediate"
    assert read.set_aside == {}
    assert read.rereads[0].sentence.startswith("Flow 1 “Lookup”, latency: “realtime” is now called “immediate")


def test_a_step_is_applied_only_to_inputs_saved_before_it() -> None:
    steps = {1: Step(choices=(ChoiceRename("flow", "latency", "immediate", "seconds"),))}
    assert upgrade(CURRENT, 1, steps=steps, current=2).assessment.flows[0].latency == "seconds"
    assert upgrade(CURRENT, 2, steps=steps, current=2).assessment.flows[0].latency == "immediate"


def test_steps_apply_in_order_from_the_version_the_inputs_were_saved_with() -> None:
    steps = {
        1: Step(fields=(FieldRename("flow", "speed", "latency"),)),
        2: Step(choices=(ChoiceRename("flow", "latency", "realtime", "immediate"),)),
    }
    raw = copy.deepcopy(CURRENT)
    raw["flows"][0] = {"name": "Lookup", "interaction": "query", "speed": "realtime", "consumers": ["CRM"]}
    read = upgrade(raw, 1, steps=steps, current=3)
    assert read.assessment == parse_assessment(CURRENT)
    assert [r.why for r in read.rereads] == ["renamed_field", "renamed_choice"]


def test_a_step_retires_an_answer_into_the_set_aside_values() -> None:
    steps = {1: Step(retired=(("landscape", "teams"),))}
    read = upgrade(CURRENT, 1, steps=steps, current=2)
    assert read.assessment.landscape.teams == "one"
    assert read.set_aside == {"landscape.teams": "few"}


def test_a_number_beyond_todays_limits_takes_the_default_and_is_kept_aside() -> None:
    read = upgrade(older(volume_per_day=10**12), SCHEMA_VERSION)
    assert read.assessment.flows[0].volume_per_day == 1000
    assert read.set_aside == {"flows[0].volume_per_day": 10**12}


def test_an_unknown_weight_and_too_many_flows_are_kept_aside() -> None:
    raw = copy.deepcopy(CURRENT)
    raw["weights"]["cost"] = 2
    raw["flows"] = [{"name": f"Flow {i}", "interaction": "event"} for i in range(MAX_FLOWS + 10)]
    read = upgrade(raw, SCHEMA_VERSION)
    assert len(read.assessment.flows) == MAX_FLOWS
    assert read.assessment.weights == (("real_time", 2),)
    assert read.set_aside["weights.cost"] == 2
    assert len(read.set_aside[f"flows[{MAX_FLOWS}:]"]) == 10  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "raw",
    [
        None,
        [],
        "text",
        {},
        {"flows": []},
        {"flows": "none"},
        {"flows": [None, 3]},
        {"flows": [{}]},
        {"flows": [{"name": 7, "interaction": 7}], "landscape": [], "weights": "heavy"},
        {"flows": [{"name": "x", "interaction": "event"}], "weights": dict.fromkeys(FACTOR_IDS, 0)},
        {"flows": [{"name": "x", "interaction": "event", "consumers": ["A", "a"]}], "schema": 3, 5: 6},
        # A top-level key that reads like a flow's path, with no flows stored (found by the property below).
        {"flows[0]": None},
        {"flows[3].name": 1, "flows": [{"name": "x", "interaction": "event"}]},
    ],
)
def test_reading_never_raises_whatever_was_stored(raw: object) -> None:
    read = upgrade(raw, SCHEMA_VERSION)
    assert parse_assessment(assessment_to_dict(read.assessment)) == read.assessment
    assert read.rereads


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
        max_leaves=20,
    ),
    st.integers(min_value=-1, max_value=SCHEMA_VERSION + 1),
)
def test_any_json_reads_as_a_valid_assessment(raw: object, version: int) -> None:
    read = upgrade(raw, version)
    assert parse_assessment(assessment_to_dict(read.assessment)) == read.assessment


def test_one_flows_stored_result_is_read_alone_only_when_it_answers_that_flow() -> None:
    assessment = parse_assessment(CURRENT)
    whole = recommend(assessment)
    snapshot = recommendation_to_dict(whole)
    for index, result in enumerate(whole.flows):
        assert stored_flow_result(snapshot, assessment, index) == result
    assert stored_flow_result({**snapshot, "flows": snapshot["flows"][:-1]}, assessment, 0) is None
    assert stored_flow_result({**snapshot, "flows": "garbled"}, assessment, 0) is None
    assert stored_flow_result(None, assessment, 0) is None
    renamed = copy.deepcopy(snapshot)
    renamed["flows"][0]["name"] = "Another flow"
    assert stored_flow_result(renamed, assessment, 0) is None
    del snapshot["flows"][0]["scores"]
    assert stored_flow_result(snapshot, assessment, 0) is None


def test_a_stored_result_is_read_only_when_it_answers_the_flows_read() -> None:
    assessment = parse_assessment(CURRENT)
    snapshot = recommendation_to_dict(recommend(assessment))
    assert stored_recommendation(snapshot, assessment) == recommend(assessment)
    assert stored_recommendation({**snapshot, "flows": snapshot["flows"][:1]}, assessment) is None
    assert stored_recommendation({**snapshot, "mix": "all of them"}, assessment) is None
    del snapshot["flows"][0]["factors"]["complexity"]["contributions"]["event_driven"]
    assert stored_recommendation(snapshot, assessment) is None
    del snapshot["flows"][0]["scores"]
    assert stored_recommendation(snapshot, assessment) is None
