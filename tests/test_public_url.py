"""Absolute links come from PUBLIC_URL, never from the Host of whoever asked; the Host keys no cache."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.test import Client, override_settings

from advisor.assessments import views as assessment_views
from advisor.assessments.models import Assessment
from advisor.reports import contents as report_contents

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_url")]
PUBLIC = "https://advisor.example.com"


@pytest.fixture
def public_url() -> Iterator[None]:
    with override_settings(PUBLIC_URL=PUBLIC, ALLOWED_HOSTS=["127.0.0.1", "testserver"]):
        yield


def test_the_results_page_links_to_the_public_url(client: Client, assessment: Assessment) -> None:
    page = client.get(assessment.get_absolute_url(), HTTP_HOST="127.0.0.1:4444").content.decode()
    assert f"{PUBLIC}/r/{assessment.view_token}/" in page
    assert "4444" not in page


def test_requests_with_other_hosts_share_one_cached_results_page(
    client: Client, assessment: Assessment, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered: list[str] = []
    original = assessment_views._results_page

    def counting(request: object, *args: object) -> object:
        rendered.append(request.get_host())  # type: ignore[attr-defined]
        return original(request, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(assessment_views, "_results_page", counting)
    for port in range(4000, 4010):
        assert client.get(assessment.get_absolute_url(), HTTP_HOST=f"127.0.0.1:{port}").status_code == 200
    assert rendered == ["127.0.0.1:4000"]


def test_the_report_and_the_decision_record_link_to_the_public_url(client: Client, assessment: Assessment) -> None:
    context = report_contents.report_context(assessment)
    assert context["share_url"] == f"{PUBLIC}/r/{assessment.view_token}/"
    adr = client.get(f"/r/{assessment.view_token}/adr.md", HTTP_HOST="127.0.0.1:4444").content.decode()
    assert f"from <{PUBLIC}/r/{assessment.view_token}/>." in adr
