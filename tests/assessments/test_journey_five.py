"""Issue 23, user 5, in the forms and the results' shapes: a size typed with its unit, a file row, a summary
that would only repeat the headline, and the factor profile's bulk and undecided flows."""

from __future__ import annotations

import dataclasses

import pytest

from advisor import charts
from advisor.assessments.forms import SizeField
from advisor.assessments.presentation import ResultsView
from advisor.engine import parse_assessment, recommend
from tests.e2e.retail import RETAIL


@pytest.mark.parametrize(
    ("typed", "kb"),
    [
        ("50 MB", 51200),
        ("50MB", 51200),
        ("1 GB", 1048576),
        ("300 KB", 300),
        ("300", 300),
        ("1.5 MB", 1536),
        ("0.5 kb", 0.5),
        ("2 GiB", 2097152),
        ("1–5 MB", [1024, 5120]),
        ("512 KB – 2 MB", [512, 2048]),
        ("not sure", "unknown"),
        ("50 XB", "50 XB"),
        ("fifty", "fifty"),
    ],
)
def test_a_size_is_read_with_its_unit_in_kb(typed: str, kb: object) -> None:
    assert SizeField(whole=False, doubts=True).to_python(typed) == kb


@pytest.mark.parametrize(("kb", "shown"), [(51200, "50 MB"), (1048576, "1 GB"), (300, "300 KB"), (1536, "1536 KB")])
def test_a_size_is_shown_back_in_the_unit_that_reads_whole(kb: int, shown: str) -> None:
    assert SizeField(whole=False, doubts=True).prepare_value(kb) == shown


def test_the_summary_is_left_out_when_it_says_the_headline_again() -> None:
    assessment = parse_assessment(RETAIL)
    view = ResultsView(assessment, recommend(assessment))
    assert view.recommendation.summary.startswith("A combination across 4 flows")
    assert view.summary == ""
    # A summary that says more than the mix (that flows lean, with low confidence) stays.
    leaning = "All 4 flows fit a message queue, 2 of them with low confidence."
    more = ResultsView(assessment, dataclasses.replace(view.recommendation, summary=leaning))
    assert more.summary == leaning


def test_the_factor_profile_draws_bulk_and_undecided_flows_apart_with_a_legend_entry_each() -> None:
    results = list(recommend(parse_assessment(RETAIL)).flows)
    results[0] = dataclasses.replace(results[0], decided=False)
    figure = charts.factor_profile(results)
    styles = {trace["name"]: trace["marker"]["symbol"] for trace in figure["data"]}
    assert styles["Bulk transfer"] == "triangle-up"
    assert styles["Undecided"] == "circle-open"
    assert len(set(styles.values())) == len(styles) == 4
