"""The decision rules: each one in one place, with its premises, its effects, its words and its cases.

A rule holds for a flow when its premises hold over the answers as given; an
answer the person was not sure of makes no premise true, so no rule states an
answer that was not given. A rule's effects are read by the part of the engine
they concern, and by nothing else:

- `scored_as`: the kind of interaction the fits are written for (scoring.kind_of);
- `approach` (for the winners in `approach_for`): how the pattern is applied (recommend.approach_of),
  which decides the part a technology plays (technology.role_of);
- `caps` (for the winners in `caps_for`): the most confidence the result can have (recommend.confidence);
- `fit`: "weak" when none of the three patterns fits well;
- `reason`: the sentence it contributes (reasons.py places it among the others);
- `risks`: what can go wrong with the design it leads to, and the mitigation (risks.py).

Each rule carries the cases that pin it, run by tests/engine/test_rule_cases.py,
and docs/decision-rules.md is checked against this table by the same test. How
to change a rule: docs/decision-rules.md, "Change a rule".
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Literal, cast

from .answers import ANSWERS, Answers, Span, exact, highest, plausible_values, unsure
from .capabilities import CAPABILITIES, Capability
from .catalog import COMMAND, EVENT, EVENT_DRIVEN, MESSAGE_QUEUE, PATTERN_IDS, POINT_TO_POINT, QUERY, label
from .choices import (
    AWAY,
    KEPT,
    WAITED,
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
    Transaction,
)
from .model import ApproachId, Fit, Risk
from .wording import (
    AVAILABILITY,
    DELIVERY,
    LATENCY,
    SENDER_AVAILABILITY,
    capitalised,
    listed,
    message_size,
    names,
    number,
    plural,
)

Confidence = Literal["low", "medium", "high"]
HIGH: Final = "high"
MEDIUM: Final = "medium"
LOW: Final = "low"

SMALL_LANDSCAPE = 5
LOW_VOLUME_PER_DAY = 10_000
HIGH_PEAK = 5
# Facts published this often need a log's partitions rather than a router (events a day, peak included).
LOG_VOLUME_PER_DAY = 10_000_000
# A flow that may lose an event needs no log for its volume until a router cannot carry its peak: the largest
# rate a managed router states as a quota of one account: Amazon EventBridge's PutEvents quota in its largest
# Regions (capabilities.py, with its source).
ROUTER: Final = max(
    (c for c in CAPABILITIES if c.unit_is_quota and c.unit_messages_per_second is not None and "router" in c.roles),
    key=lambda c: c.unit_messages_per_second.value if c.unit_messages_per_second else 0,
)
ROUTER_PEAK_PER_SECOND: Final = ROUTER.unit_messages_per_second.value if ROUTER.unit_messages_per_second else 0
# A periodic bulk transfer is due within hours and moves at most one message an hour, or the whole day's
# messages in a burst of two hours or less (a peak twelve times the average).
BULK_MESSAGES_PER_DAY = 24
BULK_PEAK_FACTOR = 12
# A burst is a table's extract, not a rush of separate submissions, from this many messages a day: a deadline peak
# of 300,000 tax returns is levelled by a queue (review 4, R4-19); 50 million rows within an hour is a bulk load.
BULK_BURST_MESSAGES_PER_DAY = 1_000_000
# A message from this size is a file, whoever receives it.
BULK_FILE_KB = 1024
# The largest message a direct call carries through any gateway the capability table lists: the smallest documented
# request limit (Amazon API Gateway's 10 MB payload, capabilities.py, with its source). Work that must not be lost
# and is larger goes through a queue with a claim check.
DIRECT_CALL_KB: Final = min(
    c.max_message.value for c in CAPABILITIES if "gateway" in c.roles and c.max_message is not None
)
# Rule 3's fan-out: a fact that this many systems care about is event-driven (docs/decision-rules.md R3).
FAN_OUT = 3


@dataclass(frozen=True, slots=True)
class Case:
    """A flow (answers over the defaults) and whether the rule holds for it."""

    flow: Mapping[str, Any]
    holds: bool
    landscape: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    # The rule in one sentence, for people.
    name: str
    # Its premises in words, as docs/decision-rules.md shows them.
    premises: str
    # The answers its premises read.
    reads: tuple[str, ...]
    holds: Callable[[Answers], bool]
    cases: tuple[Case, ...]
    scored_as: str | None = None
    approach: ApproachId | None = None
    approach_for: tuple[str, ...] = PATTERN_IDS
    caps: Confidence | None = None
    caps_for: tuple[str, ...] = PATTERN_IDS
    # It caps the confidence whenever some plausible combination of the answers not sure makes it hold: what it says
    # would change the choice, so not knowing them leaves the choice open.
    caps_if_possible: bool = False
    fit: Fit = "good"
    reason: Callable[[Answers], str] | None = None
    # Its sentence while answers it reads are not sure and some of their plausible values would make it hold (it
    # then caps the confidence): given the answers and the ids of those not sure, why the winner covers them and
    # what would change, or "" where those doubts are not what the sentence is about.
    unsure_reason: Callable[[Answers, tuple[str, ...]], str] | None = None
    risks: Callable[[Answers], tuple[Risk, ...]] | None = None
    # The interactions its premises require (none: any). A rule that scores a flow as another kind declares them,
    # so scoring asks a flow only about the answers that can change its kind (scoring.KIND_ANSWERS_OF);
    # tests/engine/test_rule_cases.py holds the premises to them.
    interactions: tuple[Interaction, ...] = ()
    # Its premises read a number given as a range or not known themselves, as no premise: for a rule whose
    # premises are alternatives, a range must not silence the others.
    reads_ranges: bool = False

    def __post_init__(self) -> None:
        numbers = tuple(a for a in self.reads if ANSWERS[a].accepts_range)
        if numbers and not self.reads_ranges:
            # A number given as a range or not known makes no premise true, as an unknown choice makes none:
            # the premises compare numbers, so they are not asked at all (the frozen rule is set up once here).
            premise = self.holds

            def holds(given: Answers) -> bool:
                # Asked for every completion and changed answer: a plain loop, no generator, no cast (a call).
                for answer in numbers:
                    if type(given[answer]) is Span:  # type: ignore[literal-required]
                        return False
                return premise(given)

            object.__setattr__(self, "holds", holds)

    def said(self, given: Answers) -> list[str]:
        """Its sentence, when it holds; answers it rests on that the input left out are named as assumed."""
        if self.reason is None or not self.holds(given):
            return []
        # A rule may have nothing to say where another rule's sentence covers the flow.
        sentence = self.reason(given)
        return [sentence + self.assumed(given)] if sentence else []

    def assumed(self, given: Answers) -> str:
        """The answers it reads that the input left out, said after its sentence."""
        left_out = [ANSWERS[a].in_sentence for a in self.reads if a in given["assumed"]]
        return f" (Assumed, as the input left it out: {listed(left_out)}.)" if left_out else ""

    def would_hold(self, given: Answers) -> dict[str, tuple[object, ...]]:
        """For each answer it reads that was not sure, the plausible values under which it would hold."""
        found = {}
        for answer in self.reads:
            value = cast(Mapping[str, object], given)[answer]
            if unsure(value):
                values = tuple(v for v in plausible_values(answer, value) if self.holds(with_answer(given, answer, v)))
                if values:
                    found[answer] = values
        return found

    def caps_given(self, given: Answers) -> bool:
        """It holds, or would for at least half the plausible values of an answer that was not sure: a cap on
        the confidence is not lifted by not knowing."""
        if self.holds(given):
            return True
        read = cast(Mapping[str, object], given)
        if self.caps_if_possible and self._could_hold(given):
            return True
        return any(
            2 * len(values) >= len(plausible_values(answer, read[answer]))
            for answer, values in self.would_hold(given).items()
        )

    def _could_hold(self, given: Answers) -> bool:
        """It holds for at least one combination of plausible values of the answers it reads that were not sure."""
        read = cast(Mapping[str, object], given)
        open_answers = [a for a in self.reads if unsure(read[a])]
        if not open_answers:
            return False
        choices = [plausible_values(a, read[a]) for a in open_answers]
        return any(
            self.holds(cast(Answers, {**given, **dict(zip(open_answers, values, strict=True))}))
            for values in itertools.product(*choices)
        )

    def warned(self, given: Answers) -> tuple[Risk, ...]:
        """Its risks, when it holds."""
        return self.risks(given) if self.risks is not None and self.holds(given) else ()


def with_answer(given: Answers, answer: str, value: object) -> Answers:
    return cast(Answers, {**given, answer: value})


def _kept(given: Answers) -> bool:
    """Not sure whether a loss is acceptable counts as 'must not be lost' for how severe a risk is."""
    return given["delivery"] != Delivery.BEST_EFFORT


def _are_known(answers: tuple[str, ...]) -> str:
    """Answers not sure, as the subject of "… known": "consumer availability and peak factor are"."""
    return f"{listed([ANSWERS[a].in_sentence for a in answers])} {'is' if len(answers) == 1 else 'are'}"


# R1 Queries ------------------------------------------------------------------------------------------


def _slow_query(given: Answers) -> bool:
    return given["interaction"] == Interaction.QUERY and given["latency"] in (Latency.MINUTES, Latency.HOURS)


SLOW_QUERY: Final = Rule(
    "R1.2",
    "A query whose answer may take minutes or hours is asynchronous request-reply",
    "interaction is query; latency is minutes or hours",
    ("interaction", "latency"),
    _slow_query,
    (
        Case({"interaction": Interaction.QUERY, "latency": Latency.MINUTES}, True),
        Case({"interaction": Interaction.QUERY, "latency": Latency.HOURS}, True),
        Case({"interaction": Interaction.QUERY, "latency": Latency.SECONDS}, False),
        Case({"interaction": Interaction.QUERY, "latency": Latency.UNKNOWN}, False),
        Case({"interaction": Interaction.COMMAND, "latency": Latency.HOURS}, False),
    ),
    scored_as=COMMAND,
    interactions=(Interaction.QUERY,),
    approach="async_request_reply",
    approach_for=(POINT_TO_POINT, MESSAGE_QUEUE),
    reason=lambda given: (
        f"It is a query whose answer may take {given['latency']}: longer than a caller can hold a connection open "
        "(gateways and load balancers end requests after seconds). Use asynchronous request-reply: accept "
        "the request at once with 202 Accepted and a status resource or a callback, or take it from a "
        "request queue and answer on a reply channel, matching each answer to its request by a correlation id."
        + (
            f" The provider {AVAILABILITY[given['consumer_availability']]}: requests are held and retried until "
            "it is back, and their answers come later."
            if given["consumer_availability"] in AWAY
            else ""
        )
    ),
    risks=lambda given: (
        Risk(
            "A caller that holds the request open while the work runs times out and retries, starting the work again.",
            "Answer 202 Accepted with a status resource (or take the request from a queue and reply on a reply "
            "channel), correlate the reply by request id, and make the work idempotent.",
            HIGH,
        ),
        Risk(
            "A request whose answer never comes leaves the caller waiting, or is answered after nobody needs it.",
            "Give each request an expiry: past it, cancel the request, retry it or hand it to a person, and set a "
            "time-to-live on the request channel so an expired request is dropped rather than worked late "
            "(Enterprise Integration Patterns: Message Expiration).",
            MEDIUM,
        ),
    ),
)


def _provider_away(given: Answers) -> bool:
    return (
        given["interaction"] == Interaction.QUERY
        # A caller that does not wait (R1.2) has its requests held until the provider is back: no copy answers
        # for a provider that does the work (review 4, R4-28).
        and given["latency"] in WAITED
        and given["consumer_availability"] in AWAY
        and given["freshness"] != Freshness.MUST_BE_CURRENT
    )


PROVIDER_AWAY: Final = Rule(
    "R1.3",
    "A query to a provider that is sometimes away is answered from a local copy",
    "interaction is query; latency immediate or seconds; consumer availability is maintenance windows or often "
    "offline; answers may be stale",
    ("interaction", "latency", "consumer_availability", "freshness"),
    _provider_away,
    (
        Case({"interaction": Interaction.QUERY, "consumer_availability": Availability.OFTEN_OFFLINE}, True),
        Case({"interaction": Interaction.QUERY, "consumer_availability": Availability.MAINTENANCE_WINDOWS}, True),
        Case({"interaction": Interaction.QUERY, "consumer_availability": Availability.UNKNOWN}, False),
        Case({"interaction": Interaction.COMMAND, "consumer_availability": Availability.OFTEN_OFFLINE}, False),
        Case(
            {
                "interaction": Interaction.QUERY,
                "latency": Latency.HOURS,
                "consumer_availability": Availability.MAINTENANCE_WINDOWS,
            },
            False,
        ),
        Case(
            {
                "interaction": Interaction.QUERY,
                "consumer_availability": Availability.OFTEN_OFFLINE,
                "freshness": Freshness.MUST_BE_CURRENT,
            },
            False,
        ),
    ),
    approach="local_copy",
    caps=MEDIUM,
    reason=lambda given: (
        f"The provider {AVAILABILITY[given['consumer_availability']]}: a direct call fails then, so the caller "
        "needs a local copy — a cache for short outages, or a read model kept current by the provider's change "
        "events (event-carried state transfer). The confidence is at most medium."
    ),
    risks=lambda given: (
        Risk(
            "The local copy is stale while the provider is away, and callers cannot tell.",
            "Keep the copy's age beside it, show or refuse data past an agreed age, and rebuild the read model "
            "from the provider's events or a full export after a long outage.",
            MEDIUM,
        ),
    ),
)


def _current_answers(given: Answers) -> bool:
    return given["interaction"] == Interaction.QUERY and given["freshness"] == Freshness.MUST_BE_CURRENT


CURRENT_ANSWERS: Final = Rule(
    "R1.4",
    "A query whose answer must be current is never answered from a cache or a copy",
    "interaction is query; answers must be current",
    ("interaction", "freshness"),
    _current_answers,
    (
        Case({"interaction": Interaction.QUERY, "freshness": Freshness.MUST_BE_CURRENT}, True),
        Case({"interaction": Interaction.QUERY, "freshness": Freshness.MAY_BE_STALE}, False),
        Case({"interaction": Interaction.QUERY, "freshness": Freshness.UNKNOWN}, False),
        Case({"interaction": Interaction.COMMAND, "freshness": Freshness.MUST_BE_CURRENT}, False),
    ),
    reason=lambda given: (
        "Its answers must be current (like a payment authorisation or a stock reservation): no cache or local "
        "copy may answer for the provider. Scale the provider for the peaks, and when it is down the caller "
        "fails visibly or degrades — it does not answer from old data."
        + (
            " The provider's downtime then stops the callers: make it highly available."
            if given["consumer_availability"] in AWAY
            else ""
        )
    ),
)


def _caller_offline(given: Answers) -> bool:
    return (
        given["interaction"] == Interaction.QUERY
        and given["latency"] in WAITED
        and given["source_availability"] == Availability.OFTEN_OFFLINE
        and given["freshness"] != Freshness.MUST_BE_CURRENT
    )


CALLER_OFFLINE: Final = Rule(
    "R1.5",
    "A waiting caller that is often offline keeps a local copy on its device",
    "interaction is query; latency immediate or seconds; sender availability is often offline; answers may be stale",
    ("interaction", "latency", "source_availability", "freshness"),
    _caller_offline,
    (
        Case({"interaction": Interaction.QUERY, "source_availability": Availability.OFTEN_OFFLINE}, True),
        Case({"interaction": Interaction.QUERY, "source_availability": Availability.MAINTENANCE_WINDOWS}, False),
        Case({"interaction": Interaction.QUERY, "source_availability": Availability.UNKNOWN}, False),
        Case({"interaction": Interaction.COMMAND, "source_availability": Availability.OFTEN_OFFLINE}, False),
        Case(
            {
                "interaction": Interaction.QUERY,
                "latency": Latency.HOURS,
                "source_availability": Availability.OFTEN_OFFLINE,
            },
            False,
        ),
        Case(
            {
                "interaction": Interaction.QUERY,
                "source_availability": Availability.OFTEN_OFFLINE,
                "freshness": Freshness.MUST_BE_CURRENT,
            },
            False,
        ),
    ),
    caps=MEDIUM,
    # A queue holds nothing for a caller that is out of coverage and waits (review 9, R9-17).
    reason=lambda given: (
        f"{'The caller (' + given['source'] + ')' if given['source'] else 'The caller'} "
        f"{SENDER_AVAILABILITY[given['source_availability']]}: a queue cannot help a caller "
        "who is disconnected and waiting for an answer. Keep a local copy on the device — a cache or hot list of "
        "what it looks up, refreshed whenever it is connected, with its age shown beside each answer — for use out "
        "of coverage. The confidence is at most medium."
    ),
    risks=lambda given: (
        Risk(
            "Out of coverage, the device answers from a copy that may be out of date, and its user cannot tell.",
            "Show the copy's age with every answer given from it, refresh it at each reconnection, refuse answers "
            "past an agreed age, and check again against the provider once connected.",
            MEDIUM,
        ),
    ),
)


# R2 Work for one consumer -----------------------------------------------------------------------------


def _direct_call_for_kept_work(given: Answers) -> bool:
    # An event for one service carried by a direct call is work handed to it all the same (review 7, R7-30).
    return given["interaction"] in (Interaction.COMMAND, Interaction.EVENT) and given["delivery"] in KEPT


DIRECT_CALL_FOR_KEPT_WORK: Final = Rule(
    "R2.2",
    "A direct call for work that must not be lost holds only while the consumer stays up",
    "interaction is command or event; delivery is no loss or effectively once",
    ("interaction", "delivery"),
    _direct_call_for_kept_work,
    (
        Case({"interaction": Interaction.COMMAND, "delivery": Delivery.NO_LOSS}, True),
        Case({"interaction": Interaction.COMMAND, "delivery": Delivery.EFFECTIVELY_ONCE}, True),
        Case({"interaction": Interaction.COMMAND, "delivery": Delivery.BEST_EFFORT}, False),
        Case({"interaction": Interaction.COMMAND, "delivery": Delivery.UNKNOWN}, False),
        Case({"interaction": Interaction.EVENT, "delivery": Delivery.NO_LOSS}, True),
        Case({"interaction": Interaction.EVENT, "delivery": Delivery.BEST_EFFORT}, False),
        Case({"interaction": Interaction.QUERY, "delivery": Delivery.NO_LOSS}, False),
    ),
    caps=MEDIUM,
    caps_for=(POINT_TO_POINT,),
)


def small_and_steady(given: Answers) -> bool:
    """What lets work that must not be lost go direct (rule R2.3): a small message, within what a direct call
    carries, and no peaks to level. Larger work goes through a queue with a claim check, peaked work through a queue
    that levels it (review 7, R7-31); a peak that stays within a low volume's day (a clinic's 200 bookings, peaks of
    2x) is no load to level (review 10, R10-06)."""
    volume, peak = exact(given["volume_per_day"]), exact(given["peak_factor"])
    return (peak <= 1 or volume * peak <= LOW_VOLUME_PER_DAY) and exact(given["message_size_kb"]) <= DIRECT_CALL_KB


def _kept_work_may_go_direct(given: Answers) -> bool:
    return (
        given["interaction"] == Interaction.COMMAND
        and len(given["consumers"]) == 1
        and given["delivery"] in KEPT
        and given["consumer_availability"] == Availability.ALWAYS
        and small_and_steady(given)
        # A caller that waits for the outcome (immediate) is R2.8's, which says the same and more; work due within
        # minutes is no harder to carry directly than work due within seconds (review 4, R4-33).
        and given["latency"] in (Latency.SECONDS, Latency.MINUTES)
        and given["source_availability"] == Availability.ALWAYS
        and given["ordering"] == Ordering.NONE
    )


KEPT_WORK_MAY_GO_DIRECT: Final = Rule(
    "R2.3",
    "Work that must not be lost does not by itself need a queue",
    "interaction is command; one consumer; delivery is no loss or effectively once; the consumer and the "
    f"sender are always available; no peaks (1×), or messages a day times the peak factor of "
    f"{number(LOW_VOLUME_PER_DAY)} or fewer; messages of {number(DIRECT_CALL_KB)} KB or less; latency seconds or "
    "minutes; no ordering",
    (
        "interaction",
        "consumers",
        "delivery",
        "consumer_availability",
        "volume_per_day",
        "peak_factor",
        "message_size_kb",
        "latency",
        "source_availability",
        "ordering",
    ),
    _kept_work_may_go_direct,
    (
        Case({"interaction": Interaction.COMMAND, "delivery": Delivery.NO_LOSS}, True),
        Case(
            {
                "interaction": Interaction.COMMAND,
                "delivery": Delivery.NO_LOSS,
                "volume_per_day": 50_000,
                "peak_factor": 5,
            },
            False,
        ),
        Case(
            {"interaction": Interaction.COMMAND, "delivery": Delivery.NO_LOSS, "volume_per_day": 200, "peak_factor": 2},
            True,
        ),
        Case(
            {
                "interaction": Interaction.COMMAND,
                "delivery": Delivery.NO_LOSS,
                "volume_per_day": 10_000,
                "peak_factor": 2,
            },
            False,
        ),
        Case({"interaction": Interaction.COMMAND, "delivery": Delivery.NO_LOSS, "message_size_kb": 10240}, True),
        Case({"interaction": Interaction.COMMAND, "delivery": Delivery.NO_LOSS, "message_size_kb": 204800}, False),
        Case(
            {
                "interaction": Interaction.COMMAND,
                "delivery": Delivery.NO_LOSS,
                "consumer_availability": Availability.UNKNOWN,
            },
            False,
        ),
        Case({"interaction": Interaction.COMMAND, "delivery": Delivery.NO_LOSS, "consumers": ["A", "B"]}, False),
        Case({"interaction": Interaction.COMMAND, "delivery": Delivery.BEST_EFFORT}, False),
        Case({"interaction": Interaction.COMMAND, "delivery": Delivery.NO_LOSS, "ordering": Ordering.PER_KEY}, False),
        Case({"interaction": Interaction.COMMAND, "delivery": Delivery.NO_LOSS, "latency": Latency.IMMEDIATE}, False),
        Case({"interaction": Interaction.COMMAND, "delivery": Delivery.NO_LOSS, "latency": Latency.MINUTES}, True),
        Case({"interaction": Interaction.COMMAND, "delivery": Delivery.NO_LOSS, "latency": Latency.HOURS}, False),
    ),
    caps=MEDIUM,
    caps_for=(MESSAGE_QUEUE,),
    caps_if_possible=True,
    unsure_reason=lambda given, open_answers: (
        f"Until {_are_known(open_answers)} known, a queue covers every answer: it holds the work whenever the consumer "
        "is away and levels any peak. Were the consumer always available, the load steady and each message small, a "
        "direct call with retries and an idempotency key would carry it too, so the confidence is at most medium."
    ),
    reason=lambda given: (
        f"{capitalised(DELIVERY[given['delivery']])}, but the consumer is always available, {_load_in_words(given)} "
        "and each message is small: a direct call with retries and an idempotency key can carry it, while a queue "
        "stays the safer choice should the consumer start to have downtime or the load grow."
    ),
)


def _load_in_words(given: Answers) -> str:
    """Steady, or peaks on a load too low for them to matter (review 10, R10-06: 200 a day, peaks of 2x)."""
    peak = exact(given["peak_factor"])
    if peak <= 1:
        return "the load is steady"
    return f"the load is low ({number(exact(given['volume_per_day']))} a day, peaks of {number(peak)}×)"


def _waited_for_command(given: Answers) -> bool:
    return (
        given["interaction"] == Interaction.COMMAND
        and len(given["consumers"]) == 1
        and given["latency"] == Latency.IMMEDIATE
        and given["consumer_availability"] == Availability.ALWAYS
        and given["source_availability"] == Availability.ALWAYS
    )


WAITED_FOR_COMMAND: Final = Rule(
    "R2.8",
    "A command whose caller waits for the outcome is a request/response call: a waiting caller cannot be levelled",
    "interaction is command; one consumer; latency immediate; the consumer and the sender are always available",
    ("interaction", "consumers", "latency", "consumer_availability", "source_availability"),
    _waited_for_command,
    (
        Case({"interaction": Interaction.COMMAND, "latency": Latency.IMMEDIATE}, True),
        Case({"interaction": Interaction.COMMAND, "latency": Latency.IMMEDIATE, "peak_factor": 10}, True),
        Case({"interaction": Interaction.COMMAND, "latency": Latency.SECONDS}, False),
        Case({"interaction": Interaction.COMMAND, "latency": Latency.UNKNOWN}, False),
        Case({"interaction": Interaction.COMMAND, "latency": Latency.IMMEDIATE, "consumers": ["A", "B"]}, False),
        Case(
            {
                "interaction": Interaction.COMMAND,
                "latency": Latency.IMMEDIATE,
                "consumer_availability": Availability.MAINTENANCE_WINDOWS,
            },
            False,
        ),
        Case(
            {
                "interaction": Interaction.COMMAND,
                "latency": Latency.IMMEDIATE,
                "source_availability": Availability.OFTEN_OFFLINE,
            },
            False,
        ),
    ),
    scored_as=QUERY,
    interactions=(Interaction.COMMAND,),
    reason=lambda given: (
        "The caller waits for the outcome (under a second): it needs the consumer's answer to go on, so this is "
        "a request/response call, and a waiting caller cannot be levelled — a queue would only make it wait "
        "longer. Call the consumer directly with a timeout, retries with backoff and an idempotency key, so a "
        "retry after a timeout does the work once."
    ),
    risks=lambda given: (
        Risk(
            "A call that times out leaves the outcome unknown: the work may have been done although the caller "
            "saw an error.",
            "Send an idempotency key and retry with the same key until the consumer answers, or look the outcome "
            "up (or reverse it) by that key before trying anew.",
            HIGH if _kept(given) else MEDIUM,
        ),
    ),
)


def _the_sender(given: Answers) -> str:
    return f"The sender ({given['source']})" if given["source"] else "The sender"


# How a queue keeps order per key, in each broker's own terms: a mechanism of the broker the team runs, then of its
# platform, comes first, so the reason names the mechanism of the technology the advice lists.
KEY_ORDER: Final = {
    "sqs": "SQS FIFO message groups",
    "service_bus": "Service Bus sessions",
    "kafka": "Kafka partitions",
    "pubsub": "Pub/Sub ordering keys",
    "rabbitmq": "RabbitMQ queues filled by a consistent-hash exchange, each with a single active consumer",
}
PLATFORM_KEY_ORDER: Final = {
    "aws": ("sqs",),
    "azure": ("service_bus",),
    "gcp": ("pubsub",),
    "kubernetes": ("rabbitmq", "kafka"),
    "on_premises": ("rabbitmq", "kafka"),
    "any": ("rabbitmq", "kafka"),
}


# How a queue keeps order across all its messages: one ordered line, read by one consumer at a time.
GLOBAL_ORDER: Final = {
    "sqs": "one SQS FIFO message group",
    "service_bus": "one Service Bus session",
    "kafka": "one Kafka partition",
    "pubsub": "one Pub/Sub ordering key",
    "rabbitmq": "one RabbitMQ queue with a single active consumer",
}


def key_order(given: Answers, ways: Mapping[str, str] = KEY_ORDER) -> str:
    """'SQS FIFO message groups, Service Bus sessions, ...', the team's own broker and platform first."""
    first = (str(given["existing_broker"]), *PLATFORM_KEY_ORDER.get(str(given["platform"]), ()))
    ids = [b for b in first if b in ways] + ["sqs", "service_bus", "kafka", "pubsub"]
    return ", ".join(ways[b] for b in dict.fromkeys(ids))


