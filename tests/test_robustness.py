"""Bad input anywhere gets a message, never a 500: random bodies against the API and the forms."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.assessments.models import Assessment
from advisor.engine.answers import FLOW_ANSWERS, LANDSCAPE_ANSWERS
from advisor.engine.catalog import FACTOR_IDS

pytestmark = pytest.mark.django_db
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=10), children, max_size=3),
    max_leaves=10,
)
flow_like = st.dictionaries(st.sampled_from([*FLOW_ANSWERS, "extra"]), json_values, max_size=6)
bodies = st.fixed_dictionaries(
    {},
    optional={
        "landscape": st.dictionaries(st.sampled_from([*LANDSCAPE_ANSWERS, "x"]), json_values, max_size=4),
        "flows": st.lists(flow_like, max_size=3) | json_values,
        "weights": st.dictionaries(st.sampled_from([*FACTOR_IDS, "x"]), json_values, max_size=3),
        "name": json_values,
    },
)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(bodies)
def test_the_api_answers_any_body_without_a_server_error(client: Client, body: dict[str, Any]) -> None:
    response = client.post("/api/v1/recommendations", json.dumps(body), content_type="application/json")
    assert response.status_code in (200, 400, 422)
    if response.status_code != 200:
        assert response.json()["errors"]


form_values = st.dictionaries(
    st.sampled_from(
        ["name", "version", "flow-TOTAL_FORMS", "flow-INITIAL_FORMS", "action"]
        + [f"landscape-{f}" for f in LANDSCAPE_ANSWERS]
        + [f"flow-0-{f}" for f in FLOW_ANSWERS]
        + [f"flow-1-{f}" for f in FLOW_ANSWERS]
        + [f"weight-{f}" for f in FACTOR_IDS]
    ),
    st.text(max_size=12),
    max_size=12,
)


@SETTINGS
@given(form_values)
def test_the_editor_answers_any_form_without_a_server_error(client: Client, form: dict[str, str]) -> None:
    from tests.conftest import make_assessment

    assessment = Assessment.objects.first() or make_assessment()
    response = client.post(assessment.edit_url, form)
    assert response.status_code in (200, 302, 409, 422)
    assert client.post(f"{assessment.edit_url}preview", form).status_code == 200


@SETTINGS
@given(form_values)
def test_the_quick_path_answers_any_form_without_a_server_error(client: Client, form: dict[str, str]) -> None:
    assert client.post("/assess/", form).status_code in (302, 422, 429)
