"""What each integration technology can do, and its limits, with the page each number was read from.

The technology advice selects from this table by the flow's requirements
(ordering, delivery, replay, message size, peak rate) and sizes the choice
from its per-unit throughput. Limits change: this table is the one place to
update them, and every number carries its source and the date it was read
(`as_of`), which the guide's limits page shows.

Vocabulary
- roles: "queue" (work for one consumer), "router" (publish/subscribe fan-out
  of discrete events), "log" (a retained, replayable stream), "gateway"
  (request/response in front of APIs), "push" (the last hop to phones and
  browser sessions), "bulk" (files and large payloads: batch, claim check).
- platforms: the `platform` answers it runs on: "aws", "azure", "gcp",
  "kubernetes", "on_premises", "any".
- ordering: the strongest order it keeps: "none", "per_key" or "global".
- delivery: what it guarantees: "at_most_once", "at_least_once",
  "exactly_once" (within the service, e.g. transactions or FIFO
  deduplication).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class Source:
    title: str
    url: str
    # ISO date on which the figure was read from the page.
    as_of: str


@dataclass(frozen=True, slots=True)
class Sourced:
    """A number and where it comes from."""

    value: float
    # "KB", "MB/s", "messages/s", "hours", "seconds", "units".
    unit: str
    source: Source
    # What the number counts, when the unit alone does not say ("writes per shard", "with batching").
    note: str = ""


@dataclass(frozen=True, slots=True)
class Capability:
    id: str
    # The product's own name, as its vendor writes it.
    name: str
    roles: tuple[str, ...]
    platforms: tuple[str, ...]
    # A vendor runs it (a managed service), or the team does.
    managed: bool
    # `existing_broker` answers that mean the team already runs it.
    broker_ids: tuple[str, ...]
    ordering: str
    # How order is kept, in the vendor's words: "message group ID", "partition key", "sessions".
    ordering_how: str
    delivery: tuple[str, ...]
    # Consumers can re-read messages they have already consumed.
    replay: bool
    # The longest a message can be kept, in hours; None when it is only bounded by storage.
    retention: Sourced | None
    # The largest message, in KB; None when no limit is documented.
    max_message: Sourced | None
    # What scales: "shard", "partition", "throughput unit", "queue", ...
    unit: str
    # Throughput of one unit: messages and megabytes written per second; None when not documented.
    unit_messages_per_second: Sourced | None
    unit_mb_per_second: Sourced | None
    # Throughput within one ordering key or group when order is kept; None when it is not limited apart.
    ordered_messages_per_second: Sourced | None
    # How long a caller may wait for an answer (gateways); None when not relevant.
    max_wait: Sourced | None
    # What the bill grows with: "per request", "per shard-hour", "per broker-hour", "servers you run".
    cost_shape: str
    good_at: str
    # Partitions, offsets and rebalancing: worth it only for a team at ease with asynchronous systems.
    needs_experience: bool
    # Other limits worth showing beside the advice (each with its own source).
    limits: tuple[Sourced, ...] = ()
    # Bytes within one ordering key or group when order is kept, for vendors that state it in MB/s
    # (a Pub/Sub ordering key, a Kinesis shard, a Kafka partition); None when not documented.
    ordered_mb_per_second: Sourced | None = None


CAPABILITIES: Final[tuple[Capability, ...]] = ()
