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
from collections import Counter
from collections.abc import Sequence
from typing import Any

from advisor.engine import Flow, FlowResult
from advisor.engine.catalog import FACTOR_IDS, FACTORS, PATTERN_IDS, PATTERNS
from advisor.engine.recommend import outcome_of
from advisor.engine.wording import whole

Figure = dict[str, Any]
FONT = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"
FACTOR_COLOURS = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1")
GRID = "#e6e9ed"
# Line style as well as colour, so diagrams read without colour vision.
DASHES = {"point_to_point": "solid", "message_queue": "dash", "event_driven": "dot"}
# A bulk transfer fits none of the three patterns: the diagram draws it apart, as the headline counts it.
BULK = "bulk"
BULK_LINE = {"name": "Bulk transfer", "colour": "#525d69", "dash": "dashdot"}


def text(value: str, limit: int = 40) -> str:
    """User text as a plotly label: shortened, with HTML escaped."""
    shortened = value if len(value) <= limit else value[: limit - 1] + "…"
    # Quotes stay: plotly decodes only a few entities (&amp; &lt; &gt; and numeric ones), so &quot; showed as
    # typed, and outside a tag a quote is plain text to it.
    return html.escape(shortened, quote=False)


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


# Within a factor's row, each pattern's flows sit on a lane of their own, and flows of one pattern
# spread a little across their lane, so that 50 flows stay 50 visible dots. A bulk transfer and an
# undecided flow are none of the three patterns: each has a lane, a marker and a legend entry of its own.
LANES = {"point_to_point": -0.2, "message_queue": 0.0, "event_driven": 0.2, BULK: 0.36, "undecided": -0.36}
LANE_SPREAD = 0.12
SYMBOLS = {
    "point_to_point": "circle",
    "message_queue": "square",
    "event_driven": "diamond",
    BULK: "triangle-up",
    "undecided": "circle-open",
}
UNDECIDED_STYLE = {"name": "Undecided", "colour": "#7a4f9a"}


def _outcome_style(outcome: str) -> tuple[str, str]:
    """(legend name, colour) of what the mix counts a flow as: a pattern, a bulk transfer or undecided."""
    if outcome == BULK:
        return BULK_LINE["name"], BULK_LINE["colour"]
    if outcome == "undecided":
        return UNDECIDED_STYLE["name"], UNDECIDED_STYLE["colour"]
    return PATTERNS[outcome].short_name, PATTERNS[outcome].colour


def factor_profile(flows: Sequence[FlowResult]) -> Figure:
    """Each flow's pressure on each factor: one dot per flow and factor, styled by what the mix counts it as."""
    rows = range(len(FACTOR_IDS))
    data = []
    for outcome in (*PATTERN_IDS, BULK, "undecided"):
        members = [flow for flow in flows if outcome_of(flow) == outcome]
        if not members:
            continue
        xs, ys, names = [], [], []
        for n, flow in enumerate(members):
            offset = LANES[outcome] + (LANE_SPREAD * (n / (len(members) - 1) - 0.5) if len(members) > 1 else 0)
            for row, factor_id in zip(rows, FACTOR_IDS, strict=True):
                xs.append(flow.factors[factor_id].pressure)
                ys.append(round(row + offset, 4))
                names.append(text(flow.name, 30))
        name, colour = _outcome_style(outcome)
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": name,
                "x": xs,
                "y": ys,
                "text": names,
                "marker": {
                    "color": colour,
                    "symbol": SYMBOLS[outcome],
                    "size": 9 if len(flows) <= 10 else 7,
                    "opacity": 0.85,
                    "line": {"color": "white", "width": 1},
                },
                "hovertemplate": "%{text}: %{x:.2f}<extra>" + name + "</extra>",
            }
        )
    return _figure(
        data,
        380,
        xaxis={
            "range": [-0.03, 1.03],
            "title": {"text": "pressure (0–1)"},
            "gridcolor": GRID,
            "zeroline": False,
            "automargin": True,
            "fixedrange": True,
        },
        yaxis={
            "tickvals": list(rows),
            "ticktext": [FACTORS[f].name for f in FACTOR_IDS],
            "range": [len(FACTOR_IDS) - 0.5, -0.5],
            "gridcolor": GRID,
            "zeroline": False,
            "automargin": True,
            "fixedrange": True,
        },
        showlegend=True,
        legend={"orientation": "h", "x": 0, "y": 1.02, "xanchor": "left", "yanchor": "bottom"},
    )


