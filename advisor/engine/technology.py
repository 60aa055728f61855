"""Technologies chosen from the sourced capability table by what the flow requires, and sized for its peak.

A technology is listed only if it plays the part the approach needs (queue,
router, log, gateway, push, bulk) on the team's platform and can meet the
flow's ordering, replay and, for a single ordered group, its peak rate; a
message over its size limit keeps it listed with the claim-check remedy.
Then: a fitting broker the team already runs first, then what the team can
run (managed services when it wants them, nothing that needs streaming
experience it does not have), then the smallest thing that fits.
docs/decision-rules.md R6.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from typing import Final, cast

from .answers import ANSWERS, UNKNOWN, Answers, Span, command_terms, planned
from .capabilities import CAPABILITIES, Capability, Fact, Sourced, Tier
from .catalog import POINT_TO_POINT, label
from .choices import (
    AWAY,
    Availability,
    ConsumerKind,
    Delivery,
    Experience,
    Interaction,
    Latency,
    Operations,
    Ordering,
    Platform,
    Replay,
    command_deadline,
    command_expiry,
)
from .model import ApproachId, Limit, Role, Sizing, TechnologyChoice
from .reasons import known, owed_to_devices_away
from .rules import SMALL_LANDSCAPE_RULE
from .traffic import TARGET_UTILISATION
from .wording import CURRENT_STATE, DELIVERY, amount, lifetime, listed, message_size, number, percent, plural

ORDER_RANK: dict[str, int] = {Ordering.NONE: 0, Ordering.PER_KEY: 1, Ordering.GLOBAL: 2}
# How long messages must be kept, in hours, and why: a day for a consumer that is always available, has a
# maintenance window (a night, with a margin) or gets work due within hours; a long weekend for one that is
# often offline (or may be); a week of history for consumers that replay.
RETENTION = {
    Availability.ALWAYS: (24, "a day's margin"),
    Availability.MAINTENANCE_WINDOWS: (24, "to ride out a maintenance window"),
    Availability.OFTEN_OFFLINE: (72, "to ride out a consumer offline over a long weekend"),
}
REPLAY_RETENTION = (168, "a week of history to replay")
# The units a default retention is given in, in hours.
HOURS_IN = {"hour": 1, "day": 24}
CLOUDS = ("aws", "azure", "gcp")
LATENCY_WORDS = {Latency.IMMEDIATE: "at once", Latency.SECONDS: "within seconds", Latency.MINUTES: "within minutes"}
# Where the team runs what it uses: files stay there, so a bulk transfer is not sent to a cloud's storage.
SELF_RUN_PLATFORMS = (Platform.KUBERNETES, Platform.ON_PREMISES)
# Push notification services wake apps on phones. Open browser sessions are reached over a persistent
# connection (WebSocket, Server-Sent Events), or by Firebase Cloud Messaging's web push; APNs reaches only
# Apple's apps.
MOBILE_PUSH = ("firebase_cloud_messaging", "apple_push_notification_service")
APPS_ONLY = ("apple_push_notification_service",)
# Managed persistent-connection services: what an open browser session is best reached by, where a cloud has one.
CONNECTIONS = tuple(c.id for c in CAPABILITIES if "push" in c.roles and c.managed and c.id not in MOBILE_PUSH)
# Parts that need not keep order themselves: a direct caller keeps it by waiting for each answer before
# sending the next, and updates pushed to a phone or browser carry their own sequence (see _choice's remedy).
ORDER_KEPT_ELSEWHERE = ("gateway", "push", "device", "cache")
# A command names the one system that must do the work: explicit invocation, which Google's "Choose Cloud
# Tasks or Pub/Sub" gives to Cloud Tasks (rate control, scheduling, one handler per task).
EXPLICIT_INVOCATION = ("google_cloud_tasks",)
SHOWN = 2
# The parts that hold messages, and are sized: gateways and push hold none.
SIZED_ROLES = ("queue", "router", "log", "device")
# A log the team already runs carries the other brokered parts too: a consumer group reads a topic as a work queue,
# and a consumer group per subscriber fans each event out. It is the broker the team knows, so it comes first.
LOG_READ_AS = {
    "queue": "One consumer group reads its topic as a work queue.",
    "router": "Each subscriber reads the topic through a consumer group of its own, so the producer does not know "
    "them.",
}
# A claim check sends a reference (an object key and a few attributes) in place of the payload: assumed 1 KB.
REFERENCE_KB = 1.0
# Where each technology stands in the table: the last tie-breaker, so the same input lists the same order.
POSITION = {c.id: i for i, c in enumerate(CAPABILITIES)}
# The technologies that can play each part, in table order.
PLAYERS: dict[str, tuple[Capability, ...]] = {
    role: tuple(c for c in CAPABILITIES if role in c.roles) for role in {r for c in CAPABILITIES for r in c.roles}
}


@dataclass(frozen=True, slots=True)
class Needs:
    """What a technology must do for this flow."""

    role: Role
    ordering: str
    replay: bool
    size_kb: float
    peak_per_second: float
    peak_mb_per_second: float
    retention_hours: float
    retention_why: str
    # Every consumer reads every message: a consumer group, an application, a subscription.
    readers: int = 1
    # How long a consumer may be away and still expect its messages, in hours; 0 when it is always up.
    outage_hours: float = 0
    # What the sizing was worked out for when a number was a range or not known, as the sizing's first words.
    basis: str = ""
    # Every message must reach its consumers (no loss, or effectively once, or not known): something keeps it.
    kept: bool = True
    # The broker the team already runs ("sqs", "kafka"), or "" when none or not known.
    broker: str = ""
    messages_per_day: float = 0
    # The consumers are phones, devices or browser sessions: the back end keeps the state each one fetches.
    clients: bool = False
    # The sender goes offline (a tablet, a till): a large payload goes from its outbox straight to object storage.
    sender_away: bool = False
    # Another technology listed beside this one claim-checks the payload: one way for every payload, so this one too.
    claim_check: bool = False
    # A command to devices that expires with its latency answer (retention_hours is its time to live): the sender
    # waits for the acknowledgement until then and escalates, and a stale command is never run late.
    expires: bool = False
    # A command to devices often away, kept until acknowledged or cancelled: hours after which one not acknowledged
    # is escalated (choices.command_deadline); 0 when none.
    deadline_hours: float = 0
    # What a device broker holds for each device: its commands, or the events owed to it (review 8, R8-33).
    sent: str = "commands"
    # The platform the flow runs on: an object store for claim checks is chosen there first.
    platform: str = ""


def needs_of(given: Answers, role: Role) -> Needs:
    volume, peak, size = (planned(a, given[a]) for a in ("volume_per_day", "peak_factor", "message_size_kb"))
    per_second = volume / 86_400 * peak
    # Not sure whether order matters: choose what can keep it per key, the common need.
    ordering = known(given["ordering"]) or Ordering.PER_KEY
    replay = known(given["replay"]) == Replay.YES
    outage = known(given["consumer_availability"]) or Availability.OFTEN_OFFLINE
    retention: tuple[float, str] = REPLAY_RETENTION if replay else RETENTION[outage]
    hours, why = retention
    away: float = RETENTION[outage][0] if outage in AWAY else 0
    asked = command_terms(given)
    expiry = command_expiry(*asked)
    if expiry is not None:
        hours, why, away = expiry, f"a command due {LATENCY_WORDS[given['latency']]} is stale after it", expiry
    readers = max(1, len(given["consumers"]))
    return Needs(
        role,
        ordering,
        replay,
        size,
        per_second,
        per_second * size / 1024,
        hours,
        why,
        readers,
        away,
        _basis(given),
        known(given["delivery"]) != Delivery.BEST_EFFORT,
        known(given["existing_broker"]) or "",
        volume,
        known(given["consumer_kind"]) in (ConsumerKind.DEVICE, ConsumerKind.BROWSER),
        known(given["source_availability"]) in AWAY,
        expires=expiry is not None,
        deadline_hours=command_deadline(*asked) or 0,
        sent="events" if known(given["interaction"]) == Interaction.EVENT else "commands",
        platform=known(given["platform"]) or "",
    )


SIZED_NUMBERS = {"volume_per_day": "{} a day", "peak_factor": "peaks {}×", "message_size_kb": "{} KB"}
# The numbers whose default, when left out, the sizing names as assumed: a peak left out is a steady load, which the
# sizing's own figures show.
LEFT_OUT_SIZED = ("volume_per_day", "message_size_kb")


def _basis(given: Answers) -> str:
    """For a range, the sizing is for its top; for a number not known, or left out, for its default, said as
    assumed; and a delivery left out is said as the no-loss it is sized for (review 7, R7-38)."""
    tops, defaults = [], []
    for answer, words in SIZED_NUMBERS.items():
        value = cast(Mapping[str, object], given)[answer]
        if isinstance(value, Span):
            shown = words.format(number(planned(answer, value)))
            if value.unknown:
                defaults.append(f"{shown} ({ANSWERS[answer].in_sentence} not sure)")
            else:
                tops.append(f"{shown} (of {words.format(amount(value))})")
        elif isinstance(value, int | float) and answer in given["assumed"] and answer in LEFT_OUT_SIZED:
            defaults.append(f"{words.format(number(value))} ({ANSWERS[answer].in_sentence} left out)")
    if "delivery" in given["assumed"]:
        defaults.append(f"{DELIVERY[given['delivery']].lower()} (delivery left out)")
    parts = []
    if tops:
        parts.append(f"for the top of the range, {listed(tops)}")
    if defaults:
        parts.append(f"assuming {listed(defaults)}; size again once known")
    size = cast(Mapping[str, object], given)["message_size_kb"]
    if isinstance(size, Span) and size.unknown:
        parts.append(
            "a message larger than the service takes goes by claim check (the payload in object storage, its "
            "reference in the message)"
        )
    return f"Sized {'; '.join(parts)}: " if parts else ""


def role_of(given: Answers, winner: str, approach: ApproachId) -> Role:
    if approach == "bulk_transfer":
        return "bulk"
    if winner == POINT_TO_POINT:
        return "gateway"
    if approach == "event_log" or known(given["replay"]) == Replay.YES:
        return "log"
    return "router" if approach in ("event_router", "local_copy") else "queue"


# Said first where the team was not sure whether it runs a broker (review 7, R7-18).
MAYBE_YOURS = "If you already run a broker that fits, use it; the list below assumes none. "


def technologies(given: Answers, winner: str, approach: ApproachId) -> tuple[TechnologyChoice, ...]:
    found = _technologies(given, winner, approach)
    if given["existing_broker"] != UNKNOWN or winner == POINT_TO_POINT or approach in ("bulk_transfer", "local_copy"):
        return found
    first = next((i for i, choice in enumerate(found) if choice.role != "operator"), None)
    if first is None:
        return found
    return (*found[:first], replace(found[first], why=MAYBE_YOURS + found[first].why), *found[first + 1 :])


def _technologies(given: Answers, winner: str, approach: ApproachId) -> tuple[TechnologyChoice, ...]:
    role = role_of(given, winner, approach)
    receivers = known(given["consumer_kind"])
    if approach == "local_copy":
        return _local_copy(given)
    if receivers == ConsumerKind.DEVICE and known(given["interaction"]) == Interaction.COMMAND and role != "bulk":
        # Work for machines waits in a queue per device on a broker made for them, which is the queue itself: a
        # back-end queue does not reach a device, and push alone keeps nothing. The team's own broker carries the
        # commands to it.
        device = needs_of(given, "device")
        brokers = _chosen(given, device)
        if _no_one_runs_a_device_broker(given, device, brokers):
            return _wake_to_sync(given, device, brokers)
        # The team's own broker, where it speaks MQTT, is the device broker too: nothing sits behind it.
        theirs = (
            bool(brokers)
            and brokers[0].name in BY_NAME
            and given["existing_broker"] in BY_NAME[brokers[0].name].broker_ids
        )
        return brokers if theirs else brokers + _behind_the_device_broker(given)
    explicit = role == "queue" and known(given["interaction"]) == Interaction.COMMAND
    backbone = _chosen(given, needs_of(given, role), first=EXPLICIT_INVOCATION if explicit else ())
    if role == "gateway":
        return _direct(given, backbone)
    if winner == POINT_TO_POINT or receivers not in (ConsumerKind.DEVICE, ConsumerKind.BROWSER):
        return backbone
    # The last hop to phones and browsers comes first: it is what reaches them; the backbone sits behind it.
    # Only the phones' own push services reach an app that is not running, so they lead for devices, unless the flow
    # is a stream of updates to open apps, which goes over persistent connections.
    if _stream(given):
        return _streamed(given, backbone)
    if owed_to_devices_away(given):
        return _held_for_devices(given, backbone)
    if receivers == ConsumerKind.DEVICE:
        push = _chosen(given, needs_of(given, "push"), first=MOBILE_PUSH)
    else:
        push = _browser_connections(given)
    return push + backbone


def _browser_connections(given: Answers) -> tuple[TechnologyChoice, ...]:
    """Open pages are reached over persistent connections, web push only once a page is closed: where the cloud runs
    no connection service, the endpoint is hosted (review 12, R12-22: FCM alone for dashboards on Google Cloud)."""
    needs = needs_of(given, "push")
    pushed = _chosen(given, needs, skip=APPS_ONLY, first=CONNECTIONS)
    if any(BY_NAME.get(c.name) is None or BY_NAME[c.name].id not in MOBILE_PUSH for c in pushed):
        return pushed
    hosted = CAPABILITIES[POSITION[SELF_RUN_CONNECTIONS]]
    return (replace(_choice(hosted, needs, False), why=HOSTED_CONNECTIONS), *pushed)


BY_NAME = {c.name: c for c in CAPABILITIES}


def dead_letters_of(chosen: tuple[TechnologyChoice, ...]) -> tuple[str, ...]:
    """Where the listed technologies set aside what a subscriber cannot process, each said once, in list order."""
    found = (BY_NAME[c.name].dead_letters for c in chosen if c.name in BY_NAME)
    return tuple(dict.fromkeys(words for words in found if words))


# A stream of updates to open apps and pages: best-effort events due at once, at this peak or more (messages a second
# across the apps or pages). It goes over persistent connections; push services only wake an app or mark a milestone.
STREAM_PEAK = 10


def _push_ceiling() -> float:
    """The most a phone push service carries, its quota raised as far as its vendor allows (FCM: +25 %)."""
    ceilings = [
        c.unit_messages_per_second.value * (c.quota_raise.value if c.quota_raise else 1)
        for c in CAPABILITIES
        if c.id in MOBILE_PUSH and c.unit_messages_per_second is not None
    ]
    return max(ceilings, default=math.inf)


PUSH_CEILING: Final = _push_ceiling()
SELF_RUN_CONNECTIONS = "websocket_sse_gateway"
WAKE_ONLY = (
    "Optional: wakes an app that is not running, or carries a milestone; never the stream of updates, which goes "
    "over the persistent connections while the app is open."
)
HOSTED_CONNECTIONS = (
    "Live updates to open apps and pages over WebSocket or Server-Sent Events connections you host: no managed "
    "service here holds them for you."
)
PUBLISHED_ONCE = (
    "Sized at the rate delivered to open connections, an upper bound: each update is published once to the backbone, "
    "and the connection tier fans it out to every connection that follows its key, so the backbone carries the rate "
    "published; size it on that rate once known. "
)


# An event owed to devices that are often offline (review 8, R8-33): a device broker holds it for each device.
HELD_FOR_DEVICES = (
    " Here it holds each event for every device until the device reconnects: a persistent session (MQTT QoS 1) "
    "keeps what was published while it was away, and its desired state (a twin or shadow) carries the latest for one "
    "away longer; large payloads go by URL (a claim check)."
)
WAKE_FOR_DEVICES = (
    "Optional, for phone apps only: wakes an app that is not running to connect and fetch what its device broker "
    "holds for it; push keeps nothing itself (APNs keeps one notification per app while the device is offline)."
)


def _held_for_devices(given: Answers, backbone: tuple[TechnologyChoice, ...]) -> tuple[TechnologyChoice, ...]:
    """The device broker first, sized, then phone push as the wake-up only, then the backbone behind them."""
    brokers = tuple(
        replace(c, why=c.why + HELD_FOR_DEVICES)
        for c in _chosen(given, needs_of(given, "device"))
        if c.role == "device"
    )
    if not brokers:
        return _chosen(given, needs_of(given, "push"), first=MOBILE_PUSH) + backbone
    wake = tuple(
        replace(c, why=WAKE_FOR_DEVICES)
        for c in _chosen(given, needs_of(given, "push"), first=MOBILE_PUSH)
        if c.name in BY_NAME and BY_NAME[c.name].id in MOBILE_PUSH
    )
    return brokers + wake + backbone


def _stream(given: Answers) -> bool:
    """Best-effort updates due at once to phones or browser sessions, at a rate only open connections carry."""
    peak = needs_of(given, "push").peak_per_second
    return (
        known(given["interaction"]) == Interaction.EVENT
        and known(given["consumer_kind"]) in (ConsumerKind.DEVICE, ConsumerKind.BROWSER)
        and known(given["delivery"]) == Delivery.BEST_EFFORT
        and (
            (known(given["latency"]) == Latency.IMMEDIATE and peak >= STREAM_PEAK)
            # Within seconds, a rate no push service carries even raised is a stream too (review 11, R11-15: chat).
            or (known(given["latency"]) == Latency.SECONDS and peak > PUSH_CEILING)
        )
    )


def _streamed(given: Answers, backbone: tuple[TechnologyChoice, ...]) -> tuple[TechnologyChoice, ...]:
    """The connection tier first, sized on what it delivers; push only to wake; the backbone on the rate published."""
    needs = needs_of(given, "push")
    pushed = _chosen(given, needs, skip=APPS_ONLY, first=CONNECTIONS)
    connections = [c for c in pushed if BY_NAME.get(c.name) is None or BY_NAME[c.name].id not in MOBILE_PUSH]
    if not connections:
        hosted = CAPABILITIES[POSITION[SELF_RUN_CONNECTIONS]]
        connections = [replace(_choice(hosted, needs, False), why=HOSTED_CONNECTIONS)]
    tier = [replace(c, sizing=_connection_sizing(needs)) for c in connections[:1]]
    phones = MOBILE_PUSH if known(given["consumer_kind"]) == ConsumerKind.DEVICE else MOBILE_PUSH[:1]
    wake = [
        replace(_choice(CAPABILITIES[POSITION[p]], needs, False), why=WAKE_ONLY)
        for p in phones
        if _meets(CAPABILITIES[POSITION[p]], needs)
    ]
    behind = [
        replace(c, sizing=replace(c.sizing, summary=PUBLISHED_ONCE + c.sizing.summary)) if c.sizing else c
        for c in backbone
    ]
    return (*tier, *wake, *behind)


def _connection_sizing(needs: Needs) -> Sizing:
    """What the connection tier sends at the peak; how many connections are open is not asked, so it is said."""
    summary = (
        f"Sends {_peak(needs)} to open connections, each update once to every connection that follows "
        "its key; how many connections are open at once is not asked: size the servers (or units) on the concurrent "
        "connections at the peak and on this egress, and coalesce each connection's updates to the latest per key a "
        "few times a second."
    )
    return Sizing(
        "connection tier",
        1,
        _significant(needs.peak_per_second, 3),
        _significant(needs.peak_mb_per_second, 4),
        None,
        0,
        summary,
    )


# Where nobody runs a device broker (Google Cloud, operations managed), a device that runs an app is woken by its
# platform's push to fetch its commands from a durable inbox per device: push alone keeps nothing.
WAKE_TO_SYNC = (
    "Wakes the app on each device (a tablet, a phone) to fetch its pending commands from a durable inbox per device "
    "and acknowledge each one; push alone keeps nothing, so the inbox holds each command until it is acknowledged "
    "or {ends}."
)
INBOX = (
    "Carries the commands into each device's durable inbox (a store of pending commands per device that the app "
    "reads when woken and acknowledges), or to a device broker for devices that run no app."
)


def _no_one_runs_a_device_broker(given: Answers, needs: Needs, brokers: tuple[TechnologyChoice, ...]) -> bool:
    """A command due soon (it expires with its latency, or is escalated at its deadline), only a self-run device
    broker to play the part, and nobody there to run one: the app is woken instead. A command due within hours waits
    in the device broker's sessions."""
    operations = known(given["operations"]) or Operations.MANAGED
    return (needs.expires or needs.deadline_hours > 0) and (
        operations == Operations.MANAGED
        and not any(c.name in BY_NAME and BY_NAME[c.name].managed for c in brokers if c.role == "device")
        and known(given["platform"]) in CLOUDS
    )


