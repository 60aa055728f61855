"""`manage.py recommend FILE`: the API's recommendation from a file, and a gate for CI pipelines.

FILE is an assessment (JSON or YAML, the API's request shape) or an inventory
(a YAML list or a CSV file, one flow per row). `--baseline` compares with an
earlier run; `--fail-on` makes the command exit 1 with a readable report when
a flow's pattern changed, its confidence is low, or flows were added or
removed; `--format junit` writes a JUnit XML report that CI systems display.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from argparse import ArgumentParser
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from django.core.management.base import BaseCommand, CommandError

from advisor.assessments.compare import Comparison, compare, comparison_lines, pattern_move_text, pattern_name
from advisor.assessments.presentation import flip_sentence
from advisor.engine import (
    Assessment,
    FlowResult,
    InvalidAssessment,
    Recommendation,
    recommend,
    recommendation_from_dict,
    recommendation_to_dict,
)
from advisor.engine.catalog import APPROACHES, FACTORS, PATTERNS
from advisor.engine.wording import percent, plural, whole
from advisor.inventory import UnreadableInventory, kind_of, load_inventory, parse_inventory

GATES: Final = ("changed", "low-confidence", "added", "removed")
# Gates that compare with an earlier run, so they need --baseline.
BASELINE_GATES: Final = ("changed", "added", "removed")
GATE_FAILED: Final = 1
BAD_INPUT: Final = 2


@dataclass(frozen=True, slots=True)
class Failure:
    flow: str
    gate: str
    message: str


class Command(BaseCommand):
    help = "Print the recommendation for an assessment or inventory file (FILE, or - for standard input)."
    # It reads a file and prints advice: no URL, template or database check applies, and they would load every
    # view (WeasyPrint among them) for each run of a CI gate.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="an assessment or inventory: JSON, YAML or CSV, or - for stdin")
        parser.add_argument("--format", choices=("json", "text", "junit"), default="json")
        parser.add_argument(
            "--baseline",
            help="an earlier run to compare with: its assessment or inventory, or this command's JSON output",
        )
        parser.add_argument(
            "--fail-on",
            default="",
            help=f"exit 1 when any of these hold (comma-separated): {', '.join(GATES)}",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        gates = _gates(options["fail_on"])
        if options["baseline"] is None and (needs := [g for g in gates if g in BASELINE_GATES]):
            raise CommandError(f"--fail-on {','.join(needs)} needs --baseline", returncode=BAD_INPUT)
        assessment = _read_assessment(options["file"], "file")
        recommendation = recommend(assessment)
        comparison = None
        if options["baseline"] is not None:
            comparison = _compare_with_baseline(options["baseline"], recommendation, assessment)
        failures = _failures(gates, recommendation, comparison)
        match options["format"]:
            case "json":
                self.stdout.write(json.dumps(recommendation_to_dict(recommendation), indent=2, ensure_ascii=False))
            case "text":
                self.stdout.write(as_text(recommendation))
            case "junit":
                self.stdout.write(as_junit(assessment, recommendation, comparison, failures))
        report = comparison_lines(comparison) if comparison is not None else []
        if failures:
            report.append(f"Gate failed ({', '.join(gates)}): {len(failures)} finding{'s' * (len(failures) != 1)}")
            report += [f"  {f.flow}: {f.message}" for f in failures]
        elif gates:
            report.append(f"Gate passed ({', '.join(gates)}).")
        if report:
            self.stderr.write("\n".join(report))
        if failures:
            sys.exit(GATE_FAILED)


def _gates(given: str) -> list[str]:
    gates = [g.strip() for g in given.split(",") if g.strip()]
    unknown = [g for g in gates if g not in GATES]
    if unknown:
        raise CommandError(
            f"--fail-on: unknown {', '.join(unknown)}; expected some of: {', '.join(GATES)}", returncode=BAD_INPUT
        )
    return gates


def _read_text(source: str, field: str) -> str:
    try:
        return sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"{field}: cannot read {source}: {error}", returncode=BAD_INPUT) from None


def _read_assessment(source: str, field: str) -> Assessment:
    text = _read_text(source, field)
    try:
        return parse_inventory(load_inventory(text, kind_of(source, text=text)))
    except UnreadableInventory as error:
        raise CommandError(f"{field}: {error}", returncode=BAD_INPUT) from None
    except InvalidAssessment as error:
        lines = "\n".join(f"  {e.field}: {e.message}" for e in error.errors)
        raise CommandError(
            f"invalid {'assessment' if field == 'file' else field}:\n{lines}", returncode=BAD_INPUT
        ) from None


def _compare_with_baseline(source: str, recommendation: Recommendation, assessment: Assessment) -> Comparison:
    """The baseline is this command's JSON output (results only) or an assessment (scored again here)."""
    text = _read_text(source, "baseline")
    try:
        loaded = load_inventory(text, kind_of(source, text=text))
    except UnreadableInventory as error:
        raise CommandError(f"baseline: {error}", returncode=BAD_INPUT) from None
    raw = loaded.request
    if isinstance(raw, dict) and "engine_version" in raw and "summary" in raw:
        try:
            earlier = recommendation_from_dict(raw)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise CommandError(
                f"baseline: reads as this command's JSON output but lacks {error}", returncode=BAD_INPUT
            ) from None
        return compare(earlier, recommendation, None, assessment)
    baseline = _read_assessment(source, "baseline")
    return compare(recommend(baseline), recommendation, baseline, assessment)


