"""Plotly figures shared by the results page, the guide pages and the PDF.

Each builder takes the engine's results (and the flows they answer) and
returns a plotly figure as a plain dict (plotly's JSON format): pages embed it
as JSON, the PDF has kaleido turn it into SVG. Plain dicts skip plotly's validation,
which would cost more than the rest of a results page.

User text is HTML-escaped before it reaches a figure: plotly renders a subset
of HTML in labels, so a name like "<b>" must arrive as text, not markup.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import Any

from advisor.engine import Flow, FlowResult
from advisor.engine.catalog import FACTOR_IDS, FACTORS, PATTERN_IDS, PATTERNS

Figure = dict[str, Any]
FONT = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"
FACTOR_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1")
GRID = "#e6e9ed"
# Line style as well as colour, so diagrams read without colour vision.
DASHES = {"point_to_point": "solid", "message_queue": "dash", "event_driven": "dot"}


def text(value: str, limit: int = 40) -> str:
    """User text as a plotly label: shortened, with HTML escaped."""
    shortened = value if len(value) <= limit else value[: limit - 1] + "…"
    return html.escape(shortened, quote=True)


def _figure(data: list[dict[str, Any]], height: int, **layout: Any) -> Figure:
    return {
        "data": data,
        "layout": {
            "height": height,
            "margin": {"l": 10, "r": 10, "t": 10, "b": 10, "pad": 4},
            "font": {"family": FONT, "size": 13, "color": "#1d2630"},
            "paper_bgcolor": "white",
            "plot_bgcolor": "white",
            **layout,
        },
    }


def score_bars(flow: FlowResult) -> Figure:
    """Each pattern's score for one flow, with every factor's contribution stacked."""
    names = [PATTERNS[p].short_name for p in PATTERN_IDS]
    data = [
        {
            "type": "bar",
            "orientation": "h",
            "name": FACTORS[factor_id].name,
            "y": names,
            "x": [flow.factors[factor_id].contributions[p] for p in PATTERN_IDS],
            "marker": {"color": colour},
            "hovertemplate": f"{FACTORS[factor_id].name}: %{{x:.1f}} points<extra></extra>",
        }
        for colour, factor_id in zip(FACTOR_COLOURS, FACTOR_IDS, strict=True)
    ]
    return _figure(
        data,
        280,
        barmode="stack",
        xaxis={"range": [0, 100], "gridcolor": GRID, "automargin": True, "ticksuffix": " "},
        yaxis={"autorange": "reversed", "automargin": True},
        legend={"orientation": "h", "y": -0.2, "yanchor": "top", "font": {"size": 11}},
    )


def factor_profile(flows: Sequence[FlowResult]) -> Figure:
    """Pressure of each factor, one bar per flow (the first eight), coloured by the flow's pattern."""
    labels = [FACTORS[f].name for f in FACTOR_IDS]
    data = [
        {
            "type": "bar",
            "name": text(flow.name, 30),
            "x": labels,
            "y": [flow.factors[f].pressure for f in FACTOR_IDS],
            "marker": {
                "color": PATTERNS[flow.pattern].colour,
                "line": {"color": "white", "width": 1},
                "pattern": {"shape": _bar_pattern(flow.pattern)},
            },
            "hovertemplate": "%{x}: %{y:.2f}<extra>" + text(flow.name, 30) + "</extra>",
        }
        for flow in flows[:8]
    ]
    return _figure(
        data,
        320,
        barmode="group",
        yaxis={"range": [0, 1], "title": {"text": "pressure (0–1)"}, "gridcolor": GRID, "automargin": True},
        xaxis={"automargin": True},
        showlegend=len(flows) > 1,
        legend={"orientation": "h", "y": -0.35},
    )


def _bar_pattern(pattern_id: str) -> str:
    return {"point_to_point": "", "message_queue": "/", "event_driven": "."}[pattern_id]


