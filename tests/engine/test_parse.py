"""Validation: every wrong field is named, nothing is silently ignored."""

from __future__ import annotations

from typing import Any

import pytest

from advisor.engine import InvalidAssessment, parse_assessment
from advisor.engine.catalog import FACTOR_IDS
from advisor.engine.parse import MAX_FLOWS

FLOW = {"name": "Order placed", "interaction": "event"}


def fields_in_error(raw: Any) -> dict[str, str]:
    with pytest.raises(InvalidAssessment) as caught:
        parse_assessment(raw)
    return {e.field: e.message for e in caught.value.errors}


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        ([], "body"),
        ({"flows": [FLOW], "extra": 1}, "extra"),
        ({"flows": []}, "flows"),
        ({"flows": [FLOW] * (MAX_FLOWS + 1)}, "flows"),
        ({}, "flows"),
        ({"flows": "x"}, "flows"),
        ({"flows": [FLOW], "landscape": {"systems": 1}}, "landscape.systems"),
        ({"flows": [FLOW], "landscape": {"systems": 501}}, "landscape.systems"),
        ({"flows": [FLOW], "landscape": {"systems": "ten"}}, "landscape.systems"),
        ({"flows": [FLOW], "landscape": {"systems": True}}, "landscape.systems"),
        ({"flows": [FLOW], "landscape": {"platfrom": "aws"}}, "landscape.platfrom"),
        ({"flows": [FLOW], "landscape": {"platform": "oracle"}}, "landscape.platform"),
        ({"flows": [{"interaction": "event"}]}, "flows[0].name"),
        ({"flows": [{"name": " ", "interaction": "event"}]}, "flows[0].name"),
        ({"flows": [{"name": "x" * 121, "interaction": "event"}]}, "flows[0].name"),
        ({"flows": [{"name": "a"}]}, "flows[0].interaction"),
        ({"flows": [{**FLOW, "latency": "fast"}]}, "flows[0].latency"),
        ({"flows": [{**FLOW, "volume_per_day": -1}]}, "flows[0].volume_per_day"),
        ({"flows": [{**FLOW, "volume_per_day": 10**11 + 1}]}, "flows[0].volume_per_day"),
        ({"flows": [{**FLOW, "peak_factor": 0.5}]}, "flows[0].peak_factor"),
        ({"flows": [{**FLOW, "peak_factor": float("nan")}]}, "flows[0].peak_factor"),
        ({"flows": [{**FLOW, "consumers": []}]}, "flows[0].consumers"),
        ({"flows": [{**FLOW, "consumers": ["a"] * 51}]}, "flows[0].consumers"),
        ({"flows": [{**FLOW, "consumers": ["a", ""]}]}, "flows[0].consumers[1]"),
        ({"flows": [{**FLOW, "consumers": ["a", "b" * 81]}]}, "flows[0].consumers[1]"),
        ({"flows": [{**FLOW, "consumers": ["CRM", "Shop", "crm"]}]}, "flows[0].consumers[2]"),
        ({"flows": [{**FLOW, "source": "s" * 81}]}, "flows[0].source"),
        ({"flows": [{**FLOW, "name": "bad\x00name"}]}, "flows[0].name"),
        ({"flows": [{**FLOW, "source": "\ud800"}]}, "flows[0].source"),
        ({"flows": [FLOW], "name": "\x1b[31m"}, "name"),
        ({"flows": [{**FLOW, "source_availability": "sometimes"}]}, "flows[0].source_availability"),
        ({"flows": [{**FLOW, "consumer_kind": "robot"}]}, "flows[0].consumer_kind"),
        ({"flows": [{**FLOW, "message_size_kb": 0.05}]}, "flows[0].message_size_kb"),
        ({"flows": [{**FLOW, "message_size_kb": 1_048_577}]}, "flows[0].message_size_kb"),
        ({"flows": [{**FLOW, "replay": True}]}, "flows[0].replay"),
        ({"flows": [{**FLOW, "colour": "red"}]}, "flows[0].colour"),
        ({"flows": [FLOW], "weights": {"speed": 1}}, "weights.speed"),
        ({"flows": [FLOW], "weights": {"real_time": 4}}, "weights.real_time"),
        (
            {
                "flows": [FLOW],
                "weights": {f: 0 for f in FACTOR_IDS},
            },
            "weights",
        ),
    ],
)
def test_it_names_the_offending_field(raw: Any, field: str) -> None:
    assert field in fields_in_error(raw)


def test_it_reports_every_wrong_field_at_once() -> None:
    errors = fields_in_error(
        {"flows": [{**FLOW, "latency": "x"}, {"name": "b", "interaction": "y"}], "landscape": {"teams": 3}}
    )
    assert set(errors) == {"flows[0].latency", "flows[1].interaction", "landscape.teams"}


def test_unknown_is_accepted_for_every_choice() -> None:
    assessment = parse_assessment(
        {"flows": [{**FLOW, "latency": "unknown", "interaction": "unknown"}], "landscape": {"platform": "unknown"}}
    )
    assert assessment.flows[0].latency == "unknown"
    assert assessment.landscape.platform == "unknown"


def test_omitted_fields_take_their_defaults() -> None:
    flow = parse_assessment({"flows": [FLOW]}).flows[0]
    assert (flow.latency, flow.volume_per_day, flow.delivery, flow.consumers) == (
        "seconds",
        1000,
        "no_loss",
        ("consumer",),
    )


def test_a_repeated_consumer_is_refused_whatever_its_case() -> None:
    errors = fields_in_error({"flows": [{**FLOW, "consumers": ["CRM", "Shop", "crm"]}]})
    assert errors["flows[0].consumers[2]"] == "names crm again (already consumer 1): name each once"


def test_the_new_answers_are_optional_and_take_their_defaults() -> None:
    flow = parse_assessment({"flows": [FLOW]}).flows[0]
    assert (flow.source_availability, flow.consumer_kind, flow.message_size_kb, flow.replay) == (
        "always",
        "service",
        4,
        "no",
    )


def test_limits_are_written_as_people_write_numbers() -> None:
    errors = fields_in_error({"flows": [{**FLOW, "message_size_kb": 2_000_000}]})
    assert errors["flows[0].message_size_kb"] == "must be from 0.1 to 1,048,576, not 2,000,000"
