"""Figures the PDF draws as small SVG documents of its own, without a browser.

The landscape diagram and the growth chart come from the plotly builders the
pages share (drawn by kaleido). These two are print-only: a per-flow score bar
and the table-like pressure map. A few dozen shapes each, they cost WeasyPrint
little and kaleido nothing; plotly's SVG for the same bars had five hundred nodes.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from html import escape

from advisor.engine import FlowResult
from advisor.engine.catalog import FACTOR_IDS, FACTORS, PATTERN_IDS, PATTERNS
from advisor.engine.wording import whole

INK = "#1d2630"
TRACK = "#f2f5f7"
# The pressure map's ramp, from no pressure to the most (white text on the darker half).
PALE, DEEP = (242, 245, 247), (43, 91, 138)
FONT = 'font-family="DejaVu Sans, sans-serif"'


def data_url(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


def _document(width: int, height: int, body: str, size: float = 9) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'{FONT} font-size="{size}" fill="{INK}">{body}</svg>'
    )


def score_bars(result: FlowResult, colours: Sequence[str]) -> str:
    """One flow's three scores, each a bar of its factors' contributions stacked, then the score."""
    label_width, bar_width, row, bar = 96, 300, 17, 11
    rows = []
    for index, pattern_id in enumerate(PATTERN_IDS):
        y = index * row
        x = float(label_width)
        rects = []
        for factor_id, colour in zip(FACTOR_IDS, colours, strict=True):
            width = max(0.0, result.factors[factor_id].contributions[pattern_id]) * bar_width / 100
            rects.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{bar}" fill="{colour}"/>')
            x += width
        name = escape(PATTERNS[pattern_id].short_name)
        rows.append(
            f'<text x="{label_width - 6}" y="{y + 9}" text-anchor="end">{name}</text>'
            f'<rect x="{label_width}" y="{y}" width="{bar_width}" height="{bar}" fill="{TRACK}"/>'
            + "".join(rects)
            + f'<text x="{label_width + bar_width + 6}" y="{y + 9}">{whole(result.scores[pattern_id])}</text>'
        )
    return _document(label_width + bar_width + 40, row * len(PATTERN_IDS), "".join(rows))


def pressure_map(results: Sequence[FlowResult], names: Sequence[str]) -> str:
    """Flows down, factors across, each cell the factor's pressure on the flow: darker is stronger.

    Every flow has its row (the pages' grouped bar chart stops at eight flows), and the value is
    printed in each cell, so the figure reads without colour.
    """
    name_width, cell_w, cell_h, head = 150, 62, 16, 34
    width = name_width + cell_w * len(FACTOR_IDS)
    parts = []
    for column, factor_id in enumerate(FACTOR_IDS):
        x = name_width + column * cell_w + cell_w / 2
        words = FACTORS[factor_id].name.split(" ", 1)
        parts.append(
            "".join(
                f'<text x="{x:.0f}" y="{12 + 11 * line}" text-anchor="middle" font-weight="bold">{escape(w)}</text>'
                for line, w in enumerate(words)
            )
        )
    for row, (result, name) in enumerate(zip(results, names, strict=True)):
        y = head + row * cell_h
        shown = name if len(name) <= 26 else name[:25] + "…"
        parts.append(f'<text x="0" y="{y + 11}">{escape(shown)}</text>')
        for column, factor_id in enumerate(FACTOR_IDS):
            pressure = result.factors[factor_id].pressure
            x = name_width + column * cell_w
            fill = ",".join(str(round(low + (high - low) * pressure)) for low, high in zip(PALE, DEEP, strict=True))
            text = "#ffffff" if pressure > 0.55 else INK
            parts.append(
                f'<rect x="{x + 1}" y="{y + 1}" width="{cell_w - 2}" height="{cell_h - 2}" fill="rgb({fill})"/>'
                f'<text x="{x + cell_w / 2:.0f}" y="{y + 11}" text-anchor="middle" fill="{text}">{pressure:.2f}</text>'
            )
    return _document(width, head + cell_h * len(results), "".join(parts))
