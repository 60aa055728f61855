"""A new user's way through the product, in Debian's Chromium."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from advisor.assessments.models import Assessment

from .conftest import screenshot
from .retail import open_every_flows_questions, open_the_examples_answers

pytestmark = pytest.mark.django_db(transaction=True)
AXE = Axe()


def test_a_new_user_goes_from_the_landing_page_through_the_quick_path_to_results(
    page: Page, live_server: Any, console_errors: list[str]
) -> None:
    page.goto(live_server.url)
    screenshot(page, "landing")
    page.get_by_role("link", name="Start with your systems and flows").click()
    page.get_by_label("Name of this assessment").fill("Tills and loyalty")
    page.get_by_label("Which systems take part?").fill("Point-of-sale, Loyalty program")
    row = page.locator("#flow-0")
    row.get_by_label("Name of the flow").fill("Purchases")
    row.get_by_label("Which system sends it?").fill("Point-of-sale")
    row.get_by_label("Which systems receive it?").fill("Loyalty program")
    row.get_by_label("What does the sender expect?").select_option("command")
    page.get_by_role("button", name="Next: questions about each flow").click()
    open_every_flows_questions(page)
    # The tills (the sender) go offline: the question about the sending side.
    page.get_by_role("group", name="Is the sending system always connected?").get_by_label("often offline").check()
    page.get_by_label("within minutes").check()
    screenshot(page, "quick-path")
    page.get_by_role("button", name="See the recommendation").click()

    expect(page.get_by_role("heading", name="Tills and loyalty")).to_be_visible()
    expect(page.get_by_role("heading", name="1 flow goes through a message queue")).to_be_visible()
    # Charts are drawn as they come near the screen.
    page.locator("[data-figure]").first.scroll_into_view_if_needed()
    expect(page.locator("[data-figure] svg.main-svg").first).to_be_visible()
    screenshot(page, "results")
    assert console_errors == []


def test_editing_a_flow_updates_the_preview_without_a_reload_and_saves(
    page: Page, live_server: Any, console_errors: list[str]
) -> None:
    page.goto(live_server.url)
    page.get_by_role("button", name="Start from “CRM + e-commerce”").click()
    expect(page.get_by_role("heading", name="Edit “CRM + e-commerce”")).to_be_visible()
    preview = page.locator("#preview")
    expect(preview).to_contain_text("1 flow is point-to-point")
    page.evaluate("window.notReloaded = true")

    open_the_examples_answers(page)
    page.locator("#flow-0").get_by_label("event: announces a fact").check()
    page.locator("#flow-0").get_by_label("Consumers").fill("CRM, Email service, Analytics, Billing")
    expect(preview).to_contain_text("2 flows are event-driven")
    page.get_by_role("button", name="Add a flow").click()
    expect(page.locator("fieldset.flow")).to_have_count(4)
    assert page.evaluate("window.notReloaded") is True
    page.locator("#flow-3-name").fill("Invoices")
    page.locator("#flow-3").get_by_label("Consumers").fill("Billing")
    # A new flow's interaction is the person's to choose: the answers table requires it.
    page.locator("#flow-3").get_by_label("command: asks one system to do work").check()
    screenshot(page, "editor")

    page.get_by_role("button", name="Save and see results").click()
    expect(page.get_by_role("heading", name="2 are event-driven", exact=False)).to_be_visible()
    assert Assessment.objects.get().version == 2
    assert console_errors == []


def test_the_share_link_opens_read_only_in_a_fresh_browser(page: Page, browser: Browser, live_server: Any) -> None:
    page.goto(live_server.url)
    page.get_by_role("button", name="Start from “Mobile app + backend”").click()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    # Each copy button says which link it copies: a first-time user had to read around two "Copy link" buttons.
    expect(page.get_by_role("button", name="Copy link", exact=True)).to_have_count(0)
    page.get_by_role("button", name="Copy read-only link").click()
    expect(page.get_by_text("Copied")).to_be_visible()
    share_url = page.get_by_label("Read-only link").input_value()

    stranger = browser.new_context()
    shared = stranger.new_page()
    shared.goto(share_url)
    expect(shared.get_by_role("heading", name="Mobile app + backend")).to_be_visible()
    expect(shared.get_by_role("link", name="Edit")).to_have_count(0)
    assert Assessment.objects.get().edit_token not in shared.content()
    screenshot(shared, "shared-read-only")
    stranger.close()


def test_the_three_downloads_work_from_the_results_page(page: Page, live_server: Any) -> None:
    page.goto(live_server.url)
    page.get_by_role("button", name="Start from “Loyalty program + point-of-sale”").click()
    page.get_by_role("link", name="View results").click()
    page.get_by_text("More downloads").click()
    for name, suffix in (("Download PDF", ".pdf"), ("Decision record (Markdown)", ".md"), ("Inputs (JSON)", ".json")):
        with page.expect_download() as download:
            page.get_by_role("link", name=name).click()
        assert download.value.suggested_filename == f"crm-e-commerce{suffix}".replace(
            "crm-e-commerce", "loyalty-program-point-of-sale"
        )


def test_a_stale_save_is_refused_and_the_input_kept(page: Page, browser: Browser, live_server: Any) -> None:
    page.goto(live_server.url)
    page.get_by_role("button", name="Start from “CRM + e-commerce”").click()
    other = browser.new_context().new_page()
    other.goto(page.url)
    other.locator("#name").fill("Saved first elsewhere")
    other.get_by_role("button", name="Save and see results").click()

    page.locator("#name").fill("My later edit")
    page.get_by_role("button", name="Save and see results").click()
    conflict = page.locator("#conflict")
    expect(conflict).to_be_focused()
    expect(conflict).to_contain_text("Someone else saved this assessment after you opened it")
    expect(page.locator("#name")).to_have_value("My later edit")
    screenshot(page, "stale-save")
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    # Their name or mine is the person's choice; a save without one changes nothing.
    conflict.get_by_role("group", name="Name of the assessment").get_by_label("Use yours").check()
    page.get_by_role("button", name="Save and see results").click()
    expect(page.get_by_role("heading", name="My later edit")).to_be_visible()
