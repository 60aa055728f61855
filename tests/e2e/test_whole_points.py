"""Item 3 of issue 23: one card, one set of numbers — whole points, every difference taken from them."""

from __future__ import annotations

import re
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.conftest import DOUBTS, TILLS, make_assessment

from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)
AXE = Axe()


def read_card(page: Page, index: int) -> dict[str, Any]:
    card = page.locator(f"#flow-{index}")
    wins = " ".join(card.locator("p:has(a[href='#term-margin'])").text_content().split())
    scores = [int(s) for s in card.locator(".score-value").all_text_contents()]
    table = card.locator("table")
    head = [c.strip() for c in table.locator("thead th").all_text_contents()][2:]
    rows = [[c.strip() for c in row.locator("td").all_text_contents()][1:] for row in table.locator("tbody tr").all()]
    reasons = card.locator("h4:has-text('Why') + ul li").all_text_contents()
    return {"wins": wins, "scores": scores, "head": head, "rows": rows, "reasons": reasons}


@pytest.mark.parametrize("body", [TILLS, DOUBTS], ids=["tills", "doubts"])
def test_every_number_on_a_flow_card_is_whole_and_each_difference_comes_from_the_numbers_shown(
    page: Page, live_server: Any, body: dict[str, Any]
) -> None:
    assessment = make_assessment(**body)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + assessment.get_absolute_url())
    for index in range(len(body["flows"])):
        card = read_card(page, index)
        top, second = sorted(card["scores"], reverse=True)[:2]
        margin = re.search(r"wins by (\d+) points?|wins by less than 1 point", card["wins"])
        assert margin, repr(card["wins"])
        assert int(margin[1] or 0) == top - second, card
        # The table's columns are the patterns best first; each column's whole points add up to its score.
        *factors, total = card["rows"]
        assert [int(t) for t in total] == sorted(card["scores"], reverse=True)
        for column in range(3):
            assert sum(int(row[column]) for row in factors) == int(total[column]), card
        for reason in card["reasons"]:
            assert not re.search(r"\d\.\d", reason), reason
            lead = re.search(r"leads .+? by (\d+) points", reason)
            if lead:
                assert int(lead[1]) == top - second, reason
    screenshot(page, f"whole-points-{body.get('name', 'doubts').split()[0].lower()}-1280")
    assert AXE.run(page).violations_count == 0