def _wake_to_sync(given: Answers, device: Needs, brokers: tuple[TechnologyChoice, ...]) -> tuple[TechnologyChoice, ...]:
    """Push to wake the app, the queue that fills each device's inbox, then the self-run broker for devices that run
    no app."""
    wake = _chosen(given, needs_of(given, "push"), first=("firebase_cloud_messaging",))[:1]
    inbox = _chosen(given, needs_of(given, "queue"), first=EXPLICIT_INVOCATION)
    why = WAKE_TO_SYNC.format(ends="expires" if device.expires else "is cancelled")
    return (
        *(replace(c, why=why) for c in wake),
        *(replace(c, why=f"{c.why} {INBOX}") for c in inbox),
        *brokers,
    )


def _behind_the_device_broker(given: Answers) -> tuple[TechnologyChoice, ...]:
    """The broker the team already runs, as the backbone that carries the commands to the device broker."""
    theirs = [c for c in _chosen(given, needs_of(given, "queue"))[:1] if c.why.startswith("You already run it")]
    return tuple(
        replace(
            c,
            why=f"{c.why} Behind the device broker: it carries the commands from the sender to the device broker, "
            "which holds each device's queue.",
        )
        for c in theirs
    )


def _direct(given: Answers, gateways: tuple[TechnologyChoice, ...]) -> tuple[TechnologyChoice, ...]:
    """A direct call needs no gateway of its own: in a small landscape (R4.1) it leads, the gateway optional; and a
    team with nobody to run one is not offered a self-run gateway, only a managed one where its platform has one."""
    small = SMALL_LANDSCAPE_RULE.holds(given)
    nobody = known(given["operations"]) == Operations.MANAGED
    kept = [g for g in gateways if not (nobody and g.name in BY_NAME and not BY_NAME[g.name].managed)]
    managed_here = any(g.name in BY_NAME for g in kept)
    if not small and managed_here:
        return tuple(kept)
    optional = (
        "a gateway is optional at this size"
        if small
        else "a gateway gives many callers one front door, but nobody is there to run a self-run one"
        + (" (assumed)" if "operations" in given["assumed"] else "")
    )
    call = TechnologyChoice(
        "A direct HTTPS call",
        "The sender calls the consumer's API (or the tool's webhook) directly, with a timeout, retries with backoff "
        f"and an idempotency key; {optional}.",
        "gateway",
    )
    if nobody and not managed_here:
        kept.append(
            _who_operates(
                known(given["platform"]) or Platform.ANY, _said_operations(given), needs_of(given, "gateway"), ()
            )
        )
    return (call, *kept)