def _ordered_by(given: Answers) -> str:
    """What keeps the order where a direct call cannot promise it: a queue per key, or for global order one line that
    no key may split."""
    if given["ordering"] == Ordering.PER_KEY:
        return f"a queue that keeps order per key does — {key_order(given)}."
    return (
        f"one ordered line read by one consumer at a time does — {key_order(given, GLOBAL_ORDER)}; spreading the "
        "work over several queues or partitions would break the sequence."
    )


def _ordered_work(given: Answers) -> bool:
    return given["interaction"] == Interaction.COMMAND and given["ordering"] in (Ordering.PER_KEY, Ordering.GLOBAL)


ORDERED_WORK: Final = Rule(
    "R2.5",
    "Ordered work goes direct only while one request per key is in flight; otherwise a queue keeps the order",
    "interaction is command; ordering per key or global",
    ("interaction", "ordering"),
    _ordered_work,
    (
        Case({"interaction": Interaction.COMMAND, "ordering": Ordering.PER_KEY}, True),
        Case({"interaction": Interaction.COMMAND, "ordering": Ordering.GLOBAL}, True),
        Case({"interaction": Interaction.COMMAND, "ordering": Ordering.UNKNOWN}, False),
        Case({"interaction": Interaction.EVENT, "ordering": Ordering.PER_KEY}, False),
    ),
    reason=lambda given: (
        f"The work must stay in order {'per key' if given['ordering'] == Ordering.PER_KEY else 'across all of it'}: "
        "a direct call keeps order only with one sender instance, one request in flight "
        f"{'per key' if given['ordering'] == Ordering.PER_KEY else 'at a time'} and retries that hold back the next "
        f"request. Where that cannot be promised, {_ordered_by(given)}"
    ),
    risks=lambda given: (
        Risk(
            "Direct calls overtake each other when the sender runs several instances or retries one call while "
            "sending the next, and the consumer applies them out of order.",
            "One request in flight per key (a per-key lock or a single sender instance per key), retries that block "
            "the key's next call, and a sequence number per key that the consumer checks — or move to a queue "
            "that keeps order per key.",
            HIGH if given["ordering"] == Ordering.GLOBAL else MEDIUM,
        ),
    ),
)


