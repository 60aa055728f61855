"""A body with thousands of mistakes answers the first 50 and how many more, not megabytes of list."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.utils.html import escape

from tests.conftest import TILLS

pytestmark = pytest.mark.django_db
MISTAKES = 5000


def with_unknown_keys() -> dict[str, object]:
    return {**TILLS, "landscape": {f"typo_{n}": 1 for n in range(MISTAKES)}}


def test_the_api_lists_the_first_50_problems_and_counts_the_rest(client: Client) -> None:
    response = client.post("/api/v1/recommendations", json.dumps(with_unknown_keys()), content_type="application/json")
    assert response.status_code == 422
    problem = response.json()
    assert len(problem["errors"]) == 50
    assert problem["errors"][0]["field"] == "landscape.typo_0"
    assert (
        problem["detail"] == "The assessment has 5,000 invalid fields; the first 50 are listed and 4,950 more are not."
    )
    assert len(response.content) < 10_000


def test_a_few_problems_are_all_listed(client: Client) -> None:
    body = {**TILLS, "landscape": {"typo_a": 1, "typo_b": 2}}
    problem = client.post("/api/v1/recommendations", json.dumps(body), content_type="application/json").json()
    assert [e["field"] for e in problem["errors"]] == ["landscape.typo_a", "landscape.typo_b"]
    assert problem["detail"] == "The assessment has invalid fields."


def test_the_import_form_lists_the_first_50_problems_and_counts_the_rest(client: Client) -> None:
    pasted = json.dumps(with_unknown_keys())
    response = client.post("/assess/", {"import": "1", "json": pasted})
    assert response.status_code == 422
    page = response.content.decode()
    errors = page.split('id="import-errors"')[1].split("</ul>")[0]
    assert errors.count("<li>") == 50
    assert "The first 50 of 5,000 problems are listed; 4,950 more are not." in page
    # What was pasted stays in the form; the page is that plus a bounded list.
    assert len(page) < len(escape(pasted)) + 50_000
