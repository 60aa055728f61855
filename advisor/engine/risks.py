"""The risks of the recommended design for a flow, each with its mitigation and severity.

Unlike reasons, risks belong to the design chosen: they depend on the winner
and on how it is applied (the approach), and on the answers that make a risk
more or less harmful.
"""

from __future__ import annotations

from .answers import Answers, command_terms
from .capabilities import CAPABILITIES
from .catalog import EVENT_DRIVEN, MESSAGE_QUEUE, POINT_TO_POINT, QUERY, label
from .choices import (
    AWAY,
    Availability,
    Broker,
    ConsumerKind,
    Delivery,
    Experience,
    Interaction,
    Operations,
    Ordering,
    Platform,
    command_deadline,
    command_expiry,
)
from .model import ApproachId, Risk
from .reasons import known, may_be_cached
from .rules import (
    APPROACH_RULES,
    BUSINESS_TRANSACTION,
    CALLER_OFFLINE,
    ORDERED_WORK,
    SENDER_OFFLINE,
    WAITED_FOR_COMMAND,
)
from .technology import POSITION
from .wording import EXPIRING_RISK, RECEIVERS, lifetime

HIGH, MEDIUM, LOW = "high", "medium", "low"
SEVERITY_ORDER = (HIGH, MEDIUM, LOW)


def risks(given: Answers, winner: str, approach: ApproachId, dead_letters: tuple[str, ...] = ()) -> tuple[Risk, ...]:
    """`dead_letters`: where the technologies listed for the flow set aside what a subscriber cannot process."""
    found = [*_of_the_pattern(given, winner, approach, dead_letters), *_of_the_answers(given, winner, approach)]
    found.sort(key=lambda r: SEVERITY_ORDER.index(r.severity))
    return tuple(found)


# Another company's system cannot be asked for an outbox: the receiving end makes its retries safe.
WEBHOOK_IN = (
    "Where the sender is another company's (a webhook), verify its signature, store or enqueue each message and only "
    "then answer 2xx, so that a failure makes it send again, and deduplicate on its event id: its retries may repeat "
    "or reorder messages."
)


