"""Downloads of a shared assessment: PDF report, Markdown decision record, JSON inputs."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from advisor import charts
from advisor.assessments.models import Assessment
from advisor.assessments.presentation import ResultsView
from advisor.engine import Flow, FlowResult
from advisor.engine.catalog import FACTOR_IDS
from advisor.limits import too_many, wait_to_render_pdf

from .adr import adr_markdown
from .background import current_report, queue_report, store_report
from .filenames import download_name
from .models import RenderedReport
from .pdf import render_pdf, svg_data_url

# Long enough for a person to wait on the "being prepared" page, short enough to see it arrive.
PREPARING_REFRESH_SECONDS = 2
# More systems than this are summarised in the report's landscape diagram.
DIAGRAM_SYSTEMS = 24
# Beyond this many flows, flow sections share pages instead of starting one each.
MANY_FLOWS = 12


def _attachment(response: HttpResponse, name: str, extension: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{download_name(name, extension)}"'
    return response


def _etag(assessment: Assessment) -> str:
    return f'"{assessment.version}-{assessment.view_token[:8]}"'


@require_safe
def pdf(request: HttpRequest, view_token: str) -> HttpResponse:
    """The PDF of the current version.

    `?v=<version>` (the links pages show) is immutable: a save changes the version and so the URL,
    and an old version redirects to the current one. The bare URL of the API's links is
    revalidated on every use (ETag), so no browser keeps a report from before a save.
    """
    assessment = get_object_or_404(Assessment, view_token=view_token)
    assessment.viewed()
    asked = request.GET.get("v")
    if asked is not None and asked != str(assessment.version):
        current = redirect(f"{request.path}?v={assessment.version}")
        add_never_cache_headers(current)
        return current
    etag = _etag(assessment)
    if asked is None and etag in request.headers.get("If-None-Match", ""):
        return HttpResponseNotModified(headers={"ETag": etag})
    report = current_report(assessment)
    if report is not None and report.state == RenderedReport.READY:
        document = bytes(report.document or b"")
    elif settings.PDF_WORKER:
        queue_report(assessment)
        return _preparing(request, assessment)
    else:
        if wait := wait_to_render_pdf(request):
            return too_many(request, wait)
        document = render_assessment_pdf(assessment)
        store_report(assessment, document)
    response = HttpResponse(document, content_type="application/pdf")
    response["ETag"] = etag
    response["Cache-Control"] = "private, max-age=31536000, immutable" if asked else "private, no-cache"
    return _attachment(response, assessment.name, "pdf")


def _preparing(request: HttpRequest, assessment: Assessment) -> HttpResponse:
    response = render(
        request,
        "reports/preparing.html",
        {"assessment": assessment, "refresh": PREPARING_REFRESH_SECONDS},
        status=202,
    )
    response["Refresh"] = str(PREPARING_REFRESH_SECONDS)
    add_never_cache_headers(response)
    return response


def render_assessment_pdf(assessment: Assessment) -> bytes:
    return render_pdf(report_context(None, assessment))


def summarised_landscape(
    flows: Sequence[Flow], results: Sequence[FlowResult]
) -> tuple[list[Flow], list[FlowResult], int]:
    """The landscape cut to its first DIAGRAM_SYSTEMS systems, and how many were left out.

    50 flows to 50 consumers each would draw 2,500 lines between up to 2,550 labelled systems:
    megabytes of SVG that take WeasyPrint a minute and that nobody can read on a page.
    """
    systems: list[str] = []
    for flow in flows:
        for name in [flow.source or "Source", *flow.consumers]:
            if name not in systems:
                systems.append(name)
    kept = set(systems[:DIAGRAM_SYSTEMS])
    shown_flows, shown_results = [], []
    for flow, result in zip(flows, results, strict=True):
        consumers = tuple(c for c in flow.consumers if c in kept)
        if (flow.source or "Source") in kept and consumers:
            shown_flows.append(dataclasses.replace(flow, consumers=consumers))
            shown_results.append(result)
    return shown_flows, shown_results, max(0, len(systems) - DIAGRAM_SYSTEMS)


def report_context(request: HttpRequest | None, assessment: Assessment) -> dict[str, object]:
    """What the report template shows; nothing from the request goes into it (links use PUBLIC_URL)."""
    view = ResultsView(assessment.answers(), assessment.recommendation())
    figures = view.figures()
    diagram_flows, diagram_results, hidden = summarised_landscape(view.assessment.flows, view.recommendation.flows)
    if hidden:
        figures["landscape"] = charts.landscape_diagram(diagram_flows, diagram_results)
    return {
        "assessment": assessment,
        "view": view,
        "result": view.recommendation,
        "share_url": assessment.share_url,
        "generated": timezone.now(),
        "landscape_svg": svg_data_url(figures["landscape"], 640, 400),
        "diagram_systems": DIAGRAM_SYSTEMS,
        "many_flows": MANY_FLOWS,
        "diagram_hidden": hidden,
        "profile_svg": svg_data_url(figures["profile"], 640, 300),
        "growth_svg": svg_data_url(figures["growth"], 640, 260),
        "factor_colours": list(zip(FACTOR_IDS, charts.FACTOR_COLOURS, strict=True)),
    }


@require_safe
def adr(request: HttpRequest, view_token: str) -> HttpResponse:
    assessment = get_object_or_404(Assessment, view_token=view_token)
    assessment.viewed()
    text = adr_markdown(
        assessment.name,
        assessment.answers(),
        assessment.recommendation(),
        assessment.share_url,
        timezone.now().date(),
    )
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    return _attachment(response, assessment.name, "md")


@require_safe
def export_json(request: HttpRequest, view_token: str) -> HttpResponse:
    assessment = get_object_or_404(Assessment, view_token=view_token)
    assessment.viewed()
    text = json.dumps(assessment.export(), indent=2, ensure_ascii=False)
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    return _attachment(response, assessment.name, "json")
