"""What if: one flow carried by each of the three patterns through a day of peaks and outages.

A fluid model at one-minute resolution over 24 hours: messages arrive at a rate
per minute (the traffic shape), and each consumer takes at most its capacity a
minute, nothing while it is down. Every figure counts copies — a message for
three consumers is three deliveries owed — so `arrived = delivered + lost +
queued_at_end` holds for every pattern:

- point-to-point: the producer calls each consumer; a call the consumer cannot
  take (down, or over its capacity that minute) fails, and the caller retries it
  after an exponential backoff; the last failed attempt is lost. Retries are
  extra calls. No broker, so a broker outage does not touch it.
- message queue: one queue per consumer keeps what the consumer cannot take yet,
  first in, first out, for the retention; older messages expire (lost).
- event-driven: one publish per message, the broker fans it out; a durable
  subscription keeps messages like a queue, a non-durable one drops what its
  subscriber cannot take at once.

While the broker is down, queue and event producers keep messages in their
outbox (sent when it is back) or, without one, lose them; nobody consumes.
Delays are whole minutes between arriving and being processed (0 within the
same minute), so the backlog series and the delays obey Little's law exactly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
from operator import add, le, sub
from typing import Final, Literal

from .answers import planned
from .capabilities import CAPABILITIES
from .catalog import EVENT_DRIVEN, MESSAGE_QUEUE, PATTERN_IDS, POINT_TO_POINT
from .choices import Availability, Delivery
from .evaluation import answers_of
from .model import Assessment, Flow, FlowResult, Landscape, Recommendation
from .recommend import recommend
from .technology import needs_of
from .traffic import (
    DEFAULT_RETRIES,
    EMPTY,
    FIRST_BACKOFF_SECONDS,
    MINUTES,
    Outage,
    Shape,
    arrivals,
    default_shape,
)
from .traffic import default_capacity as capacity_for
from .traffic import default_outages as outages_for

# How a consumer's copy of a message travels: a direct call, a queue (or durable subscription), or a
# non-durable subscription that drops what arrives while the subscriber is away.
Carrier = Literal["call", "queue", "drop"]
BROKER: Final = "broker"
# Whose outage a drain follows: the consumers' (the scenario's outages) or the broker's.
OutageOf = Literal["consumers", "broker"]
MAX_RETRIES: Final = 10
# A flow simulated alone is read in a landscape of default answers.
NO_LANDSCAPE: Final = Landscape()


@dataclass(frozen=True, slots=True)
class Scenario:
    """What the user asks; None takes the default derived from the flow and its recommended technology."""

    shape: Shape | None = None
    capacity_per_minute: float | None = None
    outages: tuple[Outage, ...] | None = None
    retry_attempts: int | None = None
    retention_hours: float | None = None
    broker_outages: tuple[Outage, ...] = ()
    # Event subscriptions keep messages while a subscriber is away; default: unless delivery is best effort.
    durable: bool | None = None
    # The producer keeps messages in an outbox while the broker is down; default: unless best effort.
    outbox: bool | None = None


@dataclass(frozen=True, slots=True)
class Settled:
    """A scenario with every default filled in: what was simulated."""

    shape: Shape
    capacity_per_minute: float
    outages: tuple[Outage, ...]
    retry_attempts: int
    retention_hours: float
    broker_outages: tuple[Outage, ...]
    durable: bool
    outbox: bool


@dataclass(frozen=True, slots=True)
class Series:
    arrivals: tuple[float, ...]
    processed: tuple[float, ...]
    backlog: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Drain:
    """One outage, and how long what waits at its end takes to clear."""

    of: OutageOf
    outage: Outage
    # From the outage's end until nothing waits (through any later outage); None when nothing waits at its
    # end, or it cannot be told: the outage lasts until midnight, or the backlog is not shrinking.
    drain_minutes: float | None


@dataclass(frozen=True, slots=True)
class PatternOutcome:
    arrived: float
    delivered: float
    lost: float
    queued_at_end: float
    max_backlog: float
    max_delay_minutes: float
    p95_delay_minutes: float
    mean_delay_minutes: float
    # From the largest backlog until it is empty; None when nothing backed up or it does not shrink.
    drain_minutes: float | None
    # One per outage (the consumers' and the broker's), in the order of the day.
    drains: tuple[Drain, ...]
    producer_calls: float
    retention_exceeded: bool
    series: Series


@dataclass(frozen=True, slots=True)
class Simulation:
    minutes: int
    scenario: Settled
    patterns: dict[str, PatternOutcome]


@dataclass(frozen=True, slots=True)
class FlowOutcome:
    """One flow of a landscape what-if, under its recommended pattern."""

    name: str
    pattern: str
    affected: bool
    outcome: PatternOutcome


@dataclass(frozen=True, slots=True)
class LandscapeSimulation:
    minutes: int
    outage: Outage
    system: str
    flows: tuple[FlowOutcome, ...]


@dataclass(frozen=True, slots=True)
class Traffic:
    """What the simulation reads of a flow: every read of the Flow dataclass is here."""

    volume_per_day: float
    peak_factor: float
    source: str
    consumers: tuple[str, ...]
    consumer_availability: Availability
    best_effort: bool


def traffic_of(flow: Flow) -> Traffic:
    """A number given as a range is simulated at its top, one not known at its default, as the sizing is."""
    return Traffic(
        volume_per_day=float(planned("volume_per_day", flow.volume_per_day)),
        peak_factor=float(planned("peak_factor", flow.peak_factor)),
        source=flow.source,
        consumers=tuple(flow.consumers),
        consumer_availability=flow.consumer_availability,
        best_effort=flow.delivery == Delivery.BEST_EFFORT,
    )


# --- defaults ----------------------------------------------------------------------------------


def default_capacity(traffic: Traffic) -> float:
    return capacity_for(traffic.volume_per_day, traffic.peak_factor)


def default_outages(traffic: Traffic) -> tuple[Outage, ...]:
    return outages_for(traffic.consumer_availability)


def default_retention(flow: Flow, landscape: Landscape, result: FlowResult | None) -> float:
    """What the sizing asks a broker to keep, bounded by the recommended technology's documented retention."""
    wanted = needs_of(answers_of(landscape, flow), "queue").retention_hours
    documented = [
        c.retention.value
        for choice in (result.technologies if result else ())
        if choice.role in ("queue", "router", "log")
        for c in CAPABILITIES
        if c.name == choice.name and c.retention is not None
    ]
    return min([wanted, *documented[:1]])