def _device_sender(given: Answers) -> bool:
    return given["source_kind"] == SenderKind.DEVICE


DEVICE_SENDER: Final = Rule(
    "R2.6",
    "Devices publish over MQTT to a broker made for them",
    "sender kind is device",
    ("source_kind",),
    _device_sender,
    (
        Case({"interaction": Interaction.EVENT, "source_kind": SenderKind.DEVICE}, True),
        Case({"interaction": Interaction.EVENT, "source_kind": SenderKind.SERVICE}, False),
        Case({"interaction": Interaction.EVENT, "source_kind": SenderKind.UNKNOWN}, False),
    ),
    reason=lambda given: (
        "The sender is a device: devices publish over MQTT, which keeps a session across dropped connections and "
        "delivers at least once (QoS 1), to a broker made for them — AWS IoT Core, Azure IoT Hub or Event Grid's "
        "MQTT broker, or EMQX or Mosquitto on premises — which hands the messages on to the backbone."
    ),
)


def _business_transaction(given: Answers) -> bool:
    return given["transaction"] == Transaction.MULTI_STEP


BUSINESS_TRANSACTION: Final = Rule(
    "R2.7",
    "A step of a business transaction across systems is coordinated as a saga",
    "business transaction is multi-step",
    ("transaction",),
    _business_transaction,
    (
        Case({"interaction": Interaction.COMMAND, "transaction": Transaction.MULTI_STEP}, True),
        Case({"interaction": Interaction.COMMAND, "transaction": Transaction.SINGLE}, False),
        Case({"interaction": Interaction.COMMAND, "transaction": Transaction.UNKNOWN}, False),
    ),
    reason=lambda given: (
        "It is one step of a business transaction across systems (reserve stock, charge the card, ship): no "
        "distributed transaction spans them, so coordinate the steps as a saga — an orchestrator that runs each "
        "step and, when a later one fails, the compensations of the earlier ones (AWS Step Functions, Azure "
        "Durable Functions, Google Cloud Workflows; Temporal or Camunda on premises), or a choreography of events "
        "for a short chain."
    ),
    risks=lambda given: (
        Risk(
            "A later step fails after earlier ones succeeded, and the transaction is left half done.",
            "Give every step a compensating action (release the stock, refund the card), let the orchestrator record "
            "each step's outcome and retry it idempotently, and alert on sagas that neither finish nor compensate.",
            HIGH,
        ),
    ),
)


