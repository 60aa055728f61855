"""A flow's day of traffic, its default outage, and what that outage does in closed form.

The simulation (simulation.py) builds its day from these; the reasons (reasons.py) quote the default
outage through `outage_quote`, which answers in microseconds what the simulation's default outcome
answers in milliseconds. Both import this module, which imports neither: the engine stays free of cycles.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import accumulate
from typing import Final, Literal

from .choices import Availability

MINUTES: Final = 1440
Shape = Literal["flat", "business_day", "lunch_peak", "flash_sale"]
SHAPES: Final[tuple[Shape, ...]] = ("flat", "business_day", "lunch_peak", "flash_sale")
# The technology sizing sizes so the peak uses at most this share of the units' capacity: the rest is headroom.
TARGET_UTILISATION = 0.7
# AWS SDKs' standard retry mode makes three attempts, i.e. two retries (as of 2026-12-07:
# https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html), with an exponential backoff
# whose initial delay is 1 second (https://docs.rs/aws-sdk-iotdeviceadvisor/0.19.0/x86_64-unknown-linux-gnu/
# aws_sdk_iotdeviceadvisor/struct.RetryConfig.html, read 2026-12-07); we double it at each retry.
DEFAULT_RETRIES: Final = 2
FIRST_BACKOFF_SECONDS: Final = 1.0
# The outage each availability answer implies over a day: a maintenance window is a night's two hours
# (01:00-03:00); a consumer that is often offline is away for half a working day (09:00-13:00).
DEFAULT_OUTAGES: Final[dict[Availability, tuple[tuple[int, int], ...]]] = {
    Availability.ALWAYS: (),
    Availability.MAINTENANCE_WINDOWS: ((60, 120),),
    Availability.OFTEN_OFFLINE: ((540, 240),),
}
# Where each shape puts its peak (minute of the day, and how wide it is).
BUSINESS_HOURS = (480, 1080)
RAMP_MINUTES = 60
LUNCH_MIDDLE, LUNCH_SPREAD = 750, 40.0
SALE_START, SALE_MINUTES, SALE_DECAY = 1200, 15, 45.0
EMPTY = 1e-9


@dataclass(frozen=True, slots=True)
class Outage:
    start_minute: int
    minutes: int

    @property
    def end_minute(self) -> int:
        return self.start_minute + self.minutes


def _peak_profile(shape: Shape) -> list[float]:
    """Where the peak sits, 0 (base) to 1 (the peak), minute by minute."""
    if shape == "flat":
        return [0.0] * MINUTES
    if shape == "business_day":
        start, end = BUSINESS_HOURS
        return [max(0.0, min(1.0, (t - start + 1) / RAMP_MINUTES, (end - t) / RAMP_MINUTES)) for t in range(MINUTES)]
    if shape == "lunch_peak":
        return [math.exp(-(((t - LUNCH_MIDDLE) / LUNCH_SPREAD) ** 2) / 2) for t in range(MINUTES)]
    return [
        0.0
        if t < SALE_START
        else 1.0
        if t < SALE_START + SALE_MINUTES
        else math.exp(-(t - SALE_START - SALE_MINUTES) / SALE_DECAY)
        for t in range(MINUTES)
    ]


PROFILES: Final[dict[Shape, tuple[float, ...]]] = {shape: tuple(_peak_profile(shape)) for shape in SHAPES}
# The profile summed up to each minute (MINUTES + 1 values, from 0): what arrives between two minutes is a
# difference of two of these, whatever the outage.
RUNNING: Final[dict[Shape, tuple[float, ...]]] = {
    shape: tuple(accumulate(profile, initial=0.0)) for shape, profile in PROFILES.items()
}


def default_shape(peak_factor: float) -> Shape:
    return "flat" if peak_factor <= 1 else "business_day"


def default_capacity(volume_per_day: float, peak_factor: float) -> float:
    """The peak per minute with the headroom the technology sizing leaves (TARGET_UTILISATION)."""
    return volume_per_day / MINUTES * peak_factor / TARGET_UTILISATION


def default_outages(availability: Availability) -> tuple[Outage, ...]:
    # Not sure how available the consumer is: the sizing plans for one that is often offline, and so do we.
    windows = DEFAULT_OUTAGES.get(availability, DEFAULT_OUTAGES[Availability.OFTEN_OFFLINE])
    return tuple(Outage(start, minutes) for start, minutes in windows)


def levels(volume_per_day: float, peak_factor: float, shape: Shape) -> tuple[float, float]:
    """The base and the peak a minute: the peak is `peak_factor` times the mean where the shape leaves room for
    it (a short sale cannot hold a whole day's volume at ten times the mean)."""
    mean = volume_per_day / MINUTES
    weight = RUNNING[shape][-1]
    if weight == 0 or peak_factor <= 1:
        return mean, mean
    peak = peak_factor * mean
    base = (MINUTES * mean - peak * weight) / (MINUTES - weight)
    if base < 0:
        return 0.0, MINUTES * mean / weight
    return base, peak


def arrivals(volume_per_day: float, peak_factor: float, shape: Shape) -> list[float]:
    """Messages per minute summing to the day's volume, shaped between the base and the peak."""
    base, peak = levels(volume_per_day, peak_factor, shape)
    return [base + (peak - base) * g for g in PROFILES[shape]]


@dataclass(frozen=True, slots=True)
class OutageQuote:
    """The default scenario's outage of every consumer, and what it does, counted per consumer."""

    outage: Outage
    retries: int
    # What arrives while the consumers are down: all of it waits in a queue, the largest backlog of the day.
    held: float
    # Point-to-point calls that fail every attempt.
    lost: float
    # From the outage's end until the queue is empty; None when nothing arrived to wait.
    drain_minutes: float | None


def outage_quote(
    volume_per_day: float, peak_factor: float, consumers: int, availability: Availability
) -> OutageQuote | None:
    """What the simulation's default outcome says of the default outage, without simulating the day.

    None when the default scenario has no outage. The closed forms hold because of where the defaults put
    things: each default outage falls where its shape is level (flat all day; a business day's night or its
    09:00-17:00 peak); the default capacity exceeds every minute's arrivals, so nothing waits before the
    outage and the backlog shrinks every minute after it, draining before midnight; and the sizing's retention
    (at least 24 hours) outlasts the day, so a queue loses nothing. tests/engine/test_simulation_quote.py
    checks every figure against the simulation.
    """
    windows = default_outages(availability)
    if not windows or consumers == 0:
        return None
    [outage] = windows
    day = _Day(default_shape(peak_factor), *levels(volume_per_day, peak_factor, default_shape(peak_factor)))
    held = day.arrived(outage.start_minute, outage.end_minute)
    # A call failing in the outage's last minute is retried 1, 2, 4 ... seconds later: the share of each
    # retry that lands past the minute reaches a consumer that is back; every other attempt fails too.
    spilled = sum(FIRST_BACKOFF_SECONDS * 2**k for k in range(DEFAULT_RETRIES)) / 60
    lost = held - day.rate(outage.end_minute - 1) * spilled
    capacity = default_capacity(volume_per_day, peak_factor)
    drain = _drain(day, consumers * held, consumers * capacity, outage.end_minute, consumers)
    return OutageQuote(outage, DEFAULT_RETRIES, consumers * held, consumers * lost, drain)


@dataclass(frozen=True, slots=True)
class _Day:
    """One consumer's copy of the day's arrivals, read a minute or a stretch at a time."""

    shape: Shape
    base: float
    peak: float

    def rate(self, minute: int) -> float:
        return self.base + (self.peak - self.base) * PROFILES[self.shape][minute]

    def arrived(self, first: int, last: int) -> float:
        """From minute `first` up to, not including, minute `last`."""
        running = RUNNING[self.shape]
        return (last - first) * self.base + (self.peak - self.base) * (running[last] - running[first])


def _drain(day: _Day, held: float, capacity: float, end: int, consumers: int) -> float | None:
    """Minutes until a backlog of `held` at the outage's end is worked off at the capacity less the arrivals
    (all consumers together), the last minute counted as simulation.drain_minutes counts it."""
    if held <= EMPTY:
        return None

    def waiting(k: int) -> float:
        """The backlog k minutes after the outage's last minute."""
        return held - k * capacity + consumers * day.arrived(end, end + k)

    # The backlog shrinks every minute: the first minute it is empty, by bisection.
    low, high = 0, MINUTES - end
    assert waiting(high) <= EMPTY, "the default capacity drains a default outage before midnight"
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (low, middle) if waiting(middle) <= EMPTY else (middle, high)
    if high <= 2:
        # The simulation counts the last minute by the pace of the one before it, and has none that early.
        return float(high)
    pace = capacity - consumers * day.rate(end + high - 2)
    return high - 1 + min(1.0, waiting(high - 1) / pace)
