"""Downloads of a shared assessment: PDF report, Markdown decision record, JSON inputs."""

from __future__ import annotations

import json

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.decorators.http import require_GET

from advisor import charts
from advisor.assessments.models import Assessment
from advisor.assessments.presentation import ResultsView
from advisor.engine.catalog import FACTOR_IDS
from advisor.limits import may_render_pdf
from advisor.views import too_many_requests

from .adr import adr_markdown
from .filenames import download_name
from .pdf import render_pdf, svg_data_url

PDF_CACHE_SECONDS = 60 * 60 * 24


def _attachment(response: HttpResponse, name: str, extension: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{download_name(name, extension)}"'
    return response


def pdf_cache_key(assessment: Assessment) -> str:
    # The version changes with every save and the view token with every new share link.
    return f"report-pdf:{assessment.pk}:{assessment.version}:{assessment.view_token}"


@require_GET
def pdf(request: HttpRequest, view_token: str) -> HttpResponse:
    assessment = get_object_or_404(Assessment, view_token=view_token)
    assessment.viewed()
    key = pdf_cache_key(assessment)
    document = cache.get(key)
    if document is None:
        if not may_render_pdf(request):
            return too_many_requests(request)
        document = render_pdf(report_context(request, assessment))
        cache.set(key, document, PDF_CACHE_SECONDS)
    response = HttpResponse(document, content_type="application/pdf")
    response["Cache-Control"] = "private, max-age=300"
    return _attachment(response, assessment.name, "pdf")


def report_context(request: HttpRequest, assessment: Assessment) -> dict[str, object]:
    view = ResultsView(assessment.answers(), assessment.recommendation())
    figures = view.figures()
    return {
        "assessment": assessment,
        "view": view,
        "result": view.recommendation,
        "share_url": assessment.share_url,
        "generated": timezone.now(),
        "landscape_svg": svg_data_url(figures["landscape"], 640, 400),
        "profile_svg": svg_data_url(figures["profile"], 640, 300),
        "growth_svg": svg_data_url(figures["growth"], 640, 260),
        "factor_colours": list(zip(FACTOR_IDS, charts.FACTOR_COLOURS, strict=True)),
    }


@require_GET
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


@require_GET
def export_json(request: HttpRequest, view_token: str) -> HttpResponse:
    assessment = get_object_or_404(Assessment, view_token=view_token)
    assessment.viewed()
    text = json.dumps(assessment.export(), indent=2, ensure_ascii=False)
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    return _attachment(response, assessment.name, "json")