def _sender_offline(given: Answers) -> bool:
    # A query cannot be sent ahead of time: a caller that is offline has no one to ask (R1's local copy serves it).
    return given["interaction"] in (Interaction.COMMAND, Interaction.EVENT) and given["source_availability"] in AWAY


SENDER_OFFLINE: Final = Rule(
    "R2.4",
    "A sender that goes offline keeps what it sends in an outbox of its own",
    "interaction is command or event; sender availability is maintenance windows or often offline",
    ("interaction", "source_availability"),
    _sender_offline,
    (
        Case({"interaction": Interaction.COMMAND, "source_availability": Availability.OFTEN_OFFLINE}, True),
        Case({"interaction": Interaction.EVENT, "source_availability": Availability.MAINTENANCE_WINDOWS}, True),
        Case({"interaction": Interaction.COMMAND, "source_availability": Availability.UNKNOWN}, False),
        Case({"interaction": Interaction.QUERY, "source_availability": Availability.OFTEN_OFFLINE}, False),
        Case({"interaction": Interaction.COMMAND}, False),
    ),
    # The outbox first, the server's queue after it: "a queue on the server cannot help" read as against the queue
    # the flow may be given (first-time user 8).
    reason=lambda given: (
        f"{_the_sender(given)} {SENDER_AVAILABILITY[given['source_availability']]}: "
        + (
            "it needs store-and-forward of its own — a local outbox that keeps each message until it is sent and "
            "acknowledged — since a queue on the server takes over only once a message reaches it; its backlog "
            "arrives in a burst when it reconnects."
            + (
                # A partition keeps the order messages arrive in; a backlog arrives after what happened since.
                " Stamp each message with the time it happened and a "
                f"per-{'device' if given['source_kind'] == SenderKind.DEVICE else 'sender'} sequence number, so "
                "consumers put a late one in its place: ordering by key keeps the order of arrival, not of events."
                if given["ordering"] in (Ordering.PER_KEY, Ordering.GLOBAL)
                else ""
            )
            if _kept(given)
            else "a lost message is acceptable, so it needs only a small buffer of its own — only the latest reading "
            "per key over a bounded window, every older one dropped, sent when it reconnects — since a queue on the "
            "server takes over only once a message reaches it."
        )
    ),
    risks=lambda given: (
        Risk(
            "Messages are lost while the sender is offline, or sent twice when it reconnects.",
            "Store-and-forward on the sender: a local outbox that keeps each message until the receiving side "
            "acknowledges it, resent on reconnect with its message id so the receiver drops duplicates.",
            HIGH,
        )
        if _kept(given)
        else Risk(
            "A sender that reconnects sends a backlog of stale readings in a burst.",
            "A small buffer on the sender, not an outbox: keep only the latest reading per key over a bounded "
            "window, dropping every older one, and send those when it reconnects, so no older reading of a key "
            "arrives after a newer one.",
            MEDIUM,
        ),
    ),
)


