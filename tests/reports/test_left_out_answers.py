"""The report's "left out, so taken at their usual value" lists only answers a flow of its kind is asked: user 8
of issue 23 read "sender kind: a back-end service" for tills sending a command, and a nightly file's peak "1×",
neither of which the quick path asks."""

from __future__ import annotations

from advisor.engine import parse_assessment
from advisor.reports.deliverable import left_out
from tests.e2e.retail import RETAIL


def left_out_of(flow: str) -> set[str]:
    return {entry.field for entry in left_out(parse_assessment(RETAIL)) if flow in entry.flows}


def test_a_commands_sender_kind_and_a_files_peak_are_not_listed_as_assumed() -> None:
    assert "source_kind" not in left_out_of("Purchases from the tills")
    assert "peak_factor" not in left_out_of("Catalogue export")
    assert "freshness" not in left_out_of("Order placed")


def test_what_a_flow_of_its_kind_is_asked_and_left_out_is_still_listed() -> None:
    # The order's delivery and the till purchases' ordering are asked of an event and a command: still assumed.
    assert "delivery" in left_out_of("Order placed")
    assert "ordering" in left_out_of("Purchases from the tills")
    assert "source_kind" in left_out_of("Order placed")
