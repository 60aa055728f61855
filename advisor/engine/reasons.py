"""Plain-language reasons for a flow's scores, derived from its answers and its scores.

Every sentence here is conditioned on what the person answered (a known
answer; an "unknown" one is never described as if it had been given) or on
the scores, never on which pattern won: a reason must not contradict an
answer, and must read the same whichever pattern the scores favour.
docs/decision-rules.md lists the rules these sentences explain.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import cast

from .answers import ANSWERS, UNKNOWN, Answers, Span, command_terms, exact, highest, unsure
from .capabilities import CAPABILITIES
from .catalog import APPROACHES, COMMAND, EVENT, FACTORS, PATTERN_IDS, PATTERNS, POINT_TO_POINT, QUERY, label
from .choices import (
    AWAY,
    KEPT,
    WAITED,
    Availability,
    ConsumerKind,
    Delivery,
    Growth,
    Latency,
    Ordering,
    Replay,
    command_deadline,
    command_expiry,
)
from .evaluation import FlowModel
from .model import Flip
from .rules import (
    APPROACH_RULES,
    BULK_TRANSFER,
    BUSINESS_TRANSACTION,
    CALLER_OFFLINE,
    CAPS,
    COMMAND_TO_SEVERAL,
    CURRENT_ANSWERS,
    DEVICE_SENDER,
    DIRECT_CALL_KB,
    HIGH_PEAK,
    KEPT_WORK_MAY_GO_DIRECT,
    LITTLE_TO_DECOUPLE,
    ORDERED_WORK,
    PROVIDER_AWAY,
    SENDER_OFFLINE,
    SLOW_QUERY,
    SMALL_LANDSCAPE,
    SMALL_LANDSCAPE_RULE,
    WAITED_FOR_COMMAND,
    Rule,
    asks_for_a_buffer,
    log_needed_because,
    small_and_steady,
    team_router_spares_a_log,
)
from .scoring import answer_of, drivers_of, kind_of
from .traffic import outage_quote
from .wording import (
    AVAILABILITY,
    CURRENT_STATE,
    DELIVERY,
    EXPIRING_HELD,
    LATENCY,
    LATENCY_SHORT,
    OUTAGE_WHY,
    REACH,
    RECEIVERS,
    SENDER_AVAILABILITY,
    about,
    amount,
    capitalised,
    clock,
    duration,
    in_words,
    lifetime,
    listed,
    message_size,
    names,
    number,
    percent,
    plural,
    whole,
)


def known[C: StrEnum](value: C) -> C | None:
    """A choice answer as given, or None when the person was not sure."""
    return None if value == UNKNOWN else value


def consumers_of(given: Answers) -> tuple[str, ...]:
    consumers = given["consumers"]
    assert isinstance(consumers, tuple)
    return consumers


def reasons(
    given: Answers,
    model: FlowModel,
    contributions: Mapping[str, Mapping[str, float]],
    unknown_flips: Sequence[Flip],
) -> tuple[str, ...]:
    said = [
        *_what_it_is(given),
        *_who_is_away(given),
        *_load_and_timing(given),
        *_what_must_be_kept(given, model.headline),
        *(doubts := _what_rests_on_doubts(given, model.headline)),
        *SMALL_LANDSCAPE_RULE.said(given),
        # Figures last, beside the scores: the first reason is the one a decision record gives as its cause.
        *_what_an_outage_does(given),
        _what_decides(given, model, contributions),
    ]
    if model.unknown:
        besides = _what_else_would_change(given, model.headline)
        said.append(
            _still_a_bulk_transfer(given, model, besides)
            if BULK_TRANSFER.holds(given)
            else _what_was_not_sure(given, model, unknown_flips, besides, capped=bool(doubts))
        )
    if not model.decided:
        said.append(_what_to_settle(unknown_flips))
    return tuple(s for s in said if s)


def _caller_maybe_offline(given: Answers) -> str:
    """Whether the caller goes offline was not answered: what the device would need then (R1.5; review 11,
    R11-35: a gate scanner). What it does to the confidence is said with the other answers not sure."""
    if given["source_availability"] != UNKNOWN or not CALLER_OFFLINE.holds(
        {**given, "source_availability": Availability.OFTEN_OFFLINE}
    ):
        return ""
    return (
        " Whether the caller stays connected was not answered: were it to go out of coverage, no queue helps a "
        "caller who waits, and it would need a local copy on the device — a cache or an allow-list of what it looks "
        "up, refreshed whenever it is connected, with its age shown."
    )


def _few_systems_to_ask(given: Answers) -> str:
    """A lookup in a small landscape: nothing but the call is needed (docs/decision-rules.md, R4; review 10, R10-17)."""
    systems = given["systems"]
    # Not where the flow needs more than the call after all: replayed answers, a provider that is away (work that
    # waits for it, or a local copy fed by events, R1.3), or a caller that is (R1.5).
    if (
        systems > SMALL_LANDSCAPE
        or given["replay"] != Replay.NO
        or given["consumer_availability"] != Availability.ALWAYS
        or CALLER_OFFLINE.holds(given)
    ):
        return ""
    said = f"{systems}, counted from the systems the flows name" if "systems" in given["assumed"] else str(systems)
    return f" Few systems ({said}): the call is the whole integration, and a broker here would be over-engineering."


def _what_it_is(given: Answers) -> list[str]:
    said = []
    interaction = known(given["interaction"])
    latency = known(given["latency"])
    consumers = consumers_of(given)
    growth = known(given["growth"])
    if interaction == QUERY and latency in WAITED:
        said.append(
            f"It is a query answered {assumed(given, 'latency', LATENCY[latency])}: the caller needs the answer to "
            "go on, and only a "
            "request/response call returns it in the same exchange; a queue or events cannot answer questions."
            + _few_systems_to_ask(given)
            + _caller_maybe_offline(given)
        )
    else:
        said += SLOW_QUERY.said(given)
    if COMMAND_TO_SEVERAL.holds(given):
        said += COMMAND_TO_SEVERAL.said(given)
    elif interaction == EVENT and len(consumers) >= 3:
        said.append(
            f"{len(consumers)} systems care about this fact ({names(consumers)}): with publish/subscribe the "
            "producer does not need to know its subscribers."
        )
    elif interaction == EVENT and growth in (Growth.SOME, Growth.FAST) and len(consumers) == 2:
        said.append(
            f"Two consumers today and more expected (growth: {label(growth)}): new subscribers can join "
            "without changing the producer."
        )
    else:
        said += LITTLE_TO_DECOUPLE.said(given)
    said += WAITED_FOR_COMMAND.said(given) + CURRENT_ANSWERS.said(given) + BUSINESS_TRANSACTION.said(given)
    receivers = known(given["consumer_kind"])
    if receivers == ConsumerKind.DEVICE and interaction == COMMAND:
        said.append(
            "It sends work to devices: each receives its commands over MQTT from a broker made for devices, which "
            "keeps a queue per device until it connects and acknowledges them (Azure IoT Hub cloud-to-device "
            "messages, AWS IoT Core persistent sessions; EMQX or Mosquitto where no cloud runs one). Where the device "
            "runs an app (a tablet, a phone), its platform's push notification may instead wake the app to sync from a "
            "durable inbox per device and acknowledge what it applied; push alone keeps nothing, and a back-end queue "
            "does not reach a device."
        )
    elif owed_to_devices_away(given):
        # Push keeps nothing for a device that is away (review 8, R8-33): a broker made for devices holds it.
        said.append(
            "It is owed to devices that are often offline: each gets it from a broker made for devices, which holds "
            "it in the device's persistent session until the device reconnects, and keeps the latest in its desired "
            "state (a twin or shadow) for one away longer (Azure IoT Hub or Azure Event Grid's MQTT broker, AWS IoT "
            "Core persistent sessions; EMQX or Mosquitto where no cloud runs one). Push (Firebase Cloud Messaging, "
            "Apple Push Notification service) only wakes a phone app to connect: it keeps nothing itself."
        )
    elif receivers in RECEIVERS:
        reached = (
            "by push (Firebase Cloud Messaging, Apple Push Notification service) or a persistent connection "
            "(WebSocket, Server-Sent Events)"
            if receivers == ConsumerKind.DEVICE
            else "over a persistent connection (WebSocket, Server-Sent Events), or by web push once the page is closed"
        )
        said.append(
            f"It reaches {RECEIVERS[receivers]}: each is a subscriber of its own, reached behind the backbone "
            f"{reached}, not by a broker's own client library."
        )
    elif given["consumer_kind"] == UNKNOWN and interaction != QUERY:
        # Not knowing who receives changes what must be built, if not the pattern (review 11, R11-16).
        said.append(
            "Whether the receivers are services, devices or browsers was not answered: services read from the broker "
            "itself; phones and devices would be reached behind it by push (Firebase Cloud Messaging, Apple Push "
            "Notification service) or a persistent connection (WebSocket, Server-Sent Events), and browsers over a "
            "persistent connection."
        )
    return said


def owed_to_devices_away(given: Answers) -> bool:
    """An event that must reach devices which are often offline: push keeps nothing for them, so a broker made for
    devices holds it (review 8, R8-33)."""
    return (
        known(given["interaction"]) == EVENT
        and known(given["consumer_kind"]) == ConsumerKind.DEVICE
        and known(given["consumer_availability"]) == Availability.OFTEN_OFFLINE
        and known(given["delivery"]) in (Delivery.NO_LOSS, Delivery.EFFECTIVELY_ONCE)
    )


def _expires(given: Answers) -> bool:
    """A command to devices whose latency gives it a lifetime (choices.command_expiry)."""
    return command_expiry(*command_terms(given)) is not None


def _deadline(given: Answers) -> float:
    """Hours after which a command kept for a device often away is escalated (choices.command_deadline); 0 if none."""
    return command_deadline(*command_terms(given)) or 0


def _who_is_away(given: Answers) -> list[str]:
    said = []
    availability = known(given["consumer_availability"])
    delivery = known(given["delivery"])
    if PROVIDER_AWAY.holds(given):
        said += PROVIDER_AWAY.said(given)
    elif availability in AWAY:
        if delivery in KEPT and BULK_TRANSFER.holds(given):
            said.append(
                f"The consumer {AVAILABILITY[availability]} and {DELIVERY[delivery]}: the file stays where it was "
                "dropped until the consumer is back to pick it up."
            )
        elif delivery in KEPT and _deadline(given):
            said.append(
                f"The consumer {AVAILABILITY[availability]} and {DELIVERY[delivery]}: each command is kept for the "
                "device until it is acknowledged or cancelled, and one not acknowledged within "
                f"{lifetime(_deadline(given))} of being sent is escalated to a person (the device may be out of "
                "reach for longer), not dropped."
            )
        elif delivery in KEPT and _expires(given):
            said.append(
                f"The consumer {AVAILABILITY[availability]} and {DELIVERY[delivery]}: each command waits for it "
                "only until it expires, and one not acknowledged by then is escalated, never carried out late."
            )
        elif delivery in KEPT:
            said.append(
                f"The consumer {AVAILABILITY[availability]} and {DELIVERY[delivery]}: the work must wait somewhere "
                "durable until it is back — a queue or a durable subscription — or the sender must keep retrying."
            )
        elif delivery == Delivery.BEST_EFFORT and not asks_for_a_buffer(given):
            # Phones and browsers: nothing on the way keeps the messages, the back end keeps what they show.
            away = (
                f"nothing on the way needs to hold the messages while it is away: {CURRENT_STATE}"
                if known(given["consumer_kind"]) in RECEIVERS
                else "nothing needs to hold the work while it is away"
            )
            said.append(f"The consumer {AVAILABILITY[availability]}, but a lost message is acceptable: {away}.")
    return said + SENDER_OFFLINE.said(given) + CALLER_OFFLINE.said(given) + DEVICE_SENDER.said(given)


def _what_an_outage_does(given: Answers) -> list[str]:
    """The what-if's default outage in figures (closed forms of its simulation, traffic.outage_quote), for work
    sent to consumers that are not always there. A query is left out: a queue holding it answers nobody. So is
    a flow whose volume or peak is a range or unknown: the what-if sizes for a value the person did not give,
    and its figures would read as theirs."""
    consumers = consumers_of(given)
    availability = given["consumer_availability"]
    volume, peak = given["volume_per_day"], given["peak_factor"]
    if given["interaction"] == QUERY or isinstance(volume, Span) or isinstance(peak, Span):
        return []
    quote = outage_quote(volume, peak, len(consumers), availability)
    if quote is None or quote.drain_minutes is None or round(quote.lost) == 0:
        return []
    outage = quote.outage
    back = "it is" if len(consumers) == 1 else "they are"
    return [
        f"During a {number(outage.minutes / 60)}-hour outage of {names(consumers)} "
        f"({clock(outage.start_minute)}–{clock(outage.end_minute)}, {OUTAGE_WHY[availability]}), point-to-point "
        f"loses {about(quote.lost)} calls even after {plural(quote.retries, 'retry', 'retries')} each; "
        f"{_held(given, back, duration(quote.drain_minutes))}."
    ]


def _held(given: Answers, back: str, drain: str) -> str:
    """What keeps the messages while the consumer is away. Phones and browsers are reached by push, which may never
    arrive (APNs keeps one notification per app), and devices each read a queue of their own when they reconnect:
    no queue drains to them, so the backbone keeps what happened and each catches up when it is back."""
    receivers = known(given["consumer_kind"])
    if command_expiry(*command_terms(given)) is not None:
        return EXPIRING_HELD
    if receivers == ConsumerKind.DEVICE and given["interaction"] == COMMAND:
        return (
            "the device broker keeps each device's commands in a queue of its own (for a bounded time and count), "
            "and the desired state it holds is read by each device when it reconnects"
        )
    if owed_to_devices_away(given):
        return (
            "the device broker holds each device's events in its persistent session (for a bounded time and count), "
            "and the latest in the desired state each device reads when it reconnects"
        )
    if receivers in RECEIVERS and known(given["delivery"]) == Delivery.BEST_EFFORT:
        return f"push to {RECEIVERS[receivers]} that are offline may never arrive and nothing keeps it: {CURRENT_STATE}"
    if receivers in RECEIVERS:
        return (
            f"push to {RECEIVERS[receivers]} that are offline may never arrive, so the back end keeps what each one "
            "is owed (an inbox per user, fed from the backbone) and the app or page syncs it when it reconnects"
        )
    # Consumers that re-read, or a fact that needs a log: the log keeps what they missed, no queue is listed.
    if known(given["replay"]) == Replay.YES or (kind_of(given) == EVENT and log_needed_because(given)):
        return f"the log keeps them and the consumers catch up in {drain} once {back} back"
    return f"a queue holds them and drains in {drain} once {back} back"


def _load_and_timing(given: Answers) -> list[str]:
    said = []
    interaction = known(given["interaction"])
    latency = known(given["latency"])
    peak = given["peak_factor"]
    if highest(peak) >= HIGH_PEAK and not (isinstance(peak, Span) and peak.unknown):
        if not isinstance(peak, Span):
            reach = f"Peaks reach {number(peak)}×"
        elif peak.low >= HIGH_PEAK:
            reach = f"Peaks reach {amount(peak)}×"
        else:
            reach = f"Peaks may reach {number(peak.high)}× (the range given is {amount(peak)}×)"
        if SLOW_QUERY.holds(given):
            # Nobody holds a connection open for the answer (review 8, R8-07): the requests wait, and a cache of
            # answers to requests that are each new would answer nothing.
            said.append(
                f"{reach} the average rate: nobody holds a connection open for the answer, so the request queue "
                "absorbs them and the consumers scale for them (behind 202 Accepted, the accepted requests wait as the "
                "provider's own backlog of work); answers come later at the peak, not refused."
            )
        elif interaction == QUERY:
            said.append(
                f"{reach} the average rate: the provider must scale for them"
                + ("." if not may_be_cached(given) else ", or answers be cached.")
            )
        elif WAITED_FOR_COMMAND.holds(given):
            said.append(
                f"{reach} the average rate: the caller waits, so they cannot be levelled — scale the consumer for "
                "them, or throttle the callers."
            )
        elif (
            known(given["consumer_kind"]) in RECEIVERS
            and interaction != COMMAND
            and known(given["delivery"]) == Delivery.BEST_EFFORT
        ):
            # A storm of updates to screens: queued, they would arrive stale and late; people need the latest. Not
            # where every message must arrive (a critical alert, review 10, R10-24): none may be coalesced away.
            said.append(
                f"{reach} the average rate: queued, updates to screens would arrive stale — deduplicate them by key; "
                "where each update replaces the one before (a status, a price), coalesce each session's updates to "
                "the latest per key a few times a second; where each one counts (a chat line), batch them instead; "
                "and send a snapshot when a client connects or reconnects."
            )
        else:
            said.append(
                f"{reach} the average rate: a broker absorbs them so "
                f"{'the consumers work at their' if len(consumers_of(given)) > 1 else 'the consumer works at its'} "
                "own pace; a direct call passes them straight on."
            )
    if (
        interaction == COMMAND
        and latency in (Latency.MINUTES, Latency.HOURS)
        and not BULK_TRANSFER.holds(given)
        and not SMALL_LANDSCAPE_RULE.holds(given)
    ):
        said.append(
            f"The work may complete {LATENCY[latency]}: nobody waits on it, so it can wait in a queue and be "
            "retried until it succeeds."
        )
    return said + BULK_TRANSFER.said(given)


def _what_rests_on_doubts(given: Answers, winner: str) -> list[str]:
    """A rule that caps the winner's confidence and would hold for some plausible answers to what was not sure:
    why the winner covers them, and why the confidence stays at most medium until they are known."""
    return [sentence for rule in CAPS if (sentence := _doubt_of(rule, given, winner))]


def _doubt_of(rule: Rule, given: Answers, winner: str) -> str:
    if rule.unsure_reason is None or winner not in rule.caps_for or rule.holds(given) or not rule.caps_given(given):
        return ""
    read = cast(Mapping[str, object], given)
    sentence = rule.unsure_reason(given, tuple(a for a in rule.reads if unsure(read[a])))
    return sentence + rule.assumed(given) if sentence else ""


def _what_must_be_kept(given: Answers, winner: str) -> list[str]:
    said = KEPT_WORK_MAY_GO_DIRECT.said(given) + _too_much_to_go_direct(given, winner) + ORDERED_WORK.said(given)
    if known(given["replay"]) == Replay.YES:
        said.append(
            "Consumers must re-read past messages: that needs a retained log (a stream). Classic queues and "
            "routers delete a message once it is delivered, so whichever pattern carries it runs on a log-based "
            "broker (Kafka, Kinesis, Event Hubs, a RabbitMQ stream), read as a queue or as subscriptions."
        )
    if kind_of(given) == EVENT and BULK_TRANSFER.holds(given):
        # No router or log carries the file itself (review 9, R9-19): those it concerns are told once it has landed.
        said.append(
            "The transfer itself moves as a file, not as events: if other systems must be told, publish a small event "
            "with a reference to the file once it lands (a claim check)."
        )
    elif kind_of(given) == EVENT:
        why = log_needed_because(given)
        ordering = known(given["ordering"])
        if why:
            said.append(f"Published as events, this fact needs a log (a stream), not just a router: {listed(why)}.")
        elif given["replay"] == UNKNOWN:
            said.append(
                "Whether consumers must re-read past events was not answered: a router — topics with a durable "
                "subscription per subscriber — carries these events while they need not, as it keeps none once "
                f"delivered; if they must, this fact needs a log (a stream) instead — {_log_of(given)}."
            )
        elif known(given["replay"]) == Replay.NO:
            order = {
                Ordering.PER_KEY: " It must keep order per key: FIFO topics, sessions or ordering keys do.",
                Ordering.GLOBAL: " It must keep order across all events, which limits it to one consumer at a time.",
            }
            # A subscription need not be durable where a lost event is acceptable (Core NATS, SNS to a function).
            subscriptions = (
                "topics each subscriber listens on, with nothing kept, as a lost event is acceptable"
                if known(given["delivery"]) == Delivery.BEST_EFFORT
                else "topics with a durable subscription per subscriber"
                + (" (nothing may be lost, assumed)" if "delivery" in given["assumed"] else "")
            )
            volume = (
                f" ({number(exact(given['volume_per_day']))} a day, assumed)"
                if "volume_per_day" in given["assumed"]
                else ""
            )
            carried = team_router_spares_a_log(given) or "a router carries this volume"
            said.append(
                f"Published as events, a router — {subscriptions} — is enough: "
                f"{assumed(given, 'replay', 'nothing is replayed')}, and {carried}{volume}."
                f"{order.get(ordering, '') if ordering else ''}"
            )
    return said


def _gateway_kb(given: Answers) -> float:
    """The largest request a direct call carries through a gateway on the flow's platform, where every gateway there
    documents one (Google Cloud's API Gateway: 32 MB, review 8, R8-15); else the smallest the table lists."""
    platform = known(given["platform"])
    here = [c.max_message for c in CAPABILITIES if "gateway" in c.roles and platform in c.platforms]
    if here and all(limit is not None for limit in here):
        return min(limit.value for limit in here if limit is not None)
    return DIRECT_CALL_KB


def _too_much_to_go_direct(given: Answers, winner: str) -> list[str]:
    """Work that must not be lost, for one consumer that is always there, that a direct call still cannot carry: it
    peaks, or it is larger than a gateway takes (rule R2.3 in docs/decision-rules.md; review 7, R7-31). Where a
    direct call still scores ahead on the rest of the answers, the sentence says on what it then rests, not that the
    work goes through a queue (review 10, R10-06)."""
    peak, size = given["peak_factor"], given["message_size_kb"]
    if not (
        given["interaction"] == COMMAND
        and len(consumers_of(given)) == 1
        and given["delivery"] in KEPT
        and given["consumer_availability"] == Availability.ALWAYS
        and given["latency"] in (Latency.SECONDS, Latency.MINUTES)
        and isinstance(peak, int | float)
        and isinstance(size, int | float)
        and isinstance(given["volume_per_day"], int | float)
        and not small_and_steady(given)
    ):
        return []
    why = []
    gateway_kb = _gateway_kb(given)
    if size > gateway_kb:
        why.append(
            f"each message is {message_size(size)}, above the {message_size(gateway_kb)} a direct call carries "
            "through a gateway, so the payload goes to object storage and the queue carries a reference to it "
            "(a claim check)"
        )
    if peak > 1:
        why.append(
            f"peaks reach {number(peak)}× the average, which a queue levels while a direct call makes the consumer "
            "take them at once or the sender retry what it refuses"
        )
    verdict = (
        "A queue is the safer carrier: a direct call, which scores ahead on the rest of the answers, keeps the work "
        "only while the consumer takes every peak at once, with retries and an idempotency key, so it is not advised "
        "with high confidence."
        if winner == POINT_TO_POINT
        else "The work goes through a queue."
    )
    return [
        f"{capitalised(DELIVERY[given['delivery']])} and the work may complete {LATENCY[given['latency']]}, but a "
        f"direct call is only enough for small work at a steady pace: {'; and '.join(why)}. {verdict}"
    ]


def _log_of(given: Answers) -> str:
    """The logs that run on the flow's platform (all of them where it is not chosen), for a fact that turns out to be
    replayed."""
    logs = [c.name for c in CAPABILITIES if "log" in c.roles]
    there = [c.name for c in CAPABILITIES if "log" in c.roles and given["platform"] in c.platforms]
    return listed(there or logs, "or")


def may_be_cached(given: Answers) -> bool:
    """A query's answers may come from a cache unless they must be current or the request has an effect that
    must happen exactly once (a payment authorisation): such a request is never answered from old data."""
    return not CURRENT_ANSWERS.holds(given) and known(given["delivery"]) != Delivery.EFFECTIVELY_ONCE


def assumed(given: Answers, answer: str, words: str) -> str:
    """An answer in words, marked when the input left it out and it was taken by default."""
    return f"{words} (assumed)" if answer in given["assumed"] else words


def drivers_in_words(given: Answers, factor_id: str) -> str:
    """The answers behind a factor's pressure, in words; an unknown answer says so, one left out is assumed."""

    def said(answer: str, words: Mapping[str, str] | None = None, prefix: str = "") -> str:
        value = answer_of(given, answer)
        if value == UNKNOWN:
            return f"{ANSWERS[answer].in_sentence} not sure"
        return assumed(given, answer, prefix + (words[str(value)] if words else label(str(value))))

    fan_out = assumed(
        given,
        "consumers",
        plural(len(consumers_of(given)), "consumer") + REACH.get(known(given["consumer_kind"]) or "", ""),
    )
    volume = assumed(given, "volume_per_day", in_words(given["volume_per_day"], "{} a day", "messages per day"))
    match factor_id:
        case "complexity":
            parts = [assumed(given, "systems", plural(int(given["systems"]), "system")), said("teams"), fan_out]
        case "data_volume":
            parts = [
                volume,
                assumed(given, "peak_factor", in_words(given["peak_factor"], "peaks {}× the average", "peak factor")),
            ]
        case "real_time":
            parts = [said("latency", LATENCY_SHORT)]
        case "loose_coupling":
            parts = [
                fan_out,
                said("change_rate", prefix="interfaces change "),
                said("consumer_availability", AVAILABILITY, "consumer "),
            ]
        case "scalability":
            parts = [said("growth", prefix="growth "), volume, fan_out]
        case "error_handling":
            parts = [
                said("delivery", DELIVERY),
                said("consumer_availability", AVAILABILITY, "consumer "),
                said("latency", LATENCY_SHORT, "due "),
            ]
            if known(given["source_availability"]) != Availability.ALWAYS:
                parts.append(said("source_availability", SENDER_AVAILABILITY, "sender "))
            if known(given["replay"]) != Replay.NO:
                parts.append(said("replay", prefix="replay: "))
        case _:
            parts = [
                said("existing_broker", prefix="broker: "),
                said("async_experience", prefix="async experience: "),
                said("platform"),
            ]
    return ", ".join(parts)


# The choice answers behind each factor: when every one of them is "not sure", its level is not stated.
CHOICE_DRIVERS = {f: tuple(a for a in drivers_of(f) if ANSWERS[a].kind == "choice") for f in FACTORS}


def _what_decides(given: Answers, model: FlowModel, contributions: Mapping[str, Mapping[str, float]]) -> str:
    scores = {p: sum(c[p] for c in contributions.values()) for p in PATTERN_IDS}
    ranked = sorted(PATTERN_IDS, key=lambda p: (-scores[p], PATTERN_IDS.index(p)))
    first, second = ranked[0], ranked[1]
    if BULK_TRANSFER.holds(given):
        # None of the three carries a bulk transfer: the scores only compare them as a weak fit.
        return (
            f"Compared only as a weak fit, {PATTERNS[first].in_sentence} scores highest ({whole(scores[first])} "
            f"against {whole(scores[second])} for {PATTERNS[second].in_sentence}); none of the three carries a "
            "periodic bulk transfer well."
        )
    if first != model.headline:
        # Averaged over answers that were not given, the top score is not the pattern that wins most often.
        headline, share = PATTERNS[model.headline].in_sentence, percent(model.robustness[model.headline])
        return (
            f"{capitalised(PATTERNS[first].in_sentence)} has the highest average score ({whole(scores[first])} "
            f"against {whole(scores[model.headline])}), but {headline} wins in {share} of the plausible answers: "
            "an average over answers you were not sure of is not a decision."
        )
    # In the whole points a page shows, the difference of the scores as shown.
    lead = whole(scores[first]) - whole(scores[second])
    leads = sorted(
        ((c[first] - c[second], factor_id) for factor_id, c in contributions.items()),
        key=lambda item: (-item[0], item[1]),
    )
    pressures = model.pressures
    named = []
    for points, factor_id in leads[:2]:
        if points < 0.05:
            break
        factor = FACTORS[factor_id]
        drivers = drivers_in_words(given, factor_id)
        if all(answer_of(given, a) == UNKNOWN for a in CHOICE_DRIVERS[factor_id]):
            # Every answer behind it was "not sure": its level is an average, not something to state.
            named.append(f"{factor.name.lower()} (+{points:.1f}: {drivers})")
        else:
            level = factor.levels[min(2, int(pressures[factor_id] * 3))]
            named.append(f"{factor.name.lower()} (+{points:.1f}: {level} — {drivers})")
    first_name = capitalised(PATTERNS[first].in_sentence)
    second_name = PATTERNS[second].in_sentence
    if lead == 0 or not named:
        return f"{first_name} and {second_name} are tied: the answers do not separate them."
    return f"{first_name} leads {second_name} by {plural(lead, 'point')}, most on {listed(named)}."


def _what_to_settle(flips: Sequence[Flip]) -> str:
    deciding = listed(list(dict.fromkeys(ANSWERS[flip.field].in_sentence for flip in flips)))
    return (
        "Undecided: no pattern wins two thirds of the plausible answers, so the confidence is low and the decision "
        f"stays open — settle {deciding or 'the answers you were not sure of'} first."
    )


def _how_sampled(model: FlowModel) -> str:
    if not model.sampled:
        return ""
    return (
        f" These shares are estimated from a fixed sample of {len(model.values)} of the {model.combinations:,} "
        "plausible combinations, each equally likely, drawn the same way every time."
    )


def _what_else_would_change(given: Answers, winner: str) -> list[str]:
    """What an answer that was not sure would change besides the pattern: how it is applied, the confidence."""
    said = []
    for rule in (*APPROACH_RULES, *CAPS):
        if rule.holds(given):
            continue
        effects = []
        if rule.approach is not None and winner in rule.approach_for:
            effects.append(f"it is applied as {APPROACHES[rule.approach].name.lower()}")
        # A rule with a sentence of its own for the doubts has said what they do to the confidence.
        said_already = bool(_doubt_of(rule, given, winner))
        if rule.caps is not None and winner in rule.caps_for and not said_already:
            effects.append(f"the confidence is at most {rule.caps}")
        for answer, values in rule.would_hold(given).items() if effects else ():
            shown = listed([_value_in_words(answer, value) for value in values], "or")
            said.append(f"if {ANSWERS[answer].in_sentence} is {shown}, {listed(effects)}")
    return list(dict.fromkeys(said))


# A number's unit in a sentence about one of its plausible values.
UNITS = {"peak_factor": "×"}


def _value_in_words(answer: str, value: object) -> str:
    """One plausible value of an answer not sure of: a choice's label in quotes, or a number with its unit."""
    if isinstance(value, (int, float)):
        return number(value) + UNITS.get(answer, "")
    return f"“{label(str(value))}”"


def doubted(given: Mapping[str, object], answers: Sequence[str]) -> str:
    """The answers not sure, as the opening of a sentence: a number given as a range is said to be one, with it.
    The results page and the PDF open a flow's robustness on the same words."""
    ranges = {a: given[a] for a in answers if isinstance(given[a], Span) and not cast(Span, given[a]).unknown}
    words = listed(
        [
            f"{ANSWERS[a].in_sentence} (a range, {amount(cast(Span, ranges[a]))}{UNITS.get(a, '')})"
            if a in ranges
            else ANSWERS[a].in_sentence
            for a in answers
        ]
    )
    return f"You gave {words}" if len(ranges) == len(answers) else f"You were not sure about {words}"


def _still_a_bulk_transfer(given: Answers, model: FlowModel, besides: Sequence[str]) -> str:
    """A bulk transfer rests on answers that were given (no premise holds on a doubt): no unknown answer makes it
    one of the three patterns, so which of them would score highest is not worth a sentence."""
    also = f" Beyond that, {listed(besides, '; and')}." if besides else ""
    return f"{doubted(given, model.unknown)}: whatever the answer, it stays a periodic bulk transfer.{also}"


def _what_was_not_sure(
    given: Answers, model: FlowModel, flips: Sequence[Flip], besides: Sequence[str], capped: bool
) -> str:
    """`capped`: a sentence before this one said why the doubts keep the confidence at most medium."""
    opening = doubted(given, model.unknown)
    shares = sorted(((share, p) for p, share in model.robustness.items() if share > 0), reverse=True)
    also = f" Beyond the pattern, {listed(besides, '; and')}." if besides else ""
    if len(shares) == 1:
        name = PATTERNS[shares[0][1]].in_sentence
        # No shares are given here, so the sample they would be estimated from is not named either.
        # A doubt said above changes the choice without changing the scores (two consumers are a fan-out only with
        # growth): "comes out ahead" would read as settled beside its "at most medium" (review 8, R8-11).
        if capped:
            return (
                f"{opening}: whatever the answer, {name} scores highest; the sentence above says what some of those "
                f"answers would still change.{also}"
            )
        if besides:
            return f"{opening}: whatever the answer, {name} comes out ahead.{also}"
        return f"{opening}: whatever the answer, {name} comes out ahead, so the confidence is not lowered for it."
    (top, winner), rest = shares[0], shares[1:]
    others = listed([f"{PATTERNS[p].in_sentence} in {percent(share)}" for share, p in rest])
    sentence = (
        f"{opening}. Over their plausible answers, {PATTERNS[winner].in_sentence} comes "
        f"out ahead in {percent(top)} of cases and {others}."
    )
    sentence += also + _how_sampled(model)
    by_pattern: dict[str, dict[str, list[str]]] = {}
    for flip in flips:
        values = by_pattern.setdefault(flip.pattern, {}).setdefault(flip.field, [])
        values.append(_value_in_words(flip.field, flip.after))
    turns = [
        f"{PATTERNS[pattern].in_sentence} if "
        + listed(
            [f"{ANSWERS[field].in_sentence} is {listed(values, 'or')}" for field, values in fields_.items()], "or if"
        )
        for pattern, fields_ in by_pattern.items()
    ]
    return f"{sentence} It would be {listed(turns, 'and')}." if turns else sentence