# R3 Facts several systems care about ------------------------------------------------------------------


def _command_to_several(given: Answers) -> bool:
    return given["interaction"] == Interaction.COMMAND and len(given["consumers"]) >= 2


COMMAND_TO_SEVERAL: Final = Rule(
    "R3.2",
    "A command sent to several consumers is really an event, and is scored as a fan-out",
    "interaction is command; two or more consumers",
    ("interaction", "consumers"),
    _command_to_several,
    (
        Case({"interaction": Interaction.COMMAND, "consumers": ["A", "B"]}, True),
        Case({"interaction": Interaction.COMMAND, "consumers": ["A"]}, False),
        Case({"interaction": Interaction.EVENT, "consumers": ["A", "B", "C"]}, False),
    ),
    scored_as=EVENT,
    interactions=(Interaction.COMMAND,),
    reason=lambda given: (
        f"It is sent as a command to {len(given['consumers'])} consumers ({names(given['consumers'])}): that is "
        "really an event. The sender announces what happened and each consumer decides what to do, so it is "
        "scored as a fan-out."
    ),
)


def _little_to_decouple_reason(given: Answers) -> str:
    # A file carried by none of the three patterns is not served by "a direct call or a queue" (review 9, R9-34).
    if _bulk(given):
        return ""
    return (
        f"An event with {'one consumer' if len(given['consumers']) == 1 else 'two consumers'} and no growth "
        "expected: publish/subscribe decouples little here, so a direct call or a queue can serve as well."
    )


def _little_to_decouple(given: Answers) -> bool:
    return (
        given["interaction"] == Interaction.EVENT
        and given["consumer_kind"] == ConsumerKind.SERVICE
        and len(given["consumers"]) <= 2
        and given["growth"] == Growth.NONE
        and given["replay"] != Replay.YES
        and exact(given["volume_per_day"]) * exact(given["peak_factor"]) < LOG_VOLUME_PER_DAY
    )


LITTLE_TO_DECOUPLE: Final = Rule(
    "R3.4",
    "An event for one or two services, with no growth ahead, gains little from publish/subscribe",
    "interaction is event; receivers are services; one or two consumers; growth none; replay not yes; "
    f"messages a day times the peak factor below {number(LOG_VOLUME_PER_DAY)}",
    ("interaction", "consumer_kind", "consumers", "growth", "replay", "volume_per_day", "peak_factor"),
    _little_to_decouple,
    (
        Case({"interaction": Interaction.EVENT}, True, {"growth": Growth.NONE}),
        Case({"interaction": Interaction.EVENT, "consumers": ["A", "B"]}, True, {"growth": Growth.NONE}),
        Case({"interaction": Interaction.EVENT}, False, {"growth": Growth.UNKNOWN}),
        Case({"interaction": Interaction.EVENT}, False, {"growth": Growth.FAST}),
        Case({"interaction": Interaction.EVENT, "replay": Replay.YES}, False, {"growth": Growth.NONE}),
        Case({"interaction": Interaction.EVENT, "consumers": ["A", "B", "C"]}, False, {"growth": Growth.NONE}),
    ),
    caps=MEDIUM,
    caps_for=(EVENT_DRIVEN,),
    caps_if_possible=True,
    reason=lambda given: _little_to_decouple_reason(given),
    unsure_reason=lambda given, open_answers: (
        "How much publish/subscribe gains hangs on growth: with more consumers ahead it spares the producer from "
        "knowing them, and with none it decouples little, so a direct call or a queue would serve as well. The "
        "confidence stays at most medium until growth is known."
        if "growth" in open_answers
        # Only a number's range or doubt is open: what the rule says of the consumers and growth stands.
        else f"{_little_to_decouple_reason(given)} The confidence is at most medium."
        if _little_to_decouple_reason(given)
        else ""
    ),
)


