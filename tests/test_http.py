"""HTTP manners of every page: HEAD, the methods each allows, Vary, caching of private pages, compression."""

from __future__ import annotations

import gzip

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from advisor.assessments.models import Assessment
from advisor.middleware import declared_methods

pytestmark = pytest.mark.django_db
PUBLIC_PAGES = ["/", "/assess/", "/patterns/", "/patterns/event-driven/", "/factors/", "/factors/demo", "/use-cases/"]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_public_page_answers_head(client: Client, url: str) -> None:
    response = client.head(url)
    assert response.status_code == 200
    assert response.content == b""


@pytest.mark.parametrize("path", ["", "report.pdf", "adr.md", "adr.zip", "assessment.json"])
def test_every_shared_page_and_download_answers_head(client: Client, assessment: Assessment, path: str) -> None:
    assert client.head(f"{assessment.get_absolute_url()}{path}").status_code == 200


def test_the_edit_and_delete_pages_answer_head_without_changing_anything(
    client: Client, assessment: Assessment
) -> None:
    assert client.head(assessment.edit_url).status_code == 200
    assert client.head(f"{assessment.edit_url}delete").status_code == 200
    assert Assessment.objects.filter(pk=assessment.pk).exists()


def test_the_results_page_refuses_a_post(client: Client, assessment: Assessment) -> None:
    response = client.post(assessment.get_absolute_url())
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_the_factor_demo_varies_on_htmx(client: Client) -> None:
    response = client.get("/factors/demo", headers={"HX-Request": "true"})
    assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize("suffix", ["", "delete"])
def test_pages_behind_an_edit_link_are_never_stored_or_indexed(
    client: Client, assessment: Assessment, suffix: str
) -> None:
    response = client.get(f"{assessment.edit_url}{suffix}")
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_html_is_compressed_for_clients_that_accept_gzip(client: Client, assessment: Assessment) -> None:
    plain = client.get(assessment.get_absolute_url()).content
    response = client.get(assessment.get_absolute_url(), headers={"Accept-Encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.content) == plain
    assert len(response.content) < len(plain) / 4


def test_pdfs_are_not_compressed_twice(client: Client, assessment: Assessment) -> None:
    response = client.get(f"{assessment.get_absolute_url()}report.pdf", headers={"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in response


def test_a_cached_results_page_is_sent_as_it_was_kept_compressed(client: Client, assessment: Assessment) -> None:
    url = assessment.get_absolute_url()
    rendered = client.get(url, headers={"Accept-Encoding": "gzip"})
    cached = client.get(url, headers={"Accept-Encoding": "gzip"})
    plain = client.get(url)
    assert rendered["Content-Encoding"] == cached["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain
    assert gzip.decompress(rendered.content) == gzip.decompress(cached.content) == plain.content
    for response in (rendered, cached, plain):
        assert "Accept-Encoding" in response["Vary"]


def test_a_cached_results_page_does_not_read_the_stored_inputs_or_result(
    client: Client, assessment: Assessment
) -> None:
    client.get(assessment.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        assert client.get(assessment.get_absolute_url()).status_code == 200
    selects = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT")]
    assert selects
    assert not [sql for sql in selects if '"result"' in sql or '"inputs"' in sql]


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "PROPFIND"])
def test_a_method_no_page_takes_is_a_405_naming_the_allowed_ones_not_a_csrf_403(
    assessment: Assessment, method: str
) -> None:
    client = Client(enforce_csrf_checks=True)
    expected = {
        "/": "GET, HEAD",
        "/assess/": "GET, HEAD, POST",
        assessment.get_absolute_url(): "GET, HEAD",
        assessment.edit_url: "GET, HEAD, POST",
        f"{assessment.edit_url}share": "POST",
    }
    for path, allowed in expected.items():
        response = client.generic(method, path)
        assert (response.status_code, response.get("Allow")) == (405, allowed), path
    assert Assessment.objects.filter(pk=assessment.pk).exists()


def test_every_page_declares_the_methods_it_takes() -> None:
    # The 405 above reads them from the view: a page without a declaration would answer a CSRF 403 again.
    undeclared = [
        pattern
        for pattern in walk(get_resolver().url_patterns)
        if not str(pattern.pattern).startswith("api/") and declared_methods(pattern.callback) is None
    ]
    assert undeclared == []


def walk(patterns: list[URLPattern | URLResolver], prefix: str = "") -> list[URLPattern]:
    found: list[URLPattern] = []
    for entry in patterns:
        if isinstance(entry, URLResolver):
            found += walk(entry.url_patterns, prefix + str(entry.pattern))
        else:
            found.append(URLPattern(RoutePattern(prefix + str(entry.pattern)), entry.callback))
    return found
