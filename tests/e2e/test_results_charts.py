"""The results page's charts stay legible at phone and desktop width, with 1, 3, 10 and 50 flows.

One page load per number of flows; the viewport is resized on it, and plotly redraws to fit.
"""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.conftest import make_assessment

from .conftest import SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True)
SYSTEMS = ["Online shop", "CRM", "Email service", "Analytics", "Warehouse", "ERP", "Loyalty", "Till", "Mobile app"]
KINDS = [("query", "immediate"), ("event", "seconds"), ("command", "minutes")]
WIDTHS = (360, 1280)

# For each chart: the box of its svg, of its plot area, of its legend, and every piece of text in it.
GEOMETRY = """() => [...document.querySelectorAll("[data-figure]")].map((chart) => {
  const box = (element) => {
    if (!element) return null;
    const r = element.getBoundingClientRect();
    return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height };
  };
  const texts = [...chart.querySelectorAll("svg text")]
    .filter((t) => t.textContent.trim() && t.getBoundingClientRect().width > 0)
    .map((t) => ({ text: t.textContent, ...box(t) }));
  return {
    id: chart.getAttribute("data-figure"),
    chart: box(chart),
    svg: box(chart.querySelector("svg.main-svg")),
    plot: box(chart.querySelector(".nsewdrag")),
    legend: box(chart.querySelector("g.legend")),
    texts,
  };
})"""

FITTED = """() => [...document.querySelectorAll("[data-figure]")].every((chart) =>
  Math.abs(chart.querySelector("svg.main-svg").getBoundingClientRect().width - chart.clientWidth) < 2)"""


def flows(count: int) -> list[dict[str, Any]]:
    """`count` flows of every kind between nine systems; events fan out to three of them."""
    made = []
    for n in range(count):
        interaction, latency = KINDS[n % 3]
        source = SYSTEMS[n % len(SYSTEMS)]
        receivers = 3 if interaction == "event" else 1
        made.append(
            {
                "name": f"Flow {n + 1}: {interaction} from {source}",
                "source": source,
                "consumers": [SYSTEMS[(n + 1 + k) % len(SYSTEMS)] for k in range(receivers)],
                "interaction": interaction,
                "latency": latency,
                "volume_per_day": 1000 * (n + 1),
            }
        )
    return made


def overlap(a: dict[str, float], b: dict[str, float]) -> bool:
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def fitted(page: Page) -> None:
    """Wait until plotly, which follows a resize on a timer of its own, has redrawn each chart to its box."""
    for _ in range(50):
        if page.evaluate(FITTED):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the charts did not redraw to the new width")


def draw_every_chart(page: Page) -> None:
    for chart in page.locator("[data-figure]").all():
        chart.scroll_into_view_if_needed()
    expect(page.locator("[data-figure]:not([data-drawn])")).to_have_count(0)


@pytest.mark.parametrize("count", [1, 3, 10, 50])
def test_every_chart_is_legible_at_phone_and_desktop_width(page: Page, live_server: Any, count: int) -> None:
    assessment = make_assessment(name=f"{count} flows", landscape={"systems": 9}, flows=flows(count))
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    page.goto(live_server.url + assessment.get_absolute_url())
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        draw_every_chart(page)
        fitted(page)
        for chart in page.evaluate(GEOMETRY):
            where = f"{chart['id']} at {width}px with {count} flows"
            svg, plot = chart["svg"], chart["plot"]
            assert svg["right"] <= chart["chart"]["right"] + 1, where
            assert plot["height"] >= 160, f"{where}: plot area {plot}"
            assert plot["width"] >= 160, f"{where}: plot area {plot}"
            for piece in chart["texts"]:
                inside = (
                    piece["left"] >= svg["left"] - 1
                    and piece["right"] <= svg["right"] + 1
                    and piece["top"] >= svg["top"] - 1
                    and piece["bottom"] <= svg["bottom"] + 1
                )
                assert inside, f"{where}: {piece['text']!r} is cut off by the chart's edge"
            if chart["legend"]:
                assert not overlap(chart["legend"], plot), f"{where}: the legend covers the plot"
                assert_labels_clear_of_legend(chart, where)
        for bars in page.locator(".score-bars").all()[:3]:
            # A flow is laid out when it nears the screen (content-visibility).
            bars.scroll_into_view_if_needed()
            figure = bars.bounding_box()
            for row in bars.locator(".bar").all():
                bar = row.bounding_box()
                assert figure
                assert bar
                assert bar["width"] >= 0.4 * figure["width"], f"score bars at {width}px are {bar['width']}px wide"
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        charts = page.locator("section[aria-labelledby=diagrams], #flow-0")
        for n, part in enumerate(charts.all()):
            part.screenshot(path=SCREENSHOTS / f"results-{count}-flows-{width}px-{n}.png")
    if count == 10:
        results = Axe().run(page)
        assert not results.violations_count, results.generate_report()


def assert_labels_clear_of_legend(chart: dict[str, Any], where: str) -> None:
    """No axis label or system name sits under the legend (the legend's own texts are inside it)."""
    legend = chart["legend"]
    for piece in chart["texts"]:
        contained = (
            piece["left"] >= legend["left"] - 1
            and piece["right"] <= legend["right"] + 1
            and piece["top"] >= legend["top"] - 1
            and piece["bottom"] <= legend["bottom"] + 1
        )
        if not contained:
            assert not overlap(piece, legend), f"{where}: {piece['text']!r} lies under the legend"
