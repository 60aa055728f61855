"""Plain-language reasons, risks and technologies for a scored flow, and advice for the landscape."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

from .answers import UNKNOWN
from .catalog import (
    COMMAND,
    EVENT,
    EVENT_DRIVEN,
    FACTORS,
    FIELD_LABELS,
    MESSAGE_QUEUE,
    PATTERN_IDS,
    PATTERNS,
    POINT_TO_POINT,
    QUERY,
    TECHNOLOGIES,
    Technology,
    label,
)
from .model import DEFAULT_FLOW, DEFAULT_LANDSCAPE, Flow, Landscape, Risk, TechnologyChoice
from .scoring import kind_of, resolved

SMALL_LANDSCAPE = 5
LOW_VOLUME_PER_DAY = 10_000
HUB_SYSTEMS = 6
HUB_DIRECT_FLOWS = 4
AVAILABILITY_WORDS = {
    "always": "is always available",
    "maintenance_windows": "is down during maintenance windows",
    "often_offline": "is often offline",
}
LATENCY_WORDS = {
    "immediate": "immediate",
    "seconds": "within seconds",
    "minutes": "within minutes",
    "hours": "within hours",
}


def _names(consumers: Sequence[str]) -> str:
    shown = ", ".join(consumers[:4])
    return shown + (f" and {len(consumers) - 4} more" if len(consumers) > 4 else "")


def _answer(flow: Flow, field: str) -> str:
    return resolved(getattr(flow, field), field, DEFAULT_FLOW)


def _landscape_answer(landscape: Landscape, field: str) -> str:
    return resolved(getattr(landscape, field), field, DEFAULT_LANDSCAPE)


def unknown_fields(landscape: Landscape, flow: Flow) -> tuple[str, ...]:
    fields = [
        f
        for f in ("teams", "change_rate", "growth", "platform", "existing_broker", "operations", "async_experience")
        if getattr(landscape, f) == UNKNOWN
    ]
    fields += [
        f
        for f in ("interaction", "latency", "delivery", "ordering", "consumer_availability")
        if getattr(flow, f) == UNKNOWN
    ]
    return tuple(fields)


def reasons(
    landscape: Landscape,
    flow: Flow,
    winner: str,
    runner_up: str,
    contributions: Mapping[str, Mapping[str, float]],
    unknowns: Sequence[str],
) -> tuple[str, ...]:
    said: list[str] = []
    kind = kind_of(flow)
    latency = _answer(flow, "latency")
    delivery = _answer(flow, "delivery")
    availability = _answer(flow, "consumer_availability")
    growth = _landscape_answer(landscape, "growth")
    interaction = COMMAND if flow.interaction == UNKNOWN else flow.interaction

    if kind == QUERY:
        waits = " and waits for it (latency: immediate)" if latency == "immediate" else ""
        said.append(
            f"It is a query: the caller needs an answer{waits}. A request/response API gives it in "
            "the same exchange; events cannot answer questions."
        )
    if interaction == COMMAND and flow.fan_out >= 2:
        said.append(
            f"It is sent as a command to {flow.fan_out} consumers ({_names(flow.consumers)}): that is "
            "really an event. The sender announces what happened and each consumer decides what to do, "
            "so it is scored as a fan-out."
        )
    elif kind == EVENT and flow.fan_out >= 3:
        said.append(
            f"{flow.fan_out} systems care about this fact ({_names(flow.consumers)}): with "
            "publish/subscribe the producer does not need to know its subscribers."
        )
    elif kind == EVENT and flow.fan_out == 2 and growth != "none":
        said.append(
            f"Two consumers today and more expected (growth: {label(growth)}): new subscribers can join "
            "without changing the producer."
        )
    if delivery != "best_effort" and availability != "always" and kind != QUERY:
        holder = "a durable subscription" if winner == EVENT_DRIVEN else "a queue"
        said.append(
            f"The consumer {AVAILABILITY_WORDS[availability]} and nothing may be lost: {holder} keeps the work until "
            "it is back."
        )
    if flow.peak_factor >= 5 and kind != QUERY:
        said.append(
            f"Peaks reach {flow.peak_factor:g}× the average rate: a broker absorbs them so the consumer "
            "works at its own pace."
        )
    if kind == COMMAND and latency in ("minutes", "hours"):
        said.append(
            f"The work may complete within {latency}: nobody waits on it, so it can wait in a queue "
            "and be retried until it succeeds."
        )
    if winner == EVENT_DRIVEN:
        broker_kind = (
            "a log-based stream" if flow.volume_per_day * flow.peak_factor >= 10_000_000 else "an event bus or topic"
        )
        said.append(
            f"Latency “{LATENCY_WORDS[latency]}” picks the kind of broker — here {broker_kind} — not the pattern."
        )
    if winner == POINT_TO_POINT and kind != QUERY:
        if (
            flow.fan_out == 1
            and landscape.systems <= SMALL_LANDSCAPE
            and flow.volume_per_day <= LOW_VOLUME_PER_DAY
            and _landscape_answer(landscape, "change_rate") == "rare"
        ):
            said.append(
                f"Few systems ({landscape.systems}), a single consumer, low volume and rare interface "
                "changes: a direct call is enough, and a broker here would be over-engineering."
            )
        if delivery != "best_effort":
            said.append(
                "Nothing may be lost, but the consumer is always available and there are no large peaks: "
                "a direct call with retries and an idempotency key is enough. If that changes, a queue "
                "is the safer choice, so the confidence is lowered."
            )
    said.append(_strongest_factors(winner, runner_up, contributions))
    if unknowns:
        fields = ", ".join(FIELD_LABELS[f].lower() for f in unknowns)
        said.append(f"You were not sure about: {fields}. The defaults were used and the confidence lowered.")
    return tuple(said)


def _strongest_factors(winner: str, runner_up: str, contributions: Mapping[str, Mapping[str, float]]) -> str:
    leads = sorted(
        ((c[winner] - c[runner_up], factor_id) for factor_id, c in contributions.items()),
        key=lambda lead: (-lead[0], lead[1]),
    )
    named = [f"{FACTORS[f].name.lower()} (+{lead:.1f} points)" for lead, f in leads[:3] if lead > 0.05]
    if not named:
        return f"{PATTERNS[winner].short_name} and {PATTERNS[runner_up].short_name.lower()} are nearly tied."
    return (
        f"Factors that favour {PATTERNS[winner].short_name.lower()} most over "
        f"{PATTERNS[runner_up].short_name.lower()}: {', '.join(named)}."
    )


def risks(landscape: Landscape, flow: Flow, winner: str) -> tuple[Risk, ...]:
    found: list[Risk] = []
    delivery = _answer(flow, "delivery")
    ordering = _answer(flow, "ordering")
    if winner == POINT_TO_POINT:
        found.append(
            Risk(
                "The caller fails or hangs when the provider is slow or down.",
                "Timeouts on every call, retries with exponential backoff and jitter, and a circuit "
                "breaker that fails fast.",
            )
        )
        if kind_of(flow) == QUERY:
            found.append(
                Risk(
                    "Read load lands on the provider at every request.",
                    "Cache answers that may be slightly stale; scale the provider horizontally.",
                )
            )
        elif delivery != "best_effort":
            found.append(
                Risk(
                    "Work is lost when every retry fails.",
                    "Send an idempotency key so retries are safe; log and alert on final failures; "
                    "move to a queue if the consumer starts to have downtime.",
                )
            )
        found.append(
            Risk(
                "The caller is coupled to the provider's contract.",
                "Version the API and publish its schema (OpenAPI, protobuf).",
            )
        )
    elif winner == MESSAGE_QUEUE:
        found.append(
            Risk(
                "Redelivery after a failure produces duplicates.",
                "Idempotent consumers: remember processed message ids or use business keys.",
            )
        )
        found.append(
            Risk(
                "A poison message is retried forever or blocks the queue.",
                "Bounded retries with backoff, then a dead-letter queue with an alert.",
            )
        )
        found.append(
            Risk(
                "A backlog grows unnoticed while the consumer is down.",
                "Alert on queue depth and on the age of the oldest message.",
            )
        )
    else:
        if delivery != "best_effort":
            found.append(
                Risk(
                    "An event is lost if the producer crashes between saving and publishing.",
                    "Transactional outbox: store the event with the change and publish it from there "
                    "to durable, persistent topics.",
                )
            )
        found.append(
            Risk(
                "A change to the event's schema breaks subscribers.",
                "Versioned schemas in a registry; only additive changes within a version.",
            )
        )
        found.append(
            Risk(
                "One business process is hard to follow across subscribers.",
                "Correlation ids on every event and distributed tracing.",
            )
        )
        found.append(
            Risk(
                "Subscribers see the fact at different times (eventual consistency).",
                "Design screens and reports for it; let consumers tell when they are up to date.",
            )
        )
    if winner != POINT_TO_POINT:
        if ordering != "none":
            found.append(
                Risk(
                    f"Messages arrive out of order ({label(ordering)} ordering is required).",
                    "Partition or group by key (Kafka partitions, FIFO message groups, sessions); "
                    "global order limits throughput to one consumer.",
                )
            )
        if delivery == "effectively_once":
            found.append(
                Risk(
                    "Brokers deliver at least once, so an effect can happen twice.",
                    "Deduplicate on a message id in the consumer's own transaction.",
                )
            )
        if _landscape_answer(landscape, "async_experience") == "none":
            found.append(
                Risk(
                    "The team has no experience with asynchronous systems.",
                    "Start with a managed service, one flow first, and invest in monitoring and "
                    "training before moving more flows.",
                )
            )
    return tuple(found)


def technologies(landscape: Landscape, flow: Flow, winner: str) -> tuple[TechnologyChoice, ...]:
    """Reuse a fitting existing broker first, then the platform's managed services (rule 6)."""
    # Streams suit very high volumes and ordering by key; the choice depends on nothing else of the flow.
    streams = flow.volume_per_day * flow.peak_factor >= 10_000_000 or _answer(flow, "ordering") != "none"
    return _technologies(landscape, winner, streams)


