"""The reasons quote the default scenario's outage; its closed forms agree with the simulation's default outcome."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.engine import parse_assessment, recommend
from advisor.engine.catalog import MESSAGE_QUEUE, POINT_TO_POINT
from advisor.engine.choices import Availability, Interaction
from advisor.engine.model import Flow, FlowResult, Span
from advisor.engine.presets import USE_CASES
from advisor.engine.simulation import Simulation, default_outcome, simulate
from advisor.engine.traffic import OutageQuote, outage_quote
from advisor.engine.wording import about, duration
from tests.conftest import TILLS

PRESET_FLOWS = [(slug, index) for slug, case in USE_CASES.items() for index in range(len(case.assessment["flows"]))]
AWAY = (Availability.MAINTENANCE_WINDOWS, Availability.OFTEN_OFFLINE, Availability.UNKNOWN)
QUOTED = re.compile(r"point-to-point loses ([\w ,]+?) calls.*a queue holds them and drains in ([\w ]+?) once")


def quoted(result: FlowResult) -> list[str]:
    return [reason for reason in result.reasons if reason.startswith("During a ")]


def quote_of(flow: Flow) -> OutageQuote | None:
    volume, peak = flow.volume_per_day, flow.peak_factor
    assert not isinstance(volume, Span)
    assert not isinstance(peak, Span)
    return outage_quote(volume, peak, len(flow.consumers), flow.consumer_availability)


def assert_agrees(quote: OutageQuote, simulation: Simulation) -> None:
    direct, queue = simulation.patterns[POINT_TO_POINT], simulation.patterns[MESSAGE_QUEUE]
    assert (quote.outage,) == simulation.scenario.outages
    assert quote.retries == simulation.scenario.retry_attempts
    assert quote.lost == pytest.approx(direct.lost, rel=1e-6, abs=1e-6)
    assert quote.held == pytest.approx(queue.max_backlog, rel=1e-6, abs=1e-6)
    assert queue.lost == 0
    if queue.drain_minutes is None:
        # Nothing arrived while the consumers were down (a peaked day's empty night): nothing to drain.
        assert quote.drain_minutes is None
    else:
        assert quote.drain_minutes == pytest.approx(queue.drain_minutes, rel=1e-6, abs=1e-6)


@settings(max_examples=300, deadline=None)
@given(
    volume=st.integers(1, 10**9),
    peak=st.one_of(st.sampled_from([1, 2, 2.5, 2.7, 3, 4, 8, 20]), st.floats(1, 10_000)),
    consumers=st.integers(1, 6),
    availability=st.sampled_from(AWAY),
)
def test_the_closed_forms_agree_with_the_default_scenario_simulated(
    volume: int, peak: float, consumers: int, availability: Availability
) -> None:
    flow = Flow(
        name="Orders",
        interaction=Interaction.COMMAND,
        volume_per_day=volume,
        peak_factor=peak,
        consumers=tuple(f"System {n}" for n in range(consumers)),
        consumer_availability=availability,
    )
    quote = quote_of(flow)
    assert quote is not None
    assert_agrees(quote, simulate(flow))


@pytest.mark.parametrize(("slug", "index"), PRESET_FLOWS)
def test_every_preset_flow_with_an_outage_is_quoted_as_the_simulation_runs_it(slug: str, index: int) -> None:
    assessment = parse_assessment(USE_CASES[slug].assessment)
    flow, result = assessment.flows[index], recommend(assessment).flows[index]
    quote = quote_of(flow)
    if flow.consumer_availability == Availability.ALWAYS:
        assert quote is None
        assert not quoted(result)
    else:
        assert quote is not None
        assert_agrees(quote, default_outcome(flow, assessment.landscape, result))


def test_the_reasons_quote_the_default_outage_in_the_simulations_own_figures() -> None:
    assessment = parse_assessment(TILLS)
    flow, result = assessment.flows[1], recommend(assessment).flows[1]
    simulation = default_outcome(flow, assessment.landscape, result)
    direct, queue = simulation.patterns[POINT_TO_POINT], simulation.patterns[MESSAGE_QUEUE]
    assert queue.drain_minutes is not None

    [sentence] = quoted(result)

    assert sentence.startswith("During a 4-hour outage of Loyalty (09:00–13:00, half a working day away)")
    found = QUOTED.search(sentence)
    assert found is not None, sentence
    assert found.group(1) == about(direct.lost)
    assert found.group(2) == duration(queue.drain_minutes)
    assert "after 2 retries each" in sentence


def test_a_query_quotes_no_outage_a_queue_would_not_answer_it() -> None:
    flows = [dict(TILLS["flows"][0], consumer_availability="often_offline")]
    result = recommend(parse_assessment({**TILLS, "flows": flows})).flows[0]
    assert not quoted(result)


def test_a_consumer_not_known_to_be_there_is_quoted_as_the_sizing_plans_for_it() -> None:
    flows = [dict(TILLS["flows"][1], consumer_availability="unknown")]
    result = recommend(parse_assessment({**TILLS, "flows": flows})).flows[0]
    [sentence] = quoted(result)
    assert sentence.startswith(
        "During a 4-hour outage of Loyalty (09:00–13:00, what the what-if assumes when its availability is not sure)"
    )


@pytest.mark.parametrize("answer", ["volume_per_day", "peak_factor"])
@pytest.mark.parametrize("value", ["unknown", [2, 8]])
def test_a_number_not_given_as_one_quotes_no_figures(answer: str, value: object) -> None:
    # The what-if sizes for the range's top or the default: figures said of it would be ours, not the flow's.
    flows = [dict(TILLS["flows"][1], **{answer: value})]
    result = recommend(parse_assessment({**TILLS, "flows": flows})).flows[0]
    assert not quoted(result)


def test_an_outage_with_nothing_arriving_is_not_quoted() -> None:
    # One message a day: a fraction of a call falls in the four-hour window, nothing worth quoting.
    flow = {
        "name": "Export",
        "interaction": "command",
        "consumers": ["Archive"],
        "volume_per_day": 1,
        "consumer_availability": "often_offline",
    }
    result = recommend(parse_assessment({"flows": [flow]})).flows[0]
    assert not quoted(result)


@pytest.mark.parametrize(
    ("count", "words"),
    [(0.4, "0"), (7.6, "8"), (99.4, "99"), (4093.2, "about 4,100"), (123_456, "about 120,000"), (995, "about 1,000")],
)
def test_a_count_is_quoted_whole_or_to_two_figures(count: float, words: str) -> None:
    assert about(count) == words


@pytest.mark.parametrize(
    ("minutes", "words"),
    [(0, "0 min"), (0.3, "under a minute"), (25.2, "25 min"), (59.6, "1 h 00 min"), (560, "9 h 20 min")],
)
def test_a_duration_reads_as_the_what_if_panel_shows_it(minutes: float, words: str) -> None:
    assert duration(minutes) == words
