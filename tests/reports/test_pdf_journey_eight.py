"""The PDF as first-time user 7 of issue 23 read it: a nightly file shown as a "command", and an example's answers
that the reader cannot tell from the person's own."""

from __future__ import annotations

import subprocess

import pytest
from django.test import Client

from advisor.assessments import store
from advisor.assessments.models import Assessment
from advisor.engine import parse_assessment
from advisor.engine.presets import USE_CASES
from tests.e2e.retail import RETAIL

from .test_pdf_deliverable import report, section

pytestmark = pytest.mark.django_db


def pdf_words(content: bytes) -> str:
    return subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True).stdout.decode()


def from_the_loyalty_example() -> Assessment:
    """The loyalty example kept as it came, but for the purchases' peak (12, the person's own), with a nightly
    file added."""
    inputs = USE_CASES["loyalty-pos"].assessment
    flows = [dict(flow) for flow in inputs["flows"]]
    flows[1]["peak_factor"] = 12
    flows.append(
        {
            "name": "Nightly catalogue export",
            "source": "ERP",
            "consumers": ["Web shop"],
            "interaction": "command",
            "latency": "hours",
            "volume_per_day": 1,
            "message_size_kb": 51200,
        }
    )
    return store.create(parse_assessment({**inputs, "flows": flows}), example="loyalty-pos")


def test_a_file_or_batch_reads_as_one_in_its_section_and_the_appendix(client: Client) -> None:
    text = pdf_words(report(client, store.create(parse_assessment(RETAIL))))
    flows = section(text, "5. The flows, one by one", "6. Glossary")
    export = flows[flows.find("Catalogue export:") : flows.find("Why", flows.find("Catalogue export:"))]
    assert "file or batch" in export, export
    assert "command" not in export, export
    assert "command: asks one system to do work" in flows  # the tills' purchases stay a command
    appendix = section(text, "7. Appendix: the answers", "8. Appendix")
    assert "file or batch" in appendix, appendix
    assert appendix.count("command") == 1, appendix


def test_an_examples_kept_answers_are_counted_on_page_one_and_marked_in_the_appendix(client: Client) -> None:
    text = pdf_words(report(client, from_the_loyalty_example()))
    summary = " ".join(text[: text.find("In this report")].split())
    # The landscape's systems, teams and platform, the lookup's five answers, the purchases' five but their peak.
    assert "13 answers came from the example “Loyalty program + point-of-sale”" in summary, summary
    appendix = section(text, "7. Appendix: the answers", "8. Appendix")
    assert "a few teams (from the example)" in appendix, appendix
    assert "8× (from the example)" in appendix, appendix
    assert "12×" in appendix, appendix
    assert "12× (from the example)" not in appendix, appendix
    assert appendix.count("(from the example)") == 13, appendix