# What each part of a local copy does: the cache answers while the provider is away, the router carries the
# provider's change events to a read model, and the gateway fronts the direct calls while the provider is up.
COPY_PARTS: dict[Role, str] = {
    "cache": "The local copy: ",
    "router": "Carries the provider's change events to a read model the caller owns (event-carried state transfer): ",
    "gateway": "Fronts the direct calls while the provider is up: ",
}

# The questionnaire asks how often the copy is read, not how often the provider's data changes.
CHANGES_BASIS = (
    "Sized at the lookups' rate, an upper bound: how often the provider's data changes is not asked, "
    "and a read model needs one event per change, usually far fewer. "
)


def _local_copy(given: Answers) -> tuple[TechnologyChoice, ...]:
    """A cache and a change feed for the copy, then the gateway for the calls that still go direct."""
    # The change events go the other way: the provider publishes them, and the caller's read model, which is up
    # whenever the caller is, subscribes. A lost change leaves a wrong copy, whatever the queries' own delivery.
    to_the_caller = cast(Answers, {**given, "consumer_availability": Availability.ALWAYS, "delivery": Delivery.NO_LOSS})
    found: list[TechnologyChoice] = []
    for role, words in COPY_PARTS.items():
        needs = needs_of(to_the_caller if role == "router" else given, role)
        if role == "router":
            needs = replace(needs, basis=CHANGES_BASIS + needs.basis)
        chosen = _chosen(given, needs)
        picked = chosen[:1]
        self_run = bool(picked) and picked[0].name in BY_NAME and not BY_NAME[picked[0].name].managed
        if self_run and role == "gateway" and known(given["operations"]) == Operations.MANAGED:
            # The calls go direct without one: a team with nobody to run a self-run gateway is offered only the managed
            # ones, as on the direct-call path (review 8, R8-34).
            picked = tuple(c for c in chosen[1:] if c.role == "operator")[:1]
        elif self_run:
            # A self-run part comes with the managed ones that would spare the team running it, as elsewhere
            # (review 7, R7-04: operations left out, managed assumed, and only self-run parts listed).
            picked += tuple(c for c in chosen[1:] if c.role == "operator")[:1]
        # The technology's own words follow as they are written: they may open with a name ("REST", "Kafka's").
        found += [replace(choice, why=words + choice.why) for choice in picked]
    return tuple(found)


def _chosen(
    given: Answers, needs: Needs, skip: tuple[str, ...] = (), first: tuple[str, ...] = ()
) -> tuple[TechnologyChoice, ...]:
    platform = known(given["platform"]) or "any"
    broker = known(given["existing_broker"]) or "none"
    operations = known(given["operations"]) or "managed"
    experience = known(given["async_experience"]) or "some"
    able = [c for c in PLAYERS[needs.role] if c.id not in skip and _meets(c, needs)]
    run_by_us = operations == Operations.SELF_HOSTED
    # A team that runs its own brokers can run them on any cloud too.
    here = [c for c in able if platform in c.platforms or (run_by_us and not c.managed)]

    def rank(capability: Capability) -> tuple[int, int, int, int, int]:
        return (
            int(capability.id not in first),
            0 if capability.managed != run_by_us else 1,
            int(capability.needs_experience and experience != Experience.STRONG),
            capability.footprint,
            POSITION[capability.id],
        )

    existing = sorted((c for c in here if broker in c.broker_ids), key=rank)[:1] or _existing_log(
        needs, platform, run_by_us, broker
    )
    on_platform = [c for c in here if not existing or c.id != existing[0].id]
    if existing:
        # Beside the broker the team runs, another self-run one is a second broker to run: only managed ones are shown.
        on_platform = [c for c in on_platform if c.managed]
    if experience == Experience.NONE:
        on_platform = [c for c in on_platform if not c.needs_experience] or on_platform

    # A bulk transfer names where the file lands and the tool that loads it, and the SFTP endpoint beside them.
    shown = SHOWN + 1 if needs.role == "bulk" else SHOWN
    picked = existing[:1] + sorted(on_platform, key=rank)[: shown - min(1, len(existing))]
    if needs.role in SIZED_ROLES and any(_claim_checked(c, needs) for c in picked):
        # Where one technology must claim-check the payload, the application sends it one way whichever carries it.
        needs = replace(needs, claim_check=True)
    choices = [_choice(c, needs, bool(existing) and c.id == existing[0].id) for c in picked]
    if not existing and choices and (misfit := _misfit(broker, needs)):
        choices[0] = replace(choices[0], why=f"{misfit} {choices[0].why}")
    if existing and needs.role not in existing[0].roles:
        choices[0] = replace(choices[0], why=f"{choices[0].why} {LOG_READ_AS[needs.role]}")
    if needs.ordering == Ordering.GLOBAL and not any(c.managed for c in picked):
        # The platform's services fit but for the peak one ordered group must carry: say that, not who operates.
        per_key = replace(needs, ordering=Ordering.PER_KEY)
        outgrown = [
            c
            for c in PLAYERS[needs.role]
            if c.managed
            and platform in c.platforms
            and c.id not in skip
            and _meets(c, per_key)
            and not _meets(c, needs)
        ]
        if outgrown:
            return (*choices, _one_group(needs, outgrown))
    if (
        needs.role != "gateway"
        and not any(c.managed for c in picked)
        and operations == Operations.MANAGED
        and not existing
        and not (needs.role == "bulk" and platform in SELF_RUN_PLATFORMS)
    ):
        said = _said_operations(given)
        # With no platform chosen, a team that asked for managed services reads that advice before self-run brokers.
        operator_first = platform == Platform.ANY and said == Operations.MANAGED
        operator = _who_operates(platform, said, needs, skip, self_run_after=operator_first and bool(choices))
        return (operator, *choices) if operator_first else (*choices, operator)
    return tuple(choices)


def _existing_log(needs: Needs, platform: str, run_by_us: bool, broker: str) -> list[Capability]:
    """The log the team already runs, for a queue's or a router's part (LOG_READ_AS), on its platform."""
    if needs.role not in LOG_READ_AS:
        return []
    runs = [
        c
        for c in PLAYERS["log"]
        if broker in c.broker_ids
        and (platform in c.platforms or (run_by_us and not c.managed))
        and _meets(c, replace(needs, role="log"))
    ]
    return sorted(runs, key=lambda c: (c.managed == run_by_us, c.footprint, POSITION[c.id]))[:1]


def _misfit(broker: str, needs: Needs) -> str:
    """Why the broker the team runs is not offered for this part, where what it cannot do is an order it does not
    keep (review 6, #25): the team should not wonder why its broker was passed over."""
    runs = [c for c in PLAYERS[needs.role] if broker in c.broker_ids]
    if any(_meets(c, needs) for c in runs):
        return ""
    if (
        runs
        and needs.ordering != Ordering.NONE
        and all(ORDER_RANK[c.ordering] < ORDER_RANK[Ordering.PER_KEY] for c in runs)
    ):
        return f"{runs[0].name}, which you run, does not fit: it keeps no order per key."
    return _one_group_too_slow(broker, needs)


