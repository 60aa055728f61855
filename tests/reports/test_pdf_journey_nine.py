"""The PDF as first-time user 8 of issue 23 read it: "assessment version 2" after their first save (the example had
been saved once before it), and a 50 MB file's size as "51,200" under "Message size (KB)"."""

from __future__ import annotations

import pytest
from django.test import Client

from advisor.assessments import store
from advisor.assessments.presentation import results_view
from advisor.engine import parse_assessment, recommend
from tests.e2e.retail import RETAIL

from .test_pdf_deliverable import report, section
from .test_pdf_journey_eight import pdf_words

pytestmark = pytest.mark.django_db


def test_the_first_line_says_when_it_was_saved_not_a_version_number(client: Client) -> None:
    assessment = store.create(parse_assessment(RETAIL))
    store.update(assessment, parse_assessment(RETAIL), assessment.version)
    assessment.refresh_from_db()
    first = pdf_words(report(client, assessment)).splitlines()[0]
    assert "version 2" not in first, first
    assert f"saved {assessment.updated:%-d %B %Y}" in first, first


def test_the_appendix_gives_a_size_with_its_unit(client: Client) -> None:
    text = pdf_words(report(client, store.create(parse_assessment(RETAIL))))
    appendix = " ".join(section(text, "7. Appendix: the answers", "8. Appendix").split())
    assert "Message size (KB)" not in appendix, appendix
    assert "50 MB" in appendix, appendix
    assert "51,200" not in appendix, appendix


@pytest.mark.parametrize(
    ("weights", "said"),
    [
        ({}, "All factors weigh 1."),
        (dict.fromkeys(("complexity", "data_volume"), 1.0), "All factors weigh 1."),
        ({"complexity": 2.0, "error_handling": 1.5}, "Complexity: 2; Error handling: 1.5."),
    ],
)
def test_weights_of_one_each_read_as_the_weights_left_out_do(weights: dict[str, float], said: str) -> None:
    """First-time user 9 of issue 23 read "Complexity: 1.0; …" in an example's PDF, "All factors weigh 1." in theirs."""
    assessment = parse_assessment({**RETAIL, "weights": weights})
    assert results_view(assessment, recommend(assessment)).weights_said == said


def test_a_range_is_said_to_be_one_on_the_card_and_in_the_pdf_as_the_reasons_say_it(client: Client) -> None:
    """First-time user 10 of issue 23 typed peaks 3–10 and read "You were not sure about peak factor" on the card
    and "Not sure: peak factor" in the PDF, beside the reasons' "You gave peak factor (a range, 3–10×)"."""
    flows = [dict(flow) for flow in RETAIL["flows"]]
    flows[1]["peak_factor"] = [3, 10]
    flows[2]["delivery"] = "unknown"
    assessment = store.create(parse_assessment({**RETAIL, "flows": flows}))
    page = " ".join(client.get(assessment.get_absolute_url()).content.decode().split())
    assert "<p>You gave peak factor (a range, 3–10×). Over their plausible answers" in page
    assert "<p>You were not sure about delivery. Over their plausible answers" in page
    flows_section = " ".join(section(pdf_words(report(client, assessment)), "5. The flows", "6. Glossary").split())
    assert "You gave peak factor (a range, 3–10×)." in flows_section, flows_section
    assert "Not sure: peak factor" not in flows_section, flows_section
    assert "You were not sure about delivery." in flows_section, flows_section
