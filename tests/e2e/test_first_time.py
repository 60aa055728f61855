"""What a first-time user hesitated on between the landing page and a shared PDF (round three of issue 23):
less to read on the results page and the questions page, answers the rows imply filled in and said so,
defaults said to be assumed, the editor's Save before its management actions, a count of systems that
follows the flows, a step-1 drop-down that fits a phone, a "Saved." that is heard, and a landing page
whose first action is the obvious one."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from advisor.assessments import store
from advisor.assessments.models import Assessment
from advisor.engine import parse_assessment
from benchmarks.first_time import VISIBLE_LINES
from tests.conftest import make_assessment

from .conftest import assert_no_axe_violations, screenshot
from .retail import RETAIL, open_every_flows_questions, phone_or_desktop

pytestmark = pytest.mark.django_db(transaction=True)
WIDTHS = [1280, 360]
# (name, from, to, what the sender expects, messages a day)
ROWS = (
    ("Purchases from the tills", "POS tills", "Loyalty", "command", "200k"),
    ("Order status to the app", "Order service", "Mobile app", "event", "5000"),
    ("Sales on the dashboard", "ERP", "Sales dashboard", "event", "1000"),
)


def visible_words(page: Page) -> int:
    return sum(len(line.split()) for line in page.evaluate(VISIBLE_LINES))


def words_to_read(page: Page) -> int:
    """The visible words, each line once: the same question in the next flow's card is recognised, not read."""
    return sum(len(line.split()) for line in dict.fromkeys(page.evaluate(VISIBLE_LINES)))


def on_first_screen(page: Page, selector: str) -> bool:
    return page.evaluate(
        "(s) => { const r = document.querySelector(s).getBoundingClientRect(); "
        "return r.height > 0 && r.bottom <= innerHeight; }",
        selector,
    )


@pytest.mark.parametrize("width", WIDTHS)
def test_the_results_page_keeps_the_verdicts_in_view_and_folds_the_factor_details(
    page: Page, live_server: Any, console_errors: list[str], width: int
) -> None:
    assessment = store.create(parse_assessment(RETAIL))
    phone_or_desktop(page, width)
    page.goto(live_server.url + assessment.get_absolute_url())

    # What a first-timer looks for first: the link to share and the PDF, on the first screen.
    assert on_first_screen(page, "a[href*='report.pdf']")
    assert on_first_screen(page, "[data-copy='#share-url']")
    expect(page.locator(".headline-block h2")).to_be_visible()
    expect(page.locator("table.verdicts")).to_be_visible()
    till = page.locator("article.flow-result").nth(1)
    expect(till.locator(".verdict")).to_contain_text("Message queue wins by")
    # In view beside the verdict: one reason (journey 8); how to apply it folds with the rest.
    reasons = till.locator(".reason")
    expect(reasons).to_have_count(1)
    expect(reasons).to_be_visible()
    expect(reasons).to_contain_text("Why:")
    expect(till.locator(".approach")).to_be_hidden()
    # The factor details fold away behind one summary that says what it holds, and inside it behind their own.
    more = till.locator("details.flow-more")
    expect(more).to_have_count(1)
    expect(more).not_to_have_attribute("open", "")
    for holds in ("How to apply it", "more reason", "scores", "what would change it", "risks"):
        expect(more.locator("> summary")).to_contain_text(holds)
    for summary in ("Scores and each factor's part", "What would change this", "Risks and mitigations"):
        details = more.locator("details", has=page.locator("summary", has_text=summary))
        expect(details).to_have_count(1)
        expect(details).not_to_have_attribute("open", "")
    expect(till.locator(".more-reasons li").first).to_be_hidden()
    expect(till.locator("table")).to_be_hidden()
    expect(till.locator(".flips li").first).to_be_hidden()
    words = visible_words(page)
    height = page.evaluate("document.documentElement.scrollHeight")
    print(f"\nresults at {width} px: {words} words visible, {height} px tall")
    assert words <= 1000
    # Opened from the keyboard: the card's fold, then the answers that would change it.
    more.locator("> summary").focus()
    page.keyboard.press("Enter")
    expect(till.locator(".approach")).to_be_visible()
    expect(till.locator(".more-reasons li").first).to_be_visible()
    expect(till.locator(".flips li").first).to_be_hidden()
    summary = till.locator("summary", has_text="What would change this")
    summary.focus()
    page.keyboard.press("Enter")
    expect(till.locator(".flips li").first).to_be_visible()
    # A term's link opens the folded glossary at the term.
    page.locator("a[href='#term-margin']").first.click()
    expect(page.locator("#term-margin")).to_be_visible()
    screenshot(page, f"first-time-results-{width}")
    assert_no_axe_violations(page)
    assert console_errors == []