# Keyed by the landscape, which holds a typed number of systems: bounded.
@lru_cache(maxsize=1024)
def _technologies(landscape: Landscape, winner: str, streams: bool) -> tuple[TechnologyChoice, ...]:
    platform = _landscape_answer(landscape, "platform")
    broker = _landscape_answer(landscape, "existing_broker")
    operations = _landscape_answer(landscape, "operations")
    experience = _landscape_answer(landscape, "async_experience")
    chosen: list[TechnologyChoice] = []
    fitting = [t for t in TECHNOLOGIES if winner in t.patterns]
    existing = [t for t in fitting if broker in t.broker_ids]
    for technology in existing:
        chosen.append(
            TechnologyChoice(
                technology.name, f"You already run it; {technology.good_at[0].lower()}{technology.good_at[1:]}"
            )
        )
    on_platform = [t for t in fitting if platform in t.platforms and t not in existing]
    if operations == "managed" or experience == "none":
        managed = [t for t in on_platform if t.managed]
        on_platform = managed or [t for t in on_platform if not t.needs_experience]
    if experience != "strong":
        on_platform = [t for t in on_platform if not t.needs_experience] or on_platform
    for technology in _preferred(on_platform, streams):
        chosen.append(TechnologyChoice(technology.name, technology.good_at))
    if (
        winner != POINT_TO_POINT
        and not existing
        and not any(t.managed for t in on_platform)
        and operations == "managed"
    ):
        chosen.append(_who_operates(platform, winner))
    return tuple(chosen[:3])


