"""Issue 23's retail landscape, defined once: six systems and four flows (a balance check at the till, the
tills' purchases, an order placed for three receivers, a nightly catalogue export), as the API takes it and
as a first-time user types it on the quick path. The browser tests and benchmarks/first_time.py walk it with
the steps below, each counting the effort its own way (a Walker)."""

from __future__ import annotations

from typing import Any, Protocol

from playwright.sync_api import Locator, Page, expect

SYSTEMS = "Tills, Loyalty, Web shop, ERP, Warehouse, CRM"
# The quick path's rows: (name, from, to, what the sender expects, messages a day). A file or batch implies
# its one a day, so nothing is typed there.
ROWS = (
    ("Balance check at the till", "Tills", "Loyalty", "query", "50k"),
    ("Purchases from the tills", "Tills", "Loyalty", "command", "200k"),
    ("Order placed", "Web shop", "ERP, Warehouse, CRM", "event", "5000"),
    ("Nightly catalogue export", "ERP", "Web shop", "file", ""),
)
# The same landscape with every answer given: a point-to-point query, a queue for the tills, an event, a file.
RETAIL: dict[str, Any] = {
    "name": "Retail landscape",
    "landscape": {"systems": 6, "teams": "few"},
    "flows": [
        {
            "name": "Balance check at the till",
            "source": "Point-of-sale tills",
            "consumers": ["Loyalty program"],
            "interaction": "query",
            "latency": "immediate",
            "volume_per_day": 200000,
        },
        {
            "name": "Purchases from the tills",
            "source": "Point-of-sale tills",
            "consumers": ["Loyalty program"],
            "interaction": "command",
            "latency": "minutes",
            "volume_per_day": 200000,
            "peak_factor": 8,
            "consumer_availability": "often_offline",
        },
        {
            "name": "Order placed",
            "source": "E-commerce shop",
            "consumers": ["ERP", "Warehouse", "CRM"],
            "interaction": "event",
            "latency": "seconds",
            "volume_per_day": 20000,
        },
        {
            "name": "Catalogue export",
            "source": "ERP",
            "consumers": ["E-commerce shop"],
            "interaction": "command",
            "latency": "hours",
            "volume_per_day": 1,
            "message_size_kb": 51200,
        },
    ],
}
SOON = "How soon must it arrive, or be answered?"


class Walker(Protocol):
    """Who takes the steps: types into a box, chooses a radio button or a drop-down's value, presses."""

    def fill(self, box: Locator, text: str) -> None: ...

    def choose(self, control: Locator, value: str | None = None) -> None: ...

    def press(self, control: Locator) -> None: ...


def phone_or_desktop(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900 if width > 400 else 740})


def enter_rows(page: Page, walk: Walker) -> None:
    """The quick path's first page: the name, the systems (unless the page says they are optional), the rows."""
    walk.fill(page.get_by_label("Name of this assessment"), "Retail")
    if "Optional" not in (page.locator("#landscape-systems-help").text_content() or ""):
        walk.fill(page.get_by_label("Which systems take part?"), SYSTEMS)
    for index, (name, source, consumers, interaction, volume) in enumerate(ROWS):
        if not page.locator(f"#flow-{index}").count():
            walk.press(page.get_by_role("button", name="Add another flow"))
            page.locator(f"#flow-{index}-name").wait_for()
        row = page.locator(f"#flow-{index}")
        walk.fill(row.get_by_label("Name of the flow"), name)
        walk.fill(row.get_by_label("Which system sends it?"), source)
        walk.fill(row.get_by_label("Which systems receive it?"), consumers)
        walk.choose(row.get_by_label("What does the sender expect?"), interaction)
        if volume:
            walk.fill(row.get_by_label("About how many messages a day?"), volume)


def answer_questions(page: Page, walk: Walker) -> None:
    """The quick path's second page: what the rows leave open for the tills, the lookup and the file (whose
    hours its row implies, and whose size is typed with its unit), and the teams."""

    def answer(flow: str, question: str, choice: str) -> Locator:
        return page.get_by_role("group", name=flow).get_by_role("group", name=question).get_by_label(choice)

    for flow in ("Purchases from the tills", "Balance check at the till", "Nightly catalogue export"):
        change_answers(page, walk, flow)
    walk.choose(answer("Purchases from the tills", "Is the sending system always connected?", "often offline"))
    walk.choose(answer("Purchases from the tills", SOON, "within minutes"))
    till = page.get_by_role("group", name="Purchases from the tills")
    walk.fill(till.get_by_label("How much busier is the peak than the average?"), "3–10")
    walk.choose(answer("Balance check at the till", SOON, "immediate"))
    export = page.get_by_role("group", name="Nightly catalogue export")
    walk.fill(export.get_by_label("How large is a typical message?"), "50 MB")
    walk.choose(page.get_by_role("group", name="How many independent teams own them?").get_by_label("a few teams"))
    walk.choose(page.get_by_label("Where does it run?"), "aws")


def change_answers(page: Page, walk: Walker, flow: str) -> None:
    """Open a flow's questions on the quick path's second page, which its line of answers folds away."""
    answers = page.get_by_role("group", name=flow).locator("details.example-answers")
    if answers.get_attribute("open") is None:
        walk.press(answers.locator("> summary"))


def open_every_flows_questions(page: Page) -> None:
    """Open every flow's questions on the quick path's second page, as a person changing them does."""
    page.locator("#quick details.example-answers").first.wait_for(state="attached")
    for answers in page.locator("#quick details.example-answers").all():
        if answers.get_attribute("open") is None:
            answers.locator("> summary").click()


def start_from_the_loyalty_example(page: Page, base: str) -> None:
    page.goto(base)
    page.get_by_role("button", name="Start from “Loyalty program + point-of-sale”").click()
    expect(page.locator("#editor")).to_be_visible()


def open_the_examples_answers(page: Page) -> None:
    """Open every line of an example's answers onto its questions, as a person changing them does."""
    for part in page.locator("details.example-answers").all():
        if part.get_attribute("open") is None:
            part.locator("> summary").click()
