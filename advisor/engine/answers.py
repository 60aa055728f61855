"""Every answer an assessment takes: its kind, limits, choices and the words that ask for it.

The validator, the API schema, the forms and the pages read the answers from
here, so a limit or a choice is written once. Defaults live on the dataclasses
in model.py (the values an omitted answer takes) and are read from there.
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, fields
from enum import StrEnum
from typing import Final, Literal, TypedDict, get_type_hints

from .choices import (
    UNKNOWN,
    Availability,
    Broker,
    ChangeRate,
    ConsumerKind,
    Delivery,
    Experience,
    Freshness,
    Growth,
    Interaction,
    Latency,
    Operations,
    Ordering,
    Platform,
    Replay,
    SenderKind,
    Teams,
    Transaction,
    options,
)
from .model import Flow, Landscape, Span
from .wording import in_sentence

__all__ = ["ANSWERS", "FLOW_ANSWERS", "LANDSCAPE_ANSWERS", "UNKNOWN", "Answer", "Answers", "Span"]

Scope = Literal["landscape", "flow"]
Kind = Literal["choice", "integer", "number", "text", "names"]


@dataclass(frozen=True, slots=True)
class Answer:
    id: str
    scope: Scope
    kind: Kind
    label: str
    question: str
    help: str = ""
    choices: tuple[str, ...] = ()
    # Inclusive bounds: of the number for numbers, of the length for text, of the count for names.
    low: float = 0
    high: float = 0
    required: bool = False
    # Ordered choices step from one to the next ("rare" → "monthly" → "weekly"); unordered ones do not.
    ordered: bool = True
    # A number as a person would type it, shown with a refusal ("for example 20000 or 20k").
    example: str = ""
    # For a number that may be "unknown" (or a range): the values it is scored over when unknown, a spread on
    # a log scale across the answer's bounds, one step per order of magnitude of the signals it feeds.
    plausible: tuple[float, ...] = ()

    @property
    def default(self) -> object:
        """The value an omitted answer takes (a required answer has none)."""
        owner = Landscape if self.scope == "landscape" else Flow
        found = next(f for f in fields(owner) if f.name == self.id)
        return None if found.default is MISSING else found.default

    @property
    def in_sentence(self) -> str:
        """The label inside a sentence: "message size (KB)", keeping the unit's capitals."""
        return in_sentence(self.label)

    @property
    def accepts_unknown(self) -> bool:
        return self.kind == "choice" or bool(self.plausible)

    @property
    def accepts_range(self) -> bool:
        return bool(self.plausible)


LANDSCAPE_ANSWERS: Final[dict[str, Answer]] = {
    a.id: a
    for a in (
        Answer(
            "systems",
            "landscape",
            "integer",
            "Systems",
            "How many systems take part?",
            "Every application, service or SaaS product that sends or receives data (2 to 500).",
            low=2,
            high=500,
            example="12",
        ),
        Answer(
            "teams",
            "landscape",
            "choice",
            "Teams",
            "How many independent teams own them?",
            "Teams that release on their own schedule.",
            options(Teams),
        ),
        Answer(
            "change_rate",
            "landscape",
            "choice",
            "Interface changes",
            "How often do the interfaces between them change?",
            choices=options(ChangeRate),
        ),
        Answer(
            "growth",
            "landscape",
            "choice",
            "Growth",
            "Will new systems or consumers join?",
            "More consumers favour publish/subscribe.",
            options(Growth),
        ),
        Answer(
            "platform",
            "landscape",
            "choice",
            "Platform",
            "Where does it run?",
            "Decides which managed services can be suggested.",
            options(Platform),
            ordered=False,
        ),
        Answer(
            "existing_broker",
            "landscape",
            "choice",
            "Existing broker",
            "Which broker do you already run?",
            "A fitting broker you already run is suggested first.",
            options(Broker),
            ordered=False,
        ),
        Answer(
            "operations",
            "landscape",
            "choice",
            "Operations",
            "Who would run a broker?",
            choices=options(Operations),
            ordered=False,
        ),
        Answer(
            "async_experience",
            "landscape",
            "choice",
            "Async experience",
            "How much experience does the team have with asynchronous systems?",
            choices=options(Experience),
        ),
    )
}

