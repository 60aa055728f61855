"""The landscape as the architecture-as-code exports see it: systems, brokers and the flows between them.

Mermaid, AsyncAPI and Backstage all draw the same picture, so who talks to
whom, which flows go through a broker and which broker carries them is
decided here once. A flow is brokered when the recommendation puts it on a
message queue or on events; a bulk transfer (no pattern fits) is not.
The broker of a flow is its first recommended technology that carries
messages (a queue, a router or a log), the one the results page lists first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from advisor.engine import Assessment, Flow, FlowResult, Recommendation
from advisor.engine.capabilities import CAPABILITIES
from advisor.engine.catalog import EVENT_DRIVEN, MESSAGE_QUEUE

# The parts a technology plays that carry messages; gateways, push services and operators do not.
CARRIER_ROLES: Final = ("queue", "router", "log")
SOURCE: Final = "Source"
_CAPABILITY_IDS: Final = {c.name: c.id for c in CAPABILITIES}


@dataclass(frozen=True, slots=True)
class Broker:
    key: str
    name: str
    # The capability id from the engine's table ("rabbitmq_queues"), or "" for a technology outside it.
    capability: str
    role: str


@dataclass(frozen=True, slots=True)
class Link:
    """One flow with its recommendation, the key every export names it by, and its broker if it has one."""

    flow: Flow
    result: FlowResult
    key: str
    broker: Broker | None

    @property
    def source(self) -> str:
        return self.flow.source or SOURCE

    @property
    def consumers(self) -> tuple[str, ...]:
        return self.flow.consumers

    @property
    def brokered(self) -> bool:
        return self.broker is not None


@dataclass(frozen=True, slots=True)
class Topology:
    systems: tuple[str, ...]
    brokers: tuple[Broker, ...]
    links: tuple[Link, ...]

    def neighbourhood(self, system: str) -> Topology:
        """The flows that `system` sends or receives, with only the systems and brokers they touch."""
        wanted = system.casefold()
        links = tuple(
            link
            for link in self.links
            if link.source.casefold() == wanted or any(c.casefold() == wanted for c in link.consumers)
        )
        return _topology(links)

    def system_named(self, name: str) -> str | None:
        wanted = name.casefold()
        return next((s for s in self.systems if s.casefold() == wanted), None)


def is_brokered(result: FlowResult) -> bool:
    return result.pattern in (MESSAGE_QUEUE, EVENT_DRIVEN) and result.fit != "weak"


def topology(assessment: Assessment, recommendation: Recommendation) -> Topology:
    keys = unique_keys(flow.name for flow in assessment.flows)
    brokers: dict[str, Broker] = {}
    links = []
    for flow, result, key in zip(assessment.flows, recommendation.flows, keys, strict=True):
        broker = None
        if is_brokered(result):
            carrier = next((t for t in result.technologies if t.role in CARRIER_ROLES), None)
            name = carrier.name if carrier else "Message broker"
            broker = brokers.setdefault(
                name,
                Broker(
                    key=slug(name)[:63].strip("-"),
                    name=name,
                    capability=_CAPABILITY_IDS.get(name, ""),
                    role=carrier.role if carrier else "queue",
                ),
            )
        links.append(Link(flow, result, key, broker))
    return _topology(tuple(links))


def _topology(links: tuple[Link, ...]) -> Topology:
    systems: dict[str, None] = {}
    brokers: dict[str, Broker] = {}
    for link in links:
        systems.update(dict.fromkeys([link.source, *link.consumers]))
        if link.broker is not None:
            brokers.setdefault(link.broker.key, link.broker)
    return Topology(tuple(systems), tuple(brokers.values()), links)


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: "Order placed" → "order-placed"; never empty."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "flow"


def unique_keys(names: Iterable[str], limit: int = 60) -> list[str]:
    """A slug per name, unique among them: a second "Order placed" becomes "order-placed-2"."""
    taken: set[str] = set()
    keys = []
    for name in names:
        base = slug(name)[:limit].strip("-") or "flow"
        key, n = base, 1
        while key in taken:
            n += 1
            key = f"{base[: limit - len(str(n)) - 1].strip('-')}-{n}"
        taken.add(key)
        keys.append(key)
    return keys


def pascal(key: str) -> str:
    """A slug as a message name: "order-placed" → "OrderPlaced"."""
    return "".join(part[:1].upper() + part[1:] for part in key.split("-"))


def sent_by(links: Sequence[Link], system: str) -> list[Link]:
    return [link for link in links if link.source == system]


def received_by(links: Sequence[Link], system: str) -> list[Link]:
    return [link for link in links if system in link.consumers and link.source != system]
