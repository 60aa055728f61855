"""The PDF as first-time user 8 of issue 23 read it: "assessment version 2" after their first save (the example had
been saved once before it), and answers listed as left out and assumed that nobody was asked."""

from __future__ import annotations

import pytest
from django.test import Client

from advisor.assessments import store
from advisor.engine import parse_assessment
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


def test_the_left_out_table_lists_no_answer_the_flows_kind_is_not_asked(client: Client) -> None:
    text = pdf_words(report(client, store.create(parse_assessment(RETAIL))))
    left_out = " ".join(section(text, "Left out, so taken at their usual value", "5. The flows, one by one").split())
    # A nightly file is not asked its peak, and tills sending a command are not asked what kind of sender they are.
    peak = left_out[left_out.find("Peak factor") : left_out.find("Delivery")]
    assert "Order placed" in peak, peak
    assert "Catalogue export" not in peak, peak
    sender_kind = left_out[left_out.find("Sender kind") : left_out.find("Business transaction")]
    assert "Order placed" in sender_kind, sender_kind
    assert "Purchases from the tills" not in sender_kind, sender_kind


def test_the_appendix_gives_a_size_with_its_unit(client: Client) -> None:
    text = pdf_words(report(client, store.create(parse_assessment(RETAIL))))
    appendix = " ".join(section(text, "7. Appendix: the answers", "8. Appendix").split())
    assert "Message size (KB)" not in appendix, appendix
    assert "50 MB" in appendix, appendix
    assert "51,200" not in appendix, appendix
