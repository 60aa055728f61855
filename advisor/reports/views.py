"""Downloads of a shared assessment: PDF report, Markdown decision record, JSON inputs."""

from __future__ import annotations

import json

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from advisor.assessments.models import Assessment
from advisor.htmx import HtmxHttpRequest
from advisor.limits import too_many, wait_to_render_pdf

from .adr import DecisionRecord, adr_markdown, adr_zip, decision_records
from .asyncapi import asyncapi_documents, asyncapi_zip
from .background import current_report, queue_report, store_report
from .backstage import catalog_entities, catalog_yaml
from .contents import report_context
from .filenames import download_name
from .mermaid import landscape_mermaid
from .models import RenderedReport
from .pdf import render_pdf
from .topology import Topology, topology

# Long enough for a person to wait on the "being prepared" page, short enough to see it arrive.
PREPARING_REFRESH_SECONDS = 2


def _attachment(response: HttpResponse, name: str, extension: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{download_name(name, extension)}"'
    return response


def _etag(assessment: Assessment) -> str:
    return f'"{assessment.version}-{assessment.view_token[:8]}"'


@require_safe
def pdf(request: HtmxHttpRequest, view_token: str) -> HttpResponse:
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
        document = render_pdf(report_context(assessment))
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


def _records(assessment: Assessment) -> list[DecisionRecord]:
    stored = assessment.read()
    return decision_records(
        assessment.name,
        stored.answers,
        stored.recommendation,
        assessment.share_url,
        timezone.now().date(),
    )


@require_safe
def adr(request: HttpRequest, view_token: str) -> HttpResponse:
    """The decision records in one Markdown file."""
    assessment = get_object_or_404(Assessment, view_token=view_token)
    assessment.viewed()
    text = adr_markdown(assessment.name, _records(assessment))
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    return _attachment(response, assessment.name, "md")


@require_safe
def adr_archive(request: HttpRequest, view_token: str) -> HttpResponse:
    """The decision records as numbered MADR files in a zip: one for the landscape, one per flow."""
    assessment = get_object_or_404(Assessment, view_token=view_token)
    assessment.viewed()
    response = HttpResponse(adr_zip(_records(assessment)), content_type="application/zip")
    return _attachment(response, f"{assessment.name} decision records", "zip")


@require_safe
def export_json(request: HttpRequest, view_token: str) -> HttpResponse:
    assessment = get_object_or_404(Assessment, view_token=view_token)
    assessment.viewed()
    text = json.dumps(assessment.export(), indent=2, ensure_ascii=False)
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    return _attachment(response, assessment.name, "json")


def _topology(assessment: Assessment) -> Topology:
    return topology(assessment.answers(), assessment.recommendation())


@require_safe
def asyncapi_archive(request: HttpRequest, view_token: str) -> HttpResponse:
    """AsyncAPI 3.0 documents, one per system that sends or receives a brokered flow, in a zip."""
    assessment = get_object_or_404(Assessment, view_token=view_token)
    assessment.viewed()
    documents = asyncapi_documents(_topology(assessment), assessment.name)
    response = HttpResponse(asyncapi_zip(documents), content_type="application/zip")
    return _attachment(response, f"{assessment.name} asyncapi", "zip")


@require_safe
def landscape_mmd(request: HttpRequest, view_token: str) -> HttpResponse:
    """The landscape as a Mermaid flowchart; `?system=NAME` draws that system's neighbourhood only."""
    assessment = get_object_or_404(Assessment, view_token=view_token)
    assessment.viewed()
    drawn = _topology(assessment)
    asked = request.GET.get("system")
    if asked is not None:
        system = drawn.system_named(asked)
        if system is None:
            return HttpResponse(
                f"system: no system of this assessment is called {asked!r}\n",
                status=404,
                content_type="text/plain; charset=utf-8",
            )
        drawn = drawn.neighbourhood(system)
    response = HttpResponse(landscape_mermaid(drawn), content_type="text/vnd.mermaid; charset=utf-8")
    return _attachment(response, assessment.name, "mmd")


@require_safe
def catalog_info(request: HttpRequest, view_token: str) -> HttpResponse:
    """Backstage catalog entities: the System, a Component per system, an API per brokered flow, the brokers."""
    assessment = get_object_or_404(Assessment, view_token=view_token)
    assessment.viewed()
    entities = catalog_entities(_topology(assessment), assessment.name, assessment.share_url)
    response = HttpResponse(catalog_yaml(entities), content_type="application/yaml; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="catalog-info.yaml"'
    return response
