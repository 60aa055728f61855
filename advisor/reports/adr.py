"""The recommendation as architecture decision records in the MADR 4.0 layout (Markdown).

One decision per record: 0001 for the landscape (hub, backbone), then one per
flow. `adr.zip` holds them as numbered files with YAML front matter; `adr.md`
is the same records in one file, each record's metadata as a list.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date

from django.utils.text import slugify

from advisor import points
from advisor.assessments.presentation import answer_words, field_in_sentence, field_label
from advisor.engine import Assessment, Flow, FlowResult, Landscape, Recommendation
from advisor.engine.catalog import APPROACHES, FACTOR_IDS, FACTORS, PATTERN_IDS, PATTERNS, POINT_TO_POINT, label
from advisor.engine.landscape import HUB_SYSTEMS, needs_hub
from advisor.engine.wording import in_words, listed, plural

from .deliverable import flip_condition, flip_sentence, revisit_when
from .mermaid import landscape_mermaid, legend
from .topology import topology

# Characters that Markdown would read as markup (< and > would open HTML), escaped with a backslash.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~!<>])")
# An ampersand only when it would start a character reference ("&lt;", "&#60;"); "Shop & CRM" stays as typed.
_REFERENCE = re.compile(r"&(?=#?\w+;)")
# GitHub-flavoured Markdown links bare URLs (scheme://, www.) and e-mail addresses even without
# markup: an escaped colon or dot stops the first two, a zero-width space after @ the third.
_AUTOLINK_SCHEME = re.compile(r":(?=//)")
_AUTOLINK_WWW = re.compile(r"(?i)\b(www)\.")
_AUTOLINK_EMAIL = re.compile(r"@(?=\w)")
# A factor matters to a flow's options from this pressure up.
MATTERS = 0.4
STATUS = "proposed"
# The answers a flow record's context names, after its source and consumers.
CONTEXT_ANSWERS = ("interaction", "latency", "delivery", "ordering", "consumer_availability", "source_availability")


def escape(value: str) -> str:
    """User text as literal Markdown: no markup, no HTML, no links, one line."""
    flat = " ".join(value.split())
    flat = _MARKDOWN_SPECIAL.sub(r"\\\1", flat)
    flat = _REFERENCE.sub(r"\\&", flat)
    flat = _AUTOLINK_SCHEME.sub(r"\\:", flat)
    flat = _AUTOLINK_WWW.sub(r"\1\\.", flat)
    return _AUTOLINK_EMAIL.sub("@\u200b", flat)


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    number: int
    slug: str
    title: str
    date: date
    # The body after the title: context, drivers, options, outcome, consequences, confirmation.
    body: tuple[str, ...]

    @property
    def filename(self) -> str:
        return f"{self.number:04d}-{self.slug}.md"

    @property
    def metadata(self) -> tuple[tuple[str, str], ...]:
        """MADR's front matter: the people fields are for the team to fill in."""
        return (
            ("status", STATUS),
            ("date", self.date.isoformat()),
            ("decision-makers", "[]"),
            ("consulted", "[]"),
            ("informed", "[]"),
        )

    def markdown(self) -> str:
        front = ["---", *(f"{key}: {value}" for key, value in self.metadata), "---", ""]
        return "\n".join([*front, f"# {self.title}", "", *self.body, ""])


def decision_records(
    name: str,
    assessment: Assessment,
    recommendation: Recommendation,
    share_url: str,
    day: date,
    what_ifs: Sequence[tuple[str, ...]] = (),
) -> list[DecisionRecord]:
    """`what_ifs`: for each flow, the sentences of the what-ifs saved for it, cited in its Confirmation."""
    source = f"Made with the Integration Pattern Advisor {recommendation.engine_version} from <{share_url}>."
    records = [_landscape_record(name, assessment, recommendation, source, day)]
    evidence = list(what_ifs) or [()] * len(assessment.flows)
    for number_, (flow, result, saved) in enumerate(
        zip(assessment.flows, recommendation.flows, evidence, strict=True), 2
    ):
        records.append(_flow_record(number_, flow, result, assessment, source, day, saved))
    return records


