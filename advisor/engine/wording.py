"""Small pieces of English the engine's sentences are built from: counts, lists, answers in words."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from .choices import Availability, ConsumerKind, Delivery, Latency
from .model import Span

AVAILABILITY: dict[str, str] = {
    Availability.ALWAYS: "is always available",
    Availability.MAINTENANCE_WINDOWS: "is down during maintenance windows",
    Availability.OFTEN_OFFLINE: "is often offline",
}
SENDER_AVAILABILITY: dict[str, str] = {
    Availability.ALWAYS: "is always connected",
    Availability.MAINTENANCE_WINDOWS: "is offline during maintenance windows",
    Availability.OFTEN_OFFLINE: "is often offline",
}
LATENCY: dict[str, str] = {
    Latency.IMMEDIATE: "at once (the caller waits, under a second)",
    Latency.SECONDS: "within seconds",
    Latency.MINUTES: "within minutes",
    Latency.HOURS: "within hours",
}
LATENCY_SHORT: dict[str, str] = {
    Latency.IMMEDIATE: "immediate",
    Latency.SECONDS: "within seconds",
    Latency.MINUTES: "within minutes",
    Latency.HOURS: "within hours",
}
DELIVERY: dict[str, str] = {
    Delivery.BEST_EFFORT: "a loss is acceptable",
    Delivery.NO_LOSS: "nothing may be lost",
    Delivery.EFFECTIVELY_ONCE: "nothing may be lost or take effect twice",
}
# Why the default scenario takes the consumer down for the outage it does (traffic.DEFAULT_OUTAGES).
OUTAGE_WHY: dict[str, str] = {
    Availability.MAINTENANCE_WINDOWS: "a night's maintenance window",
    Availability.OFTEN_OFFLINE: "half a working day away",
    Availability.UNKNOWN: "what the what-if assumes when its availability is not sure",
}
RECEIVERS: dict[str, str] = {ConsumerKind.DEVICE: "phones or devices", ConsumerKind.BROWSER: "browser sessions"}
# An app on phones or a page in browsers is one consumer that many devices or sessions run.
REACH: dict[str, str] = {ConsumerKind.DEVICE: " on many devices", ConsumerKind.BROWSER: " in many browsers"}
# Phones and browsers reached by push with nothing kept on the way: the push is a hint, and what they show comes
# from the back end, the same words in the reasons and the sizing.
CURRENT_STATE = (
    "the back end keeps the current state (an inbox or a snapshot) that each app or page fetches when it opens or "
    "reconnects"
)

# A command to devices that expires with its latency answer (choices.command_expiry): what the broker keeps, and the
# risk, in the reasons and the risks alike. It is escalated, never run late from a queue or a desired state.
EXPIRING_HELD = (
    "the device broker keeps each device's commands only until they expire: one not acknowledged by then is "
    "escalated, never run late"
)
EXPIRING_RISK = (
    "A command the device does not acknowledge before it expires (it is offline or out of reach) is not carried out, "
    "and one carried out late would be stale.",
    "Give each command a time to live that follows how soon it is due and an acknowledgement deadline; when no "
    "acknowledgement comes in time, escalate (tell the user the device did not respond, or call the site) and never "
    "run it later from a queue or a desired state.",
)


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


def in_sentence(label: str) -> str:
    """A label inside a sentence: "Messages per day" → "messages per day"; "Message size (KB)" keeps its unit."""
    return label[:1].lower() + label[1:]


def amount(value: float | Span) -> str:
    """A number answer in words: as given, a range as "3–10", and "not sure" when unknown."""
    if not isinstance(value, Span):
        return number(value)
    return "not sure" if value.unknown else f"{number(value.low)}–{number(value.high)}"


def message_size(kb: float) -> str:
    """A message size as people say it: 2,000 KB is "1.95 MB", not "1.953125 MB"; a whole MB stays whole."""
    if kb < 1024:
        return f"{number(kb)} KB"
    mb = kb / 1024
    return f"{number(mb if mb.is_integer() else round(mb) if mb >= 100 else float(f'{mb:.3g}'))} MB"


def in_words(value: float | Span, words: str, label: str) -> str:
    """A number answer in its phrase ("{} a day"): "20,000 a day", "10,000–50,000 a day", or "<label> not sure"."""
    if isinstance(value, Span) and value.unknown:
        return f"{label} not sure"
    return words.format(amount(value))


def whole(points: float) -> int:
    """A score in the whole points pages show, halves rounded up as Django's floatformat rounds them."""
    return int(Decimal(str(points)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def percent(share: float) -> str:
    return f"{round(share * 100)} %"


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def about(count: float) -> str:
    """A simulated count as a sentence quotes it: whole under 100, else 'about' and two significant figures."""
    whole_count = round(count)
    if whole_count < 100:
        return f"{whole_count:,}"
    magnitude = 10 ** (len(str(whole_count)) - 2)
    return f"about {round(count / magnitude) * magnitude:,}"


def duration(minutes: float) -> str:
    """Minutes as the what-if shows them: 'under a minute', '25 min', '9 h 20 min'."""
    if minutes < 1:
        return "under a minute" if minutes > 0 else "0 min"
    whole_minutes = round(minutes)
    return f"{whole_minutes // 60} h {whole_minutes % 60:02d} min" if whole_minutes >= 60 else f"{whole_minutes} min"


def lifetime(hours: float) -> str:
    """'72 hours', or '5 minutes' for a time to live under an hour."""
    if hours >= 1:
        return plural(int(hours), "hour")
    return plural(round(hours * 60), "minute")


def clock(minute: int) -> str:
    """Minute 570 of the day as 09:30; minute 1440 as 24:00, the day's end."""
    return f"{minute // 60:02d}:{minute % 60:02d}"