def fill_rows(page: Page, rows: tuple[tuple[str, str, str, str, str], ...]) -> None:
    page.get_by_label("Name of this assessment").fill("Retail")
    for index, (name, source, consumers, interaction, volume) in enumerate(rows):
        row = page.locator(f"#flow-{index}")
        row.get_by_label("Name of the flow").fill(name)
        row.get_by_label("Which system sends it?").fill(source)
        row.get_by_label("Which systems receive it?").fill(consumers)
        row.get_by_label("What does the sender expect?").select_option(interaction)
        row.get_by_label("About how many messages a day?").fill(volume)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_questions_fill_in_what_the_rows_imply_say_so_and_fold_their_help(
    page: Page, live_server: Any, console_errors: list[str], width: int
) -> None:
    phone_or_desktop(page, width)
    page.goto(live_server.url + "/assess/")
    fill_rows(page, ROWS)
    page.get_by_role("button", name="Next: questions about each flow").click()
    expect(page.get_by_role("heading", name="Questions about each flow")).to_be_focused()

    tills = page.get_by_role("group", name="Purchases from the tills")
    app = page.get_by_role("group", name="Order status to the app")
    # Each flow's answers are read in one line, what the row filled in among them; the questions fold behind it.
    expect(tills.locator(".example-gist")).to_have_text(
        "Answers: within seconds; no loss; sender: often offline; the rest as usual."
    )
    expect(app.locator(".example-gist")).to_contain_text("receiver kind: phones or devices")
    expect(tills.get_by_role("group", name="Is the sending system always connected?")).to_be_hidden()
    open_every_flows_questions(page)
    sender = tills.get_by_role("group", name="Is the sending system always connected?")
    # Asked first in the card, already answered from the row's sender, and said why; still editable.
    first = tills.locator("fieldset.question").first
    expect(first).to_have_attribute("id", "flow-0-source_availability")
    expect(sender.get_by_label("often offline")).to_be_checked()
    expect(sender).to_contain_text("Filled in because “POS tills”")
    kind = app.get_by_role("group", name="What kind of system receives it?")
    expect(kind.get_by_label("phones or devices")).to_be_checked()
    expect(kind).to_contain_text("Filled in because “Mobile app”")
    dashboard = page.get_by_role("group", name="Sales on the dashboard")
    expect(
        dashboard.get_by_role("group", name="What kind of system receives it?").get_by_label("browser sessions")
    ).to_be_checked()
    # A row that names a server is not guessed at.
    expect(
        app.get_by_role("group", name="Is the sending system always connected?").get_by_label("always available")
    ).to_be_checked()

    # Answers nobody gave are said to be assumed; a number not typed is left empty, assumed.
    soon = tills.get_by_role("group", name="How soon must it arrive, or be answered?")
    expect(app.get_by_role("group", name="How soon must it arrive, or be answered?")).to_contain_text("assumed")
    expect(soon.get_by_label("within minutes")).not_to_be_checked()
    peak = tills.get_by_label("How much busier is the peak than the average?")
    expect(peak).to_have_value("")
    expect(peak).to_have_attribute("placeholder", "assumed 1 (steady)")
    # The help of each question is folded behind a disclosure; the question itself stays.
    expect(page.locator("#quick .question > .help").first).to_be_hidden()
    words = words_to_read(page)
    print(f"\nquestions at {width} px: {words} words to read, {visible_words(page)} visible")
    assert words <= 450
    screenshot(page, f"first-time-questions-{width}")
    assert_no_axe_violations(page)

    sender.get_by_label("has maintenance windows").check()
    page.get_by_role("button", name="See the recommendation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Retail")
    # The new assessment is confirmed saved, aloud.
    expect(page.locator(".messages[aria-live='polite']")).to_contain_text("Saved.")
    flows = Assessment.objects.get().inputs["flows"]
    assert flows[0]["source_availability"] == "maintenance_windows"
    assert "peak_factor" not in flows[0]
    assert flows[1]["consumer_kind"] == "device"
    assert flows[2]["consumer_kind"] == "browser"
    assert console_errors == []


