"""What a first-time retail architect still hesitated on (round five of issue 23): an example's answers that
read as their own, a heading that kept the example's name, a phone preview that jumped to the form's end and
cut verdicts off, and a new flow's numbers that looked given."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from advisor.assessments import store
from advisor.assessments.models import Assessment
from advisor.engine import parse_assessment

from .conftest import assert_no_axe_violations, screenshot
from .retail import RETAIL, open_the_examples_answers, phone_or_desktop, start_from_the_loyalty_example

pytestmark = pytest.mark.django_db(transaction=True)
WIDTHS = [1280, 360]
MARK = ".from-example"


def question(page: Page, field_id: str) -> Any:
    """A question by its field's id: a choice's fieldset, or the box or drop-down's question."""
    return page.locator(f"#{field_id}.question, .question:has(> #{field_id})")


@pytest.mark.parametrize("width", WIDTHS)
def test_an_examples_answers_are_marked_as_its_own_until_changed(
    page: Page, live_server: Any, console_errors: list[str], width: int
) -> None:
    phone_or_desktop(page, width)
    start_from_the_loyalty_example(page, live_server.url)
    open_the_examples_answers(page)
    peak = page.locator("#flow-1-peak_factor")
    expect(peak).to_have_value("8")
    # Each answer that came with the example says so beside its question, in one word, heard in full.
    peak_mark = page.locator("label[for='flow-1-peak_factor'] " + MARK)
    expect(peak_mark).to_be_visible()
    expect(peak_mark).to_have_text("(from the example)example")
    expect(peak).to_have_accessible_name("Peak factor (from the example)")
    for answer in ("systems", "teams", "change_rate", "growth", "platform", "existing_broker", "operations"):
        expect(question(page, f"landscape-{answer}").locator(MARK)).to_be_visible()
    expect(question(page, "landscape-async_experience").locator(MARK)).to_be_visible()
    sender = page.locator("#flow-1-source_availability")
    expect(sender.locator("legend " + MARK)).to_be_visible()
    # And the page says once what the mark means.
    expect(page.locator(".intro")).to_contain_text("Started from the “Loyalty program + point-of-sale” example")
    screenshot(page, f"example-marks-{width}", full_page=False)
    assert_no_axe_violations(page)

    # Changed, an answer is the person's own: its mark goes, the others stay.
    peak.fill("12")
    expect(peak_mark).to_be_hidden()
    expect(peak).to_have_accessible_name("Peak factor")
    sender.get_by_label("always available").check()
    expect(sender.locator("legend " + MARK)).to_be_hidden()
    expect(page.locator("label[for='flow-1-volume_per_day'] " + MARK)).to_be_visible()
    peak.scroll_into_view_if_needed()
    screenshot(page, f"example-marks-changed-{width}", full_page=False)

    # Saved and opened again: still the example's where nothing was changed, the person's where it was.
    page.get_by_role("button", name="Save and see results").click()
    expect(page.locator(".messages")).to_contain_text("Saved.")
    page.goto(live_server.url + Assessment.objects.get().edit_url)
    expect(page.locator("label[for='flow-1-peak_factor'] " + MARK)).to_have_count(0)
    expect(page.locator("label[for='flow-1-volume_per_day'] " + MARK)).to_be_visible()
    assert console_errors == []


def test_an_assessment_of_ones_own_has_no_example_marks(page: Page, live_server: Any) -> None:
    assessment = store.create(parse_assessment(RETAIL))
    page.goto(live_server.url + assessment.edit_url)
    expect(page.locator("#flow-1-peak_factor")).to_have_value("8")
    expect(page.locator(MARK)).to_have_count(0)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_editors_heading_follows_the_name_as_it_is_typed(
    page: Page, live_server: Any, console_errors: list[str], width: int
) -> None:
    phone_or_desktop(page, width)
    start_from_the_loyalty_example(page, live_server.url)
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Edit “Loyalty program + point-of-sale”")
    page.locator("#name").fill("Retail landscape")
    expect(heading).to_have_text("Edit “Retail landscape”")
    page.locator("#name").fill("")
    expect(heading).to_have_text("Edit “(no name yet)”")
    page.locator("#name").fill("Retail landscape")
    screenshot(page, f"example-heading-{width}", full_page=False)
    assert console_errors == []