def _failures(gates: list[str], recommendation: Recommendation, comparison: Comparison | None) -> list[Failure]:
    failures: list[Failure] = []
    if comparison is not None and "changed" in gates:
        failures += [
            Failure(c.name, "changed", f"pattern changed: {pattern_move_text(c)}") for c in comparison.pattern_changes
        ]
    if "low-confidence" in gates:
        failures += [
            Failure(r.name, "low-confidence", f"low confidence in {pattern_name(r.pattern)}")
            for r in recommendation.flows
            if r.confidence == "low"
        ]
    if comparison is not None and "added" in gates:
        failures += [Failure(r.name, "added", f"added ({pattern_name(r.pattern)})") for r in comparison.added]
    if comparison is not None and "removed" in gates:
        failures += [Failure(r.name, "removed", f"removed (was {pattern_name(r.pattern)})") for r in comparison.removed]
    return failures


def as_text(recommendation: Recommendation) -> str:
    """What the results page shows, as plain text: the headline, reasons, risks, technologies with their sizing,
    remedies and limits, and what would change the answer."""
    lines = [recommendation.summary, ""]
    for flow in recommendation.flows:
        lines.append(f"{flow.name}: {_headline(flow)}")
        lines += [f"  - {reason}" for reason in flow.reasons]
        lines += [f"  risk ({r.severity}): {r.risk} → {r.mitigation}" for r in flow.risks]
        for technology in flow.technologies:
            lines.append(f"  technology: {technology.name} — {technology.why}")
            if technology.sizing is not None:
                lines.append(f"    sizing: {technology.sizing.summary}")
            lines += [f"    remedy: {remedy}" for remedy in technology.remedies]
            lines += [f"    limit: {limit.text} ({limit.source}, as of {limit.as_of})" for limit in technology.limits]
        lines += [f"  flip: {flip_sentence(flip)}" for flip in flow.flips]
        lines.append("")
    lines += ["Landscape:", *(f"  - {advice}" for advice in recommendation.landscape_advice)]
    lines.append(f"Engine {recommendation.engine_version}; factors: {', '.join(f.name for f in FACTORS.values())}")
    return "\n".join(lines)


def _headline(flow: FlowResult) -> str:
    """The pattern and how it is applied, or why there is none yet; the lead in the whole points pages show."""
    if flow.bulk:
        return f"bulk transfer — none of the three patterns fits ({flow.confidence} confidence)"
    name, share = PATTERNS[flow.pattern].name, percent(flow.robustness[flow.pattern])
    if not flow.decided:
        return f"undecided — {name} wins {share} of the plausible answers"
    ranked = sorted(flow.scores.values(), reverse=True)
    if flow.scores[flow.pattern] != ranked[0]:
        return f"{name} ({flow.confidence} confidence; wins {share} of the plausible answers)"
    lead = whole(ranked[0]) - whole(ranked[1])
    approach = APPROACHES[flow.approach].name.lower() if flow.approach in APPROACHES else ""
    return (
        f"{name}{f', {approach}' if approach else ''} ({flow.confidence} confidence; wins by {plural(lead, 'point')})"
    )


def as_junit(
    assessment: Assessment, recommendation: Recommendation, comparison: Comparison | None, failures: list[Failure]
) -> str:
    """One test case per flow (and per removed flow): a failure for each gate it trips, its advice as output."""
    by_flow: dict[str, list[Failure]] = {}
    for failure in failures:
        by_flow.setdefault(failure.flow, []).append(failure)
    suite_name = assessment.name or "Integration patterns"
    suites = ET.Element("testsuites", name="Integration Pattern Advisor")
    suite = ET.SubElement(suites, "testsuite", name=suite_name)
    cases = [(r.name, _advice(r)) for r in recommendation.flows]
    if comparison is not None:
        cases += [(r.name, f"Removed since the baseline (was {pattern_name(r.pattern)}).") for r in comparison.removed]
    for name, advice in cases:
        case = ET.SubElement(suite, "testcase", classname=suite_name, name=name)
        for failure in by_flow.pop(name, []):
            ET.SubElement(case, "failure", type=failure.gate, message=failure.message).text = failure.message
        ET.SubElement(case, "system-out").text = advice
    failed = sum(1 for case in suite if case.find("failure") is not None)
    for element in (suites, suite):
        element.set("tests", str(len(cases)))
        element.set("failures", str(failed))
        element.set("errors", "0")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"


def _advice(result: FlowResult) -> str:
    lines = [f"{PATTERNS[result.pattern].name}, {result.confidence} confidence (margin {result.margin:.1f})."]
    lines += [f"- {reason}" for reason in result.reasons]
    return "\n".join(lines)
