"""The landscape as a Mermaid flowchart: systems and brokers as nodes, flows as arrows styled by pattern.

A point-to-point flow is one arrow from its source to each consumer; a brokered
flow goes through its broker (a cylinder), so the diagram shows which flows
share a broker. Arrows are coloured by pattern with the catalog's colours, and
every name the user typed is written as a quoted label with Mermaid's entity
codes, so no name can end a label or start markup.
"""

from __future__ import annotations

import re
from typing import Final

from advisor.engine.catalog import EVENT_DRIVEN, MESSAGE_QUEUE, PATTERN_IDS, PATTERNS, POINT_TO_POINT

from .topology import Link, Topology

# Characters that would end a quoted label, start an entity code, a Markdown string or HTML in it.
_SPECIAL: Final = re.compile(r"[#\"&<>`|\\]")
_ARROWS: Final = {POINT_TO_POINT: "-->", MESSAGE_QUEUE: "-->", EVENT_DRIVEN: "-.->"}
BULK_COLOUR: Final = "#6b6b6b"
# Arrows drawn for a bulk transfer: none of the three patterns fits it (catalog: approach bulk_transfer).
BULK: Final = "bulk"


def label(text: str) -> str:
    """User text as the inside of a quoted Mermaid label: one line, specials as #<code>; entity codes."""
    flat = " ".join(text.split())
    return _SPECIAL.sub(lambda m: f"#{ord(m.group())};", flat)


def landscape_mermaid(topology: Topology, title: str = "") -> str:
    ids = {system: f"s{n}" for n, system in enumerate(topology.systems, 1)}
    broker_ids = {broker.key: f"b{n}" for n, broker in enumerate(topology.brokers, 1)}
    lines = ["flowchart LR"]
    if title:
        lines.append(f'  title["{label(title)}"]:::title')
    lines += [f'  {ids[system]}["{label(system)}"]' for system in topology.systems]
    lines += [f'  {broker_ids[b.key]}[("{label(b.name)}")]' for b in topology.brokers]
    styles: dict[str, list[int]] = {}
    arrows = 0
    for link in topology.links:
        style = _style(link)
        name = label(link.result.name)
        source = ids[link.source]
        consumers = [ids[c] for c in link.consumers if c != link.source]
        if link.broker is not None:
            broker = broker_ids[link.broker.key]
            drawn = [f'  {source} {_ARROWS[style]}|"{name}"| {broker}']
            drawn += [f'  {broker} {_ARROWS[style]}|"{name}"| {consumer}' for consumer in consumers]
        else:
            arrow = "==>" if style == BULK else _ARROWS[style]
            drawn = [f'  {source} {arrow}|"{name}"| {consumer}' for consumer in consumers]
        lines += drawn
        styles.setdefault(style, []).extend(range(arrows, arrows + len(drawn)))
        arrows += len(drawn)
    lines += [
        "  classDef system fill:#ffffff,stroke:#333333,color:#1a1a1a",
        "  classDef broker fill:#f3f0e8,stroke:#7a5c00,color:#1a1a1a",
    ]
    if title:
        lines.append("  classDef title fill:none,stroke:none,font-weight:bold")
    if topology.systems:
        lines.append(f"  class {','.join(ids.values())} system")
    if topology.brokers:
        lines.append(f"  class {','.join(broker_ids.values())} broker")
    for style in (*PATTERN_IDS, BULK):
        if style in styles:
            colour = BULK_COLOUR if style == BULK else PATTERNS[style].colour
            numbers = ",".join(str(n) for n in styles[style])
            width = "4px" if style == BULK else "2px"
            lines.append(f"  linkStyle {numbers} stroke:{colour},stroke-width:{width},color:{colour}")
    return "\n".join(lines) + "\n"


def legend() -> str:
    """How to read the arrows: the sentence above the diagram in the landscape decision record."""
    return (
        "Solid arrows: point-to-point and message queue (through its broker, a cylinder); "
        "dotted arrows: event-driven; thick grey arrows: bulk transfers."
    )


def _style(link: Link) -> str:
    return BULK if link.result.fit == "weak" else link.result.pattern
