"""Small pieces of English the engine's sentences are built from: counts, lists, answers in words."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

AVAILABILITY = {
    "always": "is always available",
    "maintenance_windows": "is down during maintenance windows",
    "often_offline": "is often offline",
}
SENDER_AVAILABILITY = {
    "always": "is always connected",
    "maintenance_windows": "is offline during maintenance windows",
    "often_offline": "is often offline",
}
LATENCY = {
    "immediate": "at once (the caller waits, under a second)",
    "seconds": "within seconds",
    "minutes": "within minutes",
    "hours": "within hours",
}
LATENCY_SHORT = {
    "immediate": "immediate",
    "seconds": "within seconds",
    "minutes": "within minutes",
    "hours": "within hours",
}
DELIVERY = {
    "best_effort": "a loss is acceptable",
    "no_loss": "nothing may be lost",
    "effectively_once": "nothing may be lost or take effect twice",
}
RECEIVERS = {"device": "phones or devices", "browser": "browser sessions"}
# An app on phones or a page in browsers is one consumer that many devices or sessions run.
REACH = {"device": " on many devices", "browser": " in many browsers"}


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """'1 flow', '2 flows', '0 flows': the count and the noun in agreement."""
    return f"{count:,} {noun if count == 1 else nouns or noun + 's'}"


def listed(items: Sequence[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def names(systems: Sequence[str], shown: int = 4) -> str:
    """System names for a sentence: the first few, then how many more."""
    if len(systems) <= shown:
        return listed(systems)
    return f"{', '.join(systems[:shown])} and {len(systems) - shown} more"


def number(value: float) -> str:
    """A number as given, as people write it: 20,000 or 1,000.125, never 1e+06 or rounded."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def whole(points: float) -> int:
    """A score in the whole points pages show, halves rounded up as Django's floatformat rounds them."""
    return int(Decimal(str(points)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent(share: float) -> str:
    return f"{round(share * 100)} %"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