def adr_zip(records: Sequence[DecisionRecord]) -> bytes:
    """The records as numbered files; fixed timestamps, so the same records give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for record in records:
            info = zipfile.ZipInfo(record.filename, date_time=(*record.date.timetuple()[:3], 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, record.markdown())
    return buffer.getvalue()


def adr_markdown(name: str, records: Sequence[DecisionRecord]) -> str:
    """All records in one file: a heading each (one level down), its metadata as a list, then its body."""
    lines = [f"# Integration decisions for {escape(name)}", ""]
    lines += [f"* {record.number:04d}: {record.title}" for record in records]
    lines.append("")
    for record in records:
        lines += [f"## {record.number:04d}: {record.title}", ""]
        lines += [f"* {key.replace('-', ' ').capitalize()}: {value}" for key, value in record.metadata]
        lines.append("")
        lines += ["#" + line if line.startswith("#") else line for line in record.body]
        lines.append("")
    return "\n".join(lines)


def _landscape_record(
    name: str, assessment: Assessment, recommendation: Recommendation, source: str, day: date
) -> DecisionRecord:
    landscape = assessment.landscape
    results = recommendation.flows
    direct = sum(r.pattern == POINT_TO_POINT for r in results)
    brokered = len(results) - direct
    hub = needs_hub(landscape.systems, direct)
    options = {
        "hub": "A hub: an API gateway for the direct calls and one broker or event backbone for the rest",
        "backbone": "One backbone: a single broker or event platform for every brokered flow",
        "direct": "Direct connections: each system calls the others it needs",
    }
    chosen = "hub" if hub else "backbone" if brokered else "direct"
    titles = {
        "hub": f"Connect the {plural(landscape.systems, 'system')} through a hub and one backbone",
        "backbone": f"Run {'the brokered flow' if brokered == 1 else f'the {brokered} brokered flows'} on one backbone",
        "direct": f"Connect the {plural(landscape.systems, 'system')} directly, without a hub",
    }
    because = {
        "hub": f"{plural(direct, 'point-to-point flow')} among {plural(landscape.systems, 'system')} would otherwise "
        f"grow towards {plural(landscape.systems * (landscape.systems - 1) // 2, 'direct connection')}",
        "backbone": f"{plural(brokered, 'flow')} {'needs' if brokered == 1 else 'need'} a broker, and one platform "
        "for it and the brokered flows to come means one set of conventions to run and monitor",
        "direct": "the landscape is small enough that a hub or broker would be more to run than it saves",
    }
    mix = ", ".join(f"{plural(recommendation.mix[p], 'flow')} {PATTERNS[p].short_name.lower()}" for p in PATTERN_IDS)
    body = [
        "## Context and Problem Statement",
        "",
        f"{escape(name)}: {plural(landscape.systems, 'system')} exchange data in {plural(len(results), 'flow')} "
        f"({mix}). How should the systems be connected as a whole?",
        "",
        source,
        "",
        "| Landscape | Answer |",
        "| --- | --- |",
        *(f"| {field_label(f.name)} | {escape(label(str(getattr(landscape, f.name))))} |" for f in fields(Landscape)),
        "",
        legend(),
        "",
        "```mermaid",
        *landscape_mermaid(topology(assessment, recommendation)).splitlines(),
        "```",
        "",
        "## Decision Drivers",
        "",
        *(f"* {escape(advice)}" for advice in recommendation.landscape_advice),
        "",
        "## Considered Options",
        "",
        *(f"* {options[key]}" for key in ("hub", "backbone", "direct")),
        "",
        "## Decision Outcome",
        "",
        f"Chosen option: “{options[chosen]}”, because {because[chosen]}.",
        "",
        "### Consequences",
        "",
        *_landscape_consequences(chosen),
        "",
        "### Confirmation",
        "",
        *_landscape_confirmation(recommendation, landscape, chosen),
        "",
    ]
    return DecisionRecord(1, slugify(titles[chosen])[:60].strip("-"), titles[chosen], day, tuple(body))


def _landscape_consequences(chosen: str) -> list[str]:
    good = {
        "hub": "each system connects once, to the hub, instead of to every other",
        "backbone": "one broker to run, secure and monitor, with one way to name, retry and trace messages",
        "direct": "no broker or gateway to run; each call is easy to follow",
    }
    bad = {
        "hub": "the gateway and the backbone are shared infrastructure: they need an owner, capacity and high "
        "availability",
        "backbone": "every brokered flow depends on that platform: an outage or a bad upgrade reaches all of them",
        "direct": "each new system adds a connection to every system it talks to: n(n−1)/2 as the landscape grows",
    }
    return [f"* Good, because {good[chosen]}.", f"* Bad, because {bad[chosen]}."]


def _landscape_confirmation(recommendation: Recommendation, landscape: Landscape, chosen: str) -> list[str]:
    said = []
    for flip in recommendation.landscape_flips:
        flows = ", ".join(escape(c.name) for c in flip.flows[:3]) + (" and more" if len(flip.flows) > 3 else "")
        said.append(f"* Revisit if {flip_condition(flip)}: {plural(len(flip.flows), 'flow')} would change ({flows}).")
    if chosen != "hub" and landscape.systems < HUB_SYSTEMS:
        said.append(f"* Revisit when the landscape reaches {HUB_SYSTEMS} systems: from there a hub pays off.")
    said.append(
        "* Review each new flow against this record: a flow that needs a broker joins the backbone, not a new one."
    )
    return said


def _flow_record(
    position: int,
    flow: Flow,
    result: FlowResult,
    assessment: Assessment,
    source: str,
    day: date,
    what_ifs: tuple[str, ...] = (),
) -> DecisionRecord:
    pattern = PATTERNS[result.pattern]
    ranked = sorted(PATTERN_IDS, key=lambda p: -result.scores[p])
    shown, margin, reasons = points.scores(result), points.in_words(points.margin(result)), points.reasons(result)
    weights = dict(assessment.weights)
    title = f"Use {pattern.name[0].lower()}{pattern.name[1:]} for “{escape(result.name)}”"
    unsure = listed([field_in_sentence(u) for u in result.unknowns]) or "the answers not given"
    if result.bulk:
        title = f"Move “{escape(result.name)}” as a bulk transfer"
        outcome = [
            f"Chosen option: “{APPROACHES['bulk_transfer'].name}”, because none of the three patterns fits a periodic "
            f"bulk transfer: {_lower_first(escape(reasons[0]))}"
            if reasons
            else f"Chosen option: “{APPROACHES['bulk_transfer'].name}”, because none of the three patterns fits it."
        ]
    elif not result.decided:
        title = f"Settle {unsure} before choosing a pattern for “{escape(result.name)}”"
        share = f"{round(100 * result.robustness[result.pattern])} %"
        outcome = [
            f"No option is chosen yet: no pattern wins two thirds of the plausible answers ({pattern.name} wins "
            f"{share} of them). Settle {unsure} first, then record the choice here."
        ]
    else:
        outcome = [
            f"Chosen option: “{pattern.name}”, because it scores {shown[result.pattern]} points and wins "
            f"by {margin} ({result.confidence} confidence): {_lower_first(escape(reasons[0]))}"
            if reasons
            else f"Chosen option: “{pattern.name}”, because it wins by {margin}."
        ]
    consumers = ", ".join(escape(c) for c in flow.consumers)
    body = [
        "## Context and Problem Statement",
        "",
        f"{escape(flow.source or 'Source')} → {consumers}. {_answers(flow)}. Which integration pattern should "
        "carry it?",
        "",
        source,
        "",
        "## Decision Drivers",
        "",
        *(
            f"* {FACTORS[f].name}: pressure {result.factors[f].pressure:.2f}, weight {weights.get(f, 1):g}"
            for f in _drivers(result)
        ),
        *([f"* Not sure: {', '.join(field_in_sentence(u) for u in result.unknowns)}"] if result.unknowns else []),
        "",
        "## Considered Options",
        "",
        *(f"* {PATTERNS[p].name} ({shown[p]} points)" for p in ranked),
        "",
        "## Decision Outcome",
        "",
        *outcome,
        "",
        *(f"* {escape(reason)}" for reason in reasons[1:]),
        "",
        "### Consequences",
        "",
        *_flow_consequences(result),
        "",
        "### Confirmation",
        "",
        *(f"* {escape(trigger)}" for trigger in revisit_when(result)),
        *(
            f"* Check in review that this is in place: {_lower_first(risk.mitigation)}"
            for risk in result.risks
            if risk.severity == "high"
        ),
        *(f"* Evidence: {escape(sentence)}" for sentence in what_ifs),
        "",
        "## Pros and Cons of the Options",
        "",
    ]
    for pattern_id in ranked:
        body += [f"### {PATTERNS[pattern_id].name}", "", PATTERNS[pattern_id].summary, ""]
        body += _pros_and_cons(result, pattern_id)
        body.append("")
    if result.flips:
        body += ["## More Information", "", *(f"* {escape(flip_sentence(f))}" for f in result.flips), ""]
    slug = slugify(result.name)[:50].strip("-") or f"flow-{position - 1}"
    return DecisionRecord(position, slug, title, day, tuple(body))


def _answers(flow: Flow) -> str:
    """The flow's main answers in a line: "interaction: query; latency: not sure; 20,000 messages a day; ..."."""
    said = [f"{field_in_sentence(f)}: {answer_words(flow, f)}" for f in CONTEXT_ANSWERS]
    said.insert(
        2,
        in_words(flow.volume_per_day, "{} messages a day", "messages a day")
        + ", "
        + in_words(flow.peak_factor, "peaks {}× the average", "peak factor"),
    )
    return _upper_first("; ".join(said))


