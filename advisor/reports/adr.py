"""The recommendation as an architecture decision record in the MADR layout (Markdown)."""

from __future__ import annotations

import re
from dataclasses import fields
from datetime import date

from advisor.assessments.presentation import flip_sentence
from advisor.engine import Assessment, Landscape, Recommendation
from advisor.engine.catalog import FACTOR_IDS, FACTORS, PATTERN_IDS, PATTERNS, label

# Characters that Markdown would read as markup, and HTML that a renderer would run.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~!])")
# GitHub-flavoured Markdown links bare URLs (scheme://, www.) and e-mail addresses even without
# markup: an escaped colon or dot stops the first two, a zero-width space after @ the third.
_AUTOLINK_SCHEME = re.compile(r":(?=//)")
_AUTOLINK_WWW = re.compile(r"(?i)\b(www)\.")
_AUTOLINK_EMAIL = re.compile(r"@(?=\w)")


def escape(value: str) -> str:
    """User text as literal Markdown: no markup, no HTML, one line."""
    flat = " ".join(value.split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
    flat = _AUTOLINK_SCHEME.sub(r"\\:", flat)
    flat = _AUTOLINK_WWW.sub(r"\1\\.", flat)
    return _AUTOLINK_EMAIL.sub("@\u200b", flat)


def adr_markdown(name: str, assessment: Assessment, recommendation: Recommendation, share_url: str, day: date) -> str:
    flows = list(zip(assessment.flows, recommendation.flows, strict=True))
    weights = dict(assessment.weights)
    landscape = assessment.landscape
    lines = [
        f"# Integration patterns for {escape(name)}",
        "",
        "* Status: proposed",
        f"* Date: {day.isoformat()}",
        f"* Engine: Integration Pattern Advisor {recommendation.engine_version}",
        f"* Source: <{share_url}>",
        "",
        "## Context and Problem Statement",
        "",
        f"{landscape.systems} systems exchange data in {len(flows)} flows. How should each flow "
        "be integrated: point-to-point API calls, a message queue, or event-driven publish/subscribe?",
        "",
        "| Landscape | Answer |",
        "| --- | --- |",
        *(
            f"| {f.name.replace('_', ' ')} | {escape(label(str(getattr(landscape, f.name))))} |"
            for f in fields(Landscape)
        ),
        "",
        "## Decision Drivers",
        "",
        "The seven factors, with the pressure each put on the flows (0 = none, 1 = strong) and its weight:",
        "",
        "| Factor | Weight | " + " | ".join(escape(r.name) for _, r in flows) + " |",
        "| --- | --- | " + " | ".join("---" for _ in flows) + " |",
        *(
            f"| {FACTORS[f].name} | {weights.get(f, 1):g} | "
            + " | ".join(f"{r.factors[f].pressure:.2f}" for _, r in flows)
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
    lines += ["## Decision Outcome", "", escape(recommendation.summary), ""]
    for flow, result in flows:
        pattern = PATTERNS[result.pattern]
        consumers = ", ".join(escape(c) for c in flow.consumers)
        lines += [
            f"### {escape(result.name)}: {pattern.name}",
            "",
            f"{escape(flow.source or 'Source')} → {consumers} ({flow.interaction}, "
            f"{label(flow.latency)}). Chosen: **{pattern.name}**, by {result.margin:.1f} points "
            f"({result.confidence} confidence).",
            "",
            "| Pattern | Score |",
            "| --- | --- |",
            *(f"| {PATTERNS[p].short_name} | {result.scores[p]:.2f} |" for p in PATTERN_IDS),
            "",
            *(f"* {escape(reason)}" for reason in result.reasons),
            "",
        ]
        if result.technologies:
            lines += ["Technologies:", ""]
            for technology in result.technologies:
                lines.append(f"* {technology.name}: {technology.why}")
                if technology.sizing:
                    lines.append(f"  Sizing: {technology.sizing.summary}")
                lines += [f"  {remedy}" for remedy in technology.remedies]
            lines.append("")
        if result.flips:
            lines += ["What would change it:", ""]
            lines += [f"* {escape(flip_sentence(f))}" for f in result.flips]
            lines.append("")
    lines += ["## Consequences", ""]
    lines += [f"* {escape(advice)}" for advice in recommendation.landscape_advice]
    lines += ["", "## Risks and Mitigations", ""]
    for _, result in flows:
        for risk in result.risks:
            lines.append(f"* {escape(result.name)}: {risk.risk} Mitigation: {risk.mitigation}")
    lines.append("")
    return "\n".join(lines)