def _of_the_pattern(given: Answers, winner: str, approach: ApproachId, dead_letters: tuple[str, ...]) -> list[Risk]:
    delivery = known(given["delivery"])
    must_keep = delivery != Delivery.BEST_EFFORT
    away = known(given["consumer_availability"]) != Availability.ALWAYS
    found: list[Risk] = []
    # The rule that chose how the pattern is applied brings the risks of that design.
    for rule in APPROACH_RULES:
        if rule.approach == approach and rule.risks is not None:
            found += rule.risks(given)
    if approach == "bulk_transfer":
        # The pattern's own risks belong to messages; a periodic file has the ones above.
        return found
    if winner == POINT_TO_POINT:
        # A direct call keeps order only while one request per key is in flight (R2.5).
        found += ORDERED_WORK.warned(given) + WAITED_FOR_COMMAND.warned(given)
        found.append(
            Risk(
                "The caller fails or hangs when the provider is slow or down.",
                "Timeouts on every call, retries with exponential backoff and jitter, and a circuit breaker that "
                "fails fast; and decide what the caller does when no answer comes: fail closed and hold the work "
                "(a payment awaiting its screening) or fail open with a safe default (a feature flag's default "
                "value).",
                HIGH if away else MEDIUM,
            )
        )
        if known(given["interaction"]) == QUERY:
            found.append(
                Risk(
                    "Read load lands on the provider at every request.",
                    "Cache answers that may be slightly stale; scale the provider horizontally."
                    if may_be_cached(given)
                    else "Scale the provider horizontally; no answer may come from a cache.",
                    LOW,
                )
            )
            if delivery == Delivery.EFFECTIVELY_ONCE:
                found.append(
                    Risk(
                        "A request retried after a timeout takes effect twice (a payment authorised twice), or one "
                        "whose answer never came stays in effect.",
                        "Give each request a unique id that the provider deduplicates on (an idempotency key; for "
                        "card payments the terminal's trace number), retry with the same id, and reverse a request "
                        "whose answer never came.",
                        HIGH,
                    )
                )
        elif must_keep:
            found.append(
                Risk(
                    "Work is lost when every retry fails.",
                    "Send an idempotency key so retries are safe; log and alert on final failures; move to a queue "
                    "if the consumer starts to have downtime.",
                    HIGH,
                )
            )
        found.append(
            Risk(
                "The caller is coupled to the provider's contract.",
                "Version the API and publish its schema (OpenAPI, protobuf).",
                LOW,
            )
        )
    elif winner == MESSAGE_QUEUE:
        if must_keep:
            found.append(
                Risk(
                    "A message is lost on its way to the broker: the sender crashes after its own change and before "
                    "the send, or counts as sent a message the broker never stored.",
                    "Transactional outbox: store the message with the sender's change and send it from there, "
                    f"deleting it only once {_stored(given)}. {WEBHOOK_IN}",
                    HIGH,
                )
            )
        found += [
            Risk(
                "Redelivery after a failure produces duplicates.",
                "Idempotent consumers: remember processed message ids or use business keys.",
                HIGH if delivery == Delivery.EFFECTIVELY_ONCE else MEDIUM,
            ),
            _poison(given),
            Risk(
                # An answer of "always available" leaves only the outage nobody planned.
                "A backlog grows unnoticed while the consumer is down."
                if known(given["consumer_availability"]) in AWAY
                else "A backlog grows unnoticed whenever the consumer is away or falls behind (its availability is "
                "not known)."
                if away
                else "A backlog grows unnoticed when the consumer falls behind or has an unplanned outage.",
                "Alert on queue depth and on the age of the oldest message; "
                + (
                    # A command that expires is not kept for the outage: it is escalated at its deadline.
                    "expire each command at its deadline rather than keep it for the outage."
                    if command_expiry(*command_terms(given)) is not None
                    else "size retention for the longest outage."
                ),
                HIGH if away else MEDIUM,
            ),
        ]
    elif winner == EVENT_DRIVEN:
        if must_keep:
            found.append(
                Risk(
                    "An event is lost if the producer crashes between saving and publishing.",
                    "Transactional outbox: store the event with the change and publish it from there to durable, "
                    f"persistent topics, counting it published only once {_stored(given)}. {WEBHOOK_IN}",
                    HIGH,
                )
            )
        if delivery == Delivery.NO_LOSS:
            # Effectively once has its own, stronger risk (_of_the_answers).
            found.append(
                Risk(
                    "Subscribers get an event more than once: brokers deliver at least once, and a webhook is sent "
                    "again until it is acknowledged.",
                    "Idempotent subscribers: record each event id handled, in the subscriber's own transaction, and "
                    "skip one seen before.",
                    MEDIUM,
                )
            )
        if must_keep:
            found.append(_subscriber_poison(given, approach, dead_letters))
        if approach == "event_log":
            found.append(
                Risk(
                    "A consumer that falls behind the log's retention loses events.",
                    "Size retention for the longest consumer outage and alert on consumer lag.",
                    HIGH if away else MEDIUM,
                )
            )
        if known(given["consumer_availability"]) in AWAY and len(given["consumers"]) > 1:
            found.append(
                Risk(
                    "A subscriber that is often away holds up the others' deliveries, or is retried until the "
                    "events it missed are gone.",
                    "Deliver to each subscriber from its own durable subscription or queue (its own offset on a "
                    "log), retrying with exponential backoff over hours, then a dead-letter queue; pause a "
                    "subscriber that stays away, tell its owner, and let it catch up from where it stopped.",
                    HIGH,
                )
            )
        found += [
            Risk(
                "A change to the event's schema breaks subscribers.",
                "Versioned schemas in a registry; only additive changes within a version.",
                MEDIUM,
            ),
            Risk(
                "Subscribers see the fact at different times (eventual consistency).",
                "Design screens and reports for it; let consumers tell when they are up to date.",
                MEDIUM,
            ),
            Risk(
                "One business process is hard to follow across subscribers.",
                "Correlation ids on every event and distributed tracing.",
                LOW,
            ),
        ]
    return found


