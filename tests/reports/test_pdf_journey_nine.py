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
