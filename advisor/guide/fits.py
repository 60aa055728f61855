"""The fit table the guide pages show, computed from the engine's own numbers.

A page that says "event-driven fits loose coupling best" reads it from here,
so it cannot contradict the scores.
"""

from __future__ import annotations

from typing import Any

from advisor import charts
from advisor.engine.catalog import FACTOR_IDS, FACTORS, FITS, PATTERN_IDS, QUERY


def high_pressure_fits(factor_id: str) -> dict[str, float]:
    """Each pattern's fit when the factor's pressure is high, averaged over the kinds of interaction
    that can use every pattern (commands and events; queries need an answer, so only a call fits)."""
    kinds = [k for k in FITS[factor_id] if k != QUERY]
    return {p: round(sum(FITS[factor_id][k][p][1] for k in kinds) / len(kinds), 3) for p in PATTERN_IDS}


def strongest_pattern(fits: dict[str, float]) -> str:
    return max(PATTERN_IDS, key=lambda p: (fits[p], -PATTERN_IDS.index(p)))


def factor_fit_rows() -> list[tuple[str, dict[str, float], str]]:
    """(factor id, fit per pattern at high pressure, the pattern that fits best)."""
    rows = []
    for factor_id in FACTOR_IDS:
        fits = high_pressure_fits(factor_id)
        rows.append((factor_id, fits, strongest_pattern(fits)))
    return rows


def fit_chart(rows: list[tuple[str, dict[str, float], str]]) -> dict[str, Any]:
    """The fit table as grouped bars, one group per factor."""
    return charts.fit_matrix([(FACTORS[f].name, fits) for f, fits, _ in rows])
