"""Item 7 of issue 23 in the browser: the pages around the edges fit a phone and end where they should."""

from __future__ import annotations

import json
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.conftest import TILLS

from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)
AXE = Axe()


def test_a_successful_import_lands_on_the_results_without_a_fragment(page: Page, live_server: Any) -> None:
    page.goto(live_server.url + "/assess/")
    page.get_by_text("Import a file instead").click()
    page.get_by_label("…or paste its contents").fill(json.dumps(TILLS))
    page.get_by_role("button", name="Import").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tills and loyalty")
    assert "#" not in page.url


@pytest.mark.parametrize("path", ["/patterns/", "/factors/"])
def test_bar_chart_labels_are_not_clipped_at_360_px(page: Page, live_server: Any, path: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + path)
    chart = page.locator("[data-figure]").first
    chart.scroll_into_view_if_needed()
    page.wait_for_selector("[data-figure][data-drawn] .xtick text")
    clipped = page.evaluate(
        """() => [...document.querySelectorAll('[data-figure][data-drawn]')].flatMap(figure => {
            const box = figure.getBoundingClientRect();
            return [...figure.querySelectorAll('.xtick text, .ytick text')]
              .filter(label => { const r = label.getBoundingClientRect();
                return r.left < box.left - 1 || r.right > box.right + 1 || r.bottom > box.bottom + 1; })
              .map(label => label.textContent);
        })"""
    )
    screenshot(page, f"bars{path.replace('/', '-')}360")
    assert clipped == []


# Every word of the cells inside which a line breaks: a word on two lines was cut mid-way (a compound may
# break after its hyphen, "geo-|replicated", as printed text does).
CUT_WORDS = """(selector) => [...document.querySelectorAll(selector)].flatMap(cell => {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    const cut = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of node.textContent.matchAll(/[^\\s-]+-?/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].map(rect => Math.round(rect.top)));
            if (lines.size > 1) cut.push(match[0]);
        }
    }
    return cut;
})"""


@pytest.mark.parametrize("slug", ["point-to-point", "message-queue", "event-driven"])
def test_the_technology_table_fits_a_phone_without_cutting_words(page: Page, live_server: Any, slug: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{live_server.url}/patterns/{slug}/")
    table = page.get_by_role("table", name="Technologies that carry")
    table.scroll_into_view_if_needed()
    expect(table.get_by_role("row").nth(1)).to_be_visible()
    holder = table.locator("xpath=..")
    assert holder.evaluate("element => element.scrollWidth <= element.clientWidth + 1")
    assert page.evaluate(CUT_WORDS, "#technologies ~ div td, #technologies ~ div th") == []
    screenshot(page, f"pattern-{slug}-technologies-360", full_page=False)
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


def test_the_technology_table_stays_a_table_with_its_column_headers_on_a_wide_screen(
    page: Page, live_server: Any
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_server.url}/patterns/message-queue/")
    table = page.get_by_role("table", name="Technologies that carry")
    table.scroll_into_view_if_needed()
    expect(table.get_by_role("columnheader", name="Largest message")).to_be_visible()
    screenshot(page, "pattern-message-queue-technologies-1280", full_page=False)
