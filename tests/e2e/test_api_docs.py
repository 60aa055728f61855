"""Item 7 of issue 23: the API's interactive docs pass axe and fit a phone, from our own static files."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)
AXE = Axe()


@pytest.mark.parametrize("width", [1280, 360])
def test_the_api_docs_pass_axe_and_fit_the_screen(
    page: Page, live_server: Any, console_errors: list[str], width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(live_server.url + "/api/docs")
    expect(page.get_by_role("heading", name="Integration Pattern Advisor API")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="API")).to_have_attribute(
        "aria-current", "page"
    )
    operation = page.get_by_role("button", name="POST /api/v1/recommendations", exact=False).first
    expect(operation).to_be_visible()
    # Operations are grouped by what they do, not under "default".
    expect(page.locator("#operations-tag-recommendations")).to_be_visible()
    expect(page.locator("#operations-tag-default")).to_have_count(0)
    operation.click()
    page.wait_for_timeout(300)
    screenshot(page, f"api-docs-{width}")
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert all(url.startswith(live_server.url) for url in requests), requests
    assert console_errors == []