def _escalation(given: Answers) -> str:
    """A command kept for a device often away: a person hears when it is not acknowledged in time."""
    deadline = command_deadline(*command_terms(given))
    if deadline is None:
        return ""
    return (
        f" Keep each command until it is acknowledged or cancelled, and escalate one not acknowledged within "
        f"{lifetime(deadline)} of being sent (tell the dispatcher, or reassign the work)."
    )


def _of_the_answers(given: Answers, winner: str, approach: ApproachId) -> list[Risk]:
    found: list[Risk] = []
    delivery = known(given["delivery"])
    must_keep = delivery != Delivery.BEST_EFFORT
    found += SENDER_OFFLINE.warned(given)
    found += CALLER_OFFLINE.warned(given)
    found += BUSINESS_TRANSACTION.warned(given)
    receivers = known(given["consumer_kind"])
    if command_expiry(*command_terms(given)) is not None:
        found.append(Risk(*EXPIRING_RISK, HIGH if must_keep else MEDIUM))
    elif receivers == ConsumerKind.DEVICE and known(given["interaction"]) == Interaction.COMMAND:
        found.append(
            Risk(
                "A device offline for longer than its broker keeps queued messages (a bounded time and count per "
                "device, in the limits) never gets the command.",
                "Keep the desired state where the device reads it when it reconnects — a device twin's desired "
                "properties, a device shadow, or a job (Device Update for IoT Hub, AWS IoT Jobs) — send large "
                "payloads by URL (a claim check), and have each device report what it applied." + _escalation(given),
                HIGH if must_keep else MEDIUM,
            )
        )
    elif receivers in RECEIVERS:
        found.append(
            Risk(
                f"Push to {RECEIVERS[receivers]} is best effort: a message sent while one is offline or its "
                "connection dropped may never arrive.",
                "Treat push as a signal to refresh: each client fetches the current state (or the events it missed, "
                "by position) when it reconnects; keep connections behind a managed WebSocket or push service.",
                HIGH if must_keep else MEDIUM,
            )
        )
    # A periodic file goes through no broker, whichever pattern scores highest as a weak fit.
    if winner != POINT_TO_POINT and approach != "bulk_transfer":
        ordering = known(given["ordering"])
        if ordering in (Ordering.PER_KEY, Ordering.GLOBAL):
            found.append(
                Risk(
                    f"Messages arrive out of order ({'per key' if ordering == Ordering.PER_KEY else 'global'} "
                    "ordering is required).",
                    "Partition or group by key (partitions, FIFO message groups, sessions, ordering keys), so each "
                    "key's messages are read in order while keys are read in parallel."
                    if ordering == Ordering.PER_KEY
                    else "Keep every message in one ordered group (one partition, shard, session or FIFO message "
                    "group), read by one consumer at a time: global order limits throughput to what that consumer "
                    "takes.",
                    HIGH if ordering == Ordering.GLOBAL else MEDIUM,
                )
            )
        if delivery == Delivery.EFFECTIVELY_ONCE:
            found.append(
                Risk(
                    "Brokers deliver at least once, so an effect can happen twice.",
                    "Idempotent consumers: deduplicate on a message id in the consumer's own transaction. Where the "
                    "work calls another system (a payment provider, a partner's API), pass the message id as that "
                    "system's idempotency key and reconcile with it daily: a record in your own transaction does not "
                    "cover a call outside it.",
                    HIGH,
                )
            )
        if known(given["async_experience"]) == Experience.NONE:
            found.append(Risk("The team has no experience with asynchronous systems.", _start_with(given), MEDIUM))
    return found