def test_a_prefilled_answer_left_alone_is_saved_as_prefilled(
    page: Page, live_server: Any, console_errors: list[str]
) -> None:
    page.goto(live_server.url + "/assess/")
    fill_rows(page, ROWS[:1])
    page.get_by_role("button", name="Next: questions about each flow").click()
    page.get_by_role("button", name="See the recommendation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Retail")
    assert Assessment.objects.get().inputs["flows"][0]["source_availability"] == "often_offline"
    assert console_errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_step_one_drop_down_shows_its_whole_choice(page: Page, live_server: Any, width: int) -> None:
    phone_or_desktop(page, width)
    page.goto(live_server.url + "/assess/")
    select = page.locator("#flow-0-interaction")
    # Nothing is assumed of what the sender expects: it is asked for.
    expect(select.locator("option").first).to_have_text("Choose…")
    for value in ("query", "command", "event"):
        select.select_option(value)
        cut = page.evaluate(
            """(el) => { const c = document.createElement('canvas').getContext('2d');
               const s = getComputedStyle(el); c.font = `${s.fontSize} ${s.fontFamily}`;
               const text = el.options[el.selectedIndex].text;
               const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - 24;
               return c.measureText(text).width > room ? text : ''; }""",
            select.element_handle(),
        )
        assert cut == "", f"“{cut}” is cut off at {width} px"
    screenshot(page, f"first-time-rows-{width}", full_page=False)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_editor_asks_its_questions_before_share_and_delete_and_confirms_the_save(
    page: Page, live_server: Any, console_errors: list[str], width: int
) -> None:
    assessment = make_assessment()
    phone_or_desktop(page, width)
    page.goto(live_server.url + assessment.edit_url)
    order = page.evaluate(
        """() => { const save = document.querySelector('button[value=save]');
           const del = [...document.querySelectorAll('a')].find(a => a.textContent.includes('Delete'));
           const name = document.getElementById('name');
           return [name.compareDocumentPosition(del) & 4, save.compareDocumentPosition(del) & 4]; }"""
    )
    assert order == [4, 4], "the name and the Save button come before Delete"
    expect(page.get_by_role("button", name="Save and see results")).to_be_visible()
    page.get_by_label("Name").first.fill("Shop and CRM, checked")
    page.get_by_role("button", name="Save and see results").click()
    status = page.locator(".messages[aria-live='polite']")
    expect(status).to_contain_text("Saved.")
    assert on_first_screen(page, ".messages")
    screenshot(page, f"first-time-saved-{width}", full_page=False)
    assert console_errors == []


def test_the_editor_counts_the_systems_its_flows_name(page: Page, live_server: Any, console_errors: list[str]) -> None:
    # Stored with the default count, 2, while the flows name four systems.
    assessment = make_assessment(landscape={"teams": "few"})
    page.goto(live_server.url + assessment.edit_url)
    systems = page.locator("#landscape-systems")
    expect(systems).to_have_value("4")
    expect(page.locator("#landscape-systems-hint")).to_contain_text("Your flows name 4 systems")
    page.locator("#flow-0-consumers").fill("CRM, Fraud check")
    page.locator("#flow-0-consumers").blur()
    expect(systems).to_have_value("5")
    systems.fill("9")
    page.locator("#flow-1-consumers").fill("CRM, Email service, Analytics, Data lake")
    page.locator("#flow-1-consumers").blur()
    expect(systems).to_have_value("9")
    page.get_by_role("button", name="Save and see results").click()
    assert Assessment.objects.get().inputs["landscape"]["systems"] == 9
    assert console_errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_the_landing_page_leads_to_one_obvious_first_action(
    page: Page, live_server: Any, console_errors: list[str], width: int
) -> None:
    phone_or_desktop(page, width)
    page.goto(live_server.url)
    primaries = page.locator("main .button-primary")
    expect(primaries).to_have_count(1)
    start = primaries.first
    expect(start).to_have_text("Start with your systems and flows")
    assert on_first_screen(page, "main .button-primary")
    before = page.evaluate(
        """() => { const start = document.querySelector('main .button-primary');
           const range = document.createRange(); range.setStartBefore(document.querySelector('main'));
           range.setEndBefore(start); return range.toString().split(/\\s+/).filter(Boolean).length; }"""
    )
    assert before <= 45, f"{before} words before the first action"
    screenshot(page, f"first-time-landing-{width}", full_page=False)
    assert_no_axe_violations(page)
    start.click()
    expect(page.get_by_label("Name of this assessment")).to_be_visible()
    assert console_errors == []
