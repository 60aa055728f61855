"""The choices of every choice question, each declared once, with "not sure" as a choice of its own.

The answers table (answers.py) asks for them, the dataclasses (model.py) hold
them, and the rules compare against these members, never against hand-typed
strings: a misspelt member fails `mypy --strict`, and tests/engine/test_typed_answers.py
fails on a string literal compared in the engine's logic. They are `StrEnum`s,
so a member is the very string the API, the export and the stored inputs carry.
"""

from __future__ import annotations

from enum import StrEnum, unique
from typing import Final

# What every choice question also accepts: "I'm not sure".
UNKNOWN: Final = "unknown"


@unique
class Teams(StrEnum):
    ONE = "one"
    FEW = "few"
    MANY = "many"
    UNKNOWN = "unknown"


@unique
class ChangeRate(StrEnum):
    RARE = "rare"
    MONTHLY = "monthly"
    WEEKLY = "weekly"
    UNKNOWN = "unknown"


@unique
class Growth(StrEnum):
    NONE = "none"
    SOME = "some"
    FAST = "fast"
    UNKNOWN = "unknown"


@unique
class Platform(StrEnum):
    AWS = "aws"
    AZURE = "azure"
    GCP = "gcp"
    KUBERNETES = "kubernetes"
    ON_PREMISES = "on_premises"
    ANY = "any"
    UNKNOWN = "unknown"


@unique
class Broker(StrEnum):
    """A broker the team already runs."""

    NONE = "none"
    RABBITMQ = "rabbitmq"
    KAFKA = "kafka"
    PULSAR = "pulsar"
    SQS = "sqs"
    SERVICE_BUS = "service_bus"
    EVENTBRIDGE = "eventbridge"
    PUBSUB = "pubsub"
    NATS = "nats"
    UNKNOWN = "unknown"


@unique
class Operations(StrEnum):
    MANAGED = "managed"
    SELF_HOSTED = "self_hosted"
    UNKNOWN = "unknown"


@unique
class Experience(StrEnum):
    """The team's experience with asynchronous systems."""

    NONE = "none"
    SOME = "some"
    STRONG = "strong"
    UNKNOWN = "unknown"


@unique
class Interaction(StrEnum):
    QUERY = "query"
    COMMAND = "command"
    EVENT = "event"
    UNKNOWN = "unknown"


@unique
class Latency(StrEnum):
    IMMEDIATE = "immediate"
    SECONDS = "seconds"
    MINUTES = "minutes"
    HOURS = "hours"
    UNKNOWN = "unknown"


@unique
class Delivery(StrEnum):
    BEST_EFFORT = "best_effort"
    NO_LOSS = "no_loss"
    EFFECTIVELY_ONCE = "effectively_once"
    UNKNOWN = "unknown"


@unique
class Ordering(StrEnum):
    NONE = "none"
    PER_KEY = "per_key"
    GLOBAL = "global"
    UNKNOWN = "unknown"


@unique
class Availability(StrEnum):
    """Of a consumer, or of a sender's connection."""

    ALWAYS = "always"
    MAINTENANCE_WINDOWS = "maintenance_windows"
    OFTEN_OFFLINE = "often_offline"
    UNKNOWN = "unknown"


@unique
class ConsumerKind(StrEnum):
    SERVICE = "service"
    DEVICE = "device"
    BROWSER = "browser"
    UNKNOWN = "unknown"


@unique
class Replay(StrEnum):
    NO = "no"
    YES = "yes"
    UNKNOWN = "unknown"


@unique
class SenderKind(StrEnum):
    SERVICE = "service"
    DEVICE = "device"
    UNKNOWN = "unknown"


@unique
class Transaction(StrEnum):
    """Whether the flow is one step of a business transaction that spans several systems."""

    SINGLE = "single"
    MULTI_STEP = "multi_step"
    UNKNOWN = "unknown"


@unique
class Freshness(StrEnum):
    """Whether an answer may be served slightly stale (from a cache or a copy)."""

    MAY_BE_STALE = "may_be_stale"
    MUST_BE_CURRENT = "must_be_current"
    UNKNOWN = "unknown"


Choice = (
    Teams
    | ChangeRate
    | Growth
    | Platform
    | Broker
    | Operations
    | Experience
    | Interaction
    | Latency
    | Delivery
    | Ordering
    | Availability
    | ConsumerKind
    | Replay
    | SenderKind
    | Transaction
    | Freshness
)

# Latencies a caller can wait for: a query due later is handed over, not waited for.
WAITED = (Latency.IMMEDIATE, Latency.SECONDS)
# A consumer or sender that is sometimes away.
AWAY = (Availability.MAINTENANCE_WINDOWS, Availability.OFTEN_OFFLINE)
# Work that must not be lost.
KEPT = (Delivery.NO_LOSS, Delivery.EFFECTIVELY_ONCE)
# A command to a device lives as long as its latency answer allows, in hours: one due within seconds is stale minutes
# later (assumed 5 minutes), one due within minutes an hour later. A command due within hours waits for the device as
# long as it may be away. The sender waits for the acknowledgement until then, and escalates.
COMMAND_EXPIRY_HOURS: dict[str, float] = {Latency.IMMEDIATE: 5 / 60, Latency.SECONDS: 5 / 60, Latency.MINUTES: 1.0}


def command_expiry(interaction: str, consumer_kind: str, latency: str, availability: str) -> float | None:
    """How long a command to devices lives, in hours, where its latency sets it; None otherwise.

    A device often out of reach is away for longer than an hour as a matter of course: a command to it due within
    minutes (a work order to a technician's tablet) is kept until it is acknowledged or cancelled, and escalated
    when not acknowledged by its deadline (command_deadline). One due within seconds (open a valve, unlock a door)
    is stale however long the device is away."""
    if interaction != Interaction.COMMAND or consumer_kind != ConsumerKind.DEVICE:
        return None
    if latency == Latency.MINUTES and availability == Availability.OFTEN_OFFLINE:
        return None
    return COMMAND_EXPIRY_HOURS.get(latency)


def command_deadline(interaction: str, consumer_kind: str, latency: str, availability: str) -> float | None:
    """Hours after which a command kept for a device often away is escalated when not acknowledged; None where
    the command expires instead, or has no deadline within a day."""
    if command_expiry(interaction, consumer_kind, latency, availability) is not None:
        return None
    if interaction != Interaction.COMMAND or consumer_kind != ConsumerKind.DEVICE:
        return None
    return COMMAND_EXPIRY_HOURS.get(latency)


def options(choice: type[StrEnum]) -> tuple[str, ...]:
    """The choices a person can give, "not sure" aside, in the order they are asked, as the plain strings
    the API and the forms show."""
    return tuple(member.value for member in choice if member != UNKNOWN)
