"""The catalog: every pattern, factor, answer and technology the product talks about.

Pages, charts, reports and the engine all read their wording and numbers from
here, so a change of wording or of a fit happens in exactly one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .answers import ANSWERS

POINT_TO_POINT: Final = "point_to_point"
MESSAGE_QUEUE: Final = "message_queue"
EVENT_DRIVEN: Final = "event_driven"
PATTERN_IDS: Final = (POINT_TO_POINT, MESSAGE_QUEUE, EVENT_DRIVEN)

FACTOR_IDS: Final = (
    "complexity",
    "data_volume",
    "real_time",
    "loose_coupling",
    "scalability",
    "error_handling",
    "tech_stack",
)

# Kinds of interaction the fits are written for. A command sent to several
# consumers is scored as an event: it announces something many care about.
QUERY: Final = "query"
COMMAND: Final = "command"
EVENT: Final = "event"


@dataclass(frozen=True, slots=True)
class Pattern:
    id: str
    name: str
    short_name: str
    summary: str
    how_it_works: str
    strengths: tuple[str, ...]
    weaknesses: tuple[str, ...]
    use_when: tuple[str, ...]
    avoid_when: tuple[str, ...]
    failure_handling: tuple[str, ...]
    # Dark enough for white text on it and for text on white (4.5:1, WCAG AA).
    colour: str

    @property
    def slug(self) -> str:
        return self.id.replace("_", "-")

    @property
    def in_sentence(self) -> str:
        """The name inside a sentence: "point-to-point", "the message queue", "event-driven"."""
        name = self.short_name.lower()
        return f"the {name}" if self.id == MESSAGE_QUEUE else name


@dataclass(frozen=True, slots=True)
class Factor:
    id: str
    name: str
    question: str
    why_it_matters: str
    # What a high pressure asks for, in one sentence per pattern.
    pattern_fit: dict[str, str]
    # What a low, a moderate and a high pressure mean, in a few words ("little at risk", ...).
    levels: tuple[str, str, str] = ("", "", "")


@dataclass(frozen=True, slots=True)
class Approach:
    """How a pattern is applied to a flow: what an architect would draw."""

    id: str
    name: str
    summary: str


PATTERNS: Final[dict[str, Pattern]] = {
    POINT_TO_POINT: Pattern(
        id=POINT_TO_POINT,
        name="Point-to-point API calls",
        short_name="Point-to-point",
        summary="One system calls another directly (REST, gRPC) and gets the answer in the same exchange.",
        how_it_works=(
            "The caller knows the provider's address and contract, sends a request and waits "
            "for the response. Nothing sits in between except, as the landscape grows, an API "
            "gateway that routes, authenticates and throttles the calls."
        ),
        strengths=(
            "Simplest to build, run and debug: one request, one response, one log line.",
            "Answers questions immediately: the caller gets data back in the same call.",
            "No extra infrastructure to operate for a handful of systems.",
        ),
        weaknesses=(
            "Caller and provider must both be up at the same moment (temporal coupling).",
            "Connections grow as n(n−1)/2 with the number of systems.",
            "The caller must know every consumer; adding one means changing the caller.",
            "Peaks hit the provider directly; there is no buffer.",
        ),
        use_when=(
            "The caller needs an answer to continue (a lookup, a validation, a price).",
            "Few systems, a single consumer, low volume and interfaces that rarely change.",
        ),
        avoid_when=(
            "Several systems care about the same fact.",
            "The consumer goes offline or cannot keep up with peaks, and nothing may be lost.",
        ),
        failure_handling=(
            "Timeouts on every call, so a slow provider cannot hang the caller.",
            "Retries with exponential backoff and jitter, only for idempotent requests or with an idempotency key.",
            "Circuit breakers that stop calling a failing provider and fail fast.",
            "Caching of query results, so a short outage does not stop reads.",
        ),
        colour="#1f6fb2",
    ),
    MESSAGE_QUEUE: Pattern(
        id=MESSAGE_QUEUE,
        name="Message queue",
        short_name="Message queue",
        summary="The sender puts work on a durable queue; one consumer takes it off when it can.",
        how_it_works=(
            "A broker stores each message until exactly one consumer acknowledges it. Sender and "
            "consumer never talk directly: the queue buffers peaks, survives consumer downtime and "
            "retries failed deliveries, moving poison messages to a dead-letter queue."
        ),
        strengths=(
            "Work is not lost when the consumer is down: it waits in the queue.",
            "Peaks are levelled: the consumer takes work at its own pace.",
            "Competing consumers scale the processing horizontally.",
        ),
        weaknesses=(
            "The sender gets no answer, only the assurance the work will be done.",
            "A broker to operate, monitor and secure.",
            "Redelivery means duplicates: consumers must be idempotent.",
        ),
        use_when=(
            "Work for one consumer that must not be lost and may complete later.",
            "The consumer has maintenance windows, goes offline or cannot take the peaks.",
        ),
        avoid_when=(
            "The caller needs an answer to continue.",
            "Many systems react to the same fact: that is an event, not a task.",
        ),
        failure_handling=(
            "Acknowledge only after the work is done, so a crash means redelivery, not loss.",
            "Retries with backoff, then a dead-letter queue with an alert.",
            "Idempotent consumers (a message id or business key) so redelivery is harmless.",
            "Alerts on queue depth and on the age of the oldest message.",
        ),
        colour="#a9480f",
    ),
    EVENT_DRIVEN: Pattern(
        id=EVENT_DRIVEN,
        name="Event-driven publish/subscribe",
        short_name="Event-driven",
        summary="The producer publishes a fact once; every interested system subscribes to it.",
        how_it_works=(
            "A producer announces that something happened (an order was placed) on a topic, bus "
            "or stream. Subscribers register themselves; the producer does not know who they "
            "are, so new consumers join without changing it. Latency decides the kind of broker "
            "(an event bus for discrete events, a log-based stream for high volume and replay), "
            "not the pattern."
        ),
        strengths=(
            "The producer does not know its subscribers: new consumers join without changes.",
            "One fact reaches many systems in near real time.",
            "Streams keep history: a new consumer can replay past events.",
        ),
        weaknesses=(
            "Events cannot answer questions: no request/response.",
            "Eventual consistency: subscribers catch up at different times.",
            "Harder to trace one business process across many subscribers.",
            "Event schemas become a contract that many teams depend on.",
        ),
        use_when=(
            "A fact that several systems care about (three or more, or two and growing).",
            "Independent teams that must evolve their systems without coordinating releases.",
        ),
        avoid_when=(
            "The caller needs an answer.",
            "Work handed to exactly one system: a queue says that more plainly.",
        ),
        failure_handling=(
            "Durable subscriptions or persistent topics, so an offline subscriber catches up.",
            "The transactional outbox, so a fact is published if and only if it was stored.",
            "Per-subscriber retries and dead-letter topics, so one failing consumer does not block others.",
            "Versioned event schemas (a schema registry) so producers and subscribers evolve apart.",
        ),
        colour="#25763f",
    ),
}

# The parts a technology can play (capabilities.py roles) that carry each pattern, and what each part is.
PATTERN_ROLES: Final[dict[str, tuple[str, ...]]] = {
    POINT_TO_POINT: ("gateway", "cache"),
    MESSAGE_QUEUE: ("queue", "device"),
    EVENT_DRIVEN: ("router", "log", "push"),
}
ROLES: Final[dict[str, str]] = {
    "gateway": "request/response gateway",
    "queue": "queue",
    "router": "publish/subscribe router",
    "log": "event log (stream)",
    "push": "push or persistent connection to phones and browsers",
    "bulk": "bulk transfer and claim check",
    "device": "commands to machines over MQTT, held per device",
    "cache": "local copy (cache) of a provider's answers",
}

APPROACHES: Final[dict[str, Approach]] = {
    a.id: a
    for a in (
        Approach(
            "request_response",
            "Request/response",
            "The caller sends a request and waits for the answer, with a timeout, retries with backoff and a "
            "circuit breaker.",
        ),
        Approach(
            "async_request_reply",
            "Asynchronous request-reply",
            "The provider accepts the request at once (202 Accepted with a status resource, or a callback), or "
            "takes it from a request queue and answers on a reply channel: nobody holds a connection open while "
            "the work runs.",
        ),
        Approach(
            "local_copy",
            "Local copy",
            "The caller reads its own copy of the provider's data: a cache for short outages, or a read model "
            "kept current by the provider's change events (event-carried state transfer).",
        ),
        Approach(
            "work_queue",
            "Work queue",
            "Each message waits in a durable queue until one consumer has done the work and acknowledged it; "
            "failures are retried, then dead-lettered.",
        ),
        Approach(
            "event_router",
            "Event router",
            "Each event is routed to every subscriber's own durable subscription or queue; nothing is kept once "
            "every subscriber has it.",
        ),
        Approach(
            "event_log",
            "Event log (stream)",
            "Events are appended to a retained, partitioned log; each consumer reads at its own position, can "
            "replay, and order is kept per key.",
        ),
        Approach(
            "bulk_transfer",
            "Bulk transfer (batch)",
            "A periodic file or extract moves in one piece: a file drop to object storage, an ETL/ELT job or a "
            "bulk API.",
        ),
    )
}

FACTORS: Final[dict[str, Factor]] = {
    "complexity": Factor(
        id="complexity",
        name="Complexity",
        question="How many systems take part, and how many independent teams own them?",
        why_it_matters=(
            "A few systems owned by one team are simplest with direct calls. Many systems and "
            "teams turn direct links into a web that nobody can change safely."
        ),
        pattern_fit={
            POINT_TO_POINT: "Simple at small scale; for queries an API gateway keeps it manageable as it grows.",
            MESSAGE_QUEUE: "A broker in the middle replaces many direct links for work between systems.",
            EVENT_DRIVEN: "Scales best with many systems: producers and subscribers only know the broker.",
        },
        levels=("little to coordinate", "some coordination", "much to coordinate"),
    ),
    "data_volume": Factor(
        id="data_volume",
        name="Data volume",
        question="How many messages a day, and how high are the peaks?",
        why_it_matters=(
            "High rates and sharp peaks overwhelm a consumer that is called directly. A broker "
            "absorbs them and lets consumers work at their own pace."
        ),
        pattern_fit={
            POINT_TO_POINT: "Fine at low rates; peaks land on the provider directly.",
            MESSAGE_QUEUE: "Levels peaks: work waits in the queue until a consumer is free.",
            EVENT_DRIVEN: "Log-based streams carry very high rates to many consumers.",
        },
        levels=("little traffic", "moderate traffic", "heavy traffic"),
    ),
    "real_time": Factor(
        id="real_time",
        name="Real-time needs",
        question="How soon must the other side see or answer it?",
        why_it_matters=(
            "A caller that waits for an answer needs a direct call. Work that may finish in "
            "minutes or hours fits a queue. For events, latency picks the kind of broker, not "
            "the pattern."
        ),
        pattern_fit={
            POINT_TO_POINT: "The only pattern that returns an answer within the same exchange.",
            MESSAGE_QUEUE: "Best when the work may complete later; adds latency to immediate work.",
            EVENT_DRIVEN: "Pushes facts to subscribers in near real time, whatever the latency asked.",
        },
        levels=("nobody waits", "soon, not at once", "urgent"),
    ),
    "loose_coupling": Factor(
        id="loose_coupling",
        name="Loose coupling",
        question="How many consumers does it reach, and how often do interfaces change?",
        why_it_matters=(
            "When a producer must know every consumer, each new consumer or interface change "
            "means changing the producer. Brokers decouple them in space and time."
        ),
        pattern_fit={
            POINT_TO_POINT: "Tightly coupled: the caller knows each consumer and its contract.",
            MESSAGE_QUEUE: "Decoupled in time; the sender still addresses one queue per task.",
            EVENT_DRIVEN: "Decoupled in space and time: the producer does not know its subscribers.",
        },
        levels=("little to decouple", "some decoupling to gain", "much to decouple"),
    ),
    "scalability": Factor(
        id="scalability",
        name="Scalability",
        question="Will new systems or consumers join, and will the load grow?",
        why_it_matters=(
            "Growth in consumers favours publish/subscribe; growth in load for one consumer "
            "favours competing consumers on a queue."
        ),
        pattern_fit={
            POINT_TO_POINT: "Each new consumer is another connection to build and run.",
            MESSAGE_QUEUE: "Competing consumers scale the processing of one kind of work.",
            EVENT_DRIVEN: "New subscribers join without touching the producer.",
        },
        levels=("little to scale", "some scaling ahead", "much to scale"),
    ),
    "error_handling": Factor(
        id="error_handling",
        name="Error handling",
        question="May anything be lost, and is the consumer always available?",
        why_it_matters=(
            "A direct call fails when the consumer is down; the caller must retry or lose the "
            "work. A durable broker keeps it until the consumer succeeds."
        ),
        pattern_fit={
            POINT_TO_POINT: "Retries, timeouts and circuit breakers; the caller carries the failure.",
            MESSAGE_QUEUE: "Durable buffering, redelivery and dead-letter queues built in.",
            EVENT_DRIVEN: "Durable topics let each subscriber catch up and fail on its own.",
        },
        levels=("little at risk", "some at risk", "much at risk"),
    ),
    "tech_stack": Factor(
        id="tech_stack",
        name="Technology stack",
        question="Which platform, broker and experience does the team already have?",
        why_it_matters=(
            "A broker the team already runs, managed services on its platform and experience "
            "with asynchronous systems make brokered patterns cheap; without them they are a "
            "new system to learn and operate."
        ),
        pattern_fit={
            POINT_TO_POINT: "Works with any stack: HTTP is everywhere.",
            MESSAGE_QUEUE: "Cheap when a queue is already run or managed on the platform.",
            EVENT_DRIVEN: "Cheap when an event bus or stream exists and the team knows it.",
        },
        # How ready the stack is to run a broker: the reasons name the level beside the answers behind it.
        levels=(
            "little in place to run a broker",
            "only part of what a broker needs in place",
            "a broker and experience at hand",
        ),
    ),
}

# How well each pattern fits under a factor, per kind of interaction: the fit
# at pressure 0 and at pressure 1. The fit in between is a straight line, so a
# factor's contribution moves steadily with its pressure and can be explained.
FITS: Final[dict[str, dict[str, dict[str, tuple[float, float]]]]] = {
    "complexity": {
        QUERY: {POINT_TO_POINT: (1.0, 0.8), MESSAGE_QUEUE: (0.3, 0.4), EVENT_DRIVEN: (0.05, 0.1)},
        COMMAND: {POINT_TO_POINT: (1.0, 0.35), MESSAGE_QUEUE: (0.8, 0.95), EVENT_DRIVEN: (0.45, 0.7)},
        EVENT: {POINT_TO_POINT: (0.85, 0.15), MESSAGE_QUEUE: (0.7, 0.6), EVENT_DRIVEN: (0.75, 1.0)},
    },
    "data_volume": {
        QUERY: {POINT_TO_POINT: (1.0, 0.75), MESSAGE_QUEUE: (0.3, 0.45), EVENT_DRIVEN: (0.05, 0.15)},
        COMMAND: {POINT_TO_POINT: (1.0, 0.1), MESSAGE_QUEUE: (0.85, 1.0), EVENT_DRIVEN: (0.45, 0.75)},
        EVENT: {POINT_TO_POINT: (0.85, 0.1), MESSAGE_QUEUE: (0.7, 0.8), EVENT_DRIVEN: (0.75, 1.0)},
    },
    "real_time": {
        QUERY: {POINT_TO_POINT: (0.85, 1.0), MESSAGE_QUEUE: (0.35, 0.1), EVENT_DRIVEN: (0.1, 0.0)},
        COMMAND: {POINT_TO_POINT: (0.2, 1.0), MESSAGE_QUEUE: (1.0, 0.45), EVENT_DRIVEN: (0.45, 0.5)},
        EVENT: {POINT_TO_POINT: (0.75, 0.9), MESSAGE_QUEUE: (0.85, 0.6), EVENT_DRIVEN: (0.85, 0.9)},
    },
    "loose_coupling": {
        QUERY: {POINT_TO_POINT: (1.0, 0.7), MESSAGE_QUEUE: (0.3, 0.45), EVENT_DRIVEN: (0.05, 0.15)},
        COMMAND: {POINT_TO_POINT: (0.95, 0.3), MESSAGE_QUEUE: (0.85, 0.95), EVENT_DRIVEN: (0.45, 0.75)},
        EVENT: {POINT_TO_POINT: (0.85, 0.05), MESSAGE_QUEUE: (0.7, 0.55), EVENT_DRIVEN: (0.75, 1.0)},
    },
    "scalability": {
        QUERY: {POINT_TO_POINT: (1.0, 0.8), MESSAGE_QUEUE: (0.3, 0.4), EVENT_DRIVEN: (0.05, 0.15)},
        COMMAND: {POINT_TO_POINT: (0.95, 0.35), MESSAGE_QUEUE: (0.85, 1.0), EVENT_DRIVEN: (0.45, 0.65)},
        EVENT: {POINT_TO_POINT: (0.85, 0.05), MESSAGE_QUEUE: (0.7, 0.6), EVENT_DRIVEN: (0.75, 1.0)},
    },
    "error_handling": {
        QUERY: {POINT_TO_POINT: (1.0, 0.85), MESSAGE_QUEUE: (0.3, 0.4), EVENT_DRIVEN: (0.05, 0.1)},
        COMMAND: {POINT_TO_POINT: (1.0, 0.0), MESSAGE_QUEUE: (0.85, 1.0), EVENT_DRIVEN: (0.45, 0.7)},
        EVENT: {POINT_TO_POINT: (0.85, 0.05), MESSAGE_QUEUE: (0.7, 0.85), EVENT_DRIVEN: (0.7, 0.95)},
    },
    "tech_stack": {
        QUERY: {POINT_TO_POINT: (1.0, 0.95), MESSAGE_QUEUE: (0.25, 0.4), EVENT_DRIVEN: (0.05, 0.15)},
        COMMAND: {POINT_TO_POINT: (1.0, 0.7), MESSAGE_QUEUE: (0.6, 1.0), EVENT_DRIVEN: (0.4, 0.8)},
        EVENT: {POINT_TO_POINT: (0.95, 0.55), MESSAGE_QUEUE: (0.6, 0.85), EVENT_DRIVEN: (0.6, 1.0)},
    },
}

CHOICE_LABELS: Final[dict[str, str]] = {
    "one": "one team",
    "few": "a few teams",
    "many": "many teams",
    "rare": "rarely",
    "monthly": "monthly",
    "weekly": "weekly",
    "none": "none",
    "some": "some",
    "fast": "fast",
    "strong": "strong",
    "aws": "AWS",
    "azure": "Microsoft Azure",
    "gcp": "Google Cloud",
    "kubernetes": "Kubernetes (any cloud)",
    "on_premises": "on premises",
    "any": "any / not decided",
    "rabbitmq": "RabbitMQ",
    "kafka": "Apache Kafka",
    "pulsar": "Apache Pulsar",
    "sqs": "Amazon SQS",
    "service_bus": "Azure Service Bus",
    "eventbridge": "Amazon EventBridge",
    "pubsub": "Google Pub/Sub",
    "nats": "NATS JetStream",
    "managed": "managed services",
    "self_hosted": "we run our own",
    "query": "query: the caller needs an answer",
    "command": "command: asks one system to do work",
    "event": "event: announces a fact",
    "immediate": "immediate (caller waits, under 1 s)",
    "seconds": "within seconds",
    "minutes": "within minutes",
    "hours": "within hours",
    "best_effort": "best effort (a loss is acceptable)",
    "no_loss": "no loss",
    "effectively_once": "effectively once (no loss, no duplicate effect)",
    "per_key": "per key (e.g. per customer)",
    "global": "global",
    "always": "always available",
    "maintenance_windows": "has maintenance windows",
    "often_offline": "often offline",
    "service": "a back-end service",
    "device": "phones or devices",
    "browser": "browser sessions",
    "no": "no",
    "yes": "yes",
    "unknown": "I'm not sure",
}

FIELD_LABELS: Final[dict[str, str]] = {a.id: a.label for a in ANSWERS.values()}


def label(value: str) -> str:
    """The words a person reads for an answer's id."""
    return CHOICE_LABELS.get(value, value.replace("_", " "))
