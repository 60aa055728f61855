"""Item 6 of issue 23: the PDF links back, lists every answer, says what each open answer would change,
and does not hyphenate short words in its tables."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from advisor.assessments.models import Assessment
from advisor.reports.deliverable import open_decisions
from tests.conftest import make_assessment

pytestmark = pytest.mark.django_db
PAGES = Path(__file__).resolve().parents[2] / "test-results" / "pdf-pages"

# Tills that go offline, unsure of five answers; only some of them can change a winner.
UNSURE_TILLS: dict[str, Any] = {
    "name": "Tills unsure",
    "landscape": {"systems": 6, "platform": "aws", "teams": "unknown"},
    "flows": [
        {
            "name": "Sales from the tills",
            "source": "Tills",
            "consumers": ["ERP"],
            "interaction": "command",
            "latency": "unknown",
            "consumer_availability": "unknown",
            "source_availability": "often_offline",
            "delivery": "unknown",
            "ordering": "unknown",
            "message_size_kb": 12,
            "replay": "yes",
            "consumer_kind": "service",
        },
        {
            "name": "Price changes to the tills",
            "source": "ERP",
            "consumers": ["Tills", "Shop", "Analytics"],
            "interaction": "event",
            "consumer_kind": "device",
        },
    ],
}


def pdf_of(client: Client, assessment: Assessment) -> bytes:
    response = client.get(f"/r/{assessment.view_token}/report.pdf")
    assert response.status_code == 200
    return bytes(response.content)


def text_of(content: bytes, *args: str) -> str:
    return subprocess.run(
        ["pdftotext", *args, "-", "-"], input=content, capture_output=True, check=True
    ).stdout.decode()


def test_the_report_links_back_to_the_online_results(client: Client, settings: Any) -> None:
    settings.PUBLIC_URL = "https://advisor.example.com"
    assessment = make_assessment(**UNSURE_TILLS)
    content = pdf_of(client, assessment)
    first_page = " ".join(text_of(content, "-l", "1").split())
    assert f"Online results: https://advisor.example.com/r/{assessment.view_token}/" in first_page
    links = subprocess.run(["pdfinfo", "-url", "-"], input=content, capture_output=True, check=True).stdout.decode()
    assert f"https://advisor.example.com/r/{assessment.view_token}/" in links


def test_the_answers_appendix_lists_every_answer_of_every_flow(client: Client) -> None:
    content = pdf_of(client, make_assessment(**UNSURE_TILLS))
    appendix = " ".join(text_of(content)[text_of(content).rfind("7. Appendix") :].split())
    for heading in ["Source", "Consumers", "Sender availability", "Receiver kind", "Message size", "Replay"]:
        assert heading in appendix.replace("‐ ", "").replace("- ", ""), heading
    for answer in ["Tills", "ERP", "Tills, Shop, Analytics", "often offline", "device", "12"]:
        assert answer in appendix, answer


def test_each_open_answer_says_what_it_would_change(client: Client) -> None:
    assessment = make_assessment(**UNSURE_TILLS)
    decisions = open_decisions(assessment.recommendation(), assessment.answers())
    sales = {d.field: [c for c in d.consequences if c.startswith("Sales from the tills:")] for d in decisions}
    assert sorted(sales) == ["consumer_availability", "delivery", "latency", "ordering", "teams"]
    said = [sentence for sentences in sales.values() for sentence in sentences]
    assert len(set(said)) == len(said), "each answer says its own consequence"
    for decision in decisions:
        for sentence in decision.consequences:
            if sentence in sales[decision.field]:
                changes = re.search(
                    r"if it is “[^”]+”(?: or “[^”]+”)*, (point-to-point|message queue|event-driven)", sentence
                )
                holds = re.search(r"no value of it alone changes .+, which then wins in \d+ % if it is “", sentence)
                assert changes if decision.decisive else holds, sentence
    text = " ".join(text_of(pdf_of(client, assessment)).replace("\u2010\n", "").split())
    section = text[text.rfind("4. Decisions still needed") : text.rfind("5. The flows, one by one")]
    assert "What settling it would change" in section
    for sentence in said:
        assert sentence in section, sentence


def test_table_cells_do_not_hyphenate_short_words_and_the_pages_render(client: Client) -> None:
    content = pdf_of(client, make_assessment(**UNSURE_TILLS))
    raw = text_of(content)
    broken = re.findall(r"\b(\w{1,4})[-\u2010]\n(\w+)", raw)
    assert [a + b for a, b in broken if len(a + b) < 10] == []
    PAGES.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-", str(PAGES / "unsure-tills")], input=content, check=True)
    assert len(list(PAGES.glob("unsure-tills-*.png"))) >= 4