def _drivers(result: FlowResult) -> list[str]:
    """The factors that press on this flow, strongest first (the strongest one at least)."""
    ranked = sorted(FACTOR_IDS, key=lambda f: -result.factors[f].pressure)
    return [f for f in ranked if result.factors[f].pressure >= MATTERS] or ranked[:1]


def _pros_and_cons(result: FlowResult, pattern_id: str) -> list[str]:
    """Per factor that matters here: Good where this option fits it best, Bad where worst, else Neutral."""
    said = []
    shown = points.contributions(result)
    for factor_id in _drivers(result):
        factor = FACTORS[factor_id]
        contributions = result.factors[factor_id].contributions
        mine, best, worst = contributions[pattern_id], max(contributions.values()), min(contributions.values())
        verdict = "Good" if mine == best and best > worst else "Bad" if mine == worst and best > worst else "Neutral"
        said.append(
            f"* {verdict}, because {factor.name.lower()} presses at {result.factors[factor_id].pressure:.2f} here: "
            f"{_lower_first(factor.pattern_fit[pattern_id])} ({shown[factor_id][pattern_id]} of its points)"
        )
    return said


def _flow_consequences(result: FlowResult) -> list[str]:
    good = [f"* Good, because {_lower_first(s)}" for s in PATTERNS[result.pattern].strengths]
    good += [
        f"* Good, because {t.name} fits: {_lower_first(t.why)}" + (f" Sizing: {t.sizing.summary}" if t.sizing else "")
        for t in result.technologies[:2]
    ]
    bad = [
        f"* Bad, because {_lower_first(r.risk)} Severity {r.severity}; {_lower_first(r.mitigation)}"
        for r in result.risks
    ]
    return good + bad


def _lower_first(text: str) -> str:
    """A sentence continued after "because": its first letter lowered, unless it starts an acronym (REST, API)."""
    return text if text[:2].isupper() else text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]
