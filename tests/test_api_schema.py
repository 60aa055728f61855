"""The published input schema says what the engine's validator accepts: no more, no less."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from advisor.engine import InvalidAssessment, parse_assessment
from advisor.engine.answers import FLOW_ANSWERS, LANDSCAPE_ANSWERS
from advisor.engine.catalog import FACTOR_IDS
from advisor.engine.parse import MAX_FLOWS

pytestmark = pytest.mark.django_db
FLOW = {"name": "Orders", "interaction": "event"}


@pytest.fixture(scope="module")
def schema(django_db_blocker: Any) -> Draft202012Validator:
    with django_db_blocker.unblock():
        document = Client().get("/api/v1/openapi.json").json()
    return Draft202012Validator({"$ref": "#/components/schemas/AssessmentIn", "components": document["components"]})


def accepted_by_the_validator(body: dict[str, Any]) -> bool:
    try:
        parse_assessment(body)
    except InvalidAssessment:
        return False
    return True


@pytest.mark.parametrize(
    ("body", "valid"),
    [
        ({"flows": [FLOW]}, True),
        ({"flows": [{**FLOW, "name": "   "}]}, False),
        ({"flows": [{**FLOW, "name": "\t\n"}]}, False),
        ({"flows": [{**FLOW, "name": "x" * 120}]}, True),
        ({"flows": [{**FLOW, "name": "x" * 121}]}, False),
        ({"flows": [{**FLOW, "name": "  " + "x" * 120 + "  "}]}, True),
        ({"flows": [{**FLOW, "name": "a\tb"}]}, True),
        ({"flows": [{**FLOW, "name": "a\x00b"}]}, False),
        ({"flows": [{**FLOW, "name": "a\x7fb"}]}, False),
        ({"flows": [{**FLOW, "source": "   "}]}, True),
        ({"flows": [{**FLOW, "source": "x" * 81}]}, False),
        ({"flows": [{**FLOW, "consumers": [""]}]}, False),
        ({"flows": [{**FLOW, "consumers": [" "]}]}, False),
        ({"flows": [{**FLOW, "consumers": ["x" * 81]}]}, False),
        ({"flows": [{**FLOW, "consumers": ["x" * 80]}]}, True),
        ({"flows": [{**FLOW, "consumers": []}]}, False),
        ({"flows": [{**FLOW, "consumers": [f"System {i}" for i in range(51)]}]}, False),
        ({"flows": [{**FLOW, "consumers": ["CRM", "CRM"]}]}, False),
        ({"flows": [{**FLOW, "latency": "unknown"}]}, True),
        ({"flows": [{**FLOW, "latency": "yesterday"}]}, False),
        ({"flows": [{"name": "Orders"}]}, False),
        ({"flows": [{**FLOW, "volume_per_day": 10**11 + 1}]}, False),
        ({"flows": [{**FLOW, "volume_per_day": 5.0}]}, True),
        ({"flows": [{**FLOW, "volume_per_day": 5.5}]}, False),
        ({"flows": [{**FLOW, "message_size_kb": 0.05}]}, False),
        ({"flows": [{**FLOW, "message_size_kb": 0.1}]}, True),
        ({"flows": [{**FLOW, "peak_factor": 2.5}]}, True),
        ({"flows": [{**FLOW, "volume_per_day": "unknown", "peak_factor": "unknown"}]}, True),
        ({"flows": [{**FLOW, "volume_per_day": [10_000, 50_000], "peak_factor": [3, 10]}]}, True),
        ({"flows": [{**FLOW, "message_size_kb": [0.5, 2048]}]}, True),
        ({"flows": [{**FLOW, "peak_factor": [3]}]}, False),
        ({"flows": [{**FLOW, "peak_factor": [0, 10]}]}, False),
        ({"flows": [{**FLOW, "volume_per_day": [10, 2.5]}]}, False),
        ({"flows": [{**FLOW, "peak_factor": "often"}]}, False),
        ({"flows": [{"name": "Orders", "interaction": "event", "consumers": "unknown"}]}, False),
        (
            {"flows": [{**FLOW, "replay": "yes", "consumer_kind": "device", "source_availability": "often_offline"}]},
            True,
        ),
        ({"flows": [FLOW] * MAX_FLOWS}, True),
        ({"flows": [FLOW] * (MAX_FLOWS + 1)}, False),
        ({"flows": []}, False),
        ({"flows": [FLOW], "weights": {f: 0 for f in FACTOR_IDS}}, False),
        ({"flows": [FLOW], "weights": {f: 0.0 for f in FACTOR_IDS}}, False),
        ({"flows": [FLOW], "weights": {f: 0 for f in FACTOR_IDS[1:]}}, True),
        ({"flows": [FLOW], "weights": {"real_time": 3.5}}, False),
        ({"flows": [FLOW], "weights": {"cost": 1}}, False),
        ({"flows": [FLOW], "landscape": {"systems": 1}}, False),
        ({"flows": [FLOW], "landscape": {"teams": "unknown"}}, True),
        ({"flows": [FLOW], "name": "   "}, True),
        ({"flows": [FLOW], "name": "x" * 121}, False),
        ({"flows": [FLOW], "engine_version": "1.0.0"}, True),
    ],
)
def test_the_schema_accepts_exactly_what_the_validator_accepts(
    schema: Draft202012Validator, body: dict[str, Any], valid: bool
) -> None:
    assert accepted_by_the_validator(body) is valid
    assert schema.is_valid(body) is valid


def test_a_name_repeated_in_another_case_is_the_one_refusal_the_schema_can_only_describe(
    schema: Draft202012Validator,
) -> None:
    body = {"flows": [{**FLOW, "consumers": ["CRM", "crm"]}]}
    assert not accepted_by_the_validator(body)
    assert schema.is_valid(body)
    consumers = schema.schema["components"]["schemas"]["FlowIn"]["properties"]["consumers"]
    assert "compared without case" in consumers["description"]


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=130))
def test_any_text_is_judged_alike_by_the_schema_and_the_validator(schema: Draft202012Validator, text: str) -> None:
    body = {"flows": [{**FLOW, "name": text, "consumers": [text[:90] or "x"]}]}
    assert schema.is_valid(body) is accepted_by_the_validator(body)


def test_every_answer_in_the_table_is_in_the_schema_with_its_limits(schema: Draft202012Validator) -> None:
    components = schema.schema["components"]["schemas"]
    for model, answers in (("LandscapeIn", LANDSCAPE_ANSWERS), ("FlowIn", FLOW_ANSWERS)):
        properties = components[model]["properties"]
        assert set(properties) == set(answers)
        for answer in answers.values():
            documented = properties[answer.id]
            assert answer.question in documented["description"]
            if not answer.required:
                assert documented["default"] == (list(d) if isinstance(d := answer.default, tuple) else d)
            if answer.kind == "choice":
                assert documented["enum"] == [*answer.choices, "unknown"]
            if answer.kind in ("integer", "number"):
                # A number the person may not know is one of three: the number, "unknown", or a range [low, high].
                forms = documented["anyOf"] if answer.accepts_range else [documented]
                number, *doubts = forms
                assert (number["minimum"], number["maximum"]) == (answer.low, answer.high)
                if answer.accepts_range:
                    unknown, span = doubts
                    assert unknown["const"] == "unknown"
                    assert span["prefixItems"] == [number, number]
                    assert (span["minItems"], span["maxItems"]) == (2, 2)
    assert components["FlowIn"]["required"] == [a.id for a in FLOW_ANSWERS.values() if a.required]