def _fact_for_one_service(given: Answers) -> bool:
    return (
        given["interaction"] == Interaction.EVENT
        and len(given["consumers"]) == 1
        and given["consumer_kind"] == ConsumerKind.SERVICE
    )


# The landscape's growth does not make one consumer a fan-out: a fan-out starts at two consumers with growth
# (docs/decision-rules.md, R3; review 9, R9-11).
FACT_FOR_ONE_SERVICE: Final = Rule(
    "R3.5",
    "A fact for one service is work for one consumer, scored as a command, whatever the landscape's growth",
    "interaction is event; one consumer; receivers are services",
    ("interaction", "consumers", "consumer_kind"),
    _fact_for_one_service,
    (
        Case({"interaction": Interaction.EVENT}, True, {"growth": Growth.NONE}),
        Case({"interaction": Interaction.EVENT}, True, {"growth": Growth.SOME}),
        Case({"interaction": Interaction.EVENT}, True, {"growth": Growth.UNKNOWN}),
        Case({"interaction": Interaction.EVENT, "consumers": ["A", "B"]}, False, {"growth": Growth.NONE}),
        Case({"interaction": Interaction.EVENT, "consumer_kind": ConsumerKind.DEVICE}, False, {"growth": Growth.NONE}),
    ),
    scored_as=COMMAND,
    interactions=(Interaction.EVENT,),
)


def log_needed_because(given: Answers) -> list[str]:
    """Why published facts would need a retained log rather than a router (empty when they do not)."""
    why = []
    if given["replay"] == Replay.YES:
        why.append("consumers must re-read past events")
    given_volume, given_peak = given["volume_per_day"], given["peak_factor"]
    tops = _at_the_top(given)
    if tops is None:
        return why
    volume, peak = tops
    top = " (the top of the range given)"
    rate = volume * peak / 86_400
    # The volume calls for a log where every subscriber must get every event: a durable router stores each event
    # once per subscription, a log once for all. A router that may drop one stores nothing, so it carries the volume.
    # "A log", not "a partitioned log": how many partitions it takes is the sizing's to say.
    if volume * peak >= LOG_VOLUME_PER_DAY and given["delivery"] in KEPT and not team_router_carries(given, rate):
        peaks = f" with peaks of {number(peak)}× the average" if peak > 1 else ""
        why.append(
            f"{number(volume)}{top if isinstance(given_volume, Span) else ''} events a day{peaks}"
            f"{top if isinstance(given_peak, Span) else ''} that must not be lost call for a log"
        )
    elif rate > ROUTER_PEAK_PER_SECOND:
        ranged = isinstance(given_volume, Span) or isinstance(given_peak, Span)
        why.append(
            f"a peak of {number(round(rate))} events a second{top if ranged else ''} is beyond the published quotas of "
            f"managed routers (the largest, {ROUTER.name}'s, is {number(ROUTER_PEAK_PER_SECOND)} a second in its "
            "largest Regions)"
        )
    return why


def team_router(given: Answers) -> Capability | None:
    """The router the team already runs on the flow's platform, where the team runs no log: a broker with a log
    (Kafka, Pulsar, Pub/Sub, a RabbitMQ or NATS stream) carries a log's work itself. A team that runs only queues
    runs a router's durable half: the platform's router that delivers to those queues (SNS to SQS, review 11,
    R11-15)."""
    broker, platform = given["existing_broker"], given["platform"]
    theirs = [c for c in CAPABILITIES if broker in c.broker_ids and platform in c.platforms]
    if any("log" in c.roles for c in theirs):
        return None
    routers = [c for c in theirs if "router" in c.roles]
    queues = {c.id for c in theirs if "queue" in c.roles}
    in_front = [c for c in CAPABILITIES if platform in c.platforms and c.subscriber_queue in queues]
    return next(iter(routers or in_front), None)


def team_router_carries(given: Answers, rate: float) -> bool:
    """Whether the router the team runs carries the flow's peak: within its quota where it states one for the
    account, else within the largest managed router's (a router sized in units adds units up to there). The
    volume then calls for no new log: each subscriber's durable queue keeps its copy (review 9, R9-20)."""
    router = team_router(given)
    if router is None:
        return False
    quota = router.unit_messages_per_second if router.unit_is_quota else None
    return rate <= (quota.value if quota else ROUTER_PEAK_PER_SECOND)


def team_router_spares_a_log(given: Answers) -> str:
    """Where only the team's own router spares a flow the log its volume would call for, the words that say so."""
    tops = _at_the_top(given)
    if tops is None or given["delivery"] not in KEPT:
        return ""
    volume, peak = tops
    rate = volume * peak / 86_400
    router = team_router(given)
    if router is None or volume * peak < LOG_VOLUME_PER_DAY or not team_router_carries(given, rate):
        return ""
    yours = (
        f"the {router.name} you already run"
        if given["existing_broker"] in router.broker_ids
        else f"an {router.name}, with a queue per subscriber in the {label(given['existing_broker'])} you already run,"
    )
    return f"{yours} carries its peak of {number(round(rate))} events a second"


def _at_the_top(given: Answers) -> tuple[float, float] | None:
    """Messages a day and the peak factor, a range taken at its top, the value the sizing is made for, so the
    approach and the sizing beside it agree (review 7, R7-07 and R7-32: "a router is enough" beside a log at the top
    of the range); None where either is not known, on which no "call for" is stated, as no premise holds on it."""
    volume, peak = given["volume_per_day"], given["peak_factor"]
    if _not_known(volume) or _not_known(peak):
        return None
    return highest(volume), highest(peak)


def _not_known(value: float | Span) -> bool:
    return isinstance(value, Span) and value.unknown


NEEDS_A_LOG: Final = Rule(
    "R3.3",
    "Published facts that are replayed, that must not be lost and come in the tens of millions a day, or that "
    "outgrow a router's rate run on a log, not a router",
    f"replay is yes; or messages a day times the peak factor is {number(LOG_VOLUME_PER_DAY)} or more and delivery "
    "is no loss or effectively once, unless the team already runs a router (and no log) that carries the peak; or a "
    f"peak above {number(ROUTER_PEAK_PER_SECOND)} messages a second",
    ("replay", "volume_per_day", "peak_factor", "delivery", "existing_broker", "platform"),
    lambda given: bool(log_needed_because(given)),
    (
        Case(
            {
                "interaction": Interaction.EVENT,
                "volume_per_day": 8_000_000,
                "peak_factor": 6,
                "delivery": Delivery.NO_LOSS,
            },
            False,
            {"platform": "aws", "existing_broker": "eventbridge"},
        ),
        Case(
            {
                "interaction": Interaction.EVENT,
                "volume_per_day": 8_000_000,
                "peak_factor": 6,
                "delivery": Delivery.NO_LOSS,
            },
            True,
            {"platform": "gcp", "existing_broker": "pubsub"},
        ),
        Case({"interaction": Interaction.EVENT, "replay": Replay.YES}, True),
        Case({"interaction": Interaction.EVENT, "replay": Replay.YES, "peak_factor": [2, 20]}, True),
        Case(
            {
                "interaction": Interaction.EVENT,
                "volume_per_day": 5_000_000,
                "peak_factor": 2,
                "delivery": Delivery.NO_LOSS,
            },
            True,
        ),
        Case(
            {
                "interaction": Interaction.EVENT,
                "volume_per_day": 5_000_000,
                "peak_factor": 2,
                "delivery": Delivery.BEST_EFFORT,
            },
            False,
        ),
        Case(
            {
                "interaction": Interaction.EVENT,
                "volume_per_day": 5_000_000,
                "peak_factor": 2,
                "delivery": Delivery.UNKNOWN,
            },
            False,
        ),
        Case(
            {
                "interaction": Interaction.EVENT,
                "volume_per_day": 4_999_999,
                "peak_factor": 2,
                "delivery": Delivery.NO_LOSS,
            },
            False,
        ),
        Case(
            {
                "interaction": Interaction.EVENT,
                "volume_per_day": 300_000_000,
                "peak_factor": 3,
                "delivery": Delivery.BEST_EFFORT,
            },
            True,
        ),
        Case({"interaction": Interaction.EVENT, "replay": Replay.UNKNOWN}, False),
    ),
    approach="event_log",
    approach_for=(EVENT_DRIVEN,),
    # Replay alone makes it hold: a volume or peak given as a range only leaves out the other premise.
    reads_ranges=True,
)