def _bar_pattern(pattern_id: str) -> str:
    return {"point_to_point": "", "message_queue": "/", "event_driven": "."}[pattern_id]


# How far each further flow between the same two systems bends away from the first.
BEND = 0.14
MAX_BEND = 0.4
# Where an arrowhead sits: this far (in circle radii) short of the receiving system's centre.
ARROW_GAP = 0.17
CURVE_POINTS = 9


def _label_side(x: float, y: float) -> str:
    """Near the circle's top and bottom, neighbours sit side by side: each name leans away from the middle."""
    if abs(y) < 0.7 or abs(x) < 0.1:
        return "center"
    return "right" if x < 0 else "left"


def landscape_diagram(flows: Sequence[Flow], results: Sequence[FlowResult]) -> Figure:
    """Systems on a circle, each flow a curve with an arrowhead from its source to each consumer.

    Curves bend to the left of their direction, further for each flow already drawn between the same
    sender and receiver, so flows A→B and B→A, or two flows A→B, never lie on top of each other.
    """
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
    lines: dict[str, tuple[list[float | None], list[float | None], list[str]]] = {}
    arrows: dict[str, tuple[list[float], list[float], list[float], list[str]]] = {}
    pairs = Counter((flow.source or "Source", consumer) for flow in flows for consumer in flow.consumers)
    drawn: dict[tuple[str, str], int] = {}
    for flow, result in zip(flows, results, strict=True):
        drawn_as = BULK if result.fit == "weak" else result.pattern
        xs, ys, names = lines.setdefault(drawn_as, ([], [], []))
        ax, ay, angles, heads = arrows.setdefault(drawn_as, ([], [], [], []))
        source_name = flow.source or "Source"
        label = text(result.name)
        for consumer in flow.consumers:
            if consumer == source_name:
                continue
            repeat = drawn.get((source_name, consumer), 0)
            drawn[(source_name, consumer)] = repeat + 1
            start, end = position[source_name], position[consumer]
            # Many flows between two systems share the room up to MAX_BEND of their distance.
            chord = math.dist(start, end)
            step = min(BEND, MAX_BEND * chord / pairs[(source_name, consumer)])
            curve, (tip_x, tip_y), angle = _curve(start, end, step * (repeat + 1))
            xs += [x for x, _ in curve] + [None]
            ys += [y for _, y in curve] + [None]
            names += [label] * len(curve) + [""]
            ax.append(tip_x)
            ay.append(tip_y)
            angles.append(angle)
            heads.append(label)
    data: list[dict[str, Any]] = []
    styles = {p: (PATTERNS[p].short_name, PATTERNS[p].colour, DASHES[p]) for p in PATTERN_IDS}
    styles[BULK] = (BULK_LINE["name"], BULK_LINE["colour"], BULK_LINE["dash"])
    for drawn_as, (name, colour, dash) in styles.items():
        if drawn_as not in lines:
            continue
        xs, ys, names = lines[drawn_as]
        ax, ay, angles, heads = arrows[drawn_as]
        data.append(
            {
                "type": "scatter",
                "mode": "lines",
                "x": xs,
                "y": ys,
                "text": names,
                "name": name,
                "legendgroup": drawn_as,
                "line": {"color": colour, "width": 2.5, "dash": dash},
                "hovertemplate": "%{text}" + f" ({name})<extra></extra>",
            }
        )
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": ax,
                "y": ay,
                "text": heads,
                "name": name,
                "legendgroup": drawn_as,
                "showlegend": False,
                "marker": {"symbol": "arrow", "size": 11, "angle": angles, "color": colour},
                "hovertemplate": "%{text}" + f" ({name})<extra></extra>",
            }
        )
    crowded = count > 12
    data.append(
        {
            "type": "scatter",
            "mode": "markers",
            "name": "Systems",
            "showlegend": False,
            "x": [position[s][0] for s in systems],
            "y": [position[s][1] for s in systems],
            "text": [text(s) for s in systems],
            "marker": {"size": 14, "color": "#1d2630", "line": {"color": "white", "width": 2}},
            "hovertemplate": "%{text}<extra></extra>",
        }
    )
    # Names as annotations: their white background keeps them readable where lines cross them.
    labels = [
        {
            "x": position[s][0],
            "y": position[s][1],
            "text": text(s, 14 if crowded else 22),
            "showarrow": False,
            "yshift": 15 if position[s][1] >= 0 else -15,
            "yanchor": "bottom" if position[s][1] >= 0 else "top",
            "xanchor": _label_side(*position[s]),
            "bgcolor": "rgba(255, 255, 255, 0.85)",
            "borderpad": 1,
            "font": {"size": 11 if crowded else 13},
        }
        for s in systems
    ]
    return _figure(
        data,
        400,
        xaxis={"visible": False, "range": [-1.45, 1.45], "fixedrange": True},
        yaxis={"visible": False, "range": [-1.3, 1.3], "fixedrange": True, "scaleanchor": "x"},
        legend={"orientation": "h", "x": 0, "y": 1.0, "xanchor": "left", "yanchor": "bottom"},
        annotations=labels,
    )


