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

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .capabilities import CAPABILITIES, Capability, Sourced
from .catalog import POINT_TO_POINT, label
from .model import Limit, Sizing, TechnologyChoice
from .reasons import known
from .scoring import Answers
from .wording import number, plural

ORDER_RANK = {"none": 0, "per_key": 1, "global": 2}
# Sized so the peak uses at most this share of the units' capacity: the rest is headroom.
TARGET_UTILISATION = 0.7
# How long messages must be kept to survive what the answers imply, in hours: a consumer down for a
# maintenance window (a night, with a margin), one that is often offline (a long weekend), work due within
# hours, and a history consumers can replay (a week).
RETENTION_HOURS = {"always": 24, "maintenance_windows": 24, "often_offline": 72, "hours": 24, "replay": 168}
CLOUDS = ("aws", "azure", "gcp")
# Push notification services wake apps on phones; open browser sessions are reached over a persistent
# connection (WebSocket, Server-Sent Events) instead.
MOBILE_PUSH = ("firebase_cloud_messaging", "apple_push_notification_service")
SHOWN = 2


@dataclass(frozen=True, slots=True)
class Needs:
    """What a technology must do for this flow."""

    role: str
    ordering: str
    replay: bool
    size_kb: float
    peak_per_second: float
    peak_mb_per_second: float
    retention_hours: float


def needs_of(given: Answers, role: str) -> Needs:
    volume, peak, size = given["volume_per_day"], given["peak_factor"], given["message_size_kb"]
    per_second = volume / 86_400 * peak
    # Not sure whether order matters: choose what can keep it per key, the common need.
    ordering = known(given, "ordering") or "per_key"
    replay = known(given, "replay") == "yes"
    outage = known(given, "consumer_availability") or "often_offline"
    retention = max(
        RETENTION_HOURS[outage],
        RETENTION_HOURS["hours"] if known(given, "latency") == "hours" else 0,
        RETENTION_HOURS["replay"] if replay else 0,
    )
    return Needs(role, ordering, replay, size, per_second, per_second * size / 1024, retention)


def role_of(given: Answers, winner: str, approach: str) -> str:
    if approach == "bulk_transfer":
        return "bulk"
    if winner == POINT_TO_POINT:
        return "gateway"
    if approach == "event_log" or known(given, "replay") == "yes":
        return "log"
    return "router" if approach in ("event_router", "local_copy") else "queue"


def technologies(given: Answers, winner: str, approach: str) -> tuple[TechnologyChoice, ...]:
    role = role_of(given, winner, approach)
    backbone = _chosen(given, needs_of(given, role))
    receivers = known(given, "consumer_kind")
    if winner == POINT_TO_POINT or receivers not in ("device", "browser"):
        return backbone
    # The last hop to phones and browsers comes first: it is what reaches them; the backbone sits behind it.
    push = _chosen(given, needs_of(given, "push"), skip=() if receivers == "device" else MOBILE_PUSH)
    return push + backbone


def _chosen(given: Answers, needs: Needs, skip: tuple[str, ...] = ()) -> tuple[TechnologyChoice, ...]:
    platform = known(given, "platform") or "any"
    broker = known(given, "existing_broker") or "none"
    operations = known(given, "operations") or "managed"
    experience = known(given, "async_experience") or "some"
    able = [c for c in CAPABILITIES if needs.role in c.roles and c.id not in skip and _meets(c, needs)]
    existing = [c for c in able if broker in c.broker_ids]
    on_platform = [c for c in able if platform in c.platforms and c not in existing]
    if experience == "none":
        on_platform = [c for c in on_platform if not c.needs_experience] or on_platform

    def rank(capability: Capability) -> tuple[int, int, int, int]:
        run_by_us = operations == "self_hosted"
        return (
            0 if capability.managed != run_by_us else 1,
            int(capability.needs_experience and experience != "strong"),
            _units(capability, needs),
            CAPABILITIES.index(capability),
        )

    picked = existing[:1] + sorted(on_platform, key=rank)[: SHOWN - min(1, len(existing))]
    choices = [_choice(c, needs, c in existing) for c in picked]
    if needs.role != "gateway" and not any(c.managed for c in picked) and operations == "managed" and not existing:
        choices.append(_who_operates(platform, needs))
    return tuple(choices)


def _meets(capability: Capability, needs: Needs) -> bool:
    if ORDER_RANK[capability.ordering] < ORDER_RANK[needs.ordering]:
        return False
    if needs.replay and needs.role == "log" and not capability.replay:
        return False
    if needs.ordering == "global" and capability.ordered_messages_per_second is not None:
        # One ordered group carries everything: it must take the whole peak.
        return capability.ordered_messages_per_second.value >= needs.peak_per_second
    return True


