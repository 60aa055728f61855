"""Numbers not sure of ("unknown", or a range) on every page and in every download.

How the engine takes them: docs/how-scores-are-made.md, "Not sure".
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from django.test import Client

from advisor.assessments import store
from advisor.assessments.forms import NumberField
from advisor.engine import parse_assessment

pytestmark = pytest.mark.django_db

QUOTES = {
    "name": "Quotes",
    "landscape": {"platform": "aws"},
    "flows": [
        {
            "name": "Generate quote PDF",
            "source": "Portal",
            "consumers": ["PDF service"],
            "interaction": "command",
            "latency": "minutes",
            "volume_per_day": [10_000, 50_000],
            "peak_factor": "unknown",
            "message_size_kb": [2, 64],
        }
    ],
}


@pytest.fixture
def url() -> str:
    return store.create(parse_assessment(QUOTES)).get_absolute_url()


def test_the_results_page_shows_the_range_and_the_doubt_never_a_default(client: Client, url: str) -> None:
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "10,000–50,000" in text
    assert "Span(" not in text
    assert "peaks 1× the average" not in text
    # A unit keeps its capitals inside a sentence.
    assert "message size (KB)" in text
    assert "message size (kb)" not in text


def test_the_json_export_gives_the_answers_back_as_they_were_given(client: Client, url: str) -> None:
    exported = json.loads(client.get(f"{url}assessment.json").content)
    flow = exported["flows"][0]
    assert (flow["volume_per_day"], flow["peak_factor"], flow["message_size_kb"]) == (
        [10_000, 50_000],
        "unknown",
        [2, 64],
    )


def test_the_decision_record_states_the_range_and_what_is_not_sure(client: Client, url: str) -> None:
    records = client.get(f"{url}adr.md").content.decode()
    assert "10,000–50,000 messages a day, peak factor not sure" in records
    assert "Span(" not in records


def test_the_report_prints_the_range_in_the_answers_appendix(client: Client, url: str) -> None:
    pdf = client.get(f"{url}report.pdf")
    if pdf.status_code == 202:
        pytest.fail("the report is rendered in the request when no worker runs")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf.content, capture_output=True, check=True).stdout
    # A narrow column may wrap a range after its dash.
    words = re.sub(r"–\s+", "–", text.decode())
    assert "10,000–50,000" in words
    assert "Span(" not in words


def test_the_editor_shows_the_doubts_as_typed_and_saves_them_back(client: Client) -> None:
    assessment = store.create(parse_assessment(QUOTES))
    page = client.get(f"/assess/{assessment.edit_token}/").content.decode()
    assert 'value="10000–50000"' in page
    assert 'value="not sure"' in page
    assert "Not sure? Type “not sure”, or a range such as 3–10." in page
    assert "Span(" not in page


@pytest.mark.parametrize(
    ("typed", "taken"),
    [("not sure", "unknown"), ("3–10", [3, 10]), ("3 to 10", [3, 10]), ("10k - 50k", [10_000, 50_000]), ("4", 4)],
)
def test_a_number_field_takes_not_sure_and_a_range_as_people_type_them(typed: str, taken: object) -> None:
    assert NumberField(whole=True, doubts=True).to_python(typed) == taken