def landscape_diagram(flows: Sequence[Flow], results: Sequence[FlowResult]) -> Figure:
    """Systems on a circle, each flow a line from its source to its consumers, styled by pattern."""
    systems: list[str] = []
    for flow in flows:
        for name in [flow.source or "Source", *flow.consumers]:
            if name not in systems:
                systems.append(name)
    count = len(systems)
    position = {
        name: (
            round(math.cos(2 * math.pi * i / count + math.pi / 2), 4),
            round(math.sin(2 * math.pi * i / count + math.pi / 2), 4),
        )
        for i, name in enumerate(systems)
    }
    data: list[dict[str, Any]] = []
    shown: set[str] = set()
    # Flows between the same two systems are drawn side by side, not on top of each other.
    drawn: dict[frozenset[str], int] = {}
    for flow, result in zip(flows, results, strict=True):
        pattern = PATTERNS[result.pattern]
        xs: list[float | None] = []
        ys: list[float | None] = []
        source_name = flow.source or "Source"
        for consumer in flow.consumers:
            pair = frozenset((source_name, consumer))
            shift = 0.07 * drawn.get(pair, 0)
            drawn[pair] = drawn.get(pair, 0) + 1
            (x1, y1), (x2, y2) = position[source_name], position[consumer]
            length = math.hypot(x2 - x1, y2 - y1) or 1.0
            dx, dy = -(y2 - y1) / length * shift, (x2 - x1) / length * shift
            xs += [round(x1 + dx, 4), round(x2 + dx, 4), None]
            ys += [round(y1 + dy, 4), round(y2 + dy, 4), None]
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": xs,
                "y": ys,
                "name": pattern.short_name,
                "legendgroup": pattern.id,
                "showlegend": pattern.id not in shown,
                "line": {"color": pattern.colour, "width": 3, "dash": DASHES[pattern.id]},
                "hovertemplate": text(result.name) + f" ({pattern.short_name})<extra></extra>",
            }
        )
        shown.add(pattern.id)
    data.append(
        {
            "type": "scatter",
            "mode": "markers+text",
            "name": "Systems",
            "showlegend": False,
            "x": [position[s][0] for s in systems],
            "y": [position[s][1] for s in systems],
            "text": [text(s, 24) for s in systems],
            "textposition": [_outside(*position[s]) for s in systems],
            "marker": {"size": 18, "color": "#1d2630", "line": {"color": "white", "width": 2}},
            "hovertemplate": "%{text}<extra></extra>",
        }
    )
    axis = {"visible": False, "range": [-2.1, 2.1], "fixedrange": True}
    return _figure(data, 400, xaxis=axis, yaxis={**axis, "scaleanchor": "x"}, legend={"orientation": "h", "y": -0.02})


def _outside(x: float, y: float) -> str:
    """Where a system's label goes so it points away from the circle, clear of the lines."""
    if y > 0.9:
        return "top center"
    if y < -0.9:
        return "bottom center"
    return "middle right" if x > 0 else "middle left"


def connection_growth(systems: int) -> Figure:
    """Direct connections n(n−1)/2 against a hub's n, a little beyond the landscape's size."""
    top = max(12, min(500, systems + 6))
    ns = list(range(2, top + 1))
    data = [
        {
            "type": "scatter",
            "mode": "lines",
            "name": "Direct links: n(n−1)/2",
            "x": ns,
            "y": [n * (n - 1) // 2 for n in ns],
            "line": {"color": PATTERNS["point_to_point"].colour, "width": 3},
        },
        {
            "type": "scatter",
            "mode": "lines",
            "name": "Through a hub: n",
            "x": ns,
            "y": ns,
            "line": {"color": PATTERNS["event_driven"].colour, "width": 3, "dash": "dot"},
        },
        {
            "type": "scatter",
            "mode": "markers",
            "name": f"Your landscape ({systems} systems)",
            "x": [systems],
            "y": [systems * (systems - 1) // 2],
            "marker": {"size": 12, "color": "#1d2630"},
        },
    ]
    return _figure(
        data,
        320,
        xaxis={"title": {"text": "systems"}, "gridcolor": GRID, "automargin": True},
        yaxis={"title": {"text": "connections"}, "gridcolor": GRID, "rangemode": "tozero", "automargin": True},
        legend={"orientation": "h", "y": -0.3},
    )


def fit_matrix(rows: Sequence[tuple[str, dict[str, float]]]) -> Figure:
    """For each factor, how well each pattern fits when that factor's pressure is high."""
    data = [
        {
            "type": "bar",
            "name": PATTERNS[p].short_name,
            "x": [label for label, _ in rows],
            "y": [fits[p] for _, fits in rows],
            "marker": {"color": PATTERNS[p].colour, "pattern": {"shape": _bar_pattern(p)}},
            "hovertemplate": "%{x}: %{y:.2f}<extra>" + PATTERNS[p].short_name + "</extra>",
        }
        for p in PATTERN_IDS
    ]
    return _figure(
        data,
        340,
        barmode="group",
        yaxis={"range": [0, 1], "title": {"text": "fit (0–1)"}, "gridcolor": GRID, "automargin": True},
        legend={"orientation": "h", "y": -0.3},
    )


def demo_scores(scores: dict[str, float]) -> Figure:
    """Three bars: the scores of one flow, for the factors page's demo."""
    data = [
        {
            "type": "bar",
            "x": [PATTERNS[p].short_name for p in PATTERN_IDS],
            "y": [scores[p] for p in PATTERN_IDS],
            "marker": {"color": [PATTERNS[p].colour for p in PATTERN_IDS]},
            "text": [f"{scores[p]:.1f}" for p in PATTERN_IDS],
            "textposition": "outside",
            "hovertemplate": "%{x}: %{y:.1f}<extra></extra>",
        }
    ]
    return _figure(
        data, 260, yaxis={"range": [0, 110], "gridcolor": GRID, "title": {"text": "score"}, "automargin": True}
    )