def _one_group_too_slow(broker: str, needs: Needs) -> str:
    """Global order puts every message through one ordered group: where the team's broker keeps order but one of
    its groups carries less than the peak, say so (review 10, R10-22: the team's SQS FIFO at 23,148 a second)."""
    if needs.ordering != Ordering.GLOBAL:
        return ""
    for capability in CAPABILITIES:
        limit = capability.ordered_messages_per_second
        if broker not in capability.broker_ids or needs.platform not in capability.platforms or limit is None:
            continue
        peak = _carried(capability, needs).peak_per_second
        if peak > limit.value:
            return (
                f"{capability.name}, which you run, does not fit: global order puts every message through one ordered "
                f"group, {_figure(peak)} a second at the peak, and one of its groups carries {number(limit.value)} a "
                f"second ({limit.note})."
            )
    return ""


def _meets(capability: Capability, needs: Needs) -> bool:
    """Plays its part for this flow: keeps the order asked (global order is one key, so one ordered group
    must take the whole peak), and keeps a history to replay when the flow needs a log."""
    if needs.role not in ORDER_KEPT_ELSEWHERE and ORDER_RANK[capability.ordering] < min(
        ORDER_RANK[needs.ordering], ORDER_RANK[Ordering.PER_KEY]
    ):
        return False
    if capability.for_ordered_flows and needs.ordering == Ordering.NONE:
        return False
    if capability.at_most_once and needs.kept:
        return False
    if capability.theirs_only and needs.broker not in capability.broker_ids:
        return False
    counted = _counted(capability, _carried(capability, needs))
    if capability.quota_fixed and max(_loads(capability, counted, reads=False), default=0.0) > 1:
        # A quota that cannot be raised does not carry a peak past it (review 11, R11-03: Eventarc at 339 %).
        return False
    if needs.ordering == Ordering.GLOBAL:
        carried = _carried(capability, needs)
        one_group = (
            (carried.peak_per_second, capability.ordered_messages_per_second),
            (carried.peak_mb_per_second, capability.ordered_mb_per_second),
        )
        if any(limit is not None and limit.value < load for load, limit in one_group):
            return False
    return not (needs.replay and needs.role == "log" and not capability.replay)


def _claim_checked(capability: Capability, needs: Needs) -> bool:
    """The message goes by claim check: it exceeds the technology's limit, or the size its vendor advises, or
    another technology listed beside it claim-checks it."""
    if needs.claim_check and needs.size_kb > REFERENCE_KB and not _larger_tier_takes(capability, needs):
        return True
    return any(
        limit is not None and needs.size_kb > limit.value
        for limit in (capability.max_message, capability.claim_check_above)
    )


def _larger_tier_takes(capability: Capability, needs: Needs) -> bool:
    """The message is beyond the entry tier, and a larger tier takes it: its sizing names both that tier and the
    entry tier with a claim check (Service Bus Premium, or Standard with a claim check)."""
    entry = capability.tier
    return (
        entry is not None
        and entry.max_message is not None
        and needs.size_kb > entry.max_message.value
        and any(t.max_message is None or needs.size_kb <= t.max_message.value for t in capability.larger_tiers)
    )


def _carried(capability: Capability, needs: Needs) -> Needs:
    """What passes through the technology: with a claim check, a reference in place of each payload."""
    if not _claim_checked(capability, needs):
        return needs
    return replace(needs, size_kb=REFERENCE_KB, peak_mb_per_second=needs.peak_per_second * REFERENCE_KB / 1024)


def _partitioned(capability: Capability) -> bool:
    """A key lands on one of its units (a shard, a partition), so global order is one unit."""
    return capability.ordered_mb_per_second is not None and not capability.unit_is_quota


def _loads(capability: Capability, needs: Needs, reads: bool = True) -> list[float]:
    """The share of one unit each limited dimension takes at the peak: writes in messages and megabytes, and
    reads, which every consumer makes of every message, where the unit's reads are limited apart."""
    messages, mb = capability.unit_messages_per_second, capability.unit_mb_per_second
    if needs.ordering == Ordering.GLOBAL and _partitioned(capability):
        # Global order is one partition or shard: what one ordered group takes is its limit (review 8, R8-27).
        messages = capability.ordered_messages_per_second or messages
        mb = capability.ordered_mb_per_second or mb
    per_unit = [
        (needs.peak_per_second * _operations(capability, needs), messages),
        (needs.peak_mb_per_second, mb),
    ]
    if reads:
        per_unit += [
            (needs.readers * needs.peak_per_second, capability.read_messages_per_second),
            (needs.readers * needs.peak_mb_per_second, capability.read_mb_per_second),
        ]
    shares = [load / limit.value for load, limit in per_unit if limit is not None]
    if capability.daily_quota is not None:
        shares.append(_counted_per_day(capability, needs) / capability.daily_quota.value)
    return shares


def _counted_per_day(capability: Capability, needs: Needs) -> float:
    """Messages a day as a daily quota counts them: each in chunks of the size it counts in (IoT Hub's 4 KB)."""
    chunk = capability.counted_in.value if capability.counted_in is not None else needs.size_kb
    return needs.messages_per_day * max(1, math.ceil(needs.size_kb / chunk))


def _daily(capability: Capability, needs: Needs, units: int) -> str:
    """'; 10,000 messages a day of 8 KB count as 20,000 in 4 KB chunks: 5 % of 1 unit's 400,000 a day (per S1
    unit ...)'."""
    quota = capability.daily_quota
    if quota is None:
        return ""
    counted = _counted_per_day(capability, needs)
    chunk = capability.counted_in
    each = f"{plural(units, capability.unit)} × {number(quota.value)} " if units > 1 else ""
    counted_as = (
        f" count as {number(counted)} in {message_size(chunk.value)} chunks"
        if chunk is not None and counted > needs.messages_per_day
        else ""
    )
    return (
        f"; {number(needs.messages_per_day)} messages a day of {message_size(needs.size_kb)}{counted_as}: "
        f"{percent(counted / (quota.value * units))} of the daily quota of {number(quota.value * units)} "
        f"({each}{quota.note})"
    )


def _operations(capability: Capability, needs: Needs) -> int:
    """What one message costs where the rate counts operations: its send, and what is charged besides, once on a
    queue and for each subscription on a topic (Service Bus Standard's credits)."""
    readers = needs.readers if needs.role == "router" else 1
    return 1 + len(capability.charged) * readers


def _charged(capability: Capability, needs: Needs) -> str:
    """' and 416.67 credits/s (its send, and a filter evaluation and a receive for each of 4 subscriptions)'."""
    if not capability.charged:
        return ""
    factor, period = _pace(needs.peak_per_second)
    each = listed(list(capability.charged))
    subscriptions = plural(needs.readers, "subscription")
    per = f", and {each} for each of {subscriptions}" if needs.role == "router" else f" and {each}"
    credits = _figure(needs.peak_per_second * _operations(capability, needs) * factor)
    return f" and {credits} credits{period} (each message's send{per})"


def _past_entry_tier(capability: Capability, needs: Needs) -> bool:
    """More units than the entry tier has, where a larger tier's units publish no rate: one larger unit, not more."""
    tier = capability.tier
    return (
        bool(capability.charged)
        and tier is not None
        and tier.max_units is not None
        and _units(capability, needs) > tier.max_units.value
    )


def _units(capability: Capability, needs: Needs, reads: bool = True) -> int:
    """How many of the technology's units the peak needs, with headroom; 1 when it scales by itself. A cluster's
    partitions come in multiples of its brokers, so that each broker leads as many as the next."""
    if needs.ordering == Ordering.GLOBAL and _partitioned(capability):
        return 1
    loads = _loads(capability, needs, reads)
    units = max(1, *(math.ceil(load / TARGET_UTILISATION) for load in loads)) if loads else 1
    if capability.brokers is not None:
        brokers = int(capability.brokers.value)
        units = math.ceil(units / brokers) * brokers
    return units


def _sizing(capability: Capability, needs: Needs) -> Sizing | None:
    """Units and retention for what holds messages (queues, routers, logs); gateways and push hold none. Each
    technology is sized the way it scales: units with a rate each, a quota of the account, vCPUs of a cluster, or
    (where its vendor publishes no rate) in practice, with the assumption said."""
    # A device broker holds each device's commands in a queue of its own, so it is sized like a queue.
    if needs.role not in SIZED_ROLES:
        return None
    carried = _carried(capability, needs)
    if capability.vcpu_mb_per_second is not None:
        return _vcpu_sizing(capability, needs, carried)
    if capability.unit_is_quota:
        return _quota_sizing(capability, needs, carried)
    tier = capability.tier
    if tier is not None and tier.max_message is not None and carried.size_kb > tier.max_message.value:
        return _larger_tier_sizing(capability, needs, carried)
    if capability.unit_messages_per_second is None and capability.unit_mb_per_second is None:
        return _practice_sizing(capability, needs, carried) if capability.practice else None
    if _past_entry_tier(capability, carried):
        return _larger_tier_sizing(capability, needs, carried)
    units = _units(capability, carried)
    headroom = round(1 - max(_loads(capability, carried), default=0.0) / units, 3)
    label = f"{tier.name} {capability.unit}" if tier is not None and not _tier(capability, carried) else capability.unit
    summary = (
        f"{plural(units, label)}{_partitions(capability, carried, units)} for {_peak(carried)}"
        f"{_charged(capability, carried)}, "
        f"{round(headroom * 100)} % headroom{_batching(capability, carried)}{_reads(capability, carried)}"
        f"{_out(capability, carried)}"
        f"{_spread(capability, carried)}{_claim(capability, needs)}{_beyond_default(capability, needs)}"
        f"{_daily(capability, carried, units)}; "
        f"{_waits(capability, needs) if needs.role == 'device' else _keep(capability, needs)}."
    )
    return _sized(capability.unit, units, carried, headroom, needs, summary)


def _waits(capability: Capability, needs: Needs) -> str:
    """How long a message waits for a device that is away: what is wanted, or the service's longest, after which the
    device reads its desired state when it reconnects."""
    longest = capability.retention
    if longest is None or needs.retention_hours <= longest.value:
        return _keep(capability, needs)
    return (
        f"a message waits at most {plural(int(longest.value), 'hour')} for its device; one away longer reads its "
        "desired state when it reconnects"
    )


def _sized(unit: str, units: int, carried: Needs, headroom: float | None, needs: Needs, summary: str) -> Sizing:
    return Sizing(
        unit,
        units,
        _significant(carried.peak_per_second, 3),
        _significant(carried.peak_mb_per_second, 4),
        headroom,
        needs.retention_hours,
        summary,
    )


