"""What a first-time retail architect hesitated on (round four of issue 23, user 3): a phone preview bar that
cut the mix off, a command with two receivers, a nightly file in messages a day and KB, and whether a use case
can be the start of a larger landscape."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from advisor.assessments import store
from advisor.engine import parse_assessment

from .conftest import assert_no_axe_violations, screenshot
from .retail import RETAIL, phone_or_desktop

pytestmark = pytest.mark.django_db(transaction=True)
WIDTHS = [1280, 360]


def test_the_phone_preview_bar_states_the_whole_mix_and_stays_low(
    page: Page, live_server: Any, console_errors: list[str]
) -> None:
    assessment = store.create(parse_assessment(RETAIL))
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + assessment.edit_url)
    headline = page.locator("#preview-headline")
    expect(headline).to_have_text("1 P2P · 1 queue · 1 event · 1 bulk")
    # Nothing cut off: the whole mix is on the bar.
    assert page.evaluate("(e) => e.scrollWidth <= e.clientWidth", headline.element_handle())
    screenshot(page, "retail-preview-bar-360", full_page=False)
    bar = page.locator(".preview-panel").bounding_box()
    save = page.locator(".sticky-actions").bounding_box()
    assert bar
    assert save
    covered = save["y"] + save["height"] - bar["y"]
    assert covered <= 90, f"the preview bar and Save cover {covered} px"
    # Still opened from the keyboard, and the full sentence is inside.
    page.locator("[data-preview-toggle]").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#preview .headline")).to_be_visible()
    assert_no_axe_violations(page)
    assert console_errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_a_command_with_three_receivers_is_hinted_to_be_an_event(
    page: Page, live_server: Any, console_errors: list[str], width: int
) -> None:
    assessment = store.create(parse_assessment(RETAIL))
    phone_or_desktop(page, width)
    page.goto(live_server.url + assessment.edit_url)
    hint = page.locator("#flow-1-interaction-hint")
    expect(hint).to_be_hidden()
    page.locator("#flow-1-consumers").fill("Loyalty program, ERP, CRM")
    expect(hint).to_be_visible()
    expect(hint).to_have_text(
        "Three or more receivers, or two with more to come: usually an event — "
        "announce the fact and let each act on it."
    )
    # A hint, not an answer: the command stays chosen.
    expect(page.locator("input[name='flow-1-interaction'][value='command']")).to_be_checked()
    hint.scroll_into_view_if_needed()
    screenshot(page, f"retail-command-hint-{width}", full_page=False)
    assert_no_axe_violations(page)
    page.locator("input[name='flow-1-interaction'][value='event']").check()
    expect(hint).to_be_hidden()
    # Said again after a save reloads the page.
    page.locator("input[name='flow-1-interaction'][value='command']").check()
    page.get_by_role("button", name="Save and see results").click()
    page.goto(live_server.url + assessment.edit_url)
    expect(page.locator("#flow-1-interaction-hint")).to_be_visible()
    assert console_errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_a_nightly_file_is_said_in_messages_a_day_and_kb(page: Page, live_server: Any, width: int) -> None:
    assessment = store.create(parse_assessment(RETAIL))
    phone_or_desktop(page, width)
    page.goto(live_server.url + assessment.edit_url)
    volume = page.locator("#flow-3-volume_per_day-hint")
    size = page.locator("#flow-3-message_size_kb-hint")
    expect(volume).to_be_visible()
    expect(volume).to_have_text("A nightly file: 1 a day.")
    expect(size).to_be_visible()
    expect(size).to_have_text(
        "A nightly file: its size with the unit, e.g. 50 MB (1 MB = 1,024 KB; a number alone is KB)."
    )
    size.scroll_into_view_if_needed()
    screenshot(page, f"retail-batch-hints-{width}", full_page=False)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_landing_page_says_a_use_case_can_be_extended(page: Page, live_server: Any, width: int) -> None:
    phone_or_desktop(page, width)
    page.goto(live_server.url)
    line = page.locator("section[aria-labelledby='presets'] > p").first
    expect(line).to_have_text(
        "A filled-in example to change and extend: add your own systems and flows after. "
        "For a landscape all your own, use the start button above."
    )
    line.scroll_into_view_if_needed()
    screenshot(page, f"retail-landing-{width}", full_page=False)
    assert_no_axe_violations(page)


def test_the_systems_hint_names_the_systems_counted(page: Page, live_server: Any) -> None:
    assessment = store.create(parse_assessment({**RETAIL, "flows": RETAIL["flows"][:2], "landscape": {}}))
    page.goto(live_server.url + assessment.edit_url)
    expect(page.locator("#landscape-systems")).to_have_value("2")
    hint = page.locator("#landscape-systems-hint")
    expect(hint).to_contain_text("Your flows name 2 systems (Point-of-sale tills, Loyalty program)")
    page.locator("#flow-1-consumers").fill("Loyalty program, ERP")
    expect(hint).to_contain_text("Your flows name 3 systems (Point-of-sale tills, Loyalty program, ERP)")
    expect(page.locator("#landscape-systems")).to_have_value("3")
    hint.scroll_into_view_if_needed()
    screenshot(page, "retail-systems-hint-1280", full_page=False)
