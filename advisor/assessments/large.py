"""The results page of a large landscape: flows grouped by system, a filter, a search, one neighbourhood drawn.

Up to FULL_FLOWS flows the page shows every flow in full, as it always did.
Beyond that (an inventory of hundreds of interfaces), it lists the systems
with what each sends, lets the reader filter by system and pattern and search
by name, shows in full only the flows that match once they are few, and
draws the landscape diagram for one system's neighbourhood rather than every
system at once. The filter is a plain GET form, so it works without script
and each filtered view has its own link.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Final

from advisor import charts
from advisor.engine.catalog import PATTERN_IDS

from .presentation import FlowView, ResultsView

# Up to this many flows the page shows every flow in full.
FULL_FLOWS: Final = 20
# A filter that matches at most this many flows shows them in full.
DETAILED_MAX: Final = 20
# At most this many matching flows are listed; a narrower filter shows the rest.
LISTED_MAX: Final = 100
# The factor profile draws at most this many flows' dots.
PROFILE_MAX: Final = 50
MAX_QUERY: Final = 120
SOURCE: Final = "Source"


@dataclass(frozen=True, slots=True)
class FlowFilter:
    system: str = ""
    pattern: str = ""
    text: str = ""

    @property
    def active(self) -> bool:
        return bool(self.system or self.pattern or self.text)

    def matches(self, flow: FlowView) -> bool:
        inputs = flow.inputs
        if self.system and self.system not in (inputs.source or SOURCE, *inputs.consumers):
            return False
        if self.pattern and flow.result.pattern != self.pattern:
            return False
        return not self.text or self.text.casefold() in flow.result.name.casefold()


@dataclass(frozen=True, slots=True)
class SystemGroup:
    system: str
    flows: tuple[FlowView, ...]

    @property
    def counts(self) -> list[tuple[str, int]]:
        """(pattern, how many of its flows) for each pattern it sends with."""
        found = [(p, sum(f.result.pattern == p for f in self.flows)) for p in PATTERN_IDS]
        return [(p, n) for p, n in found if n]


def is_large(view: ResultsView) -> bool:
    return len(view.recommendation.flows) > FULL_FLOWS


@dataclass(frozen=True)
class LargeResults:
    view: ResultsView
    asked: FlowFilter

    @classmethod
    def from_query(cls, view: ResultsView, query: Mapping[str, str]) -> LargeResults:
        """The filter from the page's query; a value that names nothing here is dropped, not an error."""
        systems = cls.systems_of(view)
        system = query.get("system", "").strip()
        found = next((s for s in systems if s.casefold() == system.casefold()), "") if system else ""
        pattern = query.get("pattern", "")
        text = " ".join(query.get("q", "").split())[:MAX_QUERY]
        return cls(view, FlowFilter(found, pattern if pattern in PATTERN_IDS else "", text))

    @staticmethod
    def systems_of(view: ResultsView) -> list[str]:
        seen: dict[str, None] = {}
        for flow in view.assessment.flows:
            seen.update(dict.fromkeys([flow.source or SOURCE, *flow.consumers]))
        return sorted(seen, key=str.casefold)

    @cached_property
    def systems(self) -> list[str]:
        return self.systems_of(self.view)

    @cached_property
    def matching(self) -> list[FlowView]:
        return [flow for flow in self.view.flows if self.asked.matches(flow)]

    @cached_property
    def listed(self) -> list[FlowView]:
        """The matching flows by the system that sends them (alphabetical), then in the inventory's order."""
        by_sender = sorted(self.matching, key=lambda f: ((f.inputs.source or SOURCE).casefold(), f.index))
        return by_sender[:LISTED_MAX]

    @property
    def hidden(self) -> int:
        return max(0, len(self.matching) - LISTED_MAX)

    @property
    def detailed_max(self) -> int:
        return DETAILED_MAX

    @property
    def detailed(self) -> list[FlowView]:
        """The flows shown in full: those that match, once a filter narrows them to a few."""
        return self.matching if self.asked.active and len(self.matching) <= DETAILED_MAX else []

    @cached_property
    def groups(self) -> list[SystemGroup]:
        """The listed flows by the system that sends them."""
        by_system: dict[str, list[FlowView]] = {}
        for flow in self.listed:
            by_system.setdefault(flow.inputs.source or SOURCE, []).append(flow)
        return [SystemGroup(s, tuple(by_system[s])) for s in sorted(by_system, key=str.casefold)]

    @cached_property
    def drawn_system(self) -> str:
        """The system whose neighbourhood the diagram draws: the one asked for, or the busiest."""
        if self.asked.system:
            return self.asked.system
        busy: dict[str, int] = {}
        for flow in self.view.assessment.flows:
            for name in (flow.source or SOURCE, *flow.consumers):
                busy[name] = busy.get(name, 0) + 1
        return max(self.systems, key=lambda s: (busy.get(s, 0), -self.systems.index(s)))

    @cached_property
    def neighbourhood(self) -> list[FlowView]:
        return [f for f in self.view.flows if FlowFilter(system=self.drawn_system).matches(f)]

    @property
    def profiled(self) -> list[FlowView]:
        """The flows the factor profile draws: those that match, or the first ones, PROFILE_MAX at most."""
        return (self.matching if self.asked.active else self.view.flows)[:PROFILE_MAX]

    def figures(self) -> dict[str, charts.Figure]:
        near = self.neighbourhood
        return {
            "landscape": charts.landscape_diagram([f.inputs for f in near], [f.result for f in near]),
            "profile": charts.factor_profile([f.result for f in self.profiled]),
            "growth": charts.connection_growth(self.view.systems),
        }