def _significant(value: float, decimals: int) -> float:
    """Rounded to a few decimals, or to three significant figures where that would read 0."""
    rounded = round(value, decimals)
    return rounded if rounded or not value else float(f"{value:.3g}")


def _keep(capability: Capability, needs: Needs) -> str:
    """How long messages are kept, and where: a router that keeps none states no retention of its own, and each
    subscriber that must not lose a message gets a queue of its own, with a dead-letter queue, that keeps them."""
    kept = f"{plural(int(needs.retention_hours), 'hour')} ({needs.retention_why})"
    if needs.expires:
        return _expires(needs)
    if _keeps_nothing(needs) and not needs.deadline_hours:
        return _nothing_to_keep(capability, needs)
    if not capability.stores_nothing:
        retained = f"keep messages {kept}{_raise_retention(capability, needs)}{_disk(capability, needs)}"
        return f"{retained}; {_escalates(needs)}" if needs.deadline_hours else retained
    if not capability.subscriber_queue:
        return f"{capability.stores_nothing}; a lost message is acceptable here"
    queue = CAPABILITIES[POSITION[capability.subscriber_queue]]
    yours = f" (in the {label(needs.broker)} you already run)" if needs.broker in queue.broker_ids else ""
    return (
        f"{capability.stores_nothing}: subscribe an {queue.name} per subscriber that must not lose a message"
        f"{yours}, each with a dead-letter queue for what its consumer cannot process, and keep messages there {kept}"
    )


def _expires(needs: Needs) -> str:
    """A command to devices lives as long as its latency answer allows, and its sender escalates when it is not
    acknowledged by then: it never runs late from a queue or a desired state."""
    return (
        f"each command expires after {lifetime(needs.retention_hours)} ({needs.retention_why}, assumed): set it as "
        "each message's time to live (its expiry interval), have the sender wait for the device's acknowledgement "
        "until then and escalate when none comes — tell the user the device did not respond, or call the site — so "
        "a stale command is never run late"
    )


def _escalates(needs: Needs) -> str:
    """A command to a device often away is kept for it, and a person hears when it is not acknowledged in time."""
    return (
        "within that time, keep each command until the device acknowledges it or it is cancelled, and escalate one not "
        f"acknowledged within {lifetime(needs.deadline_hours)} of being sent (how soon it is due, assumed): tell the "
        "dispatcher or reassign the work"
    )


def _raise_retention(capability: Capability, needs: Needs) -> str:
    """A retention wanted beyond the service's default, within what a setting can be raised to: say to raise it. One
    the default already covers: say so, lest the retention read as a setting to lower it to. Replay where the default
    keeps only unacknowledged messages: the setting that keeps acknowledged ones, never the default."""
    default, longest = capability.default_retention, capability.retention
    if default is None:
        return ""
    default_hours = default.value * HOURS_IN[default.unit]
    by_default = plural(int(default.value), default.unit)
    if needs.replay and capability.replay_setting:
        return (
            f": its {capability.retention_setting} (by default {by_default}) keeps only unacknowledged messages, so "
            f"to replay acknowledged ones turn on {capability.replay_setting}, set to keep at least "
            f"{lifetime(needs.retention_hours)}"
        )
    if needs.retention_hours <= default_hours:
        return f" or more: its default {capability.retention_setting} of {by_default} covers that"
    top = f" (it can be raised to {plural(int(longest.value), 'hour')})" if longest is not None else ""
    return (
        f": raise its {capability.retention_setting} from its default of {by_default} "
        f"to at least {lifetime(needs.retention_hours)}{top}"
    )


def _disk(capability: Capability, needs: Needs) -> str:
    """What a retained log stores: messages a day × size, over the days kept, times the copies it keeps, and each
    broker's or node's share where the team provisions them."""
    if "log" not in capability.roles or not (needs.role == "log" or needs.replay) or needs.messages_per_day <= 0:
        return ""
    carried = _carried(capability, needs)
    daily = needs.messages_per_day * carried.size_kb
    days = needs.retention_hours / 24
    kept = daily * days
    over = f", {_stored(kept)} over {plural(round(days), 'day')}" if round(days) > 1 else ""
    words = f": {_stored(daily)} a day{over}"
    copies = capability.replicas
    if copies is None:
        # A service replicates what it stores itself; a self-run cluster's copies are the team's to count.
        return words + (" (its replication included)" if capability.managed else ", before its replicas")
    total = kept * copies.value
    words += f", × {number(copies.value)} replicas = {_stored(total)} on disk"
    holders = (
        (capability.brokers.value, "broker")
        if capability.brokers is not None
        else (copies.value, copies.unit.removesuffix("s"))
        if not capability.managed
        else None
    )
    if holders is not None:
        count, holder = holders
        words += f", {_stored(total / count)} per {holder} on {plural(int(count), holder)}"
    return words + " before compression"


def _stored(kb: float) -> str:
    """A stored volume in the largest unit that reads at least 1: 1.4 TB, 286.1 GB (1 TB = 1024 GB, as sizes are)."""
    amount, unit = kb, "KB"
    for larger in ("MB", "GB", "TB"):
        if amount < 1024:
            break
        amount, unit = amount / 1024, larger
    return f"{number(round(amount, 1))} {unit}"


def _keeps_nothing(needs: Needs) -> bool:
    """A lost message is acceptable and nothing is replayed: nothing need be kept for a consumer that is away."""
    return not needs.kept and not needs.replay


def _nothing_to_keep(capability: Capability, needs: Needs) -> str:
    """Best effort: no retention to plan, and for phones and browsers, where what they show is kept instead."""
    state = f"; {CURRENT_STATE}" if needs.clients else ""
    if capability.stores_nothing:
        return f"{capability.stores_nothing}; a lost message is acceptable here{state}"
    return f"a lost message is acceptable here, so a retention is optional (the service's default will do){state}"


def _pace(per_second: float) -> tuple[int, str]:
    """The period a rate reads best in: per second down to one every ten seconds, then per minute or per hour."""
    if per_second >= 0.1 or per_second == 0:
        return 1, "/s"
    return (60, " a minute") if per_second * 60 >= 1 else (3600, " an hour")


def _figure(value: float) -> str:
    """Two decimals, or two significant figures below 1: 115.74, 0.93, 0.0042."""
    return number(round(value, 2) if value >= 1 or value == 0 else float(f"{value:.2g}"))


def _data(mb_per_second: float, factor: int, period: str) -> str:
    """Megabytes, or kilobytes or bytes where that is too small to read, over the same period as the rate."""
    amount = mb_per_second * factor
    if amount >= 1 or amount == 0:
        return f"{number(round(amount, 1))} MB{period}"
    kb = amount * 1024
    return f"{_figure(kb)} KB{period}" if kb >= 0.1 else f"{_figure(kb * 1024)} bytes{period}"


def _peak(needs: Needs) -> str:
    """'a peak of 115.74 messages/s (0.2 MB/s)', or per minute or hour for a handful a day."""
    factor, period = _pace(needs.peak_per_second)
    messages = f"{_figure(needs.peak_per_second * factor)} messages{period}"
    return f"a peak of {messages} ({_data(needs.peak_mb_per_second, factor, period)})"


def _claim(capability: Capability, needs: Needs) -> str:
    """With a claim check the queue carries references and the payloads go to object storage: say both."""
    if not _claim_checked(capability, needs):
        return ""
    factor, period = _pace(needs.peak_per_second)
    store = _object_store(capability, needs)
    return (
        f"; with a claim check each message is a reference of {number(REFERENCE_KB)} KB (assumed), and the "
        f"payloads, {_data(needs.peak_mb_per_second, factor, period)} at the peak, go to object storage{store}"
    )


def _raised(capability: Capability, needs: Needs) -> str | None:
    """A message above the size a setting allows by default, within what it can be raised to: raise it, with what
    that costs, or claim-check what is above the default."""
    default, top = capability.default_max_message, capability.max_message
    if default is None or needs.size_kb <= default.value or (top is not None and needs.size_kb > top.value):
        return None
    raise_it = capability.raise_max_message.format(bytes=number(math.ceil(needs.size_kb * 1024)))
    return (
        f"Messages of {message_size(needs.size_kb)} are above its default of {message_size(default.value)}: "
        f"{raise_it}; or use a claim check above {message_size(default.value)} — store the payload in object "
        f"storage{_object_store(capability, needs)} and send a reference to it."
    )


def _beyond_default(capability: Capability, needs: Needs) -> str:
    """'; messages of 400 KB need MaximumMessageSize raised above its default 256 KB (see the remedy)'."""
    if _raised(capability, needs) is None or _claim_checked(capability, needs):
        return ""
    default = capability.default_max_message
    return (
        f"; messages of {message_size(needs.size_kb)} need its {capability.max_message_setting} raised above the "
        f"default {message_size(default.value if default else 0)} (see the remedy)"
    )


def _object_store(capability: Capability, needs: Needs) -> str:
    """The object store that runs where the technology runs (Amazon S3 beside SQS), named in brackets: on the
    flow's platform first (a self-run Kafka on Azure beside Azure Blob Storage, review 8, contradiction 10)."""
    chosen = needs.platform if needs.platform != Platform.ANY else ""
    stores = [c for c in PLAYERS["bulk"] if c.replay and chosen in c.platforms] + [
        c for c in PLAYERS["bulk"] if c.replay and set(c.platforms) & set(capability.platforms)
    ]
    return f" ({stores[0].name})" if stores else ""


def _partitions(capability: Capability, needs: Needs, units: int) -> str:
    """Event Hubs: keys spread over partitions, not over throughput units, so both are named."""
    if capability.unit_partitions is None:
        return ""
    partitions = 1 if needs.ordering == Ordering.GLOBAL else units * int(capability.unit_partitions.value)
    return f" and {plural(partitions, 'partition')}"


def _counted(capability: Capability, carried: Needs) -> Needs:
    """The load as a quota counts it: each message in chunks of the size it counts in (Eventarc Advanced's 64 KB)."""
    chunk = capability.counted_in
    if chunk is None:
        return carried
    chunks = math.ceil(carried.size_kb / chunk.value)
    return replace(carried, peak_mb_per_second=carried.peak_per_second * chunks * chunk.value / 1024)