FLOW_ANSWERS: Final[dict[str, Answer]] = {
    a.id: a
    for a in (
        Answer(
            "name",
            "flow",
            "text",
            "Name",
            "Name of the flow",
            "For example “Order placed” or “Customer lookup”.",
            low=1,
            high=120,
            required=True,
        ),
        Answer("source", "flow", "text", "Source", "Which system sends it?", low=0, high=80),
        Answer(
            "consumers",
            "flow",
            "names",
            "Consumers",
            "Which systems receive it?",
            "Names separated by commas, each named once. Three or more receivers, or two with more to come: "
            "usually an event.",
            low=1,
            high=50,
        ),
        Answer(
            "interaction",
            "flow",
            "choice",
            "Interaction",
            "What does the sender expect?",
            choices=options(Interaction),
            required=True,
            ordered=False,
        ),
        Answer(
            "latency",
            "flow",
            "choice",
            "Latency",
            "How soon must it arrive, or be answered?",
            choices=options(Latency),
        ),
        Answer(
            "volume_per_day",
            "flow",
            "integer",
            "Messages per day",
            "About how many messages a day?",
            "A whole number; 0 to 100,000,000,000.",
            low=0,
            high=10**11,
            example="20000 or 20k",
            plausible=(100, 10_000, 1_000_000, 100_000_000),
        ),
        Answer(
            "peak_factor",
            "flow",
            "number",
            "Peak factor",
            "How much busier is the peak than the average?",
            "1 means steady; 10 means the busiest hour carries ten times the average rate.",
            low=1,
            high=10_000,
            example="3",
            plausible=(1, 3, 10, 30),
        ),
        Answer(
            "delivery",
            "flow",
            "choice",
            "Delivery",
            "May a message be lost?",
            choices=options(Delivery),
        ),
        Answer(
            "ordering",
            "flow",
            "choice",
            "Ordering",
            "Must messages arrive in order?",
            choices=options(Ordering),
        ),
        Answer(
            "consumer_availability",
            "flow",
            "choice",
            "Consumer availability",
            "Is the receiving system always available?",
            choices=options(Availability),
        ),
        Answer(
            "source_availability",
            "flow",
            "choice",
            "Sender availability",
            "Is the sending system always connected?",
            "Tills, phones and field devices go offline: then the sender itself must keep what it sends.",
            options(Availability),
        ),
        Answer(
            "consumer_kind",
            "flow",
            "choice",
            "Receiver kind",
            "What kind of system receives it?",
            "Phones and browser sessions are reached by push or a persistent connection; machines (sensors, "
            "vending machines, vehicles) take commands over MQTT from a broker that queues them per device.",
            options(ConsumerKind),
            ordered=False,
        ),
        Answer(
            "message_size_kb",
            "flow",
            "number",
            "Message size (KB)",
            "How large is a typical message, in KB?",
            "0.1 to 1,048,576 KB (1 GB). Large payloads travel by reference (claim check).",
            low=0.1,
            high=1_048_576,
            example="4 or 0.5",
            plausible=(1, 64, 1024),
        ),
        Answer(
            "replay",
            "flow",
            "choice",
            "Replay",
            "Must consumers re-read past messages?",
            "For example a new consumer catching up, or reprocessing after a bug.",
            options(Replay),
        ),
        Answer(
            "source_kind",
            "flow",
            "choice",
            "Sender kind",
            "What kind of system sends it?",
            "Devices (sensors, vehicles, machines) publish over MQTT to a broker made for them.",
            options(SenderKind),
            ordered=False,
        ),
        Answer(
            "transaction",
            "flow",
            "choice",
            "Business transaction",
            "Is it one step of a business transaction across several systems?",
            "For example reserve stock, then charge the card, then ship: a step is undone if a later one fails.",
            options(Transaction),
            ordered=False,
        ),
        Answer(
            "freshness",
            "flow",
            "choice",
            "Freshness",
            "May an answer be slightly out of date?",
            "A product description may come from a cache; a payment authorisation or a stock reservation must not.",
            options(Freshness),
            ordered=False,
        ),
    )
}

