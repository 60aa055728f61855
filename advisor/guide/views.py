"""Pages that teach the trade-offs: patterns, factors, use cases. All words come from the catalog."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from advisor import charts
from advisor.assessments.presentation import ResultsView
from advisor.engine import parse_assessment, recommend
from advisor.engine.answers import FLOW_CHOICES, LANDSCAPE_CHOICES
from advisor.engine.capabilities import CAPABILITIES
from advisor.engine.catalog import (
    FACTOR_IDS,
    FACTORS,
    PATTERN_IDS,
    PATTERN_ROLES,
    PATTERNS,
    label,
)
from advisor.engine.presets import USE_CASES
from advisor.engine.scoring import drivers_of
from advisor.htmx import HtmxHttpRequest

from .fits import factor_fit_rows, fit_chart
from .technologies import TechnologyRow

# The demo flow on /factors/: one answer moves, the rest stay as they are.
DEMO_DEFAULTS: dict[str, str] = {
    "interaction": "command",
    "latency": "seconds",
    "consumer_availability": "always",
    "delivery": "no_loss",
    "fan_out": "1",
    "growth": "none",
    "systems": "4",
}
DEMO_FAN_OUTS = ("1", "2", "3", "5", "10")
DEMO_SYSTEMS = ("2", "4", "6", "10", "20", "50")


@require_safe
def landing(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "guide/landing.html",
        {"use_cases": USE_CASES.values(), "patterns": PATTERNS.values(), "factors": FACTORS.values()},
    )


@require_safe
def patterns(request: HttpRequest) -> HttpResponse:
    rows = factor_fit_rows()
    stories = [(case, recommend(parse_assessment(case.assessment))) for case in USE_CASES.values()]
    return render(
        request,
        "guide/patterns.html",
        {
            "patterns": PATTERNS.values(),
            "rows": rows,
            "stories": stories,
            "figure": fit_chart(rows),
        },
    )


@require_safe
def pattern(request: HttpRequest, slug: str) -> HttpResponse:
    found = PATTERNS.get(slug.replace("-", "_")) if "_" not in slug else None
    if found is None:
        raise Http404("No such pattern")
    roles = PATTERN_ROLES[found.id]
    technologies = [TechnologyRow(c, roles) for c in CAPABILITIES if set(c.roles) & set(roles)]
    strong = [(FACTORS[f], fits[found.id]) for f, fits, best in factor_fit_rows() if best == found.id]
    examples = [
        (case, flow["name"])
        for case in USE_CASES.values()
        for flow, expected in zip(case.assessment["flows"], case.expected, strict=True)
        if expected == found.id
    ]
    return render(
        request,
        "guide/pattern.html",
        {
            "pattern": found,
            "technologies": technologies,
            "strong": strong,
            "examples": examples,
            "others": [p for p in PATTERNS.values() if p.id != found.id],
        },
    )


def _factor_sections() -> dict[str, Any]:
    """Each factor with its fits, best pattern and drivers, and the fit chart: all from the engine."""
    rows = factor_fit_rows()
    return {
        "factors": [(FACTORS[f], fits, best, drivers_of(f)) for f, fits, best in rows],
        "figure": fit_chart(rows),
    }


@require_safe
def factors(request: HttpRequest) -> HttpResponse:
    context = {"demo": _demo(DEMO_DEFAULTS), "answers": DEMO_DEFAULTS, **_demo_choices(), **_factor_sections()}
    return render(request, "guide/factors.html", context)


def _demo_choices() -> dict[str, Any]:
    return {
        "choice_sets": [
            ("interaction", "Interaction", [(v, label(v)) for v in FLOW_CHOICES["interaction"]]),
            ("latency", "Latency", [(v, label(v)) for v in FLOW_CHOICES["latency"]]),
            (
                "consumer_availability",
                "Consumer availability",
                [(v, label(v)) for v in FLOW_CHOICES["consumer_availability"]],
            ),
            ("delivery", "Delivery", [(v, label(v)) for v in FLOW_CHOICES["delivery"]]),
            ("fan_out", "Consumers", [(v, v) for v in DEMO_FAN_OUTS]),
            ("growth", "Growth", [(v, label(v)) for v in LANDSCAPE_CHOICES["growth"]]),
            ("systems", "Systems", [(v, v) for v in DEMO_SYSTEMS]),
        ],
    }


def _demo(answers: dict[str, str]) -> dict[str, Any]:
    fan_out = int(answers["fan_out"])
    flow = {
        "name": "Demo flow",
        "interaction": answers["interaction"],
        "latency": answers["latency"],
        "consumer_availability": answers["consumer_availability"],
        "delivery": answers["delivery"],
        "consumers": [f"Consumer {i + 1}" for i in range(fan_out)],
    }
    assessment = parse_assessment(
        {"landscape": {"systems": int(answers["systems"]), "growth": answers["growth"]}, "flows": [flow]}
    )
    result = recommend(assessment).flows[0]
    return {"result": result, "figure": charts.demo_scores(result.scores)}


@require_safe
@vary_on_headers("HX-Request")  # the same URL answers a fragment to htmx and a page to a browser
def factor_demo(request: HtmxHttpRequest) -> HttpResponse:
    answers = dict(DEMO_DEFAULTS)
    allowed = {name: {v for v, _ in options} for name, _, options in _demo_choices()["choice_sets"]}
    errors = []
    for name, values in allowed.items():
        value = request.GET.get(name, answers[name])
        if value in values:
            answers[name] = value
        else:
            errors.append(name)
    demo = _demo(answers)
    template = "partials/factor_demo.html" if request.htmx else "guide/factors.html"
    context: dict[str, Any] = {"demo": demo, "answers": answers, "demo_errors": errors, **_demo_choices()}
    if not request.htmx:
        context |= _factor_sections()
    return render(request, template, context, status=400 if errors else 200)


@require_safe
def limits(request: HttpRequest) -> HttpResponse:
    """Every sourced limit in the capability table, with the page it was read from and when."""
    return render(request, "guide/limits.html", {"technologies": [TechnologyRow(c, ()) for c in CAPABILITIES]})


@require_safe
def use_cases(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/use_cases.html", {"use_cases": USE_CASES.values()})


@require_safe
def use_case(request: HttpRequest, slug: str) -> HttpResponse:
    case = USE_CASES.get(slug)
    if case is None:
        raise Http404("No such use case")
    assessment = parse_assessment(case.assessment)
    view = ResultsView(assessment, recommend(assessment))
    return render(
        request,
        "guide/use_case.html",
        {
            "case": case,
            "view": view,
            "result": view.recommendation,
            "figure": view.figures()["landscape"],
            "patterns": PATTERNS,
            "pattern_ids": PATTERN_IDS,
            "factor_ids": FACTOR_IDS,
        },
    )
