"""The recommendation as an architecture decision record in the MADR layout (Markdown)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from advisor.engine.catalog import FACTOR_IDS, FACTORS, PATTERN_IDS, PATTERNS, label

# Characters that Markdown would read as markup, and HTML that a renderer would run.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~!])")


def escape(value: str) -> str:
    """User text as literal Markdown: no markup, no HTML, one line."""
    flat = " ".join(value.split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


def adr_markdown(name: str, inputs: dict[str, Any], result: dict[str, Any], share_url: str, day: date) -> str:
    flows = list(zip(inputs["flows"], result["flows"], strict=True))
    weights = inputs.get("weights", {})
    lines = [
        f"# Integration patterns for {escape(name)}",
        "",
        "* Status: proposed",
        f"* Date: {day.isoformat()}",
        f"* Engine: Integration Pattern Advisor {result['engine_version']}",
        f"* Source: <{share_url}>",
        "",
        "## Context and Problem Statement",
        "",
        f"{inputs['landscape']['systems']} systems exchange data in {len(flows)} flows. How should each flow "
        "be integrated: point-to-point API calls, a message queue, or event-driven publish/subscribe?",
        "",
        "| Landscape | Answer |",
        "| --- | --- |",
        *(f"| {k.replace('_', ' ')} | {escape(label(str(v)))} |" for k, v in inputs["landscape"].items()),
        "",
        "## Decision Drivers",
        "",
        "The seven factors, with the pressure each put on the flows (0 = none, 1 = strong) and its weight:",
        "",
        "| Factor | Weight | " + " | ".join(escape(r["name"]) for _, r in flows) + " |",
        "| --- | --- | " + " | ".join("---" for _ in flows) + " |",
        *(
            f"| {FACTORS[f].name} | {weights.get(f, 1):g} | "
            + " | ".join(f"{r['factors'][f]['pressure']:.2f}" for _, r in flows)
            + " |"
            for f in FACTOR_IDS
        ),
        "",
        "## Considered Options",
        "",
    ]
    for pattern_id in PATTERN_IDS:
        pattern = PATTERNS[pattern_id]
        lines += [f"### {pattern.name}", "", pattern.summary, ""]
        lines += [f"* Good, because {s[0].lower()}{s[1:]}" for s in pattern.strengths]
        lines += [f"* Bad, because {w[0].lower()}{w[1:]}" for w in pattern.weaknesses]
        lines.append("")
    lines += ["## Decision Outcome", "", escape(result["summary"]), ""]
    for flow_in, flow in flows:
        pattern = PATTERNS[flow["pattern"]]
        consumers = ", ".join(escape(c) for c in flow_in["consumers"])
        lines += [
            f"### {escape(flow['name'])}: {pattern.name}",
            "",
            f"{escape(flow_in.get('source') or 'Source')} → {consumers} ({flow_in['interaction']}, "
            f"{label(flow_in['latency'])}). Chosen: **{pattern.name}**, by {flow['margin']:.1f} points "
            f"({flow['confidence']} confidence).",
            "",
            "| Pattern | Score |",
            "| --- | --- |",
            *(f"| {PATTERNS[p].short_name} | {flow['scores'][p]:.2f} |" for p in PATTERN_IDS),
            "",
            *(f"* {escape(reason)}" for reason in flow["reasons"]),
            "",
        ]
        if flow["technologies"]:
            lines += ["Technologies: " + "; ".join(f"{t['name']} ({t['why']})" for t in flow["technologies"]), ""]
        if flow["flips"]:
            lines += ["What would change it:", ""]
            lines += [
                f"* {f['field'].replace('_', ' ')}: {escape(label(str(f['from'])))} → "
                f"{escape(label(str(f['to'])))} would make it {PATTERNS[f['pattern']].short_name.lower()}"
                for f in flow["flips"]
            ]
            lines.append("")
    lines += ["## Consequences", ""]
    lines += [f"* {escape(advice)}" for advice in result["landscape_advice"]]
    lines += ["", "## Risks and Mitigations", ""]
    for _, flow in flows:
        for risk in flow["risks"]:
            lines.append(f"* {escape(flow['name'])}: {risk['risk']} Mitigation: {risk['mitigation']}")
    lines.append("")
    return "\n".join(lines)
