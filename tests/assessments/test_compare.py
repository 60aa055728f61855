"""Comparing two assessments: the page, the API and what they say moved."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from django.test import Client

from advisor.assessments import store
from advisor.assessments.models import Assessment
from advisor.engine import parse_assessment
from tests.conftest import SHOP

pytestmark = pytest.mark.django_db


def future_state() -> dict[str, Any]:
    """SHOP a year on: the order reaches one consumer, a refund flow joins, the export is gone, more teams."""
    body = copy.deepcopy(SHOP)
    body["name"] = "Shop and CRM, next year"
    body["landscape"]["teams"] = "many"
    body["flows"][1]["consumers"] = ["CRM"]
    del body["flows"][2]
    body["flows"].append({"name": "Refund", "source": "Online shop", "consumers": ["ERP"], "interaction": "command"})
    return body


@pytest.fixture
def current() -> Assessment:
    return store.create(parse_assessment(SHOP))


@pytest.fixture
def future() -> Assessment:
    return store.create(parse_assessment(future_state()))


class TestApi:
    def test_it_lists_flows_added_removed_and_changed(
        self, client: Client, current: Assessment, future: Assessment
    ) -> None:
        body = client.get(f"/api/v1/compare?a={current.view_token}&b={future.view_token}").json()
        assert [f["name"] for f in body["added"]] == ["Refund"]
        assert [f["name"] for f in body["removed"]] == ["Nightly customer-segment export"]
        changed = {f["name"]: f for f in body["changed"]}
        order = changed["Order placed"]
        assert order["pattern"] == {"from": "event_driven", "to": order["pattern"]["to"]}
        assert order["pattern"]["to"] != "event_driven"
        assert order["answers"] == [
            {"field": "consumers", "from": ["CRM", "Email service", "Analytics"], "to": ["CRM"]}
        ]
        assert "loose_coupling" in [m["factor"] for m in order["factors"]]
        assert body["landscape"] == [{"field": "teams", "from": "few", "to": "many"}]

    def test_the_mix_says_where_it_came_from_and_went(
        self, client: Client, current: Assessment, future: Assessment
    ) -> None:
        body = client.get(f"/api/v1/compare?a={current.view_token}&b={future.view_token}").json()
        assert body["mix"]["event_driven"]["from"] == current.result["mix"]["event_driven"]
        assert body["mix"]["event_driven"]["to"] == future.result["mix"]["event_driven"]

    def test_an_assessment_against_itself_is_the_same(self, client: Client, current: Assessment) -> None:
        body = client.get(f"/api/v1/compare?a={current.view_token}&b={current.view_token}").json()
        assert body["same"] is True
        assert body["unchanged"] == 3

    def test_a_missing_token_is_a_400_naming_it(self, client: Client, current: Assessment) -> None:
        response = client.get(f"/api/v1/compare?a={current.view_token}")
        assert response.status_code == 400
        assert response.json()["errors"] == [{"field": "b", "message": "is required: a view token"}]

    def test_an_unknown_token_is_a_404_naming_it(self, client: Client, current: Assessment) -> None:
        response = client.get(f"/api/v1/compare?a=nope&b={current.view_token}")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["errors"] == [{"field": "a", "message": "names no assessment"}]


class TestPage:
    def test_it_shows_what_changed_and_why(self, client: Client, current: Assessment, future: Assessment) -> None:
        response = client.get(f"/compare/{current.view_token}/{future.view_token}/")
        assert response.status_code == 200
        page = response.content.decode()
        assert "1 flow added, 1 removed" in page
        assert "Consumers: CRM, Email service, Analytics → CRM" in page
        assert "Teams: a few teams → many teams" in page
        assert "Loose coupling: " in page
        assert "Refund" in page
        assert "Nightly customer-segment export (was" in page

    def test_names_are_escaped(self, client: Client, current: Assessment) -> None:
        body = copy.deepcopy(SHOP)
        body["flows"][0]["name"] = "<script>alert(1)</script>"
        other = store.create(parse_assessment(body))
        page = client.get(f"/compare/{current.view_token}/{other.view_token}/").content.decode()
        assert "<script>alert(1)" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page

    def test_an_unknown_link_is_a_404(self, client: Client, current: Assessment) -> None:
        assert client.get(f"/compare/{current.view_token}/nope/").status_code == 404