# R4 Small landscapes and batch -------------------------------------------------------------------------


def asks_for_a_buffer(given: Answers) -> bool:
    """An answer that asks for something to hold the work: a consumer that is away when the work must not be
    lost, peaks a broker absorbs (a sender's backlog on reconnecting among them), work that may complete later,
    or consumers that re-read past messages."""
    return (
        (given["consumer_availability"] in AWAY and given["delivery"] in KEPT)
        or given["source_availability"] in AWAY
        # Peaks that may reach the threshold (a range or not known) ask for a buffer as peaks that do.
        or highest(given["peak_factor"]) >= HIGH_PEAK
        or given["latency"] in (Latency.MINUTES, Latency.HOURS)
        or given["replay"] == Replay.YES
        or given["ordering"] in (Ordering.PER_KEY, Ordering.GLOBAL)
    )


def _small_landscape(given: Answers) -> bool:
    # Every premise is stated positively, so an answer the person was not sure of makes none of them true.
    return (
        given["interaction"] in (Interaction.COMMAND, Interaction.EVENT)
        and given["consumer_kind"] == ConsumerKind.SERVICE
        and given["systems"] <= SMALL_LANDSCAPE
        and len(given["consumers"]) == 1
        and exact(given["volume_per_day"]) <= LOW_VOLUME_PER_DAY
        and given["change_rate"] == ChangeRate.RARE
        and given["growth"] == Growth.NONE
        and (
            given["consumer_availability"] == Availability.ALWAYS
            or (given["consumer_availability"] in AWAY and given["delivery"] == Delivery.BEST_EFFORT)
        )
        and given["source_availability"] == Availability.ALWAYS
        and exact(given["peak_factor"]) < HIGH_PEAK
        and given["latency"] in (Latency.IMMEDIATE, Latency.SECONDS, Latency.MINUTES)
        and given["replay"] == Replay.NO
        and given["ordering"] == Ordering.NONE
        # Work that may complete later and must not be lost goes direct only when small and steady (R2.3).
        and (given["delivery"] not in KEPT or given["latency"] == Latency.IMMEDIATE or small_and_steady(given))
    )


def _small_landscape_reason(given: Answers) -> str:
    later = (
        f"; the work may complete {LATENCY[given['latency']]}, and the consumer is always there to take it at once"
        if given["latency"] == Latency.MINUTES and given["consumer_availability"] == Availability.ALWAYS
        else ""
    )
    peak, volume = exact(given["peak_factor"]), int(exact(given["volume_per_day"]))
    peaks = "steady" if peak == 1 else f"peaks of {number(peak)}× the average"
    # R2.3 says the same of a command not waited for; an event (or a waited-for command) hears it here.
    kept = (
        " Nothing may be lost: give each call an idempotency key and retry it until it succeeds. A direct call loses "
        "the work a queue would keep should the consumer start to have downtime, so it is not advised with high "
        "confidence."
        if given["delivery"] in KEPT and not _kept_work_may_go_direct(given)
        else ""
    )
    return (
        f"Few systems ({given['systems']}), a single consumer, low volume ({plural(volume, 'message')}"
        f" a day, {peaks}), no growth and rare interface changes{later}: a direct call with retries carries it, "
        f"and a broker here would be over-engineering.{kept}"
    )


SMALL_LANDSCAPE_RULE: Final = Rule(
    "R4.1",
    "Few systems, one consumer, low volume and rare change: a broker would be over-engineering",
    f"interaction is command or event; the receiver is a service; {SMALL_LANDSCAPE} systems or fewer; one "
    f"consumer; {number(LOW_VOLUME_PER_DAY)} messages a day or fewer; interfaces change rarely; growth none; "
    "the consumer always available (or away when a loss is acceptable); the sender always available; peaks below "
    f"{HIGH_PEAK}×; latency immediate, seconds or minutes; no replay; no ordering; work that must not be lost and "
    f"is not waited for has no peaks (1×) or messages a day times the peak factor of {number(LOW_VOLUME_PER_DAY)} "
    f"or fewer, and messages of {number(DIRECT_CALL_KB)} KB or less",
    (
        "interaction",
        "consumer_kind",
        "systems",
        "consumers",
        "volume_per_day",
        "change_rate",
        "growth",
        "consumer_availability",
        "delivery",
        "source_availability",
        "peak_factor",
        "message_size_kb",
        "latency",
        "replay",
        "ordering",
    ),
    _small_landscape,
    (
        Case({"interaction": Interaction.COMMAND}, True),
        Case({"interaction": Interaction.COMMAND, "latency": Latency.MINUTES}, True),
        Case({"interaction": Interaction.COMMAND, "latency": Latency.HOURS, "volume_per_day": 100}, False),
        Case({"interaction": Interaction.COMMAND}, False, {"systems": 6}),
        Case({"interaction": Interaction.COMMAND}, False, {"change_rate": ChangeRate.UNKNOWN}),
        Case({"interaction": Interaction.COMMAND}, False, {"growth": Growth.SOME}),
        Case({"interaction": Interaction.COMMAND, "consumer_availability": Availability.OFTEN_OFFLINE}, False),
        Case({"interaction": Interaction.COMMAND, "consumer_availability": Availability.UNKNOWN}, False),
        Case(
            {
                "interaction": Interaction.COMMAND,
                "consumer_availability": Availability.OFTEN_OFFLINE,
                "delivery": Delivery.BEST_EFFORT,
            },
            True,
        ),
        Case({"interaction": Interaction.EVENT, "peak_factor": 5}, False),
        Case(
            {"interaction": Interaction.COMMAND, "latency": Latency.MINUTES, "volume_per_day": 5_000, "peak_factor": 4},
            False,
        ),
        Case(
            {"interaction": Interaction.COMMAND, "latency": Latency.MINUTES, "volume_per_day": 500, "peak_factor": 4},
            True,
        ),
        Case({"interaction": Interaction.COMMAND, "latency": Latency.MINUTES, "message_size_kb": 204800}, False),
        Case(
            {
                "interaction": Interaction.COMMAND,
                "latency": Latency.MINUTES,
                "peak_factor": 4,
                "delivery": Delivery.BEST_EFFORT,
            },
            True,
        ),
        Case({"interaction": Interaction.COMMAND, "latency": Latency.IMMEDIATE, "peak_factor": 4}, True),
        Case({"interaction": Interaction.EVENT, "consumer_kind": ConsumerKind.DEVICE}, False),
        Case({"interaction": Interaction.COMMAND, "replay": Replay.UNKNOWN}, False),
        Case({"interaction": Interaction.COMMAND, "ordering": Ordering.PER_KEY}, False),
        Case({"interaction": Interaction.QUERY}, False),
    ),
    scored_as=QUERY,
    interactions=(Interaction.COMMAND, Interaction.EVENT),
    reason=_small_landscape_reason,
)


