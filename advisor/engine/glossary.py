"""What each number of a recommendation means, in a sentence or two: pages and reports link to these.

The thresholds are read from the rules that use them, so a definition cannot
drift from what the engine does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .recommend import HIGH_MARGIN, LIKELY_SHARE, MEDIUM_MARGIN, SETTLED_SHARE
from .wording import percent


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    name: str
    definition: str


TERMS: Final[tuple[Term, ...]] = (
    Term(
        "score",
        "Score",
        "How well a pattern fits the flow, from 0 to 100 points: the weighted mean of the pattern's fit under "
        "each of the seven factors, times 100. Each factor's contribution is its part of those points; the "
        "contributions add up to the score.",
    ),
    Term(
        "margin",
        "Margin",
        "How many points the winning pattern's score is ahead of the next best pattern's. "
        f"Under {MEDIUM_MARGIN:.0f} points the two are close; from {HIGH_MARGIN:.0f} points the winner is clear.",
    ),
    Term(
        "confidence",
        "Confidence",
        f"High, medium or low. High needs a margin of {HIGH_MARGIN:.0f} points or more, medium "
        f"{MEDIUM_MARGIN:.0f} or more. It drops when answers you were not sure about could change the winner, "
        "and is capped where the answers pull against each other (a direct call for work that must not be "
        "lost, a broker nobody is there to run).",
    ),
    Term(
        "pressure",
        "Pressure",
        "How hard a flow's answers push on one factor, from 0 (not at all) to 1 (as hard as it gets). "
        "High pressure favours the patterns that fit that factor best.",
    ),
    Term(
        "robustness",
        "Robustness",
        "When you are not sure about some answers, the engine tries every plausible answer for them. "
        "The robustness share is the share of those tries in which each pattern wins: 100 % means the "
        f"unknowns cannot change the winner. Below {percent(SETTLED_SHARE)} the confidence is at most medium, "
        f"below {percent(LIKELY_SHARE)} it is low.",
    ),
)
