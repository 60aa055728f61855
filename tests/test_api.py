from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client, override_settings

from advisor.api.schemas import RecommendationOut
from advisor.assessments.models import Assessment
from advisor.engine import ENGINE_VERSION
from advisor.engine.answers import FLOW_CHOICES, LANDSCAPE_CHOICES, UNKNOWN
from advisor.engine.catalog import FACTOR_IDS, PATTERN_IDS
from advisor.engine.parse import MAX_FLOWS
from tests.conftest import DOUBTS, SHOP, TILLS

pytestmark = pytest.mark.django_db
RECOMMEND = "/api/v1/recommendations"
STORE = "/api/v1/assessments"


def post(client: Client, url: str, body: Any) -> Any:
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(url, data, content_type="application/json")


class TestRecommendations:
    def test_it_recommends_a_pattern_for_each_flow(self, client: Client) -> None:
        response = post(client, RECOMMEND, SHOP)
        assert response.status_code == 200
        body = response.json()
        assert body["engine_version"] == ENGINE_VERSION
        assert body["mix"] == {"point_to_point": 1, "message_queue": 0, "event_driven": 1, "bulk": 1}
        flow = body["flows"][1]
        assert set(flow) >= {
            "name",
            "pattern",
            "scores",
            "margin",
            "confidence",
            "factors",
            "reasons",
            "risks",
            "technologies",
            "flips",
        }
        assert set(flow["factors"]) == set(FACTOR_IDS)
        assert set(flow["factors"]["complexity"]) == {"pressure", "contributions"}
        assert all(set(f) == {"field", "from", "to", "pattern"} for f in flow["flips"])

    def test_the_response_matches_the_documented_schema(self, client: Client) -> None:
        for inputs in (SHOP, TILLS, DOUBTS):
            body = post(client, RECOMMEND, inputs).json()
            assert RecommendationOut.model_validate(body).model_dump(by_alias=True) == body

    def test_it_stores_nothing(self, client: Client) -> None:
        post(client, RECOMMEND, SHOP)
        assert Assessment.objects.count() == 0

    @pytest.mark.parametrize(
        ("body", "status", "field"),
        [
            ("{not json", 400, "body"),
            ("[]", 422, "body"),
            ({"flows": []}, 422, "flows"),
            ({"flows": [{"name": "a", "interaction": "query"}] * (MAX_FLOWS + 1)}, 422, "flows"),
            ({"flows": [{"name": "a", "interaction": "ask"}]}, 422, "flows[0].interaction"),
            ({"flows": [{"name": 5, "interaction": "query"}]}, 422, "flows[0].name"),
            (
                {"flows": [{"name": "a", "interaction": "query", "volume_per_day": "many"}]},
                422,
                "flows[0].volume_per_day",
            ),
            (
                {"flows": [{"name": "a", "interaction": "query"}], "landscape": {"systems": 9999}},
                422,
                "landscape.systems",
            ),
            ({"flows": [{"name": "a", "interaction": "query", "lateny": "seconds"}]}, 422, "flows[0].lateny"),
            ({"flows": [{"name": "a", "interaction": "query"}], "weights": {"cost": 2}}, 422, "weights.cost"),
        ],
    )
    def test_bad_input_gets_a_message_that_names_the_field(
        self, client: Client, body: Any, status: int, field: str
    ) -> None:
        response = post(client, RECOMMEND, body)
        assert response.status_code == status
        assert field in [e["field"] for e in response.json()["errors"]]

    @pytest.mark.parametrize("debug", [False, True])
    def test_an_oversized_body_is_refused_with_a_message(self, client: Client, debug: bool) -> None:
        body = json.dumps({"flows": [{"name": "x" * 100, "interaction": "query"}], "pad": "y" * 2_000_000})
        with override_settings(DEBUG=debug):
            response = post(client, RECOMMEND, body)
        assert response.status_code == 413
        assert response.json()["errors"][0]["field"] == "body"

    def test_invalid_utf8_is_a_400(self, client: Client) -> None:
        response = post(client, RECOMMEND, b'{"flows": "\xff"}')
        assert response.status_code == 400


class TestStoringAssessments:
    def test_it_returns_the_share_links(self, client: Client) -> None:
        response = post(client, STORE, {**TILLS, "name": "Tills"})
        assert response.status_code == 201
        links = response.json()
        assessment = Assessment.objects.get()
        assert assessment.name == "Tills"
        assert links["view_url"] == f"/r/{assessment.view_token}/"
        assert links["edit_url"] == f"/assess/{assessment.edit_token}/"
        assert links["pdf_url"].endswith("/report.pdf")
        assert links["adr_zip_url"] == f"/r/{assessment.view_token}/adr.zip"
        assert client.get(links["view_url"]).status_code == 200

    def test_tokens_carry_at_least_128_random_bits_and_never_the_id(self, client: Client) -> None:
        links = [post(client, STORE, TILLS).json() for _ in range(5)]
        tokens = [t for a in Assessment.objects.all() for t in (a.view_token, a.edit_token)]
        assert len(set(tokens)) == 10
        assert all(len(token) >= 32 for token in tokens)  # 24 random bytes in URL-safe base64
        assert all(f"/{a.pk}/" not in link for a in Assessment.objects.all() for ls in links for link in ls.values())

    def test_an_invalid_assessment_stores_nothing(self, client: Client) -> None:
        response = post(client, STORE, {"flows": [{"name": "a"}]})
        assert response.status_code == 422
        assert Assessment.objects.count() == 0

    @override_settings(ADVISOR_CREATE_RATE="2/h")
    def test_creation_is_rate_limited_per_client(self, client: Client) -> None:
        statuses = [post(client, STORE, TILLS).status_code for _ in range(3)]
        assert statuses == [201, 201, 429]
        assert Assessment.objects.count() == 2


class TestSchema:
    def test_the_schema_documents_both_endpoints_and_every_answer(self, client: Client) -> None:
        schema = client.get("/api/v1/openapi.json").json()
        assert {"/api/v1/recommendations", "/api/v1/assessments"} <= set(schema["paths"])
        components = schema["components"]["schemas"]
        flow = components["FlowIn"]["properties"]
        assert set(flow["latency"]["enum"]) == {*FLOW_CHOICES["latency"], UNKNOWN}
        landscape = components["LandscapeIn"]["properties"]
        assert set(landscape["existing_broker"]["enum"]) == {*LANDSCAPE_CHOICES["existing_broker"], UNKNOWN}
        assert set(components["WeightsIn"]["properties"]) == set(FACTOR_IDS)
        assert components["FlowIn"]["additionalProperties"] is False
        mix = components["RecommendationOut"]["properties"]["mix"]
        assert set(mix["propertyNames"]["enum"]) == {*PATTERN_IDS, "bulk", "undecided"}

    def test_the_docs_load_from_our_own_static_files(self, client: Client) -> None:
        page = client.get("/api/docs").content.decode()
        assert "swagger-ui-bundle.js" in page
        assert "cdn" not in page.lower()
