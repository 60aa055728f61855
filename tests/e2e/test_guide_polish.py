"""The guide's diagrams and the factor demo read at phone and desktop width."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.django_db(transaction=True)

# Each diagram's smallest text in CSS pixels, and every label a drawn line passes through.
DIAGRAMS = """() => [...document.querySelectorAll("svg.message-path")].map((svg) => {
  const texts = [...svg.querySelectorAll("text")];
  const sizes = texts.map((t) => parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a);
  const crossed = [];
  for (const line of svg.querySelectorAll("path:not(marker path)")) {
    const length = line.getTotalLength();
    for (let at = 0; at <= length; at += 2) {
      const point = line.getPointAtLength(at).matrixTransform(line.getScreenCTM());
      for (const t of texts) {
        const r = t.getBoundingClientRect();
        if (point.x > r.left && point.x < r.right && point.y > r.top && point.y < r.bottom) crossed.push(t.textContent);
      }
    }
  }
  const title = svg.querySelector("title").textContent;
  return { title, smallest: Math.min(...sizes), crossed: [...new Set(crossed)] };
})"""

# For each select of the demo: how wide its longest option's text is, and how wide the room for it.
SELECTS = """() => [...document.querySelectorAll(".demo select")].map((select) => {
  const style = getComputedStyle(select);
  const context = document.createElement("canvas").getContext("2d");
  context.font = `${style.fontSize} ${style.fontFamily}`;
  const needed = Math.max(...[...select.options].map((o) => context.measureText(o.text).width));
  // The room left for text: the box less its padding and the drop-down arrow (about 1.5 em).
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
    - 1.5 * parseFloat(style.fontSize);
  return { name: select.name, needed, room };
})"""


@pytest.mark.parametrize("width", [360, 1280])
def test_pattern_diagrams_have_readable_text_that_no_line_crosses(page: Page, live_server: Any, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    for path in ["/patterns/", "/patterns/point-to-point/", "/patterns/message-queue/", "/patterns/event-driven/"]:
        page.goto(live_server.url + path)
        for diagram in page.evaluate(DIAGRAMS):
            where = f"{diagram['title']} on {path} at {width}px"
            assert diagram["smallest"] >= 12, f"{where}: text of {diagram['smallest']:.1f}px"
            assert diagram["crossed"] == [], f"{where}: a line crosses {diagram['crossed']}"


def test_the_demo_shows_each_answer_in_full_at_desktop_width(page: Page, live_server: Any) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/factors/")
    for select in page.evaluate(SELECTS):
        assert select["needed"] <= select["room"], f"{select['name']}: {select}"
