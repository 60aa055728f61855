"""Issue 23's measure: a retailer's six systems and four flows, from the landing page to a shared PDF,
at 1280 and 360 px. The browser's own time is printed beside what a first-time user would spend on the
same actions (keystroke-level model: typing, pointing, deciding, reading the questions), and each page is
photographed for a person to look at."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from advisor.assessments.models import Assessment

from .conftest import screenshot
from .retail import answer_questions, enter_rows, phone_or_desktop

pytestmark = pytest.mark.django_db(transaction=True)
# Keystroke-level model (Card, Moran and Newell): seconds per typed character for an average typist, per
# pointing at a target, per button press, and per mental preparation before an action or decision.
KEYSTROKE, POINT, PRESS, DECIDE = 0.28, 1.1, 0.2, 1.35
# A first-time reader takes in the questions at about 200 words a minute.
READING_WORDS_PER_SECOND = 200 / 60


@dataclass
class Effort:
    """What a person does on the way: characters typed, things pointed at and pressed, decisions, words read."""

    typed: int = 0
    pointed: int = 0
    decided: int = 0
    read: int = 0
    seen: set[str] = field(default_factory=set)

    def fill(self, box: Locator, text: str) -> None:
        box.fill(text)
        self.typed += len(text)
        self.pointed += 1
        self.decided += 1

    def choose(self, control: Locator, value: str | None = None) -> None:
        if value is None:
            control.check()
        else:
            control.select_option(value)
        self.pointed += 2 if value is not None else 1
        self.decided += 1

    def press(self, control: Locator) -> None:
        control.click()
        self.pointed += 1

    def reads(self, page: Page, selector: str) -> None:
        """The words of `selector`'s texts; a text met before (the same question of the next flow) is
        recognised, not read again."""
        texts = page.evaluate("(selector) => [...document.querySelectorAll(selector)].map(e => e.innerText)", selector)
        for text in texts:
            if text not in self.seen:
                self.seen.add(text)
                self.read += len(text.split())

    def seconds(self) -> float:
        return (
            self.typed * KEYSTROKE
            + self.pointed * (POINT + PRESS)
            + self.decided * DECIDE
            + self.read / READING_WORDS_PER_SECOND
        )


@pytest.mark.parametrize("width", [1280, 360])
def test_the_retail_landscape_goes_from_the_landing_page_to_a_shared_pdf(
    page: Page, browser: Browser, live_server: Any, console_errors: list[str], width: int
) -> None:
    phone_or_desktop(page, width)
    effort = Effort()
    started = time.monotonic()
    page.goto(live_server.url)
    screenshot(page, f"journey-1-landing-{width}")
    effort.reads(page, ".hero")
    effort.press(page.get_by_role("link", name="Start with your systems and flows"))

    effort.reads(page, ".intro, #quick legend, #quick label, #quick .help")
    enter_rows(page, effort)
    screenshot(page, f"journey-2-rows-{width}")
    effort.press(page.get_by_role("button", name="Next: questions about each flow"))

    expect(page.get_by_role("heading", name="Questions about each flow")).to_be_focused()
    effort.reads(page, "#quick legend, #quick .factor-name, #quick .help")

    answer_questions(page, effort)
    screenshot(page, f"journey-3-questions-{width}")
    effort.press(page.get_by_role("button", name="See the recommendation"))

    expect(page.get_by_role("heading", level=1)).to_have_text("Retail")
    effort.reads(page, ".headline-block, .flow-result h3")
    screenshot(page, f"journey-4-results-{width}")
    share_url = page.get_by_label("Read-only link").input_value()
    effort.pointed += 2  # select the link and copy it
    with page.expect_download() as download:
        effort.press(page.get_by_role("link", name="Download PDF"))
    assert download.value.suggested_filename == "retail.pdf"
    assert (download.value.path().read_bytes())[:5] == b"%PDF-"
    seconds = time.monotonic() - started

    stranger = browser.new_context(viewport={"width": width, "height": 900})
    shared = stranger.new_page()
    shared.goto(share_url)
    expect(shared.get_by_role("heading", level=1)).to_have_text("Retail")
    stranger.close()

    inputs = Assessment.objects.get().inputs
    assert inputs["landscape"]["systems"] == 6
    assert len(inputs["flows"]) == 4
    print(
        f"\nretail journey at {width} px: browser {seconds:.1f} s; a first-time user about "
        f"{effort.seconds() / 60:.1f} min ({effort.typed} characters, {effort.pointed} targets, "
        f"{effort.decided} decisions, {effort.read} words read)"
    )
    assert console_errors == []