def _quota_sizing(capability: Capability, needs: Needs, carried: Needs) -> Sizing | None:
    """A service sized by a quota of the account or project: the share of it the peak takes."""
    quota = capability.unit_messages_per_second or capability.unit_mb_per_second
    if quota is None:
        return None
    counted = _counted(capability, carried)
    share = max(_loads(capability, counted, reads=False), default=0.0)
    words = (
        f"1 {capability.unit} for {_peak(carried)}, {_share(share)} of its quota of {number(quota.value)} "
        f"{quota.unit} ({quota.note})"
    )
    if share > TARGET_UTILISATION:
        words += f"; ask for a raise to {math.ceil(share / TARGET_UTILISATION)} times it where the quota allows one"
    lower = capability.lower_quota
    if lower is not None and counted.peak_mb_per_second > TARGET_UTILISATION * lower.value:
        words += (
            f"; in smaller Regions the quota is {number(lower.value)} {lower.unit}, of which this peak takes "
            f"{_share(counted.peak_mb_per_second / lower.value)}: publish in a large Region or ask for a raise"
        )
    summary = f"{words}{_ordering_key(capability, carried)}{_claim(capability, needs)}; {_keep(capability, needs)}."
    return _sized(capability.unit, 1, carried, round(1 - share, 3), needs, summary)


def _share(share: float) -> str:
    return percent(share) if share >= 0.01 else "under 1 %"


def _ordering_key(capability: Capability, needs: Needs) -> str:
    """An ordering key takes only so much: one key carries all of a globally ordered flow."""
    limit = capability.ordered_mb_per_second
    if limit is None or needs.ordering == Ordering.NONE:
        return ""
    if needs.ordering == Ordering.GLOBAL:
        return (
            f"; global order is one ordering key, which takes at most {number(limit.value)} {limit.unit}: this peak "
            f"uses {_share(needs.peak_mb_per_second / limit.value)} of it"
        )
    per_key = limit.value * 1024 / needs.size_kb
    return (
        f"; one ordering key takes at most {number(limit.value)} {limit.unit}, about "
        f"{number(round(per_key))} messages/s of {message_size(needs.size_kb)}: keep any one key's peak below it"
    )


def _vcpu_sizing(capability: Capability, needs: Needs, carried: Needs) -> Sizing | None:
    """Google's plan for a Managed Kafka cluster: replicated writes and reads in write-equivalent MB/s, over what a
    vCPU takes at the planned utilisation."""
    per_vcpu, utilisation, replicas = capability.vcpu_mb_per_second, capability.vcpu_utilisation, capability.replicas
    if per_vcpu is None or utilisation is None or replicas is None:
        return None
    produce = carried.peak_mb_per_second
    copies = int(replicas.value)
    written = produce * copies
    read = needs.readers * produce + produce * (copies - 1)
    equivalent = written + read / 4
    smallest = int(capability.fewest_units.value) if capability.fewest_units is not None else 1
    vcpus = max(smallest, math.ceil(equivalent / per_vcpu.value / (utilisation.value / 100)))
    headroom = round(1 - equivalent / (vcpus * per_vcpu.value), 3)
    groups = plural(needs.readers, "consumer group")
    summary = (
        f"{plural(vcpus, capability.unit)} for {_peak(carried)}: {_figure(equivalent)} MB/s of "
        f"write-equivalent traffic ({copies} replicas, {groups}, reads counted at a quarter) at "
        f"{number(per_vcpu.value)} MB/s a vCPU and {number(utilisation.value)} % utilisation, at least "
        f"{smallest}{_claim(capability, needs)}; {_keep(capability, needs)}."
    )
    return _sized(capability.unit, vcpus, carried, headroom, needs, summary)


def _larger_tier_sizing(capability: Capability, needs: Needs, carried: Needs) -> Sizing | None:
    """Messages beyond the entry tier's size, or operations beyond what its one unit carries, go to a larger tier,
    whose units publish no rate (Service Bus Premium's messaging units); a large message may instead stay on the
    entry tier with a claim check."""
    entry = capability.tier
    fits = next(
        (t for t in capability.larger_tiers if t.max_message is None or carried.size_kb <= t.max_message.value), None
    )
    if entry is None or fits is None:
        return None
    scale = fits.max_units
    grows = f", adding {scale.unit} ({scale.note}) as its load shows" if scale is not None else ""
    store = _object_store(capability, needs)
    rate = capability.unit_messages_per_second
    if entry.max_message is not None and carried.size_kb > entry.max_message.value:
        beyond = (
            f"messages of {message_size(carried.size_kb)} are beyond {entry.name}'s "
            f"{message_size(entry.max_message.value)}"
        )
        instead = (
            f"; or 1 {entry.name} {capability.unit} with a claim check (a reference of {number(REFERENCE_KB)} KB per "
            f"message, the payloads in object storage{store})"
        )
    else:
        # The share itself, beside the planned utilisation it passes (review 8, R8-37: 185 %, not "more than 70 %").
        share = carried.peak_per_second * _operations(capability, carried) / rate.value if rate else 0.0
        beyond = (
            f"that is {percent(share)} of the {number(rate.value if rate else 0)} credits a second of one "
            f"{entry.name} {capability.unit}, more than the {percent(TARGET_UTILISATION)} planned"
        )
        instead = ""
    summary = (
        f"1 {fits.name} {capability.unit} for {_peak(carried)}{_charged(capability, carried)}: {beyond}, and no rate "
        f"is published for {fits.name}'s units, so start with the smallest{grows}{instead}; {_keep(capability, needs)}."
    )
    return _sized(capability.unit, 1, carried, None, needs, summary)


def _practice_sizing(capability: Capability, needs: Needs, carried: Needs) -> Sizing | None:
    """No rate per unit from the vendor: the units the consumers need (a queue per subscriber), the nodes they are
    replicated on, what bounds the service, and the assumption, each said."""
    practice = capability.practice
    if practice is None:
        return None
    units = needs.readers if capability.unit_per_reader and needs.role == "router" else 1
    replicas = capability.replicas
    nodes = f" replicated on {number(replicas.value)} {replicas.unit}" if replicas is not None else ""
    # Order per key through hash-routed queues: one queue per instance of the consumer, each read by one at a time.
    keyed = (
        "; for order per key, one queue per instance of the consumer behind the hash exchange, each with a single "
        "active consumer"
        if needs.ordering == Ordering.PER_KEY and capability.per_key_how and needs.role == "queue"
        else ""
    )
    # One consumer that cannot keep up is helped by more queues filled by key, unless the order is global.
    more = (
        " Where one consumer cannot keep up, more queues filled by key."
        if capability.unit_per_reader and capability.per_key_how and needs.ordering != Ordering.GLOBAL
        else ""
    )
    summary = (
        f"{plural(units, capability.unit)}{nodes} for {_peak(carried)}{_sessions(needs)}{keyed}"
        f"{_in_flight(capability, carried)}"
        f"{_claim(capability, needs)}{_beyond_default(capability, needs)}; {_keep(capability, needs)}. "
        f"{practice.text}{more}"
    )
    return _sized(capability.unit, units, carried, None, needs, summary)


def _sessions(needs: Needs) -> str:
    """A device broker keeps a session per device, whose queue must hold what the device gets while it is away."""
    if needs.role != "device":
        return ""
    hours = needs.outage_hours or needs.retention_hours
    # At the peak rate for the whole absence, but never more than the days it spans bring.
    at_peak = needs.peak_per_second * 3_600 * hours
    days = needs.messages_per_day * max(1.0, hours / 24)
    queued = (
        f"{number(round(at_peak))} {needs.sent} over {lifetime(hours)} at the peak rate"
        if at_peak <= days
        else (f"{number(round(days))} {needs.sent} over {lifetime(hours)}")
    )
    return (
        "; one persistent session per device (how many devices is not asked: assumed one per device that receives "
        f"{needs.sent}), with a session expiry longer than {lifetime(hours)}: all the devices together get at most "
        f"{queued}, so set each session's max_mqueue_len (EMQX) to one device's share of them, with a margin"
    )


def _in_flight(capability: Capability, needs: Needs) -> str:
    """What bounds a queue with no rate: messages received and not yet deleted, so how long each may take."""
    limit = capability.in_flight
    if limit is None or needs.peak_per_second <= 0:
        return ""
    seconds = limit.value / needs.peak_per_second
    if seconds >= 86_400:
        return f"; at most about {number(limit.value)} {limit.unit}, more than a day of this peak"
    # The time as computed, not rounded up past it (review 7, R7-06: 4.8 hours read "over 5 hours").
    took = f"{number(round(seconds))} seconds" if seconds < 3600 else f"{number(round(seconds / 3600, 1))} hours"
    return (
        f"; at most about {number(limit.value)} {limit.unit}, which this peak reaches only if each message takes "
        f"{took} or longer to process"
    )


def _nothing_kept(sizing: Sizing | None, capability: Capability, needs: Needs) -> Sizing | None:
    """A router that stores nothing, with no queue per subscriber behind it, keeps no hours (as its words say), nor
    does anything that carries best-effort messages nobody replays."""
    if sizing is None:
        return sizing
    if not _keeps_nothing(needs) and (not capability.stores_nothing or (needs.kept and capability.subscriber_queue)):
        return sizing
    return dataclasses.replace(sizing, retention_hours=0)


def _with_basis(sizing: Sizing | None, needs: Needs) -> Sizing | None:
    if sizing is None or not needs.basis:
        return sizing
    return dataclasses.replace(sizing, summary=needs.basis + sizing.summary)


def _batching(capability: Capability, needs: Needs) -> str:
    """A rate quoted for batched calls says so, with the headroom left when each call carries one message."""
    single = capability.unbatched_messages_per_second
    if single is None or capability.unit_messages_per_second is None:
        return ""
    batch = round(capability.unit_messages_per_second.value / single.value)
    left = round((1 - needs.peak_per_second / single.value) * 100)
    without = f"{left} % headroom" if left >= 0 else f"{-left} % over its capacity"
    return (
        f" with batches of {batch} messages per call; without batching a {capability.unit} takes "
        f"{number(single.value)} messages/s, {without}"
    )


