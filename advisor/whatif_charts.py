"""Plotly figures of the what-if simulation: a flow's day under each pattern, and a landscape outage.

Plain dicts in plotly's JSON format, like charts.py, whose layout, colours and line styles they share.
"""

from __future__ import annotations

from typing import Any

from advisor.charts import DASHES, GRID, Figure, _figure, text
from advisor.engine.catalog import PATTERNS
from advisor.engine.simulation import LandscapeSimulation, Simulation

ARRIVALS_COLOUR = "#6b7785"


def _axis(title: str, **more: Any) -> dict[str, Any]:
    return {
        "title": {"text": title},
        "gridcolor": GRID,
        "zeroline": False,
        "automargin": True,
        "fixedrange": True,
        "rangemode": "tozero",
        **more,
    }


def _line(name: str, values: tuple[float, ...], colour: str, dash: str, axis: str, legend: bool) -> dict[str, Any]:
    return {
        "type": "scatter",
        "mode": "lines",
        "name": name,
        "legendgroup": name,
        "showlegend": legend,
        # One point a minute from midnight: x0 and dx say so without 1,440 x values per line.
        "x0": 0,
        "dx": 1 / 60,
        "y": [round(v, 1) for v in values],
        "yaxis": axis,
        "line": {"color": colour, "width": 2, "dash": dash},
        "hovertemplate": "%{x:.2f} h: %{y:,}<extra>" + name + "</extra>",
    }


def flow_day(simulation: Simulation) -> Figure:
    """Above, what arrives and what each pattern processes a minute; below, what waits (the backlog)."""
    patterns = list(simulation.patterns.items())
    first = patterns[0][1]
    data = [_line("Arrivals", first.series.arrivals, ARRIVALS_COLOUR, "solid", "y", True)]
    for pattern_id, outcome in patterns:
        pattern = PATTERNS[pattern_id]
        data.append(_line(pattern.short_name, outcome.series.processed, pattern.colour, DASHES[pattern_id], "y", True))
    for pattern_id, outcome in patterns:
        pattern = PATTERNS[pattern_id]
        data.append(_line(pattern.short_name, outcome.series.backlog, pattern.colour, DASHES[pattern_id], "y2", False))
    return _figure(
        data,
        420,
        xaxis=_axis("hour of the day", range=[0, 24], dtick=3, anchor="y2"),
        yaxis=_axis("a minute", domain=[0.55, 1]),
        yaxis2=_axis("waiting", domain=[0, 0.42]),
        showlegend=True,
        legend={"orientation": "h", "x": 0, "y": 1.02, "xanchor": "left", "yanchor": "bottom"},
        margin={"l": 10, "r": 10, "t": 40, "b": 10, "pad": 4},
    )


def landscape_outage(simulation: LandscapeSimulation) -> Figure:
    """Per affected flow, what is lost and the largest backlog, side by side."""
    affected = [f for f in simulation.flows if f.affected]
    names = [text(f.name, 30) for f in affected]
    bar = {
        "type": "bar",
        "orientation": "h",
        "y": names,
        "hovertemplate": "%{y}: %{x:,.0f}<extra>%{fullData.name}</extra>",
    }
    data = [
        {**bar, "name": "Lost", "x": [round(f.outcome.lost) for f in affected], "marker": {"color": "#c0392b"}},
        {
            **bar,
            "name": "Largest backlog",
            "x": [round(f.outcome.max_backlog) for f in affected],
            "marker": {"color": "#4e79a7", "pattern": {"shape": "/"}},
        },
    ]
    return _figure(
        data,
        max(160, 60 + 44 * len(affected)),
        barmode="group",
        # Short ticks (2k, 40M) and title: a phone's plot is narrow beside the flows' names.
        xaxis=_axis("messages", tickformat="~s"),
        yaxis={"automargin": True, "fixedrange": True, "autorange": "reversed"},
        showlegend=True,
        legend={"orientation": "h", "x": 0, "y": 1.02, "xanchor": "left", "yanchor": "bottom"},
        margin={"l": 10, "r": 10, "t": 30, "b": 10, "pad": 4},
    )
