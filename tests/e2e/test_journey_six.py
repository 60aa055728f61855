"""What a first-time user hesitated on (user 6 of issue 23, from the loyalty use case to the PDF): a nightly
file's hint under every flow's messages a day, answers the form marked assumed that the PDF did not count, a
bulk transfer's card saying three times that no pattern fits, and one system given two availabilities."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from advisor.assessments import store
from advisor.assessments.models import Assessment
from advisor.assessments.presentation import field_label
from advisor.engine import parse_assessment
from tests.reports.test_pdf import pdf_text
from tests.reports.test_pdf_deliverable import section

from .conftest import assert_no_axe_violations, screenshot
from .retail import RETAIL, open_the_examples_answers, phone_or_desktop, start_from_the_loyalty_example

pytestmark = pytest.mark.django_db(transaction=True)
WIDTHS = [1280, 360]
DISAGREE = (
    "Loyalty program is always available in “Balance check at the till” "
    "but often offline in “Purchases from the tills”."
)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_nightly_file_hint_shows_only_where_a_flow_moves_in_hours(
    page: Page, live_server: Any, console_errors: list[str], width: int
) -> None:
    assessment = store.create(parse_assessment(RETAIL))
    phone_or_desktop(page, width)
    page.goto(live_server.url + assessment.edit_url)
    # The till's lookup is answered at once: no file there.
    expect(page.locator("#flow-0-volume_per_day-hint")).to_be_hidden()
    expect(page.locator("#flow-0-message_size_kb-hint")).not_to_contain_text("nightly")
    expect(page.locator("#flow-3-volume_per_day-hint")).to_have_text("A nightly file: 1 a day.")
    # A command due within hours may be a file: said as soon as it is chosen, and gone again.
    page.locator("input[name='flow-1-latency'][value='hours']").check()
    hint = page.locator("#flow-1-volume_per_day-hint")
    expect(hint).to_be_visible()
    expect(hint).to_have_text("A nightly file: 1 a day.")
    expect(page.locator("#flow-1-message_size_kb-hint")).to_contain_text("A nightly file")
    hint.scroll_into_view_if_needed()
    screenshot(page, f"j6-file-hint-editor-{width}", full_page=False)
    assert_no_axe_violations(page)
    page.locator("input[name='flow-1-latency'][value='minutes']").check()
    expect(hint).to_be_hidden()

    # The quick path's rows alike: said only on a row chosen as a file.
    page.goto(live_server.url + "/assess/")
    row_hint = page.locator("#flow-0-volume_per_day-hint")
    expect(row_hint).to_be_hidden()
    page.locator("#flow-0-interaction").select_option("file")
    expect(row_hint).to_be_visible()
    expect(row_hint).to_have_text("A file or batch: leave it empty for 1 a day.")
    expect(page.locator("#flow-1-volume_per_day-hint")).to_be_hidden()
    row_hint.scroll_into_view_if_needed()
    screenshot(page, f"j6-file-hint-quick-{width}", full_page=False)
    assert_no_axe_violations(page)
    page.locator("#flow-0-interaction").select_option("query")
    expect(row_hint).to_be_hidden()
    assert console_errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_pdf_counts_and_lists_what_the_form_marked_assumed(
    page: Page, live_server: Any, console_errors: list[str], width: int
) -> None:
    phone_or_desktop(page, width)
    start_from_the_loyalty_example(page, live_server.url)
    page.get_by_role("button", name="Add a flow").click()
    flow = page.locator("#flow-2")
    expect(page.locator("#flow-2-name")).to_be_focused()
    page.locator("#flow-2-name").fill("Order placed")
    page.locator("#flow-2-source").fill("E-commerce shop")
    page.locator("#flow-2-consumers").fill("ERP")
    # The interaction is required, so never assumed: the person chooses it (the answers table requires it).
    flow.get_by_label("command: asks one system to do work").check()
    # What the form says is assumed: each choice marked so, and each number left to its "assumed" placeholder.
    marked = flow.locator("fieldset.question:has(.assumed)").evaluate_all("(sets) => sets.map((s) => s.id)")
    boxes = flow.locator("input[placeholder^='assumed']").evaluate_all("(boxes) => boxes.map((b) => b.id)")
    assumed = [re.sub(r"^flow-2-", "", found) for found in (*marked, *boxes)]
    assert marked
    assert boxes
    # Across the page (the example's own flows carry answers it left out too), every mark and empty box counts.
    everywhere = page.locator("#editor fieldset.question:has(.assumed), #editor input[placeholder^='assumed']")
    total = everywhere.evaluate_all("(all) => all.filter((e) => e.tagName === 'FIELDSET' || !e.value).length")
    flow.locator(".assumed").first.scroll_into_view_if_needed()
    screenshot(page, f"j6-assumed-marks-{width}", full_page=False)
    page.get_by_role("button", name="Save and see results").click()
    expect(page.locator(".messages")).to_contain_text("Saved.")
    view_token = re.search(r"/r/([^/]+)/", page.url)[1]  # type: ignore[index]
    saved = Assessment.objects.get(view_token=view_token)
    # Opened again, the same answers are said to be assumed.
    page.goto(live_server.url + saved.edit_url)
    again = page.locator("#flow-2")
    shown = again.locator("fieldset.question:has(.assumed)").evaluate_all("(sets) => sets.map((s) => s.id)")
    assert [re.sub(r"^flow-2-", "", found) for found in shown] == assumed[: len(marked)]

    response = page.request.get(f"{live_server.url}/r/{view_token}/report.pdf")
    assert response.ok
    _, text = pdf_text(response.body())
    page_one = " ".join(text.split("\f")[0].split())
    assert f"{total} answers were left out and assumed" in page_one, page_one
    decisions = section(text, "4. Decisions still needed", "5. The flows")
    for answer in assumed:
        assert re.search(re.escape(field_label(answer)) + r" .{0,120}?Order placed", decisions), (answer, decisions)
    assert console_errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_a_bulk_transfer_says_once_that_no_pattern_fits(page: Page, live_server: Any, width: int) -> None:
    assessment = store.create(parse_assessment(RETAIL))
    phone_or_desktop(page, width)
    page.goto(live_server.url + assessment.get_absolute_url())
    card = page.locator("article.flow-result", has=page.get_by_role("heading", name=re.compile("Catalogue export")))
    card.scroll_into_view_if_needed()
    expect(card.locator(".verdict")).to_contain_text("none of the three patterns fits it")
    # What the card shows unfolded (the folded details aside; the card renders lazily, so not innerText).
    shown = card.evaluate(
        "(c) => { const k = c.cloneNode(true); "
        "k.querySelectorAll('details').forEach((d) => d.remove()); return k.textContent; }"
    )
    said = re.findall(r"none of the three", shown, re.I)
    assert len(said) == 1, shown
    screenshot(page, f"j6-bulk-card-{width}", full_page=False)
    assert_no_axe_violations(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_one_system_with_two_availabilities_is_said_in_the_preview_and_the_results(
    page: Page, live_server: Any, console_errors: list[str], width: int
) -> None:
    phone_or_desktop(page, width)
    start_from_the_loyalty_example(page, live_server.url)
    note = page.locator("#preview .availability-note")
    expect(note).to_have_count(0)
    open_the_examples_answers(page)
    page.locator("input[name='flow-1-consumer_availability'][value='often_offline']").check()
    expect(note).to_have_text(DISAGREE)
    # A note, not an answer: the balance check's receiver stays as it was.
    expect(page.locator("input[name='flow-0-consumer_availability'][value='always']")).to_be_checked()
    if width < 1024:
        page.locator("[data-preview-toggle]").click()
    note.scroll_into_view_if_needed()
    screenshot(page, f"j6-availability-preview-{width}", full_page=False)
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Save and see results").click()
    expect(page.locator(".messages")).to_contain_text("Saved.")
    shown = page.locator(".availability-note")
    expect(shown).to_have_text(DISAGREE)
    shown.scroll_into_view_if_needed()
    screenshot(page, f"j6-availability-results-{width}", full_page=False)
    assert_no_axe_violations(page)
    assert console_errors == []
