"""Odd but valid text (quotes, other scripts) prints as typed; bidirectional controls are refused by name."""

from __future__ import annotations

import json
import subprocess
from typing import Any

import pytest
from django.test import Client

from advisor.assessments.models import Assessment
from advisor.reports import contents as report_contents
from tests.assessments.forms import editor_post
from tests.conftest import SHOP, make_assessment
from tests.reports.test_pdf import pdf_text, report_words

pytestmark = pytest.mark.django_db
OVERRIDE = "\u202e"  # RIGHT-TO-LEFT OVERRIDE


@pytest.mark.parametrize(
    "control", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
)
@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda body, c: body | {"name": f"Shop {c}and CRM"}, "name"),
        (lambda body, c: body | {"flows": [body["flows"][0] | {"name": f"Lookup{c}"}]}, "flows[0].name"),
        (lambda body, c: body | {"flows": [body["flows"][0] | {"source": f"{c}Shop"}]}, "flows[0].source"),
        (
            lambda body, c: body | {"flows": [body["flows"][0] | {"consumers": ["CRM", f"E{c}mail"]}]},
            "flows[0].consumers[1]",
        ),
    ],
)
def test_the_api_refuses_bidirectional_controls_naming_the_field(
    client: Client, control: str, change: object, field: str
) -> None:
    body = change(SHOP, control)  # type: ignore[operator]
    response = client.post("/api/v1/recommendations", json.dumps(body), content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": field, "message": "must not contain bidirectional controls (U+202A to U+202E, U+2066 to U+2069)"}
    ]


def test_right_to_left_names_with_their_marks_are_accepted(client: Client) -> None:
    body = SHOP | {"name": "\u05d7\u05e0\u05d5\u05ea \u200f(CRM)\u200f"}
    assert client.post("/api/v1/recommendations", json.dumps(body), content_type="application/json").status_code == 200


def test_the_editor_refuses_an_override_beside_the_field_and_keeps_the_input(
    client: Client, assessment: Assessment
) -> None:
    response = client.post(
        assessment.edit_url, editor_post(assessment, **{"flow-0-name": f"gnissecorp {OVERRIDE}", "action": "save"})
    )
    assert response.status_code == 422
    page = response.content.decode()
    assert "must not contain bidirectional controls" in page
    assert f'value="gnissecorp {OVERRIDE}"' in page
    assessment.refresh_from_db()
    assert assessment.version == 1


def test_a_quote_in_a_name_prints_as_a_quote_in_the_pdfs_charts(client: Client) -> None:
    # System names label the landscape diagram, which plotly draws.
    flows = [dict(flow, source='"Web" shop') for flow in SHOP["flows"]]
    assessment = make_assessment(flows=flows)
    _, text = pdf_text(client.get(f"/r/{assessment.view_token}/report.pdf").content)
    assert '"Web" shop' in text
    assert "&quot;" not in text
    assert "&#34;" not in text


def test_chinese_and_devanagari_names_print_in_fonts_that_have_them(client: Client) -> None:
    flows = [
        dict(SHOP["flows"][0], name="客户查询", consumers=["顧客管理"]),
        dict(SHOP["flows"][1], name="ग्राहक ऑर्डर", consumers=["भुगतान", "ईमेल", "विश्लेषण"]),
    ]
    assessment = make_assessment(name="商店 और CRM", flows=flows)
    content = client.get(f"/r/{assessment.view_token}/report.pdf").content
    fonts = subprocess.run(["pdffonts", "-"], input=content, capture_output=True, check=True).stdout.decode()
    assert "CJK" in fonts
    assert "Lohit-Devanagari" in fonts
    _, text = pdf_text(content)
    assert "客户查询" in text


EMOJI = "😀🚀🎉👍🏽🇩🇪"


def in_emoji(length: int, start: int = 0) -> str:
    return "".join(EMOJI[(start + i) % len(EMOJI)] for i in range(length))


def largest_in_emoji() -> dict[str, Any]:
    """The most validation lets through, every name in emoji (tests/reports/test_pdf.py's largest_assessment)."""
    return {
        "name": in_emoji(120),
        "landscape": {"systems": 500},
        "flows": [
            {
                "name": f"{f:02d} " + in_emoji(117, f),
                "source": f"{f:02d} " + in_emoji(77, f),
                "consumers": [f"{f:02d}-{c:02d} " + in_emoji(74, c) for c in range(50)],
                "interaction": "event",
            }
            for f in range(50)
        ],
    }


def test_the_largest_valid_assessment_in_emoji_prints_runs_of_them_as_a_stand_in() -> None:
    """Each pictograph costs WeasyPrint a font fallback: unbounded, this report cost 98 s where the ASCII one
    cost 72 s. `make bench` prints its cost as a multiple of the shop's report."""
    text = report_words(report_contents.report_context(make_assessment(**largest_in_emoji())))
    assert "[emoji]" in text


def test_a_few_emoji_print_as_they_are(client: Client) -> None:
    assessment = make_assessment(flows=[dict(SHOP["flows"][1], name="Order placed 🛒")])
    _, text = pdf_text(client.get(f"/r/{assessment.view_token}/report.pdf").content)
    assert "[emoji]" not in text