def settle(
    flow: Flow,
    scenario: Scenario = Scenario(),
    landscape: Landscape = NO_LANDSCAPE,
    result: FlowResult | None = None,
) -> Settled:
    traffic = traffic_of(flow)
    return Settled(
        shape=scenario.shape or default_shape(traffic.peak_factor),
        capacity_per_minute=(
            default_capacity(traffic) if scenario.capacity_per_minute is None else scenario.capacity_per_minute
        ),
        outages=default_outages(traffic) if scenario.outages is None else scenario.outages,
        retry_attempts=DEFAULT_RETRIES if scenario.retry_attempts is None else scenario.retry_attempts,
        retention_hours=(
            default_retention(flow, landscape, result) if scenario.retention_hours is None else scenario.retention_hours
        ),
        broker_outages=scenario.broker_outages,
        durable=not traffic.best_effort if scenario.durable is None else scenario.durable,
        outbox=not traffic.best_effort if scenario.outbox is None else scenario.outbox,
    )


# --- traffic -----------------------------------------------------------------------------------


def _down(outages: Sequence[Outage]) -> list[bool]:
    down = [False] * MINUTES
    for outage in outages:
        for t in range(outage.start_minute, min(outage.end_minute, MINUTES)):
            down[t] = True
    return down


# --- one consumer's copy of the flow (a lane) ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class Lane:
    arrived: list[float]
    processed: list[float]
    backlog: list[float]
    lost: float
    queued_at_end: float
    calls: float
    # How much of the delivered mass waited how many minutes.
    delays: dict[float, float]
    retention_exceeded: bool


def direct_lane(arrived: list[float], capacity: list[float], retries: int) -> Lane:
    """Point-to-point: a failed call is retried after 1, 2, 4, ... seconds; earlier attempts are served first.

    A retry lands in the same minute or, for the share of the minute the backoff spans, the next.
    """
    remaining = list(capacity)
    processed = [0.0] * MINUTES
    backlog = [0.0] * MINUTES
    demand = list(arrived)
    lost = queued_at_end = calls = 0.0
    delays: dict[float, float] = {}
    waited = 0.0
    for attempt in range(retries + 1):
        calls += sum(demand)
        # map over operator functions: these run once per minute and attempt, the hot loop of a what-if.
        served = list(map(min, remaining, demand))
        remaining = list(map(sub, remaining, served))
        processed = list(map(add, processed, served))
        delays[waited / 60] = delays.get(waited / 60, 0.0) + sum(served)
        failed = list(map(sub, demand, served))
        if max(failed) <= EMPTY:
            break
        if attempt == retries:
            lost += sum(failed)
            break
        backoff = FIRST_BACKOFF_SECONDS * 2**attempt
        whole, part = divmod(backoff, 60)
        later = part / 60
        shift = int(whole)
        demand = [0.0] * MINUTES
        for t, amount in enumerate(failed):
            if amount <= 0:
                continue
            for lag, share in ((shift, 1 - later), (shift + 1, later)):
                if share <= 0:
                    continue
                if t + lag < MINUTES:
                    demand[t + lag] += amount * share
                    for waiting in range(t, t + lag):
                        backlog[waiting] += amount * share
                else:
                    queued_at_end += amount * share
                    for waiting in range(t, MINUTES):
                        backlog[waiting] += amount * share
        waited += backoff
    return Lane(arrived, processed, backlog, lost, queued_at_end, calls, delays, False)