def _poison(given: Answers) -> Risk:
    """A dead-letter queue moves a failed message aside and lets the next one pass: where the order is global, that
    breaks the sequence, so the line stops, or the failed message and all after it are parked together."""
    if known(given["ordering"]) == Ordering.GLOBAL:
        return Risk(
            "A poison message is retried forever, or moved aside so that later messages overtake it and the sequence "
            "breaks.",
            "Bounded retries with backoff, then stop the consumer and alert, so nothing overtakes the failed message; "
            "or park it with every message after it, in order, and replay them together once it is fixed.",
            HIGH,
        )
    return Risk(
        "A poison message is retried forever or blocks the queue.",
        "Bounded retries with backoff, then a dead-letter queue with an alert.",
        MEDIUM,
    )


# Where each subscriber's failed events go, on the broker the team runs or on its platform's services.
_BROKER_DEAD_LETTERS = {
    Broker.SQS: "an SQS redrive policy on each subscriber queue",
    Broker.SERVICE_BUS: "Service Bus dead-lettering on each subscription after its maximum delivery count",
    Broker.EVENTBRIDGE: "a dead-letter queue on each EventBridge target, and an SQS redrive policy on each "
    "subscriber queue",
    Broker.PUBSUB: "a dead-letter topic on each Pub/Sub subscription after its maximum delivery attempts",
    Broker.RABBITMQ: "a RabbitMQ dead-letter exchange on each subscriber queue, with a delivery limit on quorum queues",
    Broker.KAFKA: "a dead-letter topic per consumer group on Kafka",
    Broker.PULSAR: "a dead-letter topic policy on each Pulsar subscription",
    Broker.NATS: "a JetStream consumer's maximum deliveries, with its advisory copying the message to a "
    "dead-letter stream",
}
_PLATFORM_DEAD_LETTERS = {
    Platform.AWS: "an SQS redrive policy on each subscriber queue behind SNS, a FIFO dead-letter queue behind a "
    "FIFO queue; a dead-letter queue on each EventBridge target",
    Platform.AZURE: "Service Bus dead-lettering on each subscription after its maximum delivery count, an Event Grid "
    "dead-letter location",
    Platform.GCP: "a dead-letter topic on each Pub/Sub subscription after its maximum delivery attempts",
}
_SELF_RUN_DEAD_LETTERS = "a RabbitMQ dead-letter exchange on each subscriber queue, a dead-letter topic on Kafka"
# A log keeps no subscriber queues: each consumer group sets aside what it cannot process itself (review 10, R10-11).
_LOG_BROKERS = (Broker.KAFKA, Broker.PULSAR, Broker.PUBSUB, Broker.NATS, Broker.RABBITMQ)
# The logs each platform offers, whose own dead letters (capabilities.py) are named where no listed technology names
# its own.
_PLATFORM_LOGS = {
    Platform.AWS: ("amazon_msk", "amazon_kinesis_data_streams"),
    Platform.AZURE: ("azure_event_hubs",),
    Platform.GCP: ("google_pubsub", "google_managed_kafka"),
}
_SELF_RUN_LOGS = ("apache_kafka",)


def _log_dead_letters(ids: tuple[str, ...]) -> str:
    return "; ".join(CAPABILITIES[POSITION[i]].dead_letters for i in ids)


_PLATFORM_LOG_DEAD_LETTERS = {platform: _log_dead_letters(ids) for platform, ids in _PLATFORM_LOGS.items()}
_SELF_RUN_LOG_DEAD_LETTERS = _log_dead_letters(_SELF_RUN_LOGS)


