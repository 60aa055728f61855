"""Item 3 of issue 23 in the PDF and the decision record: whole points, margins from the scores shown."""

from __future__ import annotations

import re
import subprocess

import pytest
from django.test import Client

from tests.conftest import TILLS, make_assessment

pytestmark = pytest.mark.django_db


def test_the_pdf_shows_whole_scores_and_margins_taken_from_them(client: Client) -> None:
    assessment = make_assessment(**TILLS)
    content = client.get(f"/r/{assessment.view_token}/report.pdf").content
    text = subprocess.run(["pdftotext", "-", "-"], input=content, capture_output=True, check=True).stdout.decode()
    flat = " ".join(text.split())
    wins = re.findall(r"Wins by (\d+) points?", flat)
    assert len(wins) == 2, flat
    assert not re.search(r"\b\d+\.\d points", flat)
    for flow, margin in zip(assessment.result["flows"], wins, strict=True):
        shown = sorted((int(s + 0.5) for s in flow["scores"].values()), reverse=True)
        assert int(margin) == shown[0] - shown[1]


def test_the_decision_record_shows_whole_scores_and_the_margin_between_them(client: Client) -> None:
    assessment = make_assessment(**TILLS)
    record = client.get(f"/r/{assessment.view_token}/adr.md").content.decode()
    options = [int(n) for n in re.findall(r"\((\d+) points\)", record)]
    assert len(options) == 6, record
    chosen = re.findall(r"scores (\d+) points and wins by (\d+) points", record)
    assert len(chosen) == 2, record
    for n, (score, margin) in enumerate(chosen):
        flow_options = sorted(options[3 * n : 3 * n + 3], reverse=True)
        assert int(score) == flow_options[0]
        assert int(margin) == flow_options[0] - flow_options[1]
    assert not re.search(r"\d\.\d points", record)
