"""A flow no pattern wins clearly is shown as undecided, and a bulk transfer as none of the three (issue 20 item 0)."""

from __future__ import annotations

import pytest
from django.test import Client

from advisor.assessments import store
from advisor.engine import parse_assessment

pytestmark = pytest.mark.django_db

UNSETTLED = {
    "name": "Warehouse",
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
