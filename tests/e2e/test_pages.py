"""Every page type in a real browser: accessible (axe), usable at 360 px, no console errors."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.conftest import make_assessment

from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)
AXE = Axe()
GUIDE_PAGES = [
    "/",
    "/assess/",
    "/patterns/",
    "/patterns/point-to-point/",
    "/patterns/message-queue/",
    "/patterns/event-driven/",
    "/factors/",
    "/use-cases/",
    "/use-cases/crm-ecommerce/",
    "/use-cases/loyalty-pos/",
    "/use-cases/mobile-backend/",
]


def pages_to_check() -> dict[str, str]:
    """Page name → path, for every page type."""
    assessment = make_assessment()
    named = {path.strip("/").replace("/", "-") or "landing": path for path in GUIDE_PAGES}
    return named | {
        "results": assessment.get_absolute_url(),
        "edit": assessment.edit_url,
        "delete": f"{assessment.edit_url}delete",
    }


def test_every_page_type_has_no_accessibility_violations_and_no_console_errors(
    page: Page, live_server: Any, console_errors: list[str]
) -> None:
    found = {}
    for path in pages_to_check().values():
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        results = AXE.run(page)
        if results.violations_count:
            found[path] = results.generate_report()
    assert not found, "\n".join(found.values())
    assert console_errors == []


@pytest.mark.parametrize("width", [360, 1280])
def test_pages_fit_the_screen_at_phone_and_desktop_width(page: Page, live_server: Any, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    for name, path in pages_to_check().items():
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px"
        if width == 360:
            screenshot(page, f"phone-{name}")


def test_the_factor_demo_moves_the_scores_in_place(page: Page, live_server: Any) -> None:
    page.goto(live_server.url + "/factors/")
    result = page.locator("#demo-result")
    expect(result).to_contain_text("Point-to-point API calls")
    page.get_by_label("Consumers").select_option("5")
    expect(result).to_contain_text("Event-driven publish/subscribe")
    expect(page.locator("#demo-result [data-figure] svg.main-svg").first).to_be_visible()


def test_the_questionnaire_works_with_the_keyboard_alone(page: Page, live_server: Any) -> None:
    page.goto(live_server.url + "/assess/")
    page.get_by_label("Name of this assessment").focus()
    page.keyboard.type("Keyboard only")
    # The systems, then the first row: name, sender, receivers, what the sender expects.
    for typed in ("Till, Loyalty", "Purchases", "Till", "Loyalty"):
        page.keyboard.press("Tab")
        page.keyboard.type(typed)
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#flow-0-interaction")).to_have_value("query")
    # Enter in the next box goes on to the questions about each flow, whose heading takes the focus.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Questions about each flow")).to_be_focused()
    submit = page.get_by_role("button", name="See the recommendation")
    for _ in range(80):
        page.keyboard.press("Tab")
        if submit.evaluate("element => element === document.activeElement"):
            break
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Keyboard only")).to_be_visible()
