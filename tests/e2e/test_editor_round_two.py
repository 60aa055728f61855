"""Item 4 of issue 23: the editor keeps previewing, adds flows cleanly, keeps the place, and speaks plainly."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from advisor.assessments.models import Assessment
from tests.conftest import make_assessment

from .conftest import assert_no_axe_violations, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def test_one_incomplete_flow_leaves_the_others_in_the_preview_and_is_marked(
    page: Page, live_server: Any, console_errors: list[str]
) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + make_assessment().edit_url)
    preview = page.locator("#preview")
    expect(preview.locator(".preview-flows > li")).to_have_count(3)
    page.locator("#flow-1-consumers").fill("")
    page.locator("#flow-1-consumers").blur()

    items = preview.locator(".preview-flows > li")
    expect(items).to_have_count(3)
    expect(items.nth(0)).to_contain_text("Customer lookup at checkout: Point-to-point")
    expect(items.nth(1)).to_contain_text("Order placed: needs an answer")
    expect(items.nth(1)).to_contain_text("Which systems receive it?")
    expect(items.nth(2)).to_contain_text("Nightly customer-segment export")
    # A nightly export is a bulk transfer: previewed as such, not as a pattern that wins.
    expect(items.nth(2)).to_contain_text("bulk transfer (batch) — none of the three patterns fits it")
    expect(page.locator("#preview-headline")).to_contain_text("1 flow to check")
    screenshot(page, "editor-preview-with-an-incomplete-flow-1280", full_page=False)
    assert_no_axe_violations(page)
    assert console_errors == []


def test_a_new_flow_starts_without_a_name_and_an_untouched_one_is_dropped_on_save(
    page: Page, live_server: Any, console_errors: list[str]
) -> None:
    assessment = make_assessment()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + assessment.edit_url + "?add=flow")
    name = page.locator("#flow-3-name")
    expect(name).to_be_focused()
    expect(name).to_have_value("")
    expect(name).to_have_attribute("placeholder", "e.g. Stock level to the shop")
    page.keyboard.type("Stock level")
    expect(name).to_have_value("Stock level")
    page.locator("#flow-3-consumers").fill("Shop")
    # Its interaction is the person's to choose (it is required in the answers table): a new flow starts with none.
    expect(page.locator("input[name='flow-3-interaction']:checked")).to_have_count(0)
    page.locator("#flow-3").get_by_label("command: asks one system to do work").check()
    # A second new flow, left as it came: the save goes through without it.
    page.get_by_role("button", name="Add a flow").click()
    expect(page.locator("#flow-4-name")).to_be_focused()
    page.get_by_role("button", name="Save and see results").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Shop and CRM")
    assessment = Assessment.objects.get(pk=assessment.pk)
    assert [flow.name for flow in assessment.answers().flows] == [
        "Customer lookup at checkout",
        "Order placed",
        "Nightly customer-segment export",
        "Stock level",
    ]
    assert console_errors == []


def test_after_remove_the_next_flows_heading_takes_the_focus_in_view_at_360_px(
    page: Page, live_server: Any, console_errors: list[str]
) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + make_assessment().edit_url)
    page.locator("#flow-0-remove").focus()
    page.keyboard.press("Enter")
    expect(page.locator("fieldset.flow")).to_have_count(2)
    heading = page.locator("#flow-0-title")
    expect(heading).to_be_focused()
    expect(heading).to_have_text("Flow 1: Order placed")
    expect(heading).to_have_role("heading")
    expect(heading).to_be_in_viewport()
    screenshot(page, "editor-after-remove-360", full_page=False)
    assert_no_axe_violations(page)
    assert console_errors == []


def test_a_list_of_flows_jumps_to_each_flow(page: Page, live_server: Any, console_errors: list[str]) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + make_assessment().edit_url)
    jump = page.get_by_role("navigation", name="Jump to a flow")
    expect(jump.get_by_role("link")).to_have_text(
        ["1. Customer lookup at checkout", "2. Order placed", "3. Nightly customer-segment export"]
    )
    jump.get_by_role("link", name="3. Nightly customer-segment export").click()
    expect(page.locator("#flow-2-title")).to_be_in_viewport()
    expect(page.locator("#flow-2-title")).to_be_focused()
    screenshot(page, "editor-jump-list-360", full_page=False)
    assert_no_axe_violations(page)
    assert console_errors == []


def test_refusals_are_said_in_the_questions_words(page: Page, live_server: Any) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + make_assessment().edit_url)
    page.locator("#flow-0-name").fill("")
    page.locator("#flow-1-consumers").fill("")
    page.get_by_role("button", name="Save and see results").click()
    expect(page.locator("#error-summary li")).to_have_text(
        [
            "Flow 1, name: give this flow a name (up to 120 characters), for example “Order placed”",
            "Flow 2, consumers: name at least one system that receives it",
        ]
    )
    expect(page.locator("#flow-0-name-error")).to_have_text(
        "Give this flow a name (up to 120 characters), for example “Order placed”"
    )
    assert_no_axe_violations(page)