def dropping_lane(arrived: list[float], capacity: list[float]) -> Lane:
    """A non-durable subscription: what the subscriber cannot take at once is gone."""
    processed = list(map(min, arrived, capacity))
    lost = sum(arrived) - sum(processed)
    return Lane(arrived, processed, [0.0] * MINUTES, lost, 0.0, sum(arrived), {0.0: sum(processed)}, False)


def queued_lane(arrived: list[float], capacity: list[float], retention_minutes: float) -> Lane:
    """First in, first out, with messages older than the retention expiring before each minute's work."""
    if all(map(le, arrived, capacity)):
        # Each minute's arrivals are taken within it: nothing waits, nothing expires.
        count = sum(arrived)
        return Lane(arrived, list(arrived), [0.0] * MINUTES, 0.0, 0.0, count, {0.0: count}, False)
    total = list(accumulate(arrived))
    keep = math.floor(retention_minutes)
    processed = [0.0] * MINUTES
    backlog = [0.0] * MINUTES
    starts = [0.0] * MINUTES
    gone = 0.0
    lost = 0.0
    for t in range(MINUTES):
        if t - keep >= 0 and gone < total[t - keep] - EMPTY:
            lost += total[t - keep] - gone
            gone = total[t - keep]
        starts[t] = gone
        waiting = total[t] - gone
        served = min(capacity[t], waiting)
        processed[t] = served
        # All taken: nothing waits, exactly (adding it back to a large running total would leave a rounding
        # error above EMPTY, and count a minute more of draining).
        gone = total[t] if served == waiting else gone + served
        backlog[t] = total[t] - gone
    # Nothing ever waited past its minute: every delay is 0, and there is no need to walk the arrivals.
    waited = max(backlog) > EMPTY or lost > 0
    delays = _fifo_delays(total, processed, starts) if waited else {0.0: sum(processed)}
    return Lane(arrived, processed, backlog, lost, backlog[-1], sum(arrived), delays, lost > 0)


def _fifo_delays(total: list[float], processed: list[float], starts: list[float]) -> dict[float, float]:
    """How long the processed mass waited, exactly: each minute's work walks the arrivals from its start."""
    delays: dict[float, float] = {}
    came = 0
    for t in range(MINUTES):
        amount = processed[t]
        if amount <= EMPTY:
            continue
        position = starts[t]
        while came < t and total[came] <= position + EMPTY:
            came += 1
        while amount > EMPTY:
            take = min(total[came] - position, amount) if came < t else amount
            if take > 0:
                delays[float(t - came)] = delays.get(float(t - came), 0.0) + take
                amount -= take
                position += take
            if amount > EMPTY:
                came += 1
    return delays


# --- the three patterns ---------------------------------------------------------------------------


def _through_broker(arrived: list[float], broker_down: list[bool], outbox: bool) -> tuple[list[float], float]:
    """What reaches the broker's side (held in the outbox while it is down), and what is lost on the way."""
    if outbox or not any(broker_down):
        return arrived, 0.0
    kept = [0.0 if down else a for a, down in zip(arrived, broker_down, strict=True)]
    return kept, sum(arrived) - sum(kept)


def _carrier(pattern: str, settled: Settled) -> Carrier:
    """How a consumer's copy is carried: a durable subscription is a queue of the subscriber's own."""
    if pattern == POINT_TO_POINT:
        return "call"
    return "drop" if pattern == EVENT_DRIVEN and not settled.durable else "queue"


