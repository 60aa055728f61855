"""A flow no pattern wins clearly is shown as undecided, and a bulk transfer as none of the three (issue 20 item 0)."""

from __future__ import annotations

import subprocess

import pytest
from django.test import Client

from advisor.assessments import store
from advisor.engine import parse_assessment

pytestmark = pytest.mark.django_db

UNSETTLED = {
    "name": "Warehouse",
    # Said, not counted from the names: the stock flow hangs on its two unknowns in a landscape of two systems.
    "landscape": {"systems": 2},
    "flows": [
        {
            "name": "Stock level changed",
            "source": "Warehouse",
            "consumers": ["Shop", "ERP"],
            "interaction": "unknown",
            "latency": "unknown",
        },
        {"name": "Nightly payroll file", "interaction": "command", "latency": "hours", "volume_per_day": 1},
    ],
}


def test_the_results_page_says_what_to_settle_instead_of_a_winner(client: Client) -> None:
    assessment = store.create(parse_assessment(UNSETTLED))
    page = client.get(assessment.get_absolute_url()).content.decode()
    first = page.split('id="flow-0"')[1].split('id="flow-1"')[0]
    assert "Undecided — settle interaction and latency first." in first
    assert "wins by" not in first
    second = page.split('id="flow-1"')[1]
    assert "none of the three patterns fits it" in second
    assert "wins by" not in second.split("<h4>")[0]


def test_the_decision_record_proposes_no_option_until_the_answers_are_settled(client: Client) -> None:
    assessment = store.create(parse_assessment(UNSETTLED))
    records = client.get(f"{assessment.get_absolute_url()}adr.md").content.decode()
    assert "Settle interaction and latency before choosing a pattern for “Stock level changed”" in records
    assert "No option is chosen yet" in records
    assert "Chosen option: “Bulk transfer (batch)”" in records


STOCK_EXPORT = {
    "name": "Retail",
    "landscape": {"systems": 6},
    "flows": [
        {"name": "Order placed", "source": "Web shop", "consumers": ["ERP", "Warehouse"], "interaction": "event"},
        {
            "name": "Nightly stock export",
            "source": "ERP",
            "consumers": ["Web shop"],
            "interaction": "command",
            "latency": "hours",
            "volume_per_day": 1,
            "message_size_kb": "unknown",
        },
    ],
}


def test_a_bulk_transfer_is_named_as_one_wherever_a_pattern_would_be(client: Client) -> None:
    """A new user read "Message queue" on the badge of a flow the page said no pattern fits, a robustness line
    in which the message queue wins, and "the confidence is not lowered" beside "the confidence is low"."""
    assessment = store.create(parse_assessment(STOCK_EXPORT))
    page = client.get(assessment.get_absolute_url()).content.decode()
    card = page.split('id="flow-1"')[1]
    assert '<span class="badge badge-bulk-transfer">Bulk transfer</span>' in card
    assert "badge-message-queue" not in card.split("</h3>")[0]
    assert "wins in 100 %" not in card
    assert "confidence is not lowered" not in card
    assert "it stays a periodic bulk transfer" in card
    verdicts = page.split('<table class="verdicts">')[1].split("</table>")[0]
    assert "<td>Bulk transfer</td><td>low</td><td>—</td>" in verdicts


def test_the_report_names_the_bulk_transfer_in_its_table_and_heading(client: Client) -> None:
    assessment = store.create(parse_assessment(STOCK_EXPORT))
    pdf = client.get(f"{assessment.get_absolute_url()}report.pdf")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf.content, capture_output=True, check=True).stdout.decode()
    words = " ".join(text.split())
    assert "Nightly stock export: Bulk transfer (batch)" in words
    assert "Nightly stock export: Message queue" not in words
    assert "stays message queue" not in words
    assert "grey dash-dot a bulk transfer" in words