def _bulk(given: Answers) -> bool:
    # No premise holds on a range or an unknown number: the counts must be given; a message size given as a range
    # is a file when its top is.
    volume, peak = given["volume_per_day"], given["peak_factor"]
    if isinstance(volume, Span) or isinstance(peak, Span):
        return False
    return (
        given["interaction"] in (Interaction.COMMAND, Interaction.EVENT)
        and given["latency"] == Latency.HOURS
        and (
            (volume <= BULK_MESSAGES_PER_DAY and not _notice_for_many(given))
            or (peak >= BULK_PEAK_FACTOR and volume >= BULK_BURST_MESSAGES_PER_DAY)
        )
    )


def _notice_for_many(given: Answers) -> bool:
    """A few small facts a day that three or more systems care about are notices, not a file (review 5, R5-36)."""
    return (
        given["interaction"] == Interaction.EVENT
        and len(given["consumers"]) >= FAN_OUT
        and highest(given["message_size_kb"]) < BULK_FILE_KB
    )


def _bulk_size(given: Answers, volume: int) -> str:
    """The size of what it moves, as given (a range at its top), and from BULK_FILE_KB that it is a file: what makes
    a nightly transfer one to a person. A size left out or not known is not stated."""
    size = given["message_size_kb"]
    if "message_size_kb" in given["assumed"] or (isinstance(size, Span) and size.unknown):
        return ""
    top = highest(size)
    words = f" of {'up to ' if isinstance(size, Span) else ''}{message_size(top)}{'' if volume == 1 else ' each'}"
    if top >= BULK_FILE_KB:
        words += " (a file, not a message)" if volume == 1 else " (files, not messages)"
    return words


def _bulk_reason(given: Answers) -> str:
    volume = int(exact(given["volume_per_day"]))
    hours = float(f"{24 / exact(given['peak_factor']):.2g}")
    burst = "" if volume <= BULK_MESSAGES_PER_DAY else f", all within {number(hours)} hour{'' if hours == 1 else 's'}"
    return (
        f"It moves {plural(volume, 'message')} a day{_bulk_size(given, volume)}{burst}, due {LATENCY['hours']}: a "
        "periodic bulk transfer. "
        "None of the three patterns fits it well — a file drop to object storage, an ETL/ELT job or a bulk API "
        "carries it better — so its scores are a weak fit and the confidence is low."
    )


BULK_TRANSFER: Final = Rule(
    "R4.2",
    "A periodic bulk transfer fits none of the three patterns",
    f"interaction is command or event; latency is hours; at most {BULK_MESSAGES_PER_DAY} messages a day, "
    f"or a peak factor of {BULK_PEAK_FACTOR} or more (the day's messages within two hours) on at least "
    f"{number(BULK_BURST_MESSAGES_PER_DAY)} messages a day (a table's extract, not a rush of submissions); not an "
    f"event for {FAN_OUT} or more consumers below {number(BULK_FILE_KB)} KB a message (a notice, not a file)",
    ("interaction", "latency", "volume_per_day", "peak_factor", "consumers", "message_size_kb"),
    _bulk,
    (
        Case({"interaction": Interaction.COMMAND, "latency": Latency.HOURS, "volume_per_day": 1}, True),
        Case(
            {
                "interaction": Interaction.EVENT,
                "latency": Latency.HOURS,
                "volume_per_day": 50_000_000,
                "peak_factor": 24,
            },
            True,
        ),
        Case({"interaction": Interaction.COMMAND, "latency": Latency.HOURS, "volume_per_day": 25}, False),
        Case(
            {
                "interaction": Interaction.COMMAND,
                "latency": Latency.HOURS,
                "volume_per_day": 300_000,
                "peak_factor": 50,
            },
            False,
        ),
        Case({"interaction": Interaction.COMMAND, "latency": Latency.MINUTES, "volume_per_day": 1}, False),
        Case({"interaction": Interaction.QUERY, "latency": Latency.HOURS, "volume_per_day": 1}, False),
        Case({"interaction": Interaction.UNKNOWN, "latency": Latency.HOURS, "volume_per_day": 1}, False),
    ),
    approach="bulk_transfer",
    reads_ranges=True,
    caps=LOW,
    fit="weak",
    reason=_bulk_reason,
    risks=lambda given: (
        Risk(
            "A file is loaded twice, half loaded, or not at all, and nobody notices.",
            "Name each batch, load it idempotently by batch id, move files atomically (write, then rename), "
            "check counts and checksums, and alert when an expected batch has not arrived.",
            HIGH if _kept(given) else MEDIUM,
        ),
    ),
)


# Technology stack --------------------------------------------------------------------------------------


def _nobody_runs_a_broker(given: Answers) -> bool:
    return (
        given["operations"] == Operations.MANAGED
        and given["platform"] in (Platform.ON_PREMISES, Platform.KUBERNETES)
        and given["async_experience"] == Experience.NONE
        and given["existing_broker"] == Broker.NONE
    )


NOBODY_RUNS_A_BROKER: Final = Rule(
    "T1",
    "A broker that nobody is there to run pulls against the answers that ask for it",
    "operations managed; platform on premises or Kubernetes; no asynchronous experience; no existing broker",
    ("operations", "platform", "async_experience", "existing_broker"),
    _nobody_runs_a_broker,
    (
        Case(
            {"interaction": Interaction.EVENT},
            True,
            {"platform": Platform.ON_PREMISES, "async_experience": Experience.NONE},
        ),
        Case(
            {"interaction": Interaction.EVENT}, False, {"platform": Platform.AWS, "async_experience": Experience.NONE}
        ),
        Case(
            {"interaction": Interaction.EVENT},
            False,
            {"platform": Platform.KUBERNETES, "async_experience": Experience.UNKNOWN},
        ),
    ),
    caps=MEDIUM,
    caps_for=(MESSAGE_QUEUE, EVENT_DRIVEN),
)

# In the order their effects are applied: the first rule that holds sets the kind, and the approach.
RULES: Final = (
    BULK_TRANSFER,
    SLOW_QUERY,
    PROVIDER_AWAY,
    CURRENT_ANSWERS,
    CALLER_OFFLINE,
    COMMAND_TO_SEVERAL,
    WAITED_FOR_COMMAND,
    SMALL_LANDSCAPE_RULE,
    FACT_FOR_ONE_SERVICE,
    LITTLE_TO_DECOUPLE,
    NEEDS_A_LOG,
    DIRECT_CALL_FOR_KEPT_WORK,
    KEPT_WORK_MAY_GO_DIRECT,
    ORDERED_WORK,
    DEVICE_SENDER,
    BUSINESS_TRANSACTION,
    SENDER_OFFLINE,
    NOBODY_RUNS_A_BROKER,
)
SCORED_AS: Final = tuple(r for r in RULES if r.scored_as is not None)
APPROACH_RULES: Final = tuple(r for r in RULES if r.approach is not None)
CAPS: Final = tuple(r for r in RULES if r.caps is not None)


def _effects(rule: Rule) -> str:
    def winners(patterns: tuple[str, ...]) -> str:
        return "" if patterns == PATTERN_IDS else f" (when {' or '.join(p.replace('_', '-') for p in patterns)} wins)"

    effects = []
    if rule.scored_as:
        effects.append(f"scored as the {rule.scored_as} fits")
    if rule.approach:
        effects.append(f"approach `{rule.approach}`{winners(rule.approach_for)}")
    if rule.caps:
        effects.append(f"confidence at most {rule.caps}{winners(rule.caps_for)}")
    if rule.fit == "weak":
        effects.append("a weak fit")
    if rule.reason:
        effects.append("a reason")
    if rule.risks:
        effects.append("risks")
    return "; ".join(effects)


def rules_table() -> str:
    """The rules as docs/decision-rules.md lists them (checked by tests/engine/test_rule_cases.py)."""
    rows = [
        "| rule | what it says | premises (over answers as given) | effects |",
        "| --- | --- | --- | --- |",
        *(f"| {r.id} | {r.name} | {r.premises} | {_effects(r)} |" for r in RULES),
    ]
    return "\n".join(rows)