def _lane(
    carrier: Carrier, arrived: list[float], capacity: list[float], settled: Settled, broker_down: list[bool]
) -> Lane:
    if carrier == "call":
        return direct_lane(arrived, capacity, settled.retry_attempts)
    sent, lost_on_the_way = _through_broker(arrived, broker_down, settled.outbox)
    # Nobody consumes from a broker that is down.
    working = (
        [0.0 if down else c for c, down in zip(capacity, broker_down, strict=True)] if any(broker_down) else capacity
    )
    if carrier == "drop":
        lane = dropping_lane(sent, working)
    else:
        lane = queued_lane(sent, working, settled.retention_hours * 60)
    return replace(lane, arrived=arrived, lost=lane.lost + lost_on_the_way, calls=sum(arrived))


def _outcome(
    pattern: str, lanes: Sequence[tuple[int, Lane]], outages: Sequence[tuple[OutageOf, Outage]]
) -> PatternOutcome:
    """The lanes of the consumers added up; `count` lanes alike are simulated once."""
    arrived = _added([(n, lane.arrived) for n, lane in lanes])
    processed = _added([(n, lane.processed) for n, lane in lanes])
    backlog = _added([(n, lane.backlog) for n, lane in lanes])
    delays = sorted((d, n * w) for n, lane in lanes for d, w in lane.delays.items() if w > 0)
    mass = sum(w for _, w in delays)
    # One publish per message reaches every subscriber; the other patterns send each consumer its own.
    calls = (
        max(lane.calls for _, lane in lanes) if pattern == EVENT_DRIVEN else sum(n * lane.calls for n, lane in lanes)
    )
    return PatternOutcome(
        arrived=sum(arrived),
        delivered=sum(processed),
        lost=sum(n * lane.lost for n, lane in lanes),
        queued_at_end=sum(n * lane.queued_at_end for n, lane in lanes),
        max_backlog=max(backlog),
        max_delay_minutes=max((d for d, _ in delays), default=0.0),
        p95_delay_minutes=_percentile(delays, mass, 0.95),
        mean_delay_minutes=sum(d * w for d, w in delays) / mass if mass > EMPTY else 0.0,
        # Drains are counted from the end of the last outage: what the consumers and callers catch up on.
        drain_minutes=drain_minutes(backlog, max((o.end_minute for _, o in outages), default=None)),
        drains=tuple(Drain(of, outage, drain_after(backlog, outage.end_minute)) for of, outage in outages),
        producer_calls=calls,
        retention_exceeded=any(lane.retention_exceeded for _, lane in lanes),
        series=Series(tuple(arrived), tuple(processed), tuple(backlog)),
    )


def _added(series: list[tuple[int, list[float]]]) -> list[float]:
    total: list[float] = []
    for count, values in series:
        scaled = values if count == 1 else [count * v for v in values]
        total = list(map(add, total, scaled)) if total else scaled
    return total


def _percentile(delays: list[tuple[float, float]], mass: float, share: float) -> float:
    reached = 0.0
    for delay, weight in delays:
        reached += weight
        if reached >= share * mass - EMPTY and weight > 0:
            return delay
    return 0.0


def drain_minutes(backlog: list[float], outage_end: int | None = None) -> float | None:
    """Minutes from the end of the last outage (or, without one, the largest backlog) until the backlog is
    empty, the last minute counted by the share it needed.

    Not empty by the day's end: extrapolated at the last hour's net drain rate, or None if it is not shrinking.
    """
    highest = max(backlog)
    if highest <= EMPTY:
        return None
    if outage_end is not None and _waits_after(backlog, outage_end):
        return _drained_from(backlog, outage_end - 1)
    # The last minute at the top: a backlog held level drains from its end.
    return _drained_from(backlog, MINUTES - 1 - backlog[::-1].index(highest))


def drain_after(backlog: list[float], outage_end: int) -> float | None:
    """Minutes from an outage's end until the backlog is empty; None when nothing waits at its end, or the
    outage lasts until midnight (nothing after it to tell by)."""
    return _drained_from(backlog, outage_end - 1) if _waits_after(backlog, outage_end) else None


def _waits_after(backlog: list[float], outage_end: int) -> bool:
    return 0 < outage_end < MINUTES and backlog[outage_end - 1] > EMPTY


def _drained_from(backlog: list[float], peak: int) -> float | None:
    for t in range(peak + 1, MINUTES):
        if backlog[t] <= EMPTY:
            # The last minute counts by the share of it the rest needed, at the pace of the minute before.
            pace = backlog[t - 2] - backlog[t - 1] if t - 2 > peak else 0.0
            return t - 1 - peak + (min(1.0, backlog[t - 1] / pace) if pace > EMPTY else 1.0)
    hour = min(60, MINUTES - 1 - peak)
    shrinking = (backlog[MINUTES - 1 - hour] - backlog[-1]) / hour if hour else 0.0
    if shrinking <= EMPTY:
        return None
    return MINUTES - 1 - peak + backlog[-1] / shrinking


