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
from advisor.assessments import whatif
from advisor.assessments.models import Assessment
from advisor.assessments.presentation import ResultsView, field_label
from advisor.engine import Flow, FlowResult
from advisor.engine.catalog import FACTOR_IDS
from advisor.engine.model import Limit
from advisor.engine.wording import number
from advisor.limits import too_many, wait_to_render_pdf

from . import deliverable, figures, glossary
from .adr import DecisionRecord, adr_markdown, adr_zip, decision_records
from .background import current_report, queue_report, store_report
from .filenames import download_name
from .models import RenderedReport
from .pdf import render_pdf, svg_data_url

# Long enough for a person to wait on the "being prepared" page, short enough to see it arrive.
PREPARING_REFRESH_SECONDS = 2
# More systems than this are summarised in the report's landscape diagram.
DIAGRAM_SYSTEMS = 24
# The flow answers the report's appendix lists, one column each.
APPENDIX_ANSWERS = (
    "consumers",
    "interaction",
    "latency",
    "volume_per_day",
    "peak_factor",
    "delivery",
    "ordering",
    "consumer_availability",
)


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
    what_ifs = whatif.evidence(assessment, view.assessment, view.recommendation.flows)
    diagram_flows, diagram_results, hidden = summarised_landscape(view.assessment.flows, view.recommendation.flows)
    results = view.recommendation.flows
    actions = deliverable.actions(results)
    return {
        "assessment": assessment,
        "view": view,
        "result": view.recommendation,
        "share_url": assessment.share_url,
        "generated": timezone.now(),
        "landscape_svg": svg_data_url(printable(charts.landscape_diagram(diagram_flows, diagram_results)), 640, 340),
        "diagram_systems": DIAGRAM_SYSTEMS,
        "diagram_hidden": hidden,
        "pressure_map": figures.data_url(figures.pressure_map(results, [r.name for r in results])),
        "growth_svg": svg_data_url(printable(charts.connection_growth(view.systems)), 640, 250),
        "factor_colours": list(zip(FACTOR_IDS, charts.FACTOR_COLOURS, strict=True)),
        "confidence_counts": deliverable.confidence_counts(results),
        "actions": actions,
        "high_actions": sum(a.severity == "high" for a in actions),
        "decisions": deliverable.open_decisions(view.recommendation),
        "flow_sections": [
            (flow, figures.data_url(figures.score_bars(flow.result, charts.FACTOR_COLOURS)), numbers, saved)
            for flow, numbers, saved in zip(view.flows, _flow_actions(results, actions), what_ifs, strict=True)
        ],
        "glossary": glossary.TERMS,
        "technology_limits": _technology_limits(results),
        "appendix_headings": ["Flow", *(field_label(f) for f in APPENDIX_ANSWERS)],
        "appendix_rows": [[flow.name, *(_short(flow, f) for f in APPENDIX_ANSWERS)] for flow in view.assessment.flows],
    }


def _technology_limits(results: Sequence[FlowResult]) -> list[tuple[str, tuple[Limit, ...]]]:
    """Each technology once with every limit any flow named for it: ten flows share a handful of technologies."""
    found: dict[str, dict[Limit, None]] = {}
    for result in results:
        for technology in result.technologies:
            if technology.limits:
                found.setdefault(technology.name, {}).update(dict.fromkeys(technology.limits))
    return [(name, tuple(limits)) for name, limits in found.items()]


def _short(flow: Flow, field: str) -> str:
    """An answer in the appendix's narrow columns: the count, amount or choice, without its explanation."""
    value = getattr(flow, field)
    if field == "consumers":
        return str(len(value))
    if isinstance(value, int | float):
        return number(value) + ("×" if field == "peak_factor" else "")
    return "not sure" if value == "unknown" else str(value).replace("_", " ")


def printable(figure: charts.Figure) -> charts.Figure:
    """A page's figure as the PDF prints it: the legend above the plot, clear of the axis titles, no hover."""
    layout = {
        **figure["layout"],
        "legend": {**figure["layout"].get("legend", {}), "orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        "margin": {"l": 10, "r": 10, "t": 40, "b": 10, "pad": 4},
        "hovermode": False,
    }
    return {**figure, "layout": layout}


def _flow_actions(results: Sequence[FlowResult], actions: Sequence[deliverable.Action]) -> list[list[int]]:
    """For each flow, the numbers of the actions that protect it."""
    return [
        [n for n, action in enumerate(actions, 1) if position in action.positions] for position in range(len(results))
    ]


def _records(assessment: Assessment) -> list[DecisionRecord]:
    inputs, recommendation = assessment.answers(), assessment.recommendation()
    return decision_records(
        assessment.name,
        inputs,
        recommendation,
        assessment.share_url,
        timezone.now().date(),
        whatif.evidence(assessment, inputs, recommendation.flows),
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
