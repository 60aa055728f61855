"""The words a reader of the report meets, each in a sentence or two: the patterns, the numbers, the rest."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from advisor.engine import glossary as numbers
from advisor.engine.catalog import PATTERNS


@dataclass(frozen=True, slots=True)
class Term:
    name: str
    definition: str


TERMS: Final[tuple[Term, ...]] = (
    *(Term(p.name, p.summary) for p in PATTERNS.values()),
    # The numbers, worded once for the results page and the report.
    *(Term(term.name, term.definition) for term in numbers.TERMS),
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