# --- entry points ----------------------------------------------------------------------------------


def simulate(
    flow: Flow,
    scenario: Scenario = Scenario(),
    landscape: Landscape = NO_LANDSCAPE,
    result: FlowResult | None = None,
    patterns: tuple[str, ...] = PATTERN_IDS,
    down: tuple[str, ...] | None = None,
    source_down: bool = False,
) -> Simulation:
    """The flow under each pattern; `result` (the engine's answer for it) bounds the default retention.

    `down` names the consumers the outages apply to (all of them when None); `source_down` stops the
    source sending during the outages instead (a system that is down does no work to send).
    """
    traffic = traffic_of(flow)
    settled = settle(flow, scenario, landscape, result)
    base = arrivals(traffic.volume_per_day, traffic.peak_factor, settled.shape)
    outage_minutes = _down(settled.outages)
    if source_down:
        base = [0.0 if off else a for a, off in zip(base, outage_minutes, strict=True)]
    up = [settled.capacity_per_minute] * MINUTES
    off = [0.0 if o else settled.capacity_per_minute for o in outage_minutes]
    affected = len(traffic.consumers) if down is None else sum(c.casefold() in down for c in traffic.consumers)
    if source_down:
        affected = 0
    groups = [(n, capacity) for n, capacity in ((affected, off), (len(traffic.consumers) - affected, up)) if n]
    broker_down = _down(settled.broker_outages)
    whose: tuple[OutageOf, ...] = ("consumers", BROKER)
    outages = sorted(
        [*((whose[0], o) for o in settled.outages), *((whose[1], o) for o in settled.broker_outages)],
        key=lambda pair: (pair[1].start_minute, whose.index(pair[0])),
    )
    lanes: dict[tuple[str, int], Lane] = {}
    outcomes = {}
    for pattern in patterns:
        carrier = _carrier(pattern, settled)
        for group, (_, capacity) in enumerate(groups):
            if (carrier, group) not in lanes:
                lanes[carrier, group] = _lane(carrier, base, capacity, settled, broker_down)
        outcomes[pattern] = _outcome(pattern, [(n, lanes[carrier, g]) for g, (n, _) in enumerate(groups)], outages)
    return Simulation(MINUTES, settled, outcomes)


def default_outcome(flow: Flow, landscape: Landscape, result: FlowResult) -> Simulation:
    """The default scenario's outcome for a flow, for advice to quote."""
    return simulate(flow, Scenario(), landscape, result)


def systems_of(assessment: Assessment) -> dict[str, str]:
    """Every system a flow names (source or consumer), by its case-folded name, as first written."""
    named: dict[str, str] = {}
    for flow in assessment.flows:
        for system in (flow.source, *flow.consumers):
            if system:
                named.setdefault(system.casefold(), system)
    return named


def simulate_landscape(
    assessment: Assessment, system: str, outage: Outage, recommendation: Recommendation | None = None
) -> LandscapeSimulation:
    """One system (or the broker) down: each flow under its recommended pattern, with no other outage.

    `recommendation` is the engine's answer for the assessment when the caller has it (a stored result).
    """
    recommendation = recommendation or recommend(assessment)
    key = system.casefold()
    flows = []
    for flow, result in zip(assessment.flows, recommendation.flows, strict=True):
        traffic = traffic_of(flow)
        pattern = result.pattern
        brokered = pattern in (MESSAGE_QUEUE, EVENT_DRIVEN)
        if key == BROKER:
            affected = brokered
            scenario = Scenario(outages=(), broker_outages=(outage,) if affected else ())
            down: tuple[str, ...] = ()
        else:
            source_down = traffic.source.casefold() == key
            consumer_down = any(c.casefold() == key for c in traffic.consumers)
            affected = source_down or consumer_down
            scenario = Scenario(outages=(outage,) if affected else ())
            down = (key,)
        simulation = simulate(
            flow,
            scenario,
            assessment.landscape,
            result,
            patterns=(pattern,),
            down=down,
            source_down=key != BROKER and traffic.source.casefold() == key,
        )
        flows.append(FlowOutcome(flow.name, pattern, affected, simulation.patterns[pattern]))
    return LandscapeSimulation(MINUTES, outage, systems_of(assessment).get(key, BROKER), tuple(flows))
