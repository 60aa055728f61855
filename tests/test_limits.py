"""Every 429 of the site, on a page, an htmx fragment or the API, says when to come back (Retry-After)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from advisor.assessments.models import Assessment
from advisor.engine.presets import USE_CASES
from tests.assessments.forms import editor_post
from tests.assessments.test_start import QUICK
from tests.conftest import TILLS

pytestmark = pytest.mark.django_db
# No request is allowed at all, so each case's first request is already over its limit.
NONE_ALLOWED = {"ADVISOR_CREATE_RATE": "0/h", "ADVISOR_SAVE_RATE": "0/m", "ADVISOR_PDF_RATE": "0/m"}
Request = Callable[[Client, Assessment], Any]


def upload(inputs: dict[str, Any]) -> SimpleUploadedFile:
    return SimpleUploadedFile("assessment.json", json.dumps(inputs).encode())


PAGES: dict[str, tuple[Request, int]] = {
    "quick path": (lambda c, a: c.post("/assess/", QUICK), 3600),
    "preset": (lambda c, a: c.post("/assess/", {"preset": next(iter(USE_CASES))}), 3600),
    "import": (lambda c, a: c.post("/assess/", {"import": "1", "file": upload(TILLS)}), 3600),
    "fork": (lambda c, a: c.post(f"{a.edit_url}fork"), 3600),
    "save": (lambda c, a: c.post(a.edit_url, editor_post(a, action="save")), 60),
    "re-run": (lambda c, a: c.post(f"{a.edit_url}rerun"), 60),
    "PDF": (lambda c, a: c.get(f"/r/{a.view_token}/report.pdf"), 60),
}


@override_settings(**NONE_ALLOWED)
@pytest.mark.parametrize("case", PAGES)
def test_a_page_over_its_limit_says_when_to_come_back(client: Client, assessment: Assessment, case: str) -> None:
    send, window = PAGES[case]
    count = Assessment.objects.count()
    response = send(client, assessment)
    assert response.status_code == 429
    wait = int(response["Retry-After"])
    assert 1 <= wait <= window
    page = response.content.decode()
    assert "<h1>Too many requests</h1>" in page
    assert f"try again in {wait} second" in page
    assert Assessment.objects.count() == count


@override_settings(**NONE_ALLOWED)
def test_an_htmx_save_over_its_limit_gets_a_fragment_with_retry_after(client: Client, assessment: Assessment) -> None:
    response = client.post(assessment.edit_url, editor_post(assessment, action="save"), headers={"HX-Request": "true"})
    assert response.status_code == 429
    wait = int(response["Retry-After"])
    assert 1 <= wait <= 60
    fragment = response.content.decode()
    assert "<html" not in fragment
    assert 'role="alert"' in fragment
    assert f"try again in {wait} second" in fragment


@override_settings(**NONE_ALLOWED)
def test_the_api_over_its_limit_answers_a_problem_with_retry_after(client: Client) -> None:
    response = client.post("/api/v1/assessments", json.dumps(TILLS), content_type="application/json")
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    wait = int(response["Retry-After"])
    assert 1 <= wait <= 3600
    assert response.json()["detail"] == f"Too many requests from your address; try again in {wait} seconds."