def _reads(capability: Capability, needs: Needs) -> str:
    """Where reads are limited apart and shared, every consumer's reads count: say how many and how much."""
    shared = capability.read_mb_per_second
    if shared is None or needs.readers < 2:
        return ""
    read = _data(needs.readers * needs.peak_mb_per_second, 1, "/s")
    return (
        f"; {needs.readers} consumers each read every message, {read} at the peak, sharing "
        f"{number(shared.value)} MB/s per {capability.unit}"
    )


def _out(capability: Capability, needs: Needs) -> str:
    """'; 4 subscriptions each read every message: 271.3 MB/s out of the brokers at the peak, beside 67.8 MB/s in'."""
    if not capability.reader or needs.readers < 2:
        return ""
    out = _data(needs.readers * needs.peak_mb_per_second, 1, "/s")
    return (
        f"; {plural(needs.readers, capability.reader)} each read every message: {out} out of the brokers at the "
        f"peak, beside {_data(needs.peak_mb_per_second, 1, '/s')} in"
    )


def _spread(capability: Capability, needs: Needs) -> str:
    if capability.brokers is None:
        return ""
    if needs.ordering == Ordering.GLOBAL:
        return "; global order is one partition, on one broker at a time" + _one_partition(capability, needs)
    brokers = int(capability.brokers.value)
    return (
        f"; at least {brokers} and a multiple of {brokers}, so the partitions spread evenly over "
        f"{plural(brokers, 'broker')}{_network(capability, needs)}"
    )


def _one_partition(capability: Capability, needs: Needs) -> str:
    """One partition carries a global sequence (review 8, R8-27): its leader sends every read and every replica,
    and each group reads it with one consumer, so the figure is to be measured, with per-key order as the way
    out."""
    copies = capability.replicas.value if capability.replicas is not None else 1
    sent = needs.readers * needs.peak_mb_per_second + needs.peak_mb_per_second * (copies - 1)
    return (
        f": its leader sends about {_data(sent, 1, '/s')} to {plural(needs.readers, 'consumer group')} and "
        f"{plural(int(copies) - 1, 'replica')} at the peak, and each group reads it with one consumer, so load-test "
        "one partition's producer and consumers at this peak; where they fall short, keep order per key instead "
        "(an account, an instrument), so the keys spread over partitions and each stays in order"
    )


def _network(capability: Capability, needs: Needs) -> str:
    """Every consumer group reads every message, and each replica is a copy sent between brokers: what each broker
    sends and receives at the peak, against its network."""
    copies = capability.replicas
    if capability.brokers is None or copies is None:
        return ""
    brokers = capability.brokers.value
    reads = needs.readers * needs.peak_mb_per_second
    sent = (reads + needs.peak_mb_per_second * (copies.value - 1)) / brokers
    received = needs.peak_mb_per_second * copies.value / brokers
    gbit = sent * 1024 * 1024 * 8 / 1e9
    return (
        f"; {plural(needs.readers, 'consumer group')} {'reads' if needs.readers == 1 else 'read'} "
        f"{_data(reads, 1, '/s')} at the peak, and each of "
        f"{plural(int(brokers), 'broker')} sends about {_data(sent, 1, '/s')} ({_figure(gbit)} Gbit/s) to consumers "
        f"and replicas and receives {_data(received, 1, '/s')}: check that its network and disks take it"
    )


def _fan_out(capability: Capability, needs: Needs) -> str | None:
    """Consumers that each get reads of their own need only the units the writes need."""
    dedicated = capability.dedicated_read_mb_per_second
    if dedicated is None or needs.readers < 2 or _units(capability, needs) == _units(capability, needs, reads=False):
        return None
    writes = plural(_units(capability, needs, reads=False), capability.unit)
    return (
        f"Or register the consumers for enhanced fan-out: each reads {number(dedicated.value)} MB/s per "
        f"{capability.unit} of its own, and {writes} carry the writes (at a charge per consumer and "
        f"{capability.unit}-hour)."
    )


def _subscriber_queues(capability: Capability, needs: Needs) -> str | None:
    """A topic that delivers only to queues hands each subscriber's queue every message: where that is more than the
    queue takes unbatched, the queue needs sizing too (review 8, R8-04: SQS FIFO queues behind SNS FIFO)."""
    if not capability.subscriber_queue:
        return None
    queue = CAPABILITIES[POSITION[capability.subscriber_queue]]
    unbatched = queue.unbatched_messages_per_second
    if unbatched is None or needs.peak_per_second <= unbatched.value:
        return None
    return (
        f"Each subscriber's {queue.name} receives every message, {_figure(needs.peak_per_second)} a second at the "
        f"peak: more than the {number(unbatched.value)} a second it takes unbatched ({unbatched.note}), so enable "
        "high throughput on each of those queues and have each consumer receive and delete in batches of 10."
    )


def _tier(capability: Capability, needs: Needs) -> str | None:
    """The entry tier's ceilings, and the larger tiers that pass them, when this flow goes beyond one."""
    tier = capability.tier
    if tier is None:
        return None
    units = _units(capability, needs)
    partitions = units * int(capability.unit_partitions.value) if capability.unit_partitions else 0
    credits = _figure(needs.peak_per_second * _operations(capability, needs))
    more = f"{credits} credits/s at the peak" if capability.charged else plural(units, capability.unit)
    wanted = [
        (needs.size_kb, tier.max_message, f"messages of {message_size(needs.size_kb)}"),
        (units, tier.max_units, more),
        (partitions, tier.max_partitions, plural(partitions, "partition")),
    ]
    beyond = [(ceiling, need) for amount, ceiling, need in wanted if ceiling is not None and amount > ceiling.value]
    if not beyond:
        return None
    stops = " and ".join(_ceiling(ceiling, ceiling is tier.max_message) for ceiling, _ in beyond)
    needed = " and ".join(need for _, need in beyond)
    larger = " or ".join(f"{t.name} (up to {_ceilings(t)})" for t in capability.larger_tiers)
    claim = ", or keep it with a claim check" if beyond[0][0] is tier.max_message else ""
    return f"{tier.name} stops at {stops}, and this flow needs {needed}: choose {larger}{claim}."


def _ceiling(ceiling: Sourced, size: bool = False) -> str:
    return f"{message_size(ceiling.value)} a message" if size else f"{number(ceiling.value)} {ceiling.unit}"


def _ceilings(tier: Tier) -> str:
    sizes = [_ceiling(tier.max_message, size=True)] if tier.max_message else []
    return " and ".join(sizes + [_ceiling(c) for c in (tier.max_units, tier.max_partitions) if c is not None])


def _retries(capability: Capability, needs: Needs) -> str | None:
    """A push to HTTP endpoints retries for a while: a consumer away longer loses what was sent meanwhile. A
    queue per consumer keeps it for days; a delivery on the same cloud that retries long enough is named too."""
    window = capability.http_retry
    if window is None or needs.outage_hours <= window.value:
        return None
    same_cloud = [c for c in CAPABILITIES if c.managed and set(c.platforms) & set(capability.platforms)]
    queues = [c for c in same_cloud if "queue" in c.roles and c.retention is not None]
    keeps = max(queues, key=lambda c: c.retention.value if c.retention else 0, default=None)
    queue = (
        f"an {keeps.name} keeps messages up to {plural(int(keeps.retention.value // 24), 'day')}"
        if keeps and keeps.retention
        else "a queue keeps messages until they are read"
    )
    longer = [c for c in same_cloud if c.http_retry is not None and c.http_retry.value >= needs.outage_hours]
    through = "".join(
        f" Or deliver to them through {c.name} API destinations, which retry for "
        f"{plural(int(c.http_retry.value), 'hour')} before a dead-letter queue takes what is left."
        for c in longer[:1]
        if c.http_retry is not None
    )
    return (
        f"Its deliveries to HTTP/S endpoints retry for at most {plural(int(window.value), 'hour')}, and a consumer "
        f"may be away for up to {plural(int(needs.outage_hours), 'hour')}: an HTTP endpoint such as a partner's "
        f"webhook misses what was sent meanwhile. Give each such consumer a queue of its own ({queue}) and a "
        f"forwarder that calls its endpoint when it is back.{through}"
    )