ANSWERS: Final[dict[str, Answer]] = {**LANDSCAPE_ANSWERS, **FLOW_ANSWERS}


class Answers(TypedDict):
    """Every answer of a flow and of its landscape: the fields of Landscape and Flow, typed as they are.

    Scoring builds tens of thousands of completions per request (an unknown answer set to each plausible
    value), and a dict copy costs a thirtieth of a dataclass `replace`; mypy checks every key and value
    as it would an attribute. tests/engine/test_typed_answers.py keeps it equal to the dataclasses.
    """

    # The answers left out of the input and so taken at their defaults: sentences say "assumed" of them.
    assumed: frozenset[str]
    systems: int
    teams: Teams
    change_rate: ChangeRate
    growth: Growth
    platform: Platform
    existing_broker: Broker
    operations: Operations
    async_experience: Experience
    name: str
    interaction: Interaction
    source: str
    consumers: tuple[str, ...]
    latency: Latency
    volume_per_day: int | Span
    peak_factor: float | Span
    delivery: Delivery
    ordering: Ordering
    consumer_availability: Availability
    source_availability: Availability
    consumer_kind: ConsumerKind
    message_size_kb: float | Span
    replay: Replay
    source_kind: SenderKind
    transaction: Transaction
    freshness: Freshness


def _vocabularies(owner: type) -> dict[str, type[StrEnum]]:
    hints = get_type_hints(owner)
    return {name: kind for name, kind in hints.items() if isinstance(kind, type) and issubclass(kind, StrEnum)}


# Each choice answer's enum, read off the dataclasses' field types: what a validated choice becomes.
VOCABULARY: Final[dict[str, type[StrEnum]]] = {**_vocabularies(Landscape), **_vocabularies(Flow)}
LANDSCAPE_CHOICES: Final[dict[str, tuple[str, ...]]] = {
    a.id: a.choices for a in LANDSCAPE_ANSWERS.values() if a.kind == "choice"
}
FLOW_CHOICES: Final[dict[str, tuple[str, ...]]] = {a.id: a.choices for a in FLOW_ANSWERS.values() if a.kind == "choice"}


def unsure(value: object) -> bool:
    """An answer the person was not sure of: "unknown", or a number given as a range."""
    return value == UNKNOWN or isinstance(value, Span)


def plausible_values(answer: str, value: object) -> tuple[object, ...]:
    """The values an answer the person was not sure of could take: a range's, or every choice."""
    return value.values if isinstance(value, Span) else ANSWERS[answer].choices


def exact(value: float | Span) -> float:
    """A number as one value, where only one can be: in a premise (none holds on a span, rules.Rule) and in a
    completion (which fills one in for it)."""
    if isinstance(value, Span):
        raise TypeError(f"a number not sure of ({value.wire()}) reached a premise or a signal")
    return value


def highest(value: float | Span) -> float:
    """The number at its most: what a range or an unknown answer could reach, for what must hold at the peak."""
    return value.high if isinstance(value, Span) else value


def planned(answer: str, value: float | Span) -> float:
    """The number to size for: as given; a range at its top; unknown at the answer's default (said as assumed)."""
    if not isinstance(value, Span):
        return value
    default = ANSWERS[answer].default
    assert isinstance(default, (int, float))
    return default if value.unknown else value.high


def command_terms(given: Answers) -> tuple[str, str, str, str]:
    """The answers choices.command_expiry and choices.command_deadline read, in their order."""
    return (
        str(given["interaction"]),
        str(given["consumer_kind"]),
        str(given["latency"]),
        str(given["consumer_availability"]),
    )
