"""Pressures, fits and scores: the arithmetic behind a recommendation.

A flow's answers become a handful of levels between 0 and 1 (signals). Each
factor's pressure is a fixed mix of signals; each pattern's fit under a factor
is a straight line between its fit at pressure 0 and at pressure 1 (catalog
FITS). A pattern's score is the weighted mean of its fits, times 100, so the
per-factor contributions add up to the score.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

from .answers import UNKNOWN
from .catalog import COMMAND, EVENT, FACTOR_IDS, FITS, PATTERN_IDS, QUERY
from .model import DEFAULT_FLOW, DEFAULT_LANDSCAPE, Flow, Landscape

Signals = dict[str, float]

LEVELS: dict[str, dict[str, float]] = {
    "teams": {"one": 0.0, "few": 0.5, "many": 1.0},
    "change_rate": {"rare": 0.0, "monthly": 0.5, "weekly": 1.0},
    "growth": {"none": 0.0, "some": 0.5, "fast": 1.0},
    "async_experience": {"none": 0.0, "some": 0.5, "strong": 1.0},
    "latency": {"immediate": 1.0, "seconds": 0.6, "minutes": 0.25, "hours": 0.0},
    "delivery": {"best_effort": 0.0, "no_loss": 0.6, "effectively_once": 1.0},
    "consumer_availability": {"always": 0.0, "maintenance_windows": 0.8, "often_offline": 1.0},
}
# Work that may finish later must be held somewhere until it is done.
DEFERRAL = {"immediate": 0.0, "seconds": 0.0, "minutes": 0.7, "hours": 1.0}


def resolved(value: str, field: str, defaults: Mapping[str, object]) -> str:
    """The answer the engine scores: an "unknown" answer counts as the default."""
    return str(defaults[field]) if value == UNKNOWN else value


def kind_of(flow: Flow) -> str:
    """Queries, commands and events fit differently; a command to several consumers is an event."""
    interaction = COMMAND if flow.interaction == UNKNOWN else flow.interaction
    if interaction == COMMAND and flow.fan_out >= 2:
        return EVENT
    return interaction if interaction in (QUERY, EVENT) else COMMAND


def size_level(systems: int) -> float:
    return min(1.0, math.log2(systems / 2) / 5)


def fan_out_level(fan_out: int) -> float:
    return min(1.0, math.log2(fan_out) / 2)


def rate_level(volume_per_day: float, peak_factor: float) -> float:
    peak_per_second = volume_per_day / 86_400 * peak_factor
    return min(1.0, math.log10(1 + peak_per_second) / 4)


def peak_level(peak_factor: float) -> float:
    return min(1.0, math.log10(peak_factor) / 2)


def stack_levels(landscape: Landscape) -> Signals:
    broker = resolved(landscape.existing_broker, "existing_broker", DEFAULT_LANDSCAPE)
    operations = resolved(landscape.operations, "operations", DEFAULT_LANDSCAPE)
    platform = resolved(landscape.platform, "platform", DEFAULT_LANDSCAPE)
    experience = resolved(landscape.async_experience, "async_experience", DEFAULT_LANDSCAPE)
    # Someone must run the broker: a managed service on a cloud, or the team itself.
    capacity = 1.0 if operations == "self_hosted" else {"on_premises": 0.0, "kubernetes": 0.5}.get(platform, 1.0)
    return {
        "broker": 0.0 if broker == "none" else 1.0,
        "experience": LEVELS["async_experience"][experience],
        "capacity": capacity,
    }


def landscape_signals(landscape: Landscape) -> Signals:
    def level(field: str) -> float:
        return LEVELS[field][resolved(getattr(landscape, field), field, DEFAULT_LANDSCAPE)]

    return {
        "size": size_level(landscape.systems),
        "teams": level("teams"),
        "change": level("change_rate"),
        "growth": level("growth"),
        **stack_levels(landscape),
    }


def flow_signals(flow: Flow) -> Signals:
    def answer(field: str) -> str:
        return resolved(getattr(flow, field), field, DEFAULT_FLOW)

    latency = answer("latency")
    return {
        "fan_out": fan_out_level(flow.fan_out),
        "rate": rate_level(flow.volume_per_day, flow.peak_factor),
        "peak": peak_level(flow.peak_factor),
        "urgency": LEVELS["latency"][latency],
        "deferral": DEFERRAL[latency],
        "delivery": LEVELS["delivery"][answer("delivery")],
        "availability": LEVELS["consumer_availability"][answer("consumer_availability")],
    }


def _error_handling(s: Signals) -> float:
    # A consumer that is away, swamped by peaks, or doing work that finishes
    # later matters only as much as losing the work matters.
    care = 0.4 if s["delivery"] == 0 else 1.0
    return min(1.0, 0.3 * s["delivery"] + 0.7 * care * max(s["availability"], s["deferral"], s["peak"]))


PRESSURES: dict[str, Callable[[Signals], float]] = {
    "complexity": lambda s: 0.45 * s["size"] + 0.25 * s["teams"] + 0.3 * s["fan_out"],
    "data_volume": lambda s: min(1.0, 0.7 * s["rate"] + 0.3 * s["peak"]),
    "real_time": lambda s: s["urgency"],
    "loose_coupling": lambda s: 0.5 * s["fan_out"] + 0.2 * s["change"] + 0.3 * s["availability"],
    "scalability": lambda s: 0.4 * s["growth"] + 0.3 * s["rate"] + 0.3 * s["fan_out"],
    "error_handling": _error_handling,
    "tech_stack": lambda s: 0.5 * s["broker"] + 0.3 * s["experience"] + 0.2 * s["capacity"],
}

# Which factors each signal feeds, so a changed answer re-scores only those.
FACTORS_OF_SIGNAL: dict[str, tuple[str, ...]] = {
    "size": ("complexity",),
    "teams": ("complexity",),
    "rate": ("data_volume", "scalability"),
    "peak": ("data_volume", "error_handling"),
    "urgency": ("real_time",),
    "fan_out": ("complexity", "loose_coupling", "scalability"),
    "change": ("loose_coupling",),
    "growth": ("scalability",),
    "deferral": ("error_handling",),
    "delivery": ("error_handling",),
    "availability": ("error_handling", "loose_coupling"),
    "broker": ("tech_stack",),
    "experience": ("tech_stack",),
    "capacity": ("tech_stack",),
}


# Signals that every pressure they feed is a straight line in (no max, no cap reached).
LINEAR_SIGNALS = frozenset({"rate", "fan_out"})


# Which signals each answer sets (the interaction sets the kind, which every factor's fits depend on).
SIGNALS_OF_FIELD: dict[str, tuple[str, ...]] = {
    "systems": ("size",),
    "teams": ("teams",),
    "change_rate": ("change",),
    "growth": ("growth",),
    "platform": ("capacity",),
    "existing_broker": ("broker",),
    "operations": ("capacity",),
    "async_experience": ("experience",),
    "consumers": ("fan_out",),
    "latency": ("urgency", "deferral"),
    "volume_per_day": ("rate",),
    "peak_factor": ("rate", "peak"),
    "delivery": ("delivery",),
    "consumer_availability": ("availability",),
}


def drivers_of(factor_id: str) -> tuple[str, ...]:
    """The answers whose changes move a factor's pressure."""
    return tuple(
        field
        for field, signals in SIGNALS_OF_FIELD.items()
        if any(factor_id in FACTORS_OF_SIGNAL[signal] for signal in signals)
    )


