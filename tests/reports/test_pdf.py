from __future__ import annotations

import base64
import io
import re
import socket
import subprocess
import time
from types import SimpleNamespace
from typing import Any

import pytest
from django.test import Client, override_settings
from pypdf import PdfReader

from advisor.assessments.models import Assessment
from advisor.reports import contents as report_contents
from advisor.reports import pdf as report_pdf
from advisor.reports import views as report_views
from tests.assessments.forms import editor_post
from tests.conftest import make_assessment

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> tuple[PdfReader, str]:
    """The parsed PDF, and its text as poppler's pdftotext reads it."""
    reader = PdfReader(io.BytesIO(content))
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True).stdout
    return reader, text.decode()


def test_the_report_has_a_title_page_contents_every_flow_and_page_numbers(
    client: Client, assessment: Assessment
) -> None:
    response = client.get(f"/r/{assessment.view_token}/report.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="shop-and-crm.pdf"'
    reader, text = pdf_text(response.content)
    pages = len(reader.pages)
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=1)
    assert "Shop and CRM" in text
    assert "In this report" in text
    assert "Executive summary" in text
    # The headline may wrap in the page's layout.
    assert (
        "1 flow is point-to-point, 1 is event-driven and 1 bulk transfer fits none of the three patterns"
        in " ".join(text.split())
    )
    for flow in assessment.result["flows"]:
        assert flow["name"] in text
    assert f"page 1 of {pages}" in text
    assert f"page {pages} of {pages}" in text
    assert "Appendix: the answers" in text


def test_charts_are_embedded_as_vector_svg(
    client: Client, assessment: Assessment, monkeypatch: pytest.MonkeyPatch
) -> None:
    captured: dict[str, Any] = {}

    def spy(context: dict[str, Any], fetcher: Any = None) -> bytes:
        captured.update(context)
        return report_pdf.render_pdf(context, fetcher)

    monkeypatch.setattr(report_views, "render_pdf", spy)
    content = client.get(f"/r/{assessment.view_token}/report.pdf").content
    assert captured["landscape_svg"].startswith("data:image/svg+xml;base64,")
    reader, text = pdf_text(content)
    assert "Online shop" in text  # a label inside the landscape diagram, drawn as vector text
    assert not any(page.images for page in reader.pages)