def test_on_a_phone_the_preview_bar_shows_every_verdict_where_the_person_is(
    page: Page, live_server: Any, console_errors: list[str]
) -> None:
    assessment = store.create(parse_assessment(RETAIL))
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(live_server.url + assessment.edit_url)
    expect(page.locator("#preview-headline")).to_have_text("1 P2P · 1 queue · 1 event · 1 bulk")
    page.locator("#flow-1-peak_factor").scroll_into_view_if_needed()
    before = page.evaluate("scrollY")
    toggle = page.locator("[data-preview-toggle]")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    verdicts = page.locator("#preview .preview-flows > li")
    expect(verdicts).to_have_count(4)
    page.wait_for_timeout(300)
    # No jump: the form stays where the person was.
    assert abs(page.evaluate("scrollY") - before) <= 2
    # Every verdict in view at once, above the Save bar.
    save = page.locator(".sticky-actions").bounding_box()
    assert save
    for n in range(4):
        box = verdicts.nth(n).bounding_box()
        assert box
        assert box["y"] >= 0, f"verdict {n + 1} is cut off above: {box}"
        assert box["y"] + box["height"] <= save["y"] + 1, f"verdict {n + 1} is cut off below: {box}"
    screenshot(page, "example-preview-open-360", full_page=False)
    assert_no_axe_violations(page)
    # The way back is the bar itself, and it says so; closed, the page is where it was.
    expect(toggle).to_contain_text("Close")
    toggle.click()
    expect(page.locator("#preview")).to_be_hidden()
    assert abs(page.evaluate("scrollY") - before) <= 2
    expect(toggle).to_be_focused()
    assert console_errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_a_new_flows_numbers_are_assumed_not_given(
    page: Page, live_server: Any, console_errors: list[str], width: int
) -> None:
    assessment = store.create(parse_assessment(RETAIL))
    phone_or_desktop(page, width)
    page.goto(live_server.url + assessment.edit_url)
    page.get_by_role("button", name="Add a flow").click()
    expect(page.locator("#flow-4-name")).to_be_focused()
    # Left empty, each box says what is assumed, as the quick path's do; a choice nobody made says so too.
    for answer, assumed in (
        ("volume_per_day", "assumed 1,000 a day"),
        ("peak_factor", "assumed 1 (steady)"),
        ("message_size_kb", "assumed 4 KB"),
    ):
        box = page.locator(f"#flow-4-{answer}")
        expect(box).to_have_value("")
        expect(box).to_have_attribute("placeholder", assumed)
    latency = page.locator("#flow-4-latency")
    expect(latency.locator("label", has=page.locator("input:checked"))).to_contain_text("(assumed)")
    page.locator("#flow-4-peak_factor").scroll_into_view_if_needed()
    screenshot(page, f"example-new-flow-{width}", full_page=False)
    assert_no_axe_violations(page)

    page.locator("#flow-4-name").fill("Stock level to the shop")
    page.locator("#flow-4-consumers").fill("E-commerce shop")
    # The interaction is required and nobody's yet: the person chooses it; the numbers stay untouched.
    page.locator("#flow-4").get_by_label("command: asks one system to do work").check()
    page.get_by_role("button", name="Save and see results").click()
    expect(page.locator(".messages")).to_contain_text("Saved.")
    # Stored as not given: the engine takes its defaults and says they are assumed.
    flow = Assessment.objects.get().inputs["flows"][4]
    assert "volume_per_day" not in flow
    assert "peak_factor" not in flow
    assert "message_size_kb" not in flow
    # Opened again, they are still shown as assumed, not as typed.
    page.goto(live_server.url + assessment.edit_url)
    expect(page.locator("#flow-4-volume_per_day")).to_have_value("")
    expect(page.locator("#flow-4-peak_factor")).to_have_attribute("placeholder", "assumed 1 (steady)")
    assert console_errors == []