def _dead_letters(given: Answers, approach: ApproachId) -> str:
    broker = known(given["existing_broker"])
    if approach == "event_log" and broker not in _LOG_BROKERS:
        platform = known(given["platform"])
        if platform in _PLATFORM_LOG_DEAD_LETTERS:
            return _PLATFORM_LOG_DEAD_LETTERS[platform]
        if platform in (Platform.KUBERNETES, Platform.ON_PREMISES):
            return _SELF_RUN_LOG_DEAD_LETTERS
        return "; ".join([*_PLATFORM_LOG_DEAD_LETTERS.values(), _SELF_RUN_LOG_DEAD_LETTERS])
    if broker in _BROKER_DEAD_LETTERS:
        return _BROKER_DEAD_LETTERS[broker]
    platform = known(given["platform"])
    if platform in _PLATFORM_DEAD_LETTERS:
        return _PLATFORM_DEAD_LETTERS[platform]
    if platform in (Platform.KUBERNETES, Platform.ON_PREMISES):
        return _SELF_RUN_DEAD_LETTERS
    return "; ".join([*_PLATFORM_DEAD_LETTERS.values(), _SELF_RUN_DEAD_LETTERS])


def _subscriber_poison(given: Answers, approach: ApproachId, dead_letters: tuple[str, ...]) -> Risk:
    """An event one subscriber cannot process (review 8, theme 1): retried without end it blocks that subscriber's
    group or partition; the subscription's or subscriber queue's dead-letter queue sets it aside with an alert,
    unless the order is global, where setting it aside alone breaks the sequence (review 10, R10-22)."""
    ordering = known(given["ordering"])
    if ordering == Ordering.GLOBAL:
        return Risk(
            "An event a subscriber cannot process is retried forever, or set aside so that later events overtake "
            "it and the sequence breaks.",
            "Bounded retries with backoff in each subscriber, then stop that subscriber and alert, so nothing "
            "overtakes the failed event; or park it with every event after it, in order, and replay them together "
            "once it is fixed. A dead-letter queue that takes the failed event alone would let later ones overtake it.",
            HIGH,
        )
    # The technologies listed name their own dead letters (review 11, R11-37); the broker or the platform where none do.
    where = "; ".join(dead_letters) or _dead_letters(given, approach)
    return Risk(
        "An event a subscriber cannot process (a poison message) is retried forever and blocks that subscriber"
        + ("'s key or message group." if ordering == Ordering.PER_KEY else "."),
        f"Bounded retries with backoff, then the subscription's or subscriber queue's dead-letter queue with an "
        f"alert on it ({where}); replay from there once the subscriber is fixed"
        + (
            ", and have the subscriber check a sequence number per key, since the key's later events overtake "
            "the one set aside."
            if ordering == Ordering.PER_KEY
            else "."
        ),
        MEDIUM,
    )


def _stored(given: Answers) -> str:
    """How the sender learns the broker has stored a message, on the broker it runs (or on any of them)."""
    confirms = {
        Broker.RABBITMQ: "the broker has confirmed it (publisher confirms, on persistent messages), and have each "
        "consumer acknowledge a message manually once its work is committed",
        Broker.KAFKA: "every in-sync replica has it (acks=all, min.insync.replicas of 2 or more), and have each "
        "consumer commit its offset once its work is committed",
    }
    broker = known(given["existing_broker"])
    if broker in confirms:
        return confirms[broker]
    return (
        "the broker has confirmed it: publisher confirms on RabbitMQ, acks=all on Kafka, a send call that returned "
        "without error on a managed queue"
    )


def _start_with(given: Answers) -> str:
    """Where a team new to asynchronous systems starts: the broker it already runs, else a managed service where
    a vendor runs one, else the simplest broker it can run."""
    broker = known(given["existing_broker"])
    if broker is not None and broker != Broker.NONE:
        return (
            f"Build on the {label(broker)} you already run: lean on the people who operate it, agree conventions "
            "(naming, keys, consumer groups, retries, dead letters) before the first flow, and train the team "
            "before moving more flows."
        )
    if given["operations"] != Operations.SELF_HOSTED and given["platform"] != Platform.ON_PREMISES:
        return (
            "Start with a managed service, one flow first, and invest in monitoring and training before moving more "
            "flows."
        )
    return (
        "Start with one flow on the simplest broker that fits, with its operations (upgrades, monitoring, capacity) "
        "rehearsed, and train the team before moving more flows."
    )