def _who_operates(platform: str, winner: str) -> TechnologyChoice:
    """Nothing managed fits this platform: say who would run the broker, and the managed alternatives."""
    clouds = [
        next(t.name for t in TECHNOLOGIES if winner in t.patterns and t.managed and cloud in t.platforms)
        for cloud in ("aws", "azure", "gcp")
    ]
    alternatives = ", ".join(clouds)
    if platform == "any":
        return TechnologyChoice(
            "A managed service on your cloud",
            f"With no platform chosen and nobody to run a broker, prefer a managed one: {alternatives}.",
        )
    return TechnologyChoice(
        "Someone to operate the broker",
        f"On {label(platform)} nobody runs a broker for you: the team takes it on, or uses a cloud's managed "
        f"service ({alternatives}).",
    )


def _preferred(candidates: list[Technology], streams: bool) -> list[Technology]:
    def rank(technology: Technology) -> tuple[int, int]:
        is_stream = technology.id in ("kafka", "pulsar", "amazon_msk", "azure_event_hubs")
        return (0 if is_stream == streams else 1, TECHNOLOGIES.index(technology))

    return sorted(candidates, key=rank)[:2]


def landscape_advice(landscape: Landscape, flows: Sequence[Flow], winners: Sequence[str]) -> tuple[str, ...]:
    advice: list[str] = []
    n = landscape.systems
    links = n * (n - 1) // 2
    direct = [f for f, w in zip(flows, winners, strict=True) if w == POINT_TO_POINT]
    brokered = [f for f, w in zip(flows, winners, strict=True) if w != POINT_TO_POINT]
    connections = "connection" if links == 1 else "connections"
    advice.append(
        f"{n} systems could need up to {links} direct {connections} (n(n−1)/2); "
        f"{len(direct)} of the {len(flows)} {'flow' if len(flows) == 1 else 'flows'} "
        f"{'is' if len(direct) == 1 else 'are'} point-to-point."
    )
    if n >= HUB_SYSTEMS and len(direct) >= HUB_DIRECT_FLOWS:
        queries = sum(1 for f in direct if kind_of(f) == QUERY)
        advice.append(
            f"With {n} systems and {len(direct)} point-to-point flows, introduce a hub: an API gateway "
            f"in front of the query APIs ({queries} of them) and a broker or event backbone for the rest, "
            "so direct links stop multiplying."
        )
    if brokered:
        counts = {p: sum(1 for w in winners if w == p) for p in PATTERN_IDS if p != POINT_TO_POINT}
        backbone = technologies(landscape, brokered[0], EVENT_DRIVEN if counts[EVENT_DRIVEN] else MESSAGE_QUEUE)
        names = " or ".join(t.name for t in backbone[:2])
        flows_word = "flow" if len(brokered) == 1 else "flows"
        advice.append(
            f"Run the {len(brokered)} brokered {flows_word} on one backbone rather than one broker each: {names}."
        )
        if (
            _landscape_answer(landscape, "async_experience") == "none"
            and _landscape_answer(landscape, "operations") == "managed"
        ):
            advice.append(
                "The team has no asynchronous experience and no capacity to run brokers: choose managed "
                "services, not a self-run Kafka cluster, and start with one flow."
            )
    if any(getattr(landscape, f) == UNKNOWN for f in DEFAULT_LANDSCAPE if f != "systems"):
        advice.append("Some landscape answers were 'not sure': firm them up to raise the confidence.")
    return tuple(advice)