def _curve(
    start: tuple[float, float], end: tuple[float, float], bend: float
) -> tuple[list[tuple[float, float]], tuple[float, float], float]:
    """A quadratic curve from start to end bowed `bend` to its left, its arrowhead point and angle.

    The angle is in degrees clockwise from up, as plotly turns an "arrow" marker.
    """
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    # The control point: the chord's midpoint, moved along the chord's left normal.
    cx = (x1 + x2) / 2 - (y2 - y1) / length * bend * 2
    cy = (y1 + y2) / 2 + (x2 - x1) / length * bend * 2

    def at(t: float) -> tuple[float, float]:
        return (
            (1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t**2 * x2,
            (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t**2 * y2,
        )

    points = [at(i / (CURVE_POINTS - 1)) for i in range(CURVE_POINTS)]
    t = max(0.5, 1 - ARROW_GAP / length)
    tip = at(t)
    dx = 2 * (1 - t) * (cx - x1) + 2 * t * (x2 - cx)
    dy = 2 * (1 - t) * (cy - y1) + 2 * t * (y2 - cy)
    angle = math.degrees(math.atan2(dx, dy))
    return (
        [(round(x, 4), round(y, 4)) for x, y in points],
        (round(tip[0], 4), round(tip[1], 4)),
        round(angle, 1),
    )


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
        # Above the plot, clear of the axis title below it at any width.
        legend={"orientation": "h", "x": 0, "y": 1.02, "xanchor": "left", "yanchor": "bottom"},
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
        # On a phone the factor names turn on their side: the margin grows to hold them, and the legend
        # sits above the plot, clear of them.
        xaxis={"automargin": True},
        yaxis={"range": [0, 1], "title": {"text": "fit (0–1)"}, "gridcolor": GRID, "automargin": True},
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
    )


def demo_scores(scores: dict[str, float]) -> Figure:
    """Three bars: the scores of one flow, for the factors page's demo."""
    data = [
        {
            "type": "bar",
            "x": [PATTERNS[p].short_name for p in PATTERN_IDS],
            "y": [scores[p] for p in PATTERN_IDS],
            "marker": {"color": [PATTERNS[p].colour for p in PATTERN_IDS]},
            "text": [str(whole(scores[p])) for p in PATTERN_IDS],
            "textposition": "outside",
            "hovertemplate": "%{x}: %{y:.0f}<extra></extra>",
        }
    ]
    return _figure(
        data,
        260,
        xaxis={"automargin": True},
        yaxis={"range": [0, 110], "gridcolor": GRID, "title": {"text": "score"}, "automargin": True},
    )
