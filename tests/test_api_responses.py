"""Real API responses are valid against the OpenAPI schema the API publishes, and the schema is the result's shape."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
import yaml
from django.test import Client
from jsonschema import Draft202012Validator

from advisor.assessments.models import Assessment
from advisor.engine import parse_assessment, recommend, recommendation_to_dict
from advisor.engine.export import json_name
from advisor.engine.model import FlowResult, Recommendation
from advisor.engine.presets import USE_CASES
from tests.conftest import SHOP, TILLS
from tests.engine.snapshot import HERE

pytestmark = pytest.mark.django_db


def every_input() -> dict[str, dict[str, Any]]:
    """The architect's scenarios and the presets: every kind of flow the engine has advice for."""
    scenarios = yaml.safe_load((HERE / "scenarios.yaml").read_text())
    inputs = {
        s["id"]: {"landscape": s.get("landscape") or {}, "flows": [s["flow"], *(s.get("others") or [])]}
        for s in scenarios
    }
    return inputs | {f"preset {slug}": case.assessment for slug, case in USE_CASES.items()} | {"shop": SHOP}


@pytest.fixture(scope="module")
def published(django_db_blocker: Any) -> dict[str, Any]:
    with django_db_blocker.unblock():
        document: dict[str, Any] = Client().get("/api/v1/openapi.json").json()
    return document


def validator(published: dict[str, Any], path: str, status: str) -> Draft202012Validator:
    """The published schema of one response, with the components its references point into."""
    content = published["paths"][path]["post"]["responses"][status]["content"]
    schema = next(iter(content.values()))["schema"]
    return Draft202012Validator({**schema, "components": published["components"]})


def post(client: Client, path: str, body: object) -> Any:
    return client.post(path, json.dumps(body), content_type="application/json")


def test_every_recommendation_the_api_answers_is_valid_against_its_published_schema(
    client: Client, published: dict[str, Any]
) -> None:
    schema = validator(published, "/api/v1/recommendations", "200")
    inputs = every_input()
    assert len(inputs) > 60
    for name, body in inputs.items():
        response = post(client, "/api/v1/recommendations", body)
        assert response.status_code == 200, name
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in schema.iter_errors(response.json())]
        assert errors == [], name


def test_a_response_with_a_field_the_schema_does_not_declare_is_refused_by_it(
    client: Client, published: dict[str, Any]
) -> None:
    schema = validator(published, "/api/v1/recommendations", "200")
    body = post(client, "/api/v1/recommendations", SHOP).json()
    body["flows"][0]["verdict"] = "maybe"
    assert not schema.is_valid(body)
    del body["flows"][0]["verdict"], body["flows"][0]["fit"]
    assert not schema.is_valid(body)
    body = post(client, "/api/v1/recommendations", SHOP).json()
    body["flows"][0]["pattern"] = "carrier_pigeon"
    assert not schema.is_valid(body)


def test_the_links_and_the_refusals_are_valid_against_their_published_schemas(
    client: Client, published: dict[str, Any]
) -> None:
    created = post(client, "/api/v1/assessments", TILLS)
    assert created.status_code == 201
    validator(published, "/api/v1/assessments", "201").validate(created.json())
    refused = post(client, "/api/v1/recommendations", {"flows": [{"name": "x", "interaction": "shout"}]})
    assert refused.status_code == 422
    validator(published, "/api/v1/recommendations", "422").validate(refused.json())


def test_the_published_result_schema_names_exactly_the_fields_of_the_engines_dataclasses(
    published: dict[str, Any],
) -> None:
    components = published["components"]["schemas"]
    for cls, component in ((Recommendation, "RecommendationOut"), (FlowResult, "FlowResultOut")):
        names = [json_name(f) for f in dataclasses.fields(cls)]
        assert list(components[component]["properties"]) == names
        assert components[component]["required"] == names
        assert components[component]["additionalProperties"] is False


def test_the_api_the_export_and_the_stored_snapshot_write_one_shape(client: Client) -> None:
    answer = post(client, "/api/v1/recommendations", SHOP).json()
    stored = post(client, "/api/v1/assessments", SHOP).json()
    snapshot = Assessment.objects.get(view_token=stored["view_url"].strip("/").split("/")[-1]).result
    expected = json.loads(json.dumps(recommendation_to_dict(recommend(parse_assessment(SHOP)))))
    assert answer == snapshot == expected