def pressures(signals: Signals) -> dict[str, float]:
    return {factor_id: PRESSURES[factor_id](signals) for factor_id in FACTOR_IDS}


def fit(factor_id: str, kind: str, pattern_id: str, pressure: float) -> float:
    low, high = FITS[factor_id][kind][pattern_id]
    return low + (high - low) * pressure


# Each fit as (fit at pressure 0, rise to pressure 1), in pattern order.
LINES: dict[tuple[str, str], tuple[tuple[float, float], ...]] = {
    (factor_id, kind): tuple((low, high - low) for low, high in (by_kind[kind][p] for p in PATTERN_IDS))
    for factor_id, by_kind in FITS.items()
    for kind in by_kind
}


def raw_contributions(factor_id: str, kind: str, pressure: float, share: float) -> tuple[float, float, float]:
    """A factor's share of each pattern's score, in points, before rounding."""
    (a, da), (b, db), (c, dc) = LINES[factor_id, kind]
    points = share * 100
    return points * (a + da * pressure), points * (b + db * pressure), points * (c + dc * pressure)


def shares(weights: Mapping[str, float]) -> dict[str, float]:
    total = sum(weights.get(f, 1.0) for f in FACTOR_IDS)
    return {f: weights.get(f, 1.0) / total for f in FACTOR_IDS}


def winner_of(totals: tuple[float, float, float]) -> str:
    """The top score; ties go to the simpler pattern (catalog order)."""
    best = max(totals)
    return PATTERN_IDS[totals.index(best)]


def rounded_contributions(raw: dict[str, tuple[float, float, float]]) -> dict[str, dict[str, float]]:
    """Round to hundredths so that each pattern's contributions add up to its rounded score exactly.

    Every contribution is rounded; the few hundredths by which their sum misses
    the rounded score go to the pattern's largest contribution.
    """
    factors = list(raw)
    columns: list[list[int]] = []
    for index in range(len(PATTERN_IDS)):
        exact = [raw[f][index] * 100 for f in factors]
        units = [round(x) for x in exact]
        largest = max(range(len(exact)), key=exact.__getitem__)
        units[largest] += round(sum(exact)) - sum(units)
        columns.append(units)
    return {
        f: {pattern_id: columns[p][i] / 100 for p, pattern_id in enumerate(PATTERN_IDS)} for i, f in enumerate(factors)
    }
