"""The editor by keyboard and on a small screen, in Debian's Chromium: focus, announcements, errors."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import make_assessment

from .conftest import assert_no_axe_violations, screenshot

pytestmark = pytest.mark.django_db(transaction=True)


def press(page: Page, selector: str) -> None:
    """Press a button by keyboard, as a person who does not use a mouse does."""
    page.locator(selector).focus()
    page.keyboard.press("Enter")


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
    expect(page.locator("#flow-1-title")).to_be_focused()
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


@pytest.mark.parametrize("width", [1280, 360])
def test_no_field_the_keyboard_reaches_hides_under_the_save_bar(page: Page, live_server: Any, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(live_server.url + make_assessment().edit_url)
    page.wait_for_load_state("networkidle")
    page.locator("#name").focus()
    covered = []
    for _ in range(150):
        page.keyboard.press("Tab")
        # Below 1024 px the preview's bar sits above the Save bar: a field must clear both.
        where = page.evaluate(
            """() => {
                const element = document.activeElement;
                if (!element.closest('#editor') || element.closest('.sticky-actions')) return null;
                const bars = [document.querySelector('.sticky-actions')];
                const toggle = document.querySelector('[data-preview-toggle]');
                if (toggle.checkVisibility()) bars.push(toggle.closest('.preview-panel'));
                const top = Math.min(...bars.map(bar => bar.getBoundingClientRect().top));
                return {id: element.id || element.name, bottom: element.getBoundingClientRect().bottom, bar: top};
            }"""
        )
        if where is None:
            break
        if where["bottom"] > where["bar"]:
            covered.append(where["id"])
    assert covered == []


def in_view(page: Page, selector: str) -> bool:
    return bool(
        page.locator(selector).evaluate(
            "element => { const box = element.getBoundingClientRect(); return box.top >= 0 && box.top < innerHeight; }"
        )
    )


def test_errors_open_where_the_person_is_and_each_leads_to_its_field(
    page: Page, live_server: Any, console_errors: list[str]
) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + make_assessment().edit_url)
    page.locator("#flow-0-volume_per_day").fill("lots")
    page.locator("#flow-2-volume_per_day").fill("1.5M")
    page.locator("#flow-1-consumers").fill("")
    page.get_by_role("button", name="Save and see results").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("listitem")).to_have_text(
        [
            "Flow 1, messages per day: a whole number from 0 to 100,000,000,000, “not sure” or a range such as "
            "10k–50k, not 'lots'; for example 20000 or 20k",
            "Flow 2, consumers: name at least one system that receives it",
        ]
    )
    expect(page.locator("#flow-0-volume_per_day")).to_have_value("lots")
    expect(page.locator("#flow-2-volume_per_day")).to_have_value("1.5M")
    assert_no_axe_violations(page)
    summary.get_by_role("link", name="Flow 2, consumers").click()
    expect(page.locator("#flow-1-consumers")).to_be_focused()
    assert in_view(page, "label[for=flow-1-consumers]")

    # An import refused at the foot of the start page answers there, with its errors focused.
    page.goto(live_server.url + "/assess/")
    page.get_by_text("Import a file instead").click()
    page.get_by_label("…or paste its contents").fill('{"flows": [{"name": "a", "interaction": "ask"}]}')
    page.get_by_role("button", name="Import").click()
    errors = page.locator("#import-errors")
    expect(errors).to_be_focused()
    expect(errors).to_contain_text("flows[0].interaction must be one of query, command, event or unknown")
    assert in_view(page, "#import-errors")
    assert_no_axe_violations(page)
    # Chromium logs each refused answer (422) as a failed load; nothing else may appear.
    assert [error for error in console_errors if "status of 422" not in error] == []


def test_on_a_phone_the_quick_path_leads_to_adding_flows_with_the_preview_a_tap_away(
    page: Page, live_server: Any, console_errors: list[str]
) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/assess/")
    page.get_by_label("Name of this assessment").fill("Tills and loyalty")
    row = page.locator("#flow-0")
    row.get_by_label("Name of the flow").fill("Purchases")
    row.get_by_label("Which system sends it?").fill("Till")
    row.get_by_label("Which systems receive it?").fill("Loyalty")
    row.get_by_label("What does the sender expect?").select_option("command")
    page.get_by_role("button", name="Next: questions about each flow").click()
    page.get_by_role("button", name="See the recommendation").click()

    # The owner's results: the other flows are the next step, and the edit link is theirs to keep.
    expect(page.get_by_role("heading", name="Next: add your other flows")).to_be_visible()
    expect(page.get_by_label("Your private edit link")).to_have_value(
        live_server.url + page.evaluate("document.querySelector('a[href$=\"?add=flow\"]').pathname")
    )
    expect(page.get_by_text("Keep this private:")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Add your other flows").click()
    expect(page.locator("#flow-1-name")).to_be_focused()
    page.keyboard.press("Control+A")
    page.keyboard.type("Balance check")
    page.locator("#flow-1-consumers").fill("Loyalty")
    # A new flow's interaction is the person's to choose (the answers table requires it): none is chosen for them.
    page.locator("#flow-1").get_by_label("query: the caller needs an answer").check()

    # Below 1024 px the preview is a bar above the Save bar: the mix in short counts, a tap opens the rest.
    toggle = page.get_by_role("button", name="Preview")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    # Both flows are previewed: the purchases from the till (a sender the quick path takes as often offline)
    # through a queue, the balance check as a direct call.
    expect(toggle).to_contain_text("1 P2P · 1 queue")
    expect(page.locator("#preview")).to_be_hidden()
    save_bar = page.locator(".sticky-actions").bounding_box()
    bar = page.locator(".preview-panel").bounding_box()
    assert save_bar is not None
    assert bar is not None
    assert bar["y"] + bar["height"] <= save_bar["y"] + 1, "the preview bar sits above the Save bar"
    screenshot(page, "editor-360-preview-closed", full_page=False)
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.locator("#preview")).to_be_visible()
    expect(page.locator("#preview .preview-flows li")).to_have_count(2)
    screenshot(page, "editor-360-preview-open", full_page=False)
    assert_no_axe_violations(page)
    page.keyboard.press("Escape")
    expect(page.locator("#preview")).to_be_hidden()
    expect(toggle).to_be_focused()
    assert console_errors == []


def test_a_flows_heading_and_its_jump_link_follow_the_name_as_it_is_typed(page: Page, live_server: Any) -> None:
    """A first-time user read "Flow 3: (no name yet)" above a name they had just typed."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + make_assessment().edit_url)
    page.wait_for_load_state("networkidle")
    press(page, "button[value=add]")
    expect(page.locator("#flow-3-name")).to_be_focused()
    page.keyboard.type("Stock level")
    expect(page.locator("#flow-3 > legend")).to_have_text("Flow 4: Stock level")
    expect(page.locator(".flow-jump a[href='#flow-3-title']")).to_have_text("4. Stock level")
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    expect(page.locator("#flow-3 > legend")).to_have_text("Flow 4: (no name yet)")
