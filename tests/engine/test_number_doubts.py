"""Numbers the person is not sure of: "unknown", or a range [low, high] (docs/how-scores-are-made.md, "Not sure").

Messages per day, peak factor and message size are scored over their plausible values, as an unknown choice
is; no sentence states one of those values as what the person said, and sizing says what it was worked out for.
"""

from __future__ import annotations

from typing import Any

import pytest

from advisor.engine import InvalidAssessment, assessment_to_dict, parse_assessment, recommend
from advisor.engine.model import FlowResult, Span

NUMBERS = ("volume_per_day", "peak_factor", "message_size_kb")


def _flow(**answers: Any) -> dict[str, Any]:
    return {"name": "Generate quote PDF", "interaction": "command", "consumers": ["PDF service"], **answers}


def _result(landscape: dict[str, Any] | None = None, **answers: Any) -> FlowResult:
    return recommend(parse_assessment({"landscape": landscape or {}, "flows": [_flow(**answers)]})).flows[0]


@pytest.mark.parametrize("answer", NUMBERS)
@pytest.mark.parametrize("value", ["unknown", [2, 20]])
def test_each_number_takes_unknown_or_a_range_and_gives_it_back(answer: str, value: object) -> None:
    assessment = parse_assessment({"flows": [_flow(**{answer: value})]})
    assert isinstance(getattr(assessment.flows[0], answer), Span)
    assert assessment_to_dict(assessment)["flows"][0][answer] == value
    assert answer in recommend(assessment).flows[0].unknowns


def test_a_range_whose_ends_agree_is_that_number() -> None:
    assert parse_assessment({"flows": [_flow(peak_factor=[4, 4])]}).flows[0].peak_factor == 4


@pytest.mark.parametrize(
    ("value", "field", "words"),
    [
        ([10, 3], "flows[0].peak_factor", "a range goes from low to high, not from 10 down to 3"),
        ([3], "flows[0].peak_factor", "a range must be two numbers [low, high], not [3]"),
        ([3, 20_000], "flows[0].peak_factor[1]", "must be from 1 to 10,000, not 20,000"),
        ([3, "x"], "flows[0].peak_factor[1]", "must be a number from 1 to 10,000, not 'x'"),
        ("often", "flows[0].peak_factor", 'must be a number from 1 to 10,000, "unknown" or a range [low, high]'),
    ],
)
def test_a_wrong_range_is_refused_naming_the_field(value: object, field: str, words: str) -> None:
    with pytest.raises(InvalidAssessment) as refused:
        parse_assessment({"flows": [_flow(peak_factor=value)]})
    assert [(e.field, e.message.startswith(words)) for e in refused.value.errors] == [(field, True)]


def test_a_range_is_scored_over_its_values_and_reported_as_a_doubt() -> None:
    # Quiet at the low end, busy at the top: the range is what is not known.
    narrow = _result(peak_factor=[1, 1.5], latency="seconds", consumer_availability="always", delivery="no_loss")
    wide = _result(peak_factor=[1, 100], latency="seconds", consumer_availability="always", delivery="no_loss")
    assert narrow.robustness != wide.robustness or narrow.scores != wide.scores
    assert "peak_factor" in wide.unknowns


def test_a_peak_range_is_said_as_a_range_never_as_one_value() -> None:
    result = _result(volume_per_day=[10_000, 50_000], peak_factor=[3, 10], latency="minutes", message_size_kb=3)
    said = " ".join(result.reasons)
    assert "Peaks may reach 10× (the range given is 3–10×)" in said
    assert "10,000–50,000 a day" in said or "messages per day" in said
    assert "Peaks reach 3×" not in said
    assert "Peaks reach 10×" not in said


def test_an_unknown_peak_is_never_said_as_its_default() -> None:
    result = _result(volume_per_day=10_000, peak_factor="unknown", consumer_availability="unknown")
    said = " ".join(result.reasons)
    assert "peak factor" in said
    assert "peaks 1×" not in said
    assert "Peaks reach" not in said
    assert result.robustness[result.pattern] < 1


def test_sizing_is_for_the_top_of_a_range_and_says_so() -> None:
    result = _result({"platform": "aws"}, volume_per_day=[10_000, 50_000], peak_factor=[3, 10], latency="minutes")
    sized = [t.sizing for t in result.technologies if t.sizing is not None]
    assert sized
    assert all(s.peak_per_second == round(50_000 / 86_400 * 10, 3) for s in sized)
    assert all(s.summary.startswith("Sized for the top of the range, 50,000 a day") for s in sized)


def test_sizing_for_an_unknown_volume_says_what_it_assumed() -> None:
    # Six systems: in two, a low volume due within minutes would be a direct call (rule 4, R4.1), and the flow
    # would be undecided between no broker and one.
    result = _result({"platform": "aws", "systems": 6}, volume_per_day="unknown", latency="minutes")
    sized = [t.sizing for t in result.technologies if t.sizing is not None]
    assert sized
    assert all(
        "1,000 a day (messages per day not sure)" in s.summary and "size again once known" in s.summary for s in sized
    )


def test_a_range_that_decides_the_pattern_says_which_end_would_change_it() -> None:
    # 50,000 messages a day to one always-available consumer: peaks of 30× ask for a buffer, steady traffic does not.
    answers = {"volume_per_day": 50_000, "latency": "seconds", "delivery": "no_loss", "consumer_availability": "always"}
    result = _result({"systems": 3, "change_rate": "rare"}, peak_factor=[1, 30], **answers)
    assert result.pattern == "point_to_point"
    assert result.robustness["message_queue"] > 0
    assert result.reasons[-1].endswith("It would be the message queue if peak factor is 30×.")
    top = _result({"systems": 3, "change_rate": "rare"}, peak_factor=30, **answers)
    assert top.pattern == "message_queue"


def test_no_premise_holds_on_a_range() -> None:
    # A nightly file is a bulk transfer when its count is known; with the count a range, the rule's sentence
    # (which quotes the count) is not said.
    known = _result(volume_per_day=1, latency="hours")
    ranged = _result(volume_per_day=[1, 2_000], latency="hours")
    assert known.approach == "bulk_transfer"
    assert ranged.approach != "bulk_transfer"
    assert not any("a periodic bulk transfer" in r for r in ranged.reasons)