def _choice(capability: Capability, needs: Needs, existing: bool) -> TechnologyChoice:
    why = capability.good_at
    if existing:
        why = f"You already run it. {why}"
    if needs.ordering == Ordering.PER_KEY and capability.per_key_how:
        why += f" Keeps order per key ({capability.per_key_how})."
    elif needs.ordering == Ordering.GLOBAL and capability.ordering == Ordering.PER_KEY:
        why += f" Keeps global order when every message carries the same key ({capability.ordering_how})."
    elif needs.ordering != Ordering.NONE and capability.ordering != Ordering.NONE:
        kept = "per key" if capability.ordering == Ordering.PER_KEY else "globally"
        why += f" Keeps order {kept} ({capability.ordering_how})."
    remedies = []
    if needs.role in ("push", "device") and needs.ordering != Ordering.NONE and capability.ordering == Ordering.NONE:
        remedies.append(
            "It does not keep order: number each update per key (a sequence or version) so the app or page "
            "ignores one older than what it shows."
        )
    advised = capability.claim_check_above
    if capability.max_message is not None and needs.size_kb > capability.max_message.value:
        remedies.append(
            f"Messages of {number(needs.size_kb)} KB exceed its {number(capability.max_message.value)} KB limit: "
            "use a claim check — store the payload in object storage and send a reference to it."
        )
    elif advised is not None and needs.size_kb > advised.value:
        remedies.append(
            f"Messages of {message_size(needs.size_kb)} are beyond the {message_size(advised.value)} its vendor "
            "advises sending through it: use a claim check — store the payload in object storage"
            f"{_object_store(capability, needs)} and send a reference to it ({advised.note})."
        )
    elif _claim_checked(capability, needs):
        remedies.append(
            f"Messages of {message_size(needs.size_kb)} fit within its limit, but another technology listed here must "
            f"claim-check them: send every payload the same way — in object storage{_object_store(capability, needs)}, "
            "with a reference in the message."
        )
    elif (raised := _raised(capability, needs)) is not None:
        remedies.append(raised)
    if needs.role in SIZED_ROLES and needs.sender_away and _claim_checked(capability, needs):
        remedies.append(
            "The sender goes offline: it uploads each payload from its outbox straight to object storage"
            f"{_object_store(capability, needs)} with a resumable upload through a signed URL (no cloud credentials on "
            "the device), and sends the message with the reference once the upload has completed."
        )
    carried = _carried(capability, needs)
    if capability.retention is not None and needs.retention_hours > capability.retention.value:
        # A device reads its desired state when it reconnects, however long it was away.
        instead = (
            "keep the desired state in a device twin or shadow (or a job), which a device reads whenever it reconnects"
            if needs.role == "device"
            else "archive them to object storage, or choose a longer-lived store"
        )
        remedies.append(
            f"It keeps messages at most {plural(int(capability.retention.value), 'hour')}, less than the "
            f"{number(needs.retention_hours)} wanted: {instead}."
        )
    units = _units(capability, carried)
    by_key = " by key" if needs.ordering == Ordering.PER_KEY else ""
    if units > 1 and capability.unit_is_quota:
        remedies.append(_past_quota(capability, carried, units))
    elif units > 1 and capability.unit_partitions is not None:
        partitions = units * int(capability.unit_partitions.value)
        remedies.append(
            f"Create at least {plural(partitions, 'partition')} (one carries one {capability.unit}'s worth) and "
            f"spread the load over them{by_key}."
        )
    elif units > 1 and needs.role == "device":
        # A device broker's units are the capacity of one hub, not separate brokers to spread producers over.
        remedies.append(f"Provision {plural(units, capability.unit)} on the one hub: units add to its capacity.")
    elif units > 1 and _partitioned(capability):
        remedies.append(f"Spread the load over {plural(units, capability.unit)}{by_key}.")
    elif units > 1 and not _past_entry_tier(capability, carried):
        remedies.append(f"Spread the load over {plural(units, capability.unit)}, each with its share of the producers.")
    advice = (
        _fan_out(capability, carried),
        _tier(capability, carried),
        _retries(capability, needs),
        _subscriber_queues(capability, carried),
    )
    remedies += [words for words in advice if words]
    if capability.group_parallelism is not None:
        remedies.append(_group_parallelism(needs.ordering))
    return TechnologyChoice(
        name=capability.name,
        why=why,
        role=needs.role,
        sizing=_nothing_kept(_with_basis(_sizing(capability, needs), needs), capability, needs),
        limits=_limits(capability.id, needs.ordering != Ordering.NONE, needs.ordering == Ordering.GLOBAL),
        remedies=tuple(remedies),
    )


def _past_quota(capability: Capability, needs: Needs, units: int) -> str:
    """A peak beyond a project's quota: ask for a raise, unless the vendor bounds a raise below what the peak needs
    (FCM: +25 %), when the service cannot carry it and only what it is for goes through it."""
    quota = capability.unit_messages_per_second
    raise_ = capability.quota_raise
    if raise_ is None or quota is None or units <= raise_.value:
        return f"The peak needs {units} times the default quota ({capability.unit}): ask for a raise."
    share = max(_loads(capability, needs, reads=False), default=0.0)
    return (
        f"The peak is {number(round(share, 1))} times its quota of {number(quota.value)} {quota.unit} "
        f"({capability.unit}), and a quota increase gives at most {number(raise_.value)} {raise_.unit}: it cannot "
        "carry this rate. Send through it only what wakes an app or marks a milestone, and carry the stream of "
        "updates over persistent connections."
    )


def _group_parallelism(ordering: str) -> str:
    """Sized from throughput alone, a topic may get fewer partitions than the consumers meant to share it."""
    if ordering == Ordering.GLOBAL:
        return (
            "Global order is one partition, which one consumer of a group reads at a time: "
            "its consumers cannot share the load."
        )
    rekeyed = (
        ", and adding partitions later sends a key's messages to another partition"
        if ordering == Ordering.PER_KEY
        else ""
    )
    return (
        f"A consumer group reads with at most one consumer per partition{rekeyed}: create at least as many "
        "partitions as the instances of the busiest consumer at its peak."
    )


@cache
def _limits(capability_id: str, ordered: bool, global_order: bool = False) -> tuple[Limit, ...]:
    """The sourced limits that bear on a flow: they depend only on the technology and whether order is kept, and
    how to keep it per key is not shown beside one global sequence."""
    capability = CAPABILITIES[POSITION[capability_id]]
    unit = capability.unit
    # A store for bulk transfers holds files and is asked for them by requests, not sent messages.
    item, sent = ("file", "Requests") if capability.roles == ("bulk",) else ("message", "Messages")
    named = (
        (f"Largest {item}", capability.max_message),
        (f"Largest {item} by default", capability.default_max_message),
        (f"{sent} per {unit}", capability.unit_messages_per_second),
        (f"Throughput per {unit}", capability.unit_mb_per_second),
        ("Messages per ordered group", capability.ordered_messages_per_second if ordered else None),
        (
            "Throughput per ordered group",
            capability.ordered_mb_per_second
            if ordered and capability.ordered_mb_per_second is not capability.unit_mb_per_second
            else None,
        ),
        ("Longest retention", capability.retention),
        ("Longest wait for an answer", capability.max_wait),
        ("", capability.group_parallelism),
        (f"Reads per {unit}, shared by its consumers", capability.read_mb_per_second),
        (f"Read events per {unit}, shared by its consumers", capability.read_messages_per_second),
        (f"Reads per {unit} for each enhanced fan-out consumer", capability.dedicated_read_mb_per_second),
        (f"Messages per {unit} without batching", capability.unbatched_messages_per_second),
        ("Retries to an HTTP/S endpoint for", capability.http_retry),
        ("Fewest brokers", capability.brokers),
        (f"Fewest {unit}s", capability.fewest_units),
        (f"Throughput per {unit}", capability.vcpu_mb_per_second),
        ("Planned utilisation", capability.vcpu_utilisation),
        ("Replicated over", capability.replicas),
        ("Largest message the vendor advises sending", capability.claim_check_above),
        ("Counted in chunks of", capability.counted_in),
        (f"Messages a day per {unit}", capability.daily_quota),
        ("At most", capability.in_flight),
        ("", capability.unit_partitions),
        ("Largest quota increase", capability.quota_raise),
    )
    # The larger tiers' ceilings back the advice that names them.
    ceilings = [
        (f"{tier.name} tier", ceiling)
        for tier in capability.larger_tiers
        for ceiling in (tier.max_message, tier.max_units, tier.max_partitions)
        if ceiling is not None and ceiling is not capability.max_message
    ]
    shown = [(what, sourced) for what, sourced in [*named, *ceilings] if sourced is not None]
    limits = [_limit(what, sourced) for what, sourced in shown + [("", s) for s in capability.limits]]
    practice = [capability.practice] if capability.practice is not None else []
    facts = [fact for fact in (*capability.facts, *practice) if not (global_order and fact.per_key)]
    return tuple(limits + [_fact(fact) for fact in facts])


def _fact(fact: Fact) -> Limit:
    return Limit(fact.text, fact.source.title, fact.source.url, fact.source.as_of)


def _limit(what: str, sourced: Sourced) -> Limit:
    figure = f"{number(sourced.value)} {sourced.unit}"
    text = f"{what}: {figure}" if what else figure
    if sourced.note:
        text += f" ({sourced.note})" if what else f" {sourced.note}"
    return Limit(text, sourced.source.title, sourced.source.url, sourced.source.as_of)


def _one_group(needs: Needs, outgrown: list[Capability]) -> TechnologyChoice:
    """Global order is one ordered group, and the peak outgrows what one group takes on every service here."""
    groups = "; ".join(
        f"{c.name}: " + " and ".join(f"{number(limit.value)} {limit.unit}" for limit in _group_limits(c))
        for c in outgrown
    )
    return TechnologyChoice(
        "One ordered group cannot carry this peak",
        f"Global order puts every message in one ordered group (a partition, a shard), and {_peak(needs)} is more "
        f"than one takes ({groups}). Keep order per key instead (an account, an order, a device), so the keys spread "
        "over partitions and each stays in order, or batch events into fewer, larger messages.",
        limits=tuple(_limit(f"{c.name}, one ordered group", limit) for c in outgrown for limit in _group_limits(c)),
    )


def _group_limits(capability: Capability) -> list[Sourced]:
    return [
        limit
        for limit in (capability.ordered_messages_per_second, capability.ordered_mb_per_second)
        if limit is not None
    ]


def _said_operations(given: Answers) -> str | None:
    """Who runs brokers, as the team answered it: "not sure" is no answer, and left out is the default said as
    assumed (LEFT_OUT)."""
    return LEFT_OUT if "operations" in given["assumed"] else known(given["operations"])


# Who runs it was left out: managed is assumed, and said to be.
LEFT_OUT = "left_out"


def _who_operates(
    platform: str, operations: str | None, needs: Needs, skip: tuple[str, ...], self_run_after: bool = False
) -> TechnologyChoice:
    """Nothing managed plays this part here: say who would run it, and the clouds' managed options that fit; where
    self-run choices follow it, whom they fit (review 10, R10-34)."""
    managed = [
        next(
            (
                c.name
                for c in PLAYERS[needs.role]
                if c.managed and cloud in c.platforms and c.id not in skip and _meets(c, needs)
            ),
            "",
        )
        for cloud in CLOUDS
    ]
    alternatives = ", ".join(name for name in managed if name)
    if platform == Platform.ANY:
        # Operations not known is not "nobody to run it": say what a managed service spares the team.
        why = {
            Operations.MANAGED: "With no platform chosen and nobody to run it, prefer a managed one",
            LEFT_OUT: "With no platform chosen (who runs it was left out: managed assumed), prefer a managed one",
        }.get(
            operations or "",
            "With no platform chosen and no answer on who would run it, a managed one spares the team running it",
        )
        after = " The self-run ones listed after it fit only a team that will run its own." if self_run_after else ""
        return TechnologyChoice("A managed service on your cloud", f"{why}: {alternatives}.{after}", "operator")
    where = "On premises," if platform == Platform.ON_PREMISES else f"On {label(platform)}"
    runs = {
        Operations.MANAGED: "nobody runs it for you",
        LEFT_OUT: "no vendor runs it for you (who runs it was left out: managed assumed)",
    }.get(operations or "", "someone must run it")
    return TechnologyChoice(
        "Someone to operate it",
        f"{where} {runs}: the team takes it on, or uses a cloud's managed service ({alternatives}).",
        "operator",
    )
