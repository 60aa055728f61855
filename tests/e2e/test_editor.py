"""The editor by keyboard and on a small screen, in Debian's Chromium: focus, announcements, errors."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.conftest import make_assessment

from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)
AXE = Axe()


def press(page: Page, selector: str) -> None:
    """Press a button by keyboard, as a person who does not use a mouse does."""
    page.locator(selector).focus()
    page.keyboard.press("Enter")


def assert_no_axe_violations(page: Page) -> None:
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


def test_flow_actions_keep_the_focus_where_the_person_acted_and_say_what_changed(
    page: Page, live_server: Any, console_errors: list[str]
) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + make_assessment().edit_url)
    page.wait_for_load_state("networkidle")
    status = page.get_by_role("status").and_(page.locator("#editor-status"))

    press(page, "button[value=add]")
    expect(page.locator("fieldset.flow")).to_have_count(4)
    expect(page.locator("#flow-3-name")).to_be_focused()
    expect(status).to_have_text("Flow 4 added; type its name.")
    page.keyboard.press("Control+A")
    page.keyboard.type("Stock level")
    page.keyboard.press("Tab")
    expect(page.locator("#flow-3-source")).to_be_focused()
    screenshot(page, "editor-after-add-a-flow-by-keyboard-1280", full_page=False)

    press(page, "#flow-1-remove")
    expect(page.locator("fieldset.flow")).to_have_count(3)
    expect(page.locator("#flow-1")).to_be_focused()
    expect(status).to_have_text("“Order placed” removed; 3 flows left.")

    press(page, "#flow-0-down")
    expect(page.locator("#flow-1-down")).to_be_focused()
    expect(status).to_have_text("“Customer lookup at checkout” moved down to position 2 of 3.")
    page.keyboard.press("Enter")
    expect(page.locator("#flow-2-up")).to_be_focused()
    expect(page.locator("#flow-2 > legend")).to_have_text("Flow 3: Customer lookup at checkout")

    press(page, "#flow-0-duplicate")
    expect(page.locator("#flow-1-name")).to_have_value("Nightly customer-segment export (copy)")
    expect(page.locator("#flow-1-name")).to_be_focused()
    expect(page.locator("#flow-2-name")).to_have_value("Stock level")
    assert_no_axe_violations(page)
    assert console_errors == []


def test_no_field_the_keyboard_reaches_hides_under_the_save_bar(page: Page, live_server: Any) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + make_assessment().edit_url)
    page.wait_for_load_state("networkidle")
    page.locator("#name").focus()
    covered = []
    for _ in range(150):
        page.keyboard.press("Tab")
        where = page.evaluate(
            """() => {
                const element = document.activeElement;
                if (!element.closest('#editor') || element.closest('.sticky-actions')) return null;
                const bar = document.querySelector('.sticky-actions').getBoundingClientRect();
                return {id: element.id || element.name, bottom: element.getBoundingClientRect().bottom, bar: bar.top};
            }"""
        )
        if where is None:
            break
        if where["bottom"] > where["bar"]:
            covered.append(where["id"])
    assert covered == []
