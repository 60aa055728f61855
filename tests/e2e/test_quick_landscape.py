"""Item 1 of issue 23 in the browser: the quick path takes the whole landscape, with htmx and without JavaScript."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from advisor.assessments.models import Assessment

from .conftest import assert_no_axe_violations, screenshot
from .retail import ROWS, SYSTEMS, open_every_flows_questions

pytestmark = pytest.mark.django_db(transaction=True)


def fill_rows(page: Page) -> None:
    page.get_by_label("Name of this assessment").fill("Retail")
    page.get_by_label("Which systems take part?").fill(SYSTEMS)
    for index, (name, source, consumers, interaction, volume) in enumerate(ROWS):
        if index == 3:
            page.get_by_role("button", name="Add another flow").click()
            expect(page.locator("#flow-3-name")).to_be_focused()
        row = page.locator(f"#flow-{index}")
        row.get_by_label("Name of the flow").fill(name)
        row.get_by_label("Which system sends it?").fill(source)
        row.get_by_label("Which systems receive it?").fill(consumers)
        row.get_by_label("What does the sender expect?").select_option(interaction)
        row.get_by_label("About how many messages a day?").fill(volume)


@pytest.mark.parametrize("width", [1280, 360])
def test_the_landscape_goes_in_as_rows_then_each_flow_is_asked_what_is_left(
    page: Page, live_server: Any, console_errors: list[str], width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url)
    page.get_by_role("link", name="Start with your systems and flows").click()
    page.evaluate("window.notReloaded = true")
    fill_rows(page)
    screenshot(page, f"quick-rows-{width}")
    assert_no_axe_violations(page)

    page.get_by_role("button", name="Next: questions about each flow").click()
    step = page.get_by_role("heading", name="Questions about each flow")
    expect(step).to_be_focused()
    assert page.evaluate("window.notReloaded") is True
    open_every_flows_questions(page)
    tills = page.get_by_role("group", name="Purchases from the tills")
    tills.get_by_role("group", name="Is the sending system always connected?").get_by_label("often offline").check()
    # The lookup is not asked about its sender, nor about order or replay.
    lookup = page.get_by_role("group", name="Balance check at the till")
    expect(lookup.get_by_role("group", name="Is the sending system always connected?")).to_have_count(0)
    expect(lookup.get_by_role("group", name="Must messages arrive in order?")).to_have_count(0)
    expect(page.get_by_text("Sender availability")).to_have_count(0)
    screenshot(page, f"quick-questions-{width}")
    assert_no_axe_violations(page)

    page.get_by_role("button", name="See the recommendation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Retail")
    inputs = Assessment.objects.get().inputs
    assert inputs["landscape"]["systems"] == 6
    assert [flow["name"] for flow in inputs["flows"]] == [row[0] for row in ROWS]
    assert inputs["flows"][1]["source_availability"] == "often_offline"
    assert console_errors == []


def test_without_javascript_the_rows_post_and_come_back_with_errors_that_name_the_field(
    browser: Browser, live_server: Any
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/assess/")
    page.get_by_label("Name of this assessment").fill("Tills")
    page.get_by_label("Which systems take part?").fill(SYSTEMS)
    row = page.locator("#flow-0")
    row.get_by_label("Name of the flow").fill("Purchases from the tills")
    row.get_by_label("Which system sends it?").fill("Tills")
    page.get_by_role("button", name="Next: questions about each flow").click()

    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Flow 1: Which systems receive it?")
    expect(summary).to_contain_text("Flow 1: What does the sender expect?")
    expect(page.locator("#flow-0-name")).to_have_value("Purchases from the tills")
    expect(page.get_by_label("Which systems take part?")).to_have_value(SYSTEMS)

    row = page.locator("#flow-0")
    row.get_by_label("Which systems receive it?").fill("Loyalty")
    row.get_by_label("What does the sender expect?").select_option(label="command: asks for work")
    page.get_by_role("button", name="Next: questions about each flow").click()
    page.locator("#flow-0-answers > summary").click()
    page.get_by_role("group", name="Is the sending system always connected?").get_by_label("often offline").check()
    page.get_by_role("button", name="See the recommendation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tills")
    assert Assessment.objects.get().inputs["flows"][0]["source_availability"] == "often_offline"
    context.close()


def test_with_htmx_a_refused_row_swaps_in_its_errors_focused_and_axe_finds_nothing_at_360_px(
    page: Page, live_server: Any, console_errors: list[str]
) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/assess/")
    page.evaluate("window.notReloaded = true")
    page.locator("#flow-0").get_by_label("Name of the flow").fill("Purchases from the tills")
    page.get_by_role("button", name="Next: questions about each flow").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Flow 1: Which systems receive it?")
    expect(page.locator("#flow-0-name")).to_have_value("Purchases from the tills")
    assert page.evaluate("window.notReloaded") is True
    screenshot(page, "quick-errors-360", full_page=False)
    assert_no_axe_violations(page)
    # Chromium logs the refused answer (422) as a failed load; nothing else may appear.
    assert [error for error in console_errors if "status of 422" not in error] == []


def test_numbers_not_sure_of_go_in_as_typed_and_the_results_show_the_robustness_over_them(
    page: Page, live_server: Any, console_errors: list[str]
) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + "/assess/")
    page.get_by_label("Name of this assessment").fill("Tills")
    row = page.locator("#flow-0")
    row.get_by_label("Name of the flow").fill("Purchases from the tills")
    row.get_by_label("Which system sends it?").fill("Tills")
    row.get_by_label("Which systems receive it?").fill("Loyalty")
    row.get_by_label("What does the sender expect?").select_option("command")
    row.get_by_label("About how many messages a day?").fill("not sure")
    page.get_by_role("button", name="Next: questions about each flow").click()
    questions = page.get_by_role("group", name="Purchases from the tills")
    expect(questions).to_contain_text("Not sure? Type “not sure”, or a range such as 3–10.")
    questions.locator(".example-answers > summary").click()
    questions.get_by_label("How much busier is the peak than the average?").fill("3–10")
    page.get_by_role("button", name="See the recommendation").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Tills")
    flow = Assessment.objects.get().inputs["flows"][0]
    assert (flow["volume_per_day"], flow["peak_factor"]) == ("unknown", [3, 10])
    robustness = page.locator(".flow-result p", has_text="You were not sure about")
    expect(robustness).to_contain_text("messages per day")
    expect(robustness).to_contain_text("of cases")
    screenshot(page, "quick-results-not-sure-360", full_page=False)
    assert_no_axe_violations(page)
    assert console_errors == []
