"""A first-time user's journey from the landing page to a shared PDF, as a keystroke-and-reading model.

The retail landscape of issue 23 (six systems, four flows) goes in through the quick path at 1280 and
360 px against a running server, and the minutes a first-timer would take are printed: the words on each
page they must read (visible in the main content, before any interaction: text inside closed disclosures,
select menus and typed values is not read; a line met before, such as the same question in the next
flow's card, is recognised rather than read again) at 230 words a minute, 2 s per click or choice, and
typing at 3 characters a second. Each page is photographed, and each page's height and words are printed.

    .venv/bin/python -m benchmarks.first_time http://127.0.0.1:8000 [screenshot-folder]
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Locator, Page, sync_playwright

from tests.e2e.retail import answer_questions, enter_rows, phone_or_desktop

WORDS_PER_MINUTE = 230
SECONDS_PER_CLICK = 2.0
CHARACTERS_PER_SECOND = 3.0
# The words a reader takes in: the main content's visible text, line by line, without what is folded away,
# what sits in a menu not opened, or the values already in the boxes.
VISIBLE_LINES = """() => {
  const main = document.querySelector('main');
  const clone = main.cloneNode(true);
  const hidden = [];
  const walk = (source, copy) => {
    const style = getComputedStyle(source);
    if (style.display === 'none' || style.visibility === 'hidden') { hidden.push(copy); return; }
    [...source.children].forEach((child, i) => walk(child, copy.children[i]));
  };
  walk(main, clone);
  hidden.forEach(node => node.remove());
  clone.querySelectorAll('select, script, style, svg, .js-plotly-plot, .visually-hidden, [aria-hidden=true]')
    .forEach(node => node.remove());
  clone.querySelectorAll('details:not([open])').forEach(details => {
    [...details.childNodes].forEach(node => { if (node.nodeName !== 'SUMMARY') node.remove(); });
  });
  [clone, ...clone.querySelectorAll('*')].forEach(node => { node.style.contentVisibility = 'visible'; });
  clone.style.position = 'absolute'; clone.style.left = '-99999px'; clone.style.width = main.clientWidth + 'px';
  document.body.appendChild(clone);
  const text = clone.innerText;
  clone.remove();
  return text.split('\\n').map(line => line.trim()).filter(Boolean);
}"""


# The page's height with every part laid out (a flow card off screen is otherwise only estimated).
LAID_OUT_HEIGHT = """() => {
  document.querySelectorAll('.flow-result').forEach(card => { card.style.contentVisibility = 'visible'; });
  return document.documentElement.scrollHeight;
}"""


@dataclass
class Journey:
    """What a first-timer does on the way: clicks, characters typed, and the words of each page read."""

    page: Page
    width: int
    shots: Path | None
    clicks: int = 0
    typed: int = 0
    seen: set[str] = field(default_factory=set)
    pages: list[tuple[str, int, int, int]] = field(default_factory=list)

    def reads_until(self, name: str, action: Locator) -> None:
        """A page read from the top down to the action taken there (the landing page's start button)."""
        lines = action.evaluate(
            "(el) => { const range = document.createRange(); range.setStartBefore(document.querySelector('main'));"
            " range.setEndBefore(el); return range.toString().split('\\n').map(l => l.trim()).filter(Boolean); }"
        )
        self.seen.update(lines)
        words = sum(len(line.split()) for line in lines)
        height = self.page.evaluate(LAID_OUT_HEIGHT)
        self.pages.append((name, words, words, height))
        if self.shots:
            self.page.screenshot(path=self.shots / f"{name}-{self.width}.png", full_page=True)

    def reads(self, name: str) -> None:
        lines = self.page.evaluate(VISIBLE_LINES)
        fresh = []
        for line in lines:
            if line not in self.seen:
                self.seen.add(line)
                fresh.append(line)
        height = self.page.evaluate(LAID_OUT_HEIGHT)
        words = sum(len(line.split()) for line in lines)
        self.pages.append((name, words, sum(len(line.split()) for line in fresh), height))
        if self.shots:
            self.page.screenshot(path=self.shots / f"{name}-{self.width}.png", full_page=True)

    def fill(self, box: Locator, text: str) -> None:
        box.fill(text)
        self.clicks += 1
        self.typed += len(text)

    def choose(self, control: Locator, value: str | None = None) -> None:
        """A radio button (one click) or a drop-down (open it, pick one: two), unless already so."""
        if value is None:
            if not control.is_checked():
                control.check()
                self.clicks += 1
        elif control.input_value() != value:
            control.select_option(value)
            self.clicks += 2

    def press(self, control: Locator) -> None:
        control.click()
        self.clicks += 1

    def seconds(self) -> tuple[float, float, float]:
        read = sum(fresh for _, _, fresh, _ in self.pages) / WORDS_PER_MINUTE * 60
        return read, self.clicks * SECONDS_PER_CLICK, self.typed / CHARACTERS_PER_SECOND


def journey(page: Page, base: str, width: int, shots: Path | None) -> Journey:
    phone_or_desktop(page, width)
    walk = Journey(page, width, shots)
    page.goto(base)
    start = page.locator("main .button-primary").first
    walk.reads_until("landing", start)
    walk.press(start)
    page.get_by_label("Name of this assessment").wait_for()
    walk.reads("quick-rows")
    enter_rows(page, walk)
    walk.press(page.get_by_role("button", name="Next: questions about each flow"))
    page.get_by_role("heading", name="Questions about each flow").wait_for()
    walk.reads("quick-questions")

    answer_questions(page, walk)
    walk.press(page.get_by_role("button", name="See the recommendation"))
    page.get_by_role("heading", level=1, name="Retail").wait_for()
    walk.reads("results")
    walk.press(page.get_by_role("button", name="Copy read-only link").first)
    with page.expect_download() as download:
        walk.press(page.get_by_role("link", name="Download PDF").first)
    assert download.value.path().read_bytes()[:5] == b"%PDF-"
    return walk


def main(base: str, shots: Path | None) -> None:
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=["--no-sandbox"])
        for width in (1280, 360):
            context = browser.new_context(accept_downloads=True)
            context.grant_permissions(["clipboard-read", "clipboard-write"])
            walk = journey(context.new_page(), base, width, shots)
            context.close()
            read, clicks, typing = walk.seconds()
            print(f"{base} at {width} px")
            for name, words, fresh, height in walk.pages:
                print(f"  {name:16} {words:5} words visible, {fresh:5} new; page {height:6} px tall")
            print(
                f"  reading {read / 60:.1f} min + {walk.clicks} clicks {clicks / 60:.1f} min + "
                f"{walk.typed} characters {typing / 60:.1f} min = {(read + clicks + typing) / 60:.1f} min"
            )
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else None)