def _units(capability: Capability, needs: Needs) -> int:
    """How many of the technology's units the peak needs, with headroom; 1 when it scales by itself."""
    wanted = [
        needs.peak_per_second / (TARGET_UTILISATION * per_unit.value)
        for per_unit in (capability.unit_messages_per_second,)
        if per_unit is not None
    ]
    wanted += [
        needs.peak_mb_per_second / (TARGET_UTILISATION * per_unit.value)
        for per_unit in (capability.unit_mb_per_second,)
        if per_unit is not None
    ]
    return max(1, *(math.ceil(w) for w in wanted)) if wanted else 1


def _sizing(capability: Capability, needs: Needs) -> Sizing | None:
    if capability.unit_messages_per_second is None and capability.unit_mb_per_second is None:
        return None
    units = _units(capability, needs)
    used = [
        needs.peak_per_second / (units * capability.unit_messages_per_second.value)
        if capability.unit_messages_per_second
        else 0.0,
        needs.peak_mb_per_second / (units * capability.unit_mb_per_second.value)
        if capability.unit_mb_per_second
        else 0.0,
    ]
    headroom = round(1 - max(used), 3)
    peak = round(needs.peak_per_second, 3)
    summary = (
        f"{plural(units, capability.unit)} for a peak of {number(round(peak, 2))} messages/s "
        f"({number(round(needs.peak_mb_per_second, 3))} MB/s), {round(headroom * 100)} % headroom; keep "
        f"messages {plural(int(needs.retention_hours), 'hour')} to ride out the longest outage the answers imply."
    )
    return Sizing(
        capability.unit,
        units,
        peak,
        round(needs.peak_mb_per_second, 4),
        headroom,
        needs.retention_hours,
        summary,
    )


def _choice(capability: Capability, needs: Needs, existing: bool) -> TechnologyChoice:
    why = capability.good_at
    if existing:
        why = f"You already run it; {why[0].lower()}{why[1:]}"
    if needs.ordering != "none" and capability.ordering != "none":
        why += (
            f" Keeps order {'per key' if capability.ordering == 'per_key' else 'globally'} ({capability.ordering_how})."
        )
    remedies = []
    if capability.max_message is not None and needs.size_kb > capability.max_message.value:
        remedies.append(
            f"Messages of {number(needs.size_kb)} KB exceed its {number(capability.max_message.value)} KB limit: "
            "use a claim check — store the payload in object storage and send a reference to it."
        )
    units = _units(capability, needs)
    if units > 1:
        remedies.append(f"Spread the load over {plural(units, capability.unit)} by key.")
    return TechnologyChoice(
        name=capability.name,
        why=why,
        role=needs.role,
        sizing=_sizing(capability, needs),
        limits=tuple(_limit(s) for s in _limits_that_matter(capability, needs)),
        remedies=tuple(remedies),
    )


def _limits_that_matter(capability: Capability, needs: Needs) -> Sequence[Sourced]:
    shown = [
        s
        for s in (
            capability.max_message,
            capability.unit_messages_per_second,
            capability.unit_mb_per_second,
            capability.ordered_messages_per_second if needs.ordering != "none" else None,
            capability.retention,
            capability.max_wait,
        )
        if s is not None
    ]
    return [*shown, *capability.limits]


def _limit(sourced: Sourced) -> Limit:
    what = f" ({sourced.note})" if sourced.note else ""
    return Limit(
        f"{number(sourced.value)} {sourced.unit}{what}", sourced.source.title, sourced.source.url, sourced.source.as_of
    )


def _who_operates(platform: str, needs: Needs) -> TechnologyChoice:
    """Nothing managed plays this part here: say who would run it, and the clouds' managed options."""
    managed = [
        next((c.name for c in CAPABILITIES if needs.role in c.roles and c.managed and cloud in c.platforms), "")
        for cloud in CLOUDS
    ]
    alternatives = ", ".join(name for name in managed if name)
    if platform == "any":
        return TechnologyChoice(
            "A managed service on your cloud",
            f"With no platform chosen and nobody to run it, prefer a managed one: {alternatives}.",
            "operator",
        )
    return TechnologyChoice(
        "Someone to operate it",
        f"On {label(platform)} nobody runs it for you: the team takes it on, or uses a cloud's managed service "
        f"({alternatives}).",
        "operator",
    )
