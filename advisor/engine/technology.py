"""Technologies that fit a flow's pattern on the team's platform."""

from __future__ import annotations

from .catalog import POINT_TO_POINT, TECHNOLOGIES, Technology, label
from .model import TechnologyChoice
from .reasons import known, needs_log
from .scoring import Answers


def technologies(given: Answers, winner: str, approach: str) -> tuple[TechnologyChoice, ...]:
    """Reuse a fitting existing broker first, then the platform's managed services."""
    streams = bool(needs_log(given))
    platform = known(given, "platform") or "any"
    broker = known(given, "existing_broker") or "none"
    operations = known(given, "operations") or "managed"
    experience = known(given, "async_experience") or "some"
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
