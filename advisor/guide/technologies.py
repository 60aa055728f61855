"""The capability table as the guide pages show it: one row per technology, its limits with their sources."""

from __future__ import annotations

from dataclasses import dataclass

from advisor.engine.capabilities import Capability, Sourced
from advisor.engine.catalog import ROLES, label
from advisor.engine.wording import listed, number

SELF_RUN_PLATFORMS = ("kubernetes", "on_premises", "any")
ORDER = {"none": "no order", "per_key": "per key", "global": "across all messages"}
DELIVERY = {"at_most_once": "at most once", "at_least_once": "at least once", "exactly_once": "exactly once"}


@dataclass(frozen=True)
class SourcedFigure:
    what: str
    figure: str
    source: str
    url: str
    as_of: str


@dataclass(frozen=True)
class TechnologyRow:
    capability: Capability
    # The roles the page is about; empty for every role.
    roles: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.capability.name

    @property
    def parts(self) -> str:
        shown = [r for r in self.capability.roles if not self.roles or r in self.roles]
        return listed([ROLES[r] for r in shown])

    @property
    def runs_on(self) -> str:
        platforms = self.capability.platforms
        if not self.capability.managed:
            return "run it yourself: anywhere, Kubernetes or on premises"
        clouds = [label(p) for p in platforms if p not in SELF_RUN_PLATFORMS]
        if len(clouds) > 1:
            return "managed, used from any platform"
        return f"managed on {listed(clouds)}"

    @property
    def order(self) -> str:
        how = f" ({self.capability.ordering_how})" if self.capability.ordering_how else ""
        return ORDER[self.capability.ordering] + how

    @property
    def delivery(self) -> str:
        """The delivery guarantees it offers: "at least once or exactly once"."""
        return listed([DELIVERY[d] for d in self.capability.delivery], "or")

    @property
    def largest_message(self) -> str:
        largest = self.capability.max_message
        return "not documented" if largest is None else f"{number(largest.value)} KB"

    @property
    def figures(self) -> list[SourcedFigure]:
        c = self.capability
        named: list[tuple[str, Sourced | None]] = [
            ("Largest message", c.max_message),
            (f"Messages per {c.unit}", c.unit_messages_per_second),
            (f"Throughput per {c.unit}", c.unit_mb_per_second),
            ("Messages per ordered group", c.ordered_messages_per_second),
            ("Throughput per ordered group", c.ordered_mb_per_second),
            ("Longest retention", c.retention),
            ("Longest wait for an answer", c.max_wait),
            (f"Reads per {c.unit}, shared by its consumers", c.read_mb_per_second),
            (f"Reads per {c.unit} for each consumer of its own", c.dedicated_read_mb_per_second),
            ("Messages per unit without batching", c.unbatched_messages_per_second),
            ("Retries to an HTTP endpoint for", c.http_retry),
            *(("", s) for s in c.limits),
        ]
        figures = [
            SourcedFigure(
                what or s.note,
                f"{number(s.value)} {s.unit}" + (f" ({s.note})" if what and s.note else ""),
                s.source.title,
                s.source.url,
                s.source.as_of,
            )
            for what, s in named
            if s is not None
        ]
        facts = [SourcedFigure(f.text, "", f.source.title, f.source.url, f.source.as_of) for f in c.facts]
        return figures + facts

    @property
    def as_of(self) -> str:
        """The oldest date among its figures: how fresh the row is at worst."""
        return min(f.as_of for f in self.figures)
