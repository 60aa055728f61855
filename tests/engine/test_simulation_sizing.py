"""The sizing and the simulation agree: what the technology sizing asks for carries every preset flow."""

from __future__ import annotations

import pytest

from advisor.engine import parse_assessment, recommend
from advisor.engine.catalog import EVENT_DRIVEN, MESSAGE_QUEUE
from advisor.engine.choices import Availability
from advisor.engine.evaluation import answers_of
from advisor.engine.presets import USE_CASES
from advisor.engine.simulation import Scenario, default_outcome, simulate
from advisor.engine.technology import needs_of
from advisor.engine.traffic import DEFAULT_OUTAGES, TARGET_UTILISATION, Outage

PRESET_FLOWS = [(slug, index) for slug, case in USE_CASES.items() for index in range(len(case.assessment["flows"]))]
# Flows whose messages must not be lost: durable subscriptions and an outbox by default.
KEPT_FLOWS = [
    (slug, index)
    for slug, index in PRESET_FLOWS
    if USE_CASES[slug].assessment["flows"][index].get("delivery", "no_loss") != "best_effort"
]


@pytest.mark.parametrize(("slug", "index"), PRESET_FLOWS)
def test_the_sizings_capacity_and_retention_survive_the_flows_default_outage(slug: str, index: int) -> None:
    assessment = parse_assessment(USE_CASES[slug].assessment)
    flow, result = assessment.flows[index], recommend(assessment).flows[index]
    needs = needs_of(answers_of(assessment.landscape, flow), "queue")

    simulation = default_outcome(flow, assessment.landscape, result)

    # The simulation runs on what the sizing asks for: the peak with its headroom, and its retention.
    assert simulation.scenario.capacity_per_minute == pytest.approx(needs.peak_per_second * 60 / TARGET_UTILISATION)
    assert simulation.scenario.retention_hours == needs.retention_hours
    recommended = simulation.patterns[result.pattern]
    assert recommended.lost == 0
    assert not recommended.retention_exceeded
    assert recommended.queued_at_end == pytest.approx(0, abs=1e-6)


@pytest.mark.parametrize(("slug", "index"), KEPT_FLOWS)
def test_a_preset_flow_that_must_not_lose_messages_rides_out_the_longest_default_outage(slug: str, index: int) -> None:
    assessment = parse_assessment(USE_CASES[slug].assessment)
    flow, result = assessment.flows[index], recommend(assessment).flows[index]
    longest = tuple(Outage(start, minutes) for start, minutes in DEFAULT_OUTAGES[Availability.OFTEN_OFFLINE])

    simulation = simulate(flow, Scenario(outages=longest), assessment.landscape, result)

    for pattern in (MESSAGE_QUEUE, EVENT_DRIVEN):
        outcome = simulation.patterns[pattern]
        assert outcome.lost == 0, pattern
        assert outcome.max_backlog > 0, pattern
        assert outcome.queued_at_end == pytest.approx(0, abs=1e-6), pattern