def test_a_hostile_name_renders_safely_and_nothing_is_fetched(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    name = '<img src="http://127.0.0.1:9/x.png"><b>Bold</b> ' + "שלום مرحبا 🚀 " + "long " * 20
    hostile = make_assessment(
        name=name[:120], flows=[{"name": '<img src="http://127.0.0.1:9/y.png">', "interaction": "query"}]
    )
    attempts: list[Any] = []

    def no_network(*args: Any, **kwargs: Any) -> None:
        attempts.append(args)
        raise OSError("network disabled in this test")

    report_pdf.start_kaleido()  # kaleido talks to its own browser on loopback; only the renderer is under test
    monkeypatch.setattr(socket, "create_connection", no_network)
    fetcher = report_pdf.DataOnlyFetcher()
    content = report_pdf.render_pdf(report_contents.report_context(hostile), fetcher)
    _, text = pdf_text(content)
    assert fetcher.refused == []
    assert attempts == []
    assert '<img src="http://127.0.0.1:9/x.png"><b>Bold</b>' in text
    assert "مرحبا" in text


def test_the_fetcher_refuses_anything_but_data_urls() -> None:
    fetcher = report_pdf.DataOnlyFetcher()
    with pytest.raises(ValueError, match="fetches nothing"):
        fetcher.fetch("http://example.com/logo.png")
    assert fetcher.refused == ["http://example.com/logo.png"]
    assert fetcher.fetch("data:text/plain,ok") is not None


def test_the_fetcher_refuses_https_too() -> None:
    with pytest.raises(ValueError, match="fetches nothing"):
        report_pdf.DataOnlyFetcher().fetch("https://example.com/logo.png")


class TestCaching:
    def test_an_unchanged_assessment_is_served_from_cache(
        self, client: Client, assessment: Assessment, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        calls: list[int] = []

        def counting(context: dict[str, Any], fetcher: Any = None) -> bytes:
            calls.append(1)
            return report_pdf.render_pdf(context, fetcher)

        monkeypatch.setattr(report_views, "render_pdf", counting)
        first = client.get(f"/r/{assessment.view_token}/report.pdf").content
        second = client.get(f"/r/{assessment.view_token}/report.pdf").content
        assert first == second
        assert len(calls) == 1

        client.post(assessment.edit_url, editor_post(assessment, name="Renamed", action="save"))
        _, text = pdf_text(client.get(f"/r/{assessment.view_token}/report.pdf").content)
        assert len(calls) == 2
        assert "Renamed" in text

    @override_settings(ADVISOR_PDF_RATE="1/m")
    def test_rendering_is_rate_limited_with_a_clear_page(self, client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
        # The limiter's clock stands still: a render that spans the end of a minute must not open a new window.
        now = time.time()
        monkeypatch.setattr("django_ratelimit.core.time", SimpleNamespace(time=lambda: now))
        first, second = make_assessment(), make_assessment()
        assert client.get(f"/r/{first.view_token}/report.pdf").status_code == 200
        response = client.get(f"/r/{second.view_token}/report.pdf")
        assert response.status_code == 429
        assert "Too many requests" in response.content.decode()
        assert client.get(f"/r/{first.view_token}/report.pdf").status_code == 200


def test_an_unknown_view_token_has_no_report(client: Client) -> None:
    assert client.get("/r/nope/report.pdf").status_code == 404
    assert client.get("/r/nope/adr.md").status_code == 404
    assert client.get("/r/nope/assessment.json").status_code == 404


def largest_assessment() -> dict[str, Any]:
    """The most validation lets through: 50 flows, each to 50 consumers, every name at its longest."""
    return {
        "name": "N" * 120,
        "landscape": {"systems": 500},
        "flows": [
            {
                "name": f"{f:02d} " + "F" * 117,
                "source": f"{f:02d} " + "S" * 77,
                "consumers": [f"{f:02d}-{c:02d} " + "C" * 74 for c in range(50)],
                "interaction": "event",
            }
            for f in range(50)
        ],
    }


def report_words(context: dict[str, Any]) -> str:
    """The report's text as laid out, without its tags: what the PDF prints, read without rendering it."""
    return " ".join(re.sub(r"<[^>]+>", " ", report_pdf.report_html(context)).split())


def test_the_largest_valid_assessment_is_cut_to_what_a_page_can_show() -> None:
    """What keeps its render bounded (the diagram summarised, each flow's first consumers named): unbounded, the
    report cost six times as much. `make bench` prints its cost as a multiple of the shop's report."""
    context = report_contents.report_context(make_assessment(**largest_assessment()))
    text = report_words(context)
    assert "The diagram shows the first 24 of 2550 systems" in text
    assert "and 42 more" in text  # each flow names its first consumers, not all fifty
    assert len(base64.b64decode(str(context["landscape_svg"]).split(",", 1)[1])) < 100_000


def test_a_small_landscape_is_drawn_whole(assessment: Assessment) -> None:
    context = report_contents.report_context(assessment)
    assert context["diagram_hidden"] == 0


def test_a_charts_svg_loses_its_empty_layers_and_keeps_what_it_draws() -> None:
    line = b'd="M0,0L40,20" clip-path="url(#used)" style="stroke: rgb(31, 119, 180); stroke-width: 2px;"'
    chart = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" style="">'
        b'<defs><clipPath id="used"><rect width="40" height="20"/></clipPath>'
        b'<clipPath id="unused"><rect width="1" height="1"/></clipPath></defs>'
        b'<g class="layer"><g class="empty"/><path class="line"/><path class="line" ' + line + b"/>"
        b'<text id="label" style="font-size: 12px; fill: rgb(68, 68, 68);">CRM</text></g></svg>'
    )
    lean = report_pdf.lean_svg(chart).decode()
    for gone in ("empty", "unused", "label", "class=", "style="):
        assert gone not in lean
    assert lean.count("<path") == 1  # the one with a line to draw
    for kept in ('id="used"', 'clip-path="url(#used)"', 'stroke="rgb(31, 119, 180)"', 'stroke-width="2px"'):
        assert kept in lean
    assert '<text font-size="12px" fill="rgb(68, 68, 68)">CRM</text>' in lean
