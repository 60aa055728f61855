"""The what-if simulation against queueing arithmetic: closed forms, Little's law and conservation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.engine.catalog import EVENT_DRIVEN, MESSAGE_QUEUE, PATTERN_IDS, POINT_TO_POINT
from advisor.engine.model import Flow
from advisor.engine.simulation import Scenario, default_capacity, simulate, traffic_of
from advisor.engine.traffic import MINUTES, SHAPES, Outage, arrivals

BROKERED = (MESSAGE_QUEUE, EVENT_DRIVEN)


def flow(volume: int = 144_000, peak: float = 1, consumers: tuple[str, ...] = ("Warehouse",), **answers: str) -> Flow:
    return Flow(
        name="Orders", interaction="command", volume_per_day=volume, peak_factor=peak, consumers=consumers, **answers
    )


def test_every_shape_delivers_the_days_volume_minute_by_minute() -> None:
    for shape in SHAPES:
        per_minute = arrivals(144_000, 4, shape)
        assert len(per_minute) == MINUTES
        assert sum(per_minute) == pytest.approx(144_000)
        assert min(per_minute) >= 0


def test_a_peaked_shape_reaches_the_flows_peak_factor() -> None:
    # 100 a minute on average: a business day peaks at twice that, a lunch peak at four times.
    assert max(arrivals(144_000, 2, "business_day")) == pytest.approx(200)
    assert max(arrivals(144_000, 4, "lunch_peak")) == pytest.approx(400)
    assert max(arrivals(144_000, 4, "flat")) == pytest.approx(100)


def test_a_peak_the_business_day_cannot_hold_puts_the_whole_day_in_business_hours() -> None:
    # Ten hours at four times the mean would be more than the day's volume: nothing is left for the night.
    per_minute = arrivals(144_000, 4, "business_day")
    assert per_minute[0] == per_minute[MINUTES - 1] == 0
    assert sum(per_minute) == pytest.approx(144_000)


def test_the_default_capacity_keeps_the_sizings_headroom() -> None:
    # 144,000 a day at a peak of 3 is 300 a minute; sized to use 70 % of capacity: 300 / 0.7.
    assert default_capacity(traffic_of(flow(peak=3))) == pytest.approx(300 / 0.7)


def test_arrivals_above_capacity_leave_a_backlog_of_the_difference_times_the_time() -> None:
    # λ = 100 a minute all day, μ = 80: after T minutes the backlog is (λ − μ)·T.
    simulation = simulate(flow(), Scenario(shape="flat", capacity_per_minute=80, outages=()))
    queue = simulation.patterns[MESSAGE_QUEUE]
    for minutes in (1, 60, 600, MINUTES):
        assert queue.series.backlog[minutes - 1] == pytest.approx((100 - 80) * minutes)
    assert queue.queued_at_end == pytest.approx(20 * MINUTES)
    assert queue.drain_minutes is None


def test_an_outage_drains_in_lambda_t_over_mu_minus_lambda() -> None:
    # λ = 100, μ = 150, a 120-minute outage: a backlog of 12,000 drains in 100·120 / 50 = 240 minutes.
    simulation = simulate(flow(), Scenario(shape="flat", capacity_per_minute=150, outages=(Outage(600, 120),)))
    for pattern in BROKERED:
        outcome = simulation.patterns[pattern]
        assert outcome.max_backlog == pytest.approx(12_000)
        assert outcome.drain_minutes == pytest.approx(240)
        assert outcome.lost == 0
        assert outcome.queued_at_end == pytest.approx(0, abs=1e-6)


def test_each_outage_drains_in_its_own_lambda_t_over_mu_minus_lambda() -> None:
    # λ = 100, μ = 150: an hour down drains in 100·60 / 50 = 120 minutes, half an hour later in 60.
    outages = (Outage(900, 30), Outage(300, 60))
    simulation = simulate(flow(), Scenario(shape="flat", capacity_per_minute=150, outages=outages))
    for pattern in BROKERED:
        outcome = simulation.patterns[pattern]
        # In the order of the day; the last one's is the outcome's drain, as before.
        assert [(d.of, d.outage) for d in outcome.drains] == [("consumers", outages[1]), ("consumers", outages[0])]
        assert [d.drain_minutes for d in outcome.drains] == pytest.approx([120, 60])
        assert outcome.drain_minutes == pytest.approx(60)
    # A failed call waits only for its retry: settled within a minute of each return.
    assert all(d.drain_minutes is not None and d.drain_minutes <= 1 for d in simulation.patterns[POINT_TO_POINT].drains)


def test_a_broker_outage_has_a_drain_of_its_own_and_none_for_direct_calls() -> None:
    scenario = Scenario(
        shape="flat", capacity_per_minute=150, outages=(Outage(300, 60),), broker_outages=(Outage(900, 30),)
    )
    simulation = simulate(flow(), scenario)
    queue, direct = simulation.patterns[MESSAGE_QUEUE], simulation.patterns[POINT_TO_POINT]
    # The outbox keeps what the producer sends while the broker is down: 3,000 drain in 3,000 / 50 minutes.
    assert [(d.of, d.outage.start_minute) for d in queue.drains] == [("consumers", 300), ("broker", 900)]
    assert [d.drain_minutes for d in queue.drains] == pytest.approx([120, 60])
    assert direct.drains[1].drain_minutes is None


def test_an_outage_nothing_waits_after_has_no_drain() -> None:
    # Nothing arrives at night on a business day whose peak holds the whole volume.
    simulation = simulate(flow(peak=8), Scenario(shape="business_day", outages=(Outage(60, 120),)))
    assert [d.drain_minutes for d in simulation.patterns[MESSAGE_QUEUE].drains] == [None]


def test_a_drain_that_ends_within_a_minute_counts_the_share_of_it() -> None:
    # λ = 100, μ = 130, 50 minutes down: 5,000 / 30 = 166.67 minutes, the last one two-thirds used.
    simulation = simulate(flow(), Scenario(shape="flat", capacity_per_minute=130, outages=(Outage(0, 50),)))
    assert simulation.patterns[MESSAGE_QUEUE].drain_minutes == pytest.approx(5_000 / 30)


@pytest.mark.parametrize(
    "scenario",
    [
        Scenario(shape="flat", capacity_per_minute=150, outages=(Outage(600, 120),)),
        Scenario(shape="business_day", capacity_per_minute=300, outages=(Outage(500, 90), Outage(900, 30))),
        Scenario(shape="flash_sale", outages=()),
        Scenario(shape="lunch_peak", capacity_per_minute=450, outages=(), broker_outages=(Outage(700, 60),)),
    ],
)
def test_littles_law_holds_on_the_series(scenario: Scenario) -> None:
    # L = λ·W: the mean backlog equals the arrival rate times the mean delay, when everything is delivered.
    simulation = simulate(flow(peak=4), scenario)
    for pattern in BROKERED:
        outcome = simulation.patterns[pattern]
        assert outcome.queued_at_end == pytest.approx(0, abs=1e-6)
        mean_backlog = sum(outcome.series.backlog) / MINUTES
        assert mean_backlog == pytest.approx(outcome.arrived / MINUTES * outcome.mean_delay_minutes, rel=1e-9)


def test_a_durable_queue_loses_nothing_within_its_retention() -> None:
    # Six hours down, messages kept seven: all of it waits and is delivered.
    simulation = simulate(
        flow(), Scenario(shape="flat", capacity_per_minute=200, outages=(Outage(300, 360),), retention_hours=7)
    )
    for pattern in BROKERED:
        assert simulation.patterns[pattern].lost == 0
        assert not simulation.patterns[pattern].retention_exceeded
        assert simulation.patterns[pattern].delivered == pytest.approx(144_000)


def test_a_queue_loses_what_waits_longer_than_its_retention() -> None:
    # Three hours down, messages kept one: about two hours of the outage's arrivals expire.
    simulation = simulate(
        flow(), Scenario(shape="flat", capacity_per_minute=200, outages=(Outage(300, 180),), retention_hours=1)
    )
    queue = simulation.patterns[MESSAGE_QUEUE]
    assert queue.retention_exceeded
    assert queue.lost == pytest.approx(100 * 120, rel=0.02)
    assert queue.max_delay_minutes <= 60


def test_point_to_point_without_retries_loses_every_call_made_during_the_outage() -> None:
    simulation = simulate(
        flow(consumers=("Warehouse", "Billing")),
        Scenario(shape="flat", capacity_per_minute=150, outages=(Outage(600, 120),), retry_attempts=0),
    )
    direct = simulation.patterns[POINT_TO_POINT]
    # 100 calls a minute to each of two consumers, for 120 minutes.
    assert direct.lost == pytest.approx(2 * 100 * 120)
    assert direct.producer_calls == pytest.approx(2 * 144_000)
    assert direct.max_backlog == 0


def test_retries_are_extra_calls_that_fail_again_in_a_long_outage() -> None:
    simulation = simulate(
        flow(), Scenario(shape="flat", capacity_per_minute=150, outages=(Outage(600, 120),), retry_attempts=2)
    )
    direct = simulation.patterns[POINT_TO_POINT]
    # Backoffs of 1 and 2 seconds stay within the outage but for its last seconds: two more calls per failure.
    assert direct.lost == pytest.approx(12_000, rel=0.001)
    assert direct.producer_calls == pytest.approx(144_000 + 2 * 12_000, rel=0.001)


def test_enough_retries_outlast_a_short_outage() -> None:
    # Ten retries back off for 1 + 2 + ... + 512 seconds (17 minutes): a 5-minute outage loses almost nothing.
    simulation = simulate(
        flow(), Scenario(shape="flat", capacity_per_minute=150, outages=(Outage(600, 5),), retry_attempts=10)
    )
    assert simulation.patterns[POINT_TO_POINT].lost < 0.01 * 500


def test_a_broker_outage_is_held_in_the_outbox_or_lost_without_one() -> None:
    held = simulate(flow(), Scenario(outages=(), broker_outages=(Outage(600, 60),), outbox=True))
    dropped = simulate(flow(), Scenario(outages=(), broker_outages=(Outage(600, 60),), outbox=False))
    for pattern in BROKERED:
        assert held.patterns[pattern].lost == 0
        assert held.patterns[pattern].max_backlog == pytest.approx(6_000)
        assert dropped.patterns[pattern].lost == pytest.approx(6_000)
    # A direct call has no broker to lose.
    assert held.patterns[POINT_TO_POINT].lost == dropped.patterns[POINT_TO_POINT].lost == 0


def test_a_non_durable_subscriber_misses_what_is_published_while_it_is_away() -> None:
    simulation = simulate(
        flow(consumers=("Email", "Analytics", "CRM")),
        Scenario(shape="flat", capacity_per_minute=150, outages=(Outage(600, 60),), durable=False),
    )
    events = simulation.patterns[EVENT_DRIVEN]
    assert events.lost == pytest.approx(3 * 100 * 60)
    # One publish per event, whatever the number of subscribers; a queue per consumer is sent to three times.
    assert events.producer_calls == pytest.approx(144_000)
    assert simulation.patterns[MESSAGE_QUEUE].producer_calls == pytest.approx(3 * 144_000)


def test_best_effort_events_default_to_non_durable_subscriptions_without_an_outbox() -> None:
    simulation = simulate(flow(delivery="best_effort"))
    assert not simulation.scenario.durable
    assert not simulation.scenario.outbox


def test_the_default_outage_follows_the_consumers_availability() -> None:
    assert simulate(flow()).scenario.outages == ()
    assert simulate(flow(consumer_availability="maintenance_windows")).scenario.outages == (Outage(60, 120),)
    assert simulate(flow(consumer_availability="unknown")).scenario.outages == (Outage(540, 240),)


outages = st.lists(
    st.integers(0, MINUTES - 1).flatmap(
        lambda start: st.builds(Outage, st.just(start), st.integers(1, MINUTES - start))
    ),
    max_size=3,
)
scenarios = st.builds(
    Scenario,
    shape=st.sampled_from(SHAPES),
    capacity_per_minute=st.one_of(st.none(), st.floats(0, 10_000)),
    outages=st.one_of(st.none(), outages.map(tuple)),
    retry_attempts=st.integers(0, 10),
    retention_hours=st.one_of(st.none(), st.floats(0.02, 100)),
    broker_outages=outages.map(tuple),
    durable=st.one_of(st.none(), st.booleans()),
    outbox=st.one_of(st.none(), st.booleans()),
)
flows = st.builds(
    flow,
    volume=st.integers(0, 10_000_000),
    peak=st.floats(1, 100),
    consumers=st.lists(st.sampled_from(["A", "B", "C", "D"]), min_size=1, max_size=4, unique=True).map(tuple),
    consumer_availability=st.sampled_from(["always", "maintenance_windows", "often_offline", "unknown"]),
)


@settings(max_examples=60, deadline=None)
@given(flows, scenarios)
def test_every_pattern_conserves_what_arrives(subject: Flow, scenario: Scenario) -> None:
    simulation = simulate(subject, scenario)
    for pattern in PATTERN_IDS:
        outcome = simulation.patterns[pattern]
        accounted = outcome.delivered + outcome.lost + outcome.queued_at_end
        assert accounted == pytest.approx(outcome.arrived, rel=1e-9, abs=1e-6)
        assert min(outcome.delivered, outcome.lost, outcome.queued_at_end, outcome.max_backlog) >= -1e-6
        assert sum(outcome.series.arrivals) == pytest.approx(outcome.arrived, rel=1e-9, abs=1e-6)
        assert sum(outcome.series.processed) == pytest.approx(outcome.delivered, rel=1e-9, abs=1e-6)
        assert all(len(s) == MINUTES for s in (outcome.series.arrivals, outcome.series.backlog))


def test_the_drain_is_counted_from_the_end_of_the_outage() -> None:
    # The lunch peak passes while the consumer is down (11:40-13:20): the callers' pending retries peak with it,
    # but they are settled within a minute of the consumer's return, which is what the drain measures.
    simulation = simulate(
        flow(peak=4), Scenario(shape="lunch_peak", capacity_per_minute=600, outages=(Outage(700, 100),))
    )
    direct = simulation.patterns[POINT_TO_POINT]
    assert direct.drain_minutes is not None
    assert direct.drain_minutes <= 1
    assert simulation.patterns[MESSAGE_QUEUE].drain_minutes is not None
    assert simulation.patterns[MESSAGE_QUEUE].drain_minutes > 10
