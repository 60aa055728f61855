"""The words a reader of the report meets, each in a sentence or two."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from advisor.engine.catalog import PATTERNS
from advisor.engine.recommend import HIGH_MARGIN, LIKELY_SHARE, MEDIUM_MARGIN, SETTLED_SHARE
from advisor.engine.wording import percent


@dataclass(frozen=True, slots=True)
class Term:
    name: str
    definition: str


TERMS: Final[tuple[Term, ...]] = (
    *(Term(p.name, p.summary) for p in PATTERNS.values()),
    Term(
        "Score",
        "How well a pattern fits a flow, from 0 to 100 points: the weighted mean of the pattern's fit under each of "
        "the seven factors. Each factor's contribution is its part of those points; the contributions add up to "
        "the score.",
    ),
    Term(
        "Margin",
        "How many points the winning pattern is ahead of the next best. Under "
        f"{MEDIUM_MARGIN:.0f} points the two are close; from {HIGH_MARGIN:.0f} points the winner is clear.",
    ),
    Term(
        "Confidence",
        f"High, medium or low. High needs a margin of {HIGH_MARGIN:.0f} points or more, medium {MEDIUM_MARGIN:.0f} "
        "or more; it drops when a “not sure” answer could change the winner, and is capped where the answers pull "
        "against each other.",
    ),
    Term(
        "Pressure",
        "How hard a flow's answers push on one factor, from 0 (not at all) to 1 (as hard as it gets).",
    ),
    Term(
        "Robustness",
        "For a flow with “not sure” answers, the share of their plausible values under which each pattern wins. "
        f"Below {percent(SETTLED_SHARE)} the confidence is at most medium, below {percent(LIKELY_SHARE)} it is low.",
    ),
    Term(
        "Severity",
        "How much harm a risk does here if it happens: high, medium or low. Actions are listed by it, then by how "
        "many flows they protect.",
    ),
    Term("Fan-out", "How many systems consume a flow's messages."),
    Term("Flip", "The smallest change of one answer that would give a flow another pattern."),
    Term(
        "Dead-letter queue",
        "Where a broker puts messages that failed too often, so one bad message does not block the rest.",
    ),
    Term(
        "Idempotent",
        "Safe to receive twice: handling a message again has no further effect (keep processed message ids).",
    ),
    Term(
        "Outbox",
        "Writing a message to the sender's own database in the same transaction as the change, then relaying it: "
        "nothing is lost if the sender crashes in between.",
    ),
)
