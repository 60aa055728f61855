"""What the PDF report shows of a stored assessment: assembled here, for the download view and the task worker alike."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from django.utils import timezone

from advisor import charts
from advisor.assessments import whatif
from advisor.assessments.models import Assessment
from advisor.assessments.presentation import (
    FILE,
    FILE_WORDS,
    answer_label,
    answer_words,
    interaction_shown,
    results_view,
)
from advisor.assessments.templatetags.advisor_tags import some_names
from advisor.engine import Flow, FlowResult
from advisor.engine.catalog import FACTOR_IDS
from advisor.engine.model import Limit, Span

from . import deliverable, figures, glossary
from .pdf import render_pdf, svg_data_url

# More systems than this are summarised in the report's landscape diagram.
DIAGRAM_SYSTEMS = 24
# The flow answers the report's appendix lists: every one, in two tables of seven columns that fit A4 —
# where the flow goes and how much, then what it needs.
APPENDIX_TABLES = (
    (
        "Flows: where to and how much",
        ("source", "consumers", "interaction", "latency", "volume_per_day", "peak_factor", "message_size_kb"),
    ),
    (
        "Flows: what they need",
        ("delivery", "ordering", "consumer_availability", "source_availability", "consumer_kind", "replay"),
    ),
)
# Beside an answer kept as the example gave it, in the appendix (user 7 of issue 23 read the example's peaks as hers).
FROM_EXAMPLE = "(from the example)"
# Consumers named in the appendix, then "and N more": fifty long names in a narrow cell took minutes to lay out.
APPENDIX_NAMES = 6
APPENDIX_COLUMNS = max(len(answers) for _, answers in APPENDIX_TABLES)


def render_assessment_pdf(assessment: Assessment) -> bytes:
    return render_pdf(report_context(assessment))


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


def report_context(assessment: Assessment) -> dict[str, object]:
    """What the report template shows; it takes no request, so nothing of one goes into it (links use PUBLIC_URL)."""
    stored = assessment.read()
    view = results_view(stored.answers, stored.recommendation, assessment.example)
    what_ifs = whatif.evidence(assessment, view.assessment, view.recommendation.flows)
    diagram_flows, diagram_results, hidden = summarised_landscape(view.assessment.flows, view.recommendation.flows)
    results = view.recommendation.flows
    actions = deliverable.actions(results)
    decisions = deliverable.open_decisions(view.recommendation, view.assessment)
    left_out = deliverable.left_out(view.assessment)
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
        "decisions": decisions,
        "decisive_decisions": sum(d.decisive for d in decisions),
        "left_out": left_out,
        # Each answer of each flow, as the form marked it assumed (user 6 of issue 23, H9), and the landscape's.
        "left_out_count": sum(len(entry.flows) or 1 for entry in left_out),
        "flow_sections": [
            (flow, figures.data_url(figures.score_bars(flow.result, charts.FACTOR_COLOURS)), numbers, saved)
            for flow, numbers, saved in zip(view.flows, _flow_actions(results, actions), what_ifs, strict=True)
        ],
        "glossary": glossary.TERMS,
        "technology_limits": _technology_limits(results),
        "appendix_tables": [
            (
                title,
                ["Flow", *(answer_label(f) for f in answers)],
                [
                    [flow.inputs.name, *(_short(flow.inputs, f, flow.from_example) for f in answers)]
                    for flow in view.flows
                ],
            )
            for title, answers in APPENDIX_TABLES
        ],
        "appendix_width": f"{84 / APPENDIX_COLUMNS:.1f}",
    }


def _technology_limits(results: Sequence[FlowResult]) -> list[tuple[str, tuple[Limit, ...]]]:
    """Each technology once with every limit any flow named for it: ten flows share a handful of technologies."""
    found: dict[str, dict[Limit, None]] = {}
    for result in results:
        for technology in result.technologies:
            if technology.limits:
                found.setdefault(technology.name, {}).update(dict.fromkeys(technology.limits))
    return [(name, tuple(limits)) for name, limits in found.items()]


def _short(flow: Flow, field: str, kept: frozenset[str] = frozenset()) -> str:
    """An answer in the appendix's narrow columns: the names, amount or choice, without its explanation; one kept
    as the example gave it says so."""
    if field == "consumers":
        return some_names(list(flow.consumers), APPENDIX_NAMES)
    if field == "source":
        return flow.source or "(not named)"
    value = getattr(flow, field)
    if field == "interaction" and interaction_shown(flow) == FILE:
        words = FILE_WORDS
    elif isinstance(value, int | float | Span):
        words = answer_words(flow, field)
    else:
        words = "not sure" if value == "unknown" else str(value).replace("_", " ")
    return f"{words} {FROM_EXAMPLE}" if field in kept else words


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
