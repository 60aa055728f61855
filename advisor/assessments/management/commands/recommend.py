"""`manage.py recommend FILE.json`: the API's recommendation from a file, for CI pipelines."""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from advisor import points
from advisor.assessments.presentation import flip_sentence
from advisor.engine import InvalidAssessment, Recommendation, parse_assessment, recommend, recommendation_to_dict
from advisor.engine.catalog import FACTORS, PATTERNS
from advisor.json_input import UnreadableJson, load_json


class Command(BaseCommand):
    help = "Print the recommendation for an assessment file (FILE, or - for standard input)."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="assessment JSON in the API's request shape, or - for stdin")
        parser.add_argument("--format", choices=("json", "text"), default="json")

    def handle(self, *args: Any, **options: Any) -> None:
        source = options["file"]
        try:
            text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"file: cannot read {source}: {error}", returncode=2) from None
        try:
            assessment = parse_assessment(load_json(text))
        except UnreadableJson as error:
            raise CommandError(f"body: {error}", returncode=2) from None
        except InvalidAssessment as error:
            lines = "\n".join(f"  {e.field}: {e.message}" for e in error.errors)
            raise CommandError(f"invalid assessment:\n{lines}", returncode=2) from None
        recommendation = recommend(assessment)
        if options["format"] == "json":
            self.stdout.write(json.dumps(recommendation_to_dict(recommendation), indent=2, ensure_ascii=False))
        else:
            self.stdout.write(as_text(recommendation))


def as_text(recommendation: Recommendation) -> str:
    lines = [recommendation.summary, ""]
    for flow in recommendation.flows:
        pattern = PATTERNS[flow.pattern].name
        lines.append(
            f"{flow.name}: {pattern} (wins by {points.in_words(points.margin(flow))}, {flow.confidence} confidence)"
        )
        lines += [f"  - {reason}" for reason in points.reasons(flow)]
        lines += [f"  risk: {r.risk} → {r.mitigation}" for r in flow.risks]
        if flow.technologies:
            lines.append("  technologies: " + ", ".join(t.name for t in flow.technologies))
        lines += [f"  flip: {flip_sentence(flip)}" for flip in flow.flips]
        lines.append("")
    lines += ["Landscape:", *(f"  - {advice}" for advice in recommendation.landscape_advice)]
    lines.append(f"Engine {recommendation.engine_version}; factors: {', '.join(f.name for f in FACTORS.values())}")
    return "\n".join(lines)
