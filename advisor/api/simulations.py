"""POST /api/v1/simulations and /api/v1/simulations/landscape: what each pattern does through an outage."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpResponse
from ninja import Router

from advisor.engine import InvalidAssessment, recommend
from advisor.engine.model import Assessment
from advisor.engine.simulation import LandscapeSimulation, PatternOutcome, Simulation, simulate, simulate_landscape
from advisor.engine.whatif_parse import parse_landscape_whatif, parse_simulation
from advisor.htmx import HtmxHttpRequest
from advisor.limits import too_many, wait_to_simulate

from .simulation_schemas import LandscapeWhatIfIn, LandscapeWhatIfOut, SimulationIn, SimulationOut

router = Router(tags=["what if"])
# Two decimals are more than any count or minute needs, and keep 13,000 series values small.
DECIMALS = 2


def _body(model: str) -> dict[str, Any]:
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{model}"}}},
        }
    }


def _invalid(invalid: InvalidAssessment) -> Exception:
    from .routes import BadRequest

    return BadRequest(
        422, "The what-if has invalid fields.", [{"field": e.field, "message": e.message} for e in invalid.errors]
    )


def _figure(value: float) -> float:
    return round(value, DECIMALS) + 0.0


def outcome_to_dict(outcome: PatternOutcome) -> dict[str, Any]:
    return {
        "arrived": _figure(outcome.arrived),
        "delivered": _figure(outcome.delivered),
        "lost": _figure(outcome.lost),
        "queued_at_end": _figure(outcome.queued_at_end),
        "max_backlog": _figure(outcome.max_backlog),
        "max_delay_minutes": _figure(outcome.max_delay_minutes),
        "p95_delay_minutes": _figure(outcome.p95_delay_minutes),
        "drain_minutes": None if outcome.drain_minutes is None else _figure(outcome.drain_minutes),
        "drain_minutes_per_outage": [
            {
                "of": drain.of,
                "start_minute": drain.outage.start_minute,
                "minutes": drain.outage.minutes,
                "drain_minutes": None if drain.drain_minutes is None else _figure(drain.drain_minutes),
            }
            for drain in outcome.drains
        ],
        "producer_calls": _figure(outcome.producer_calls),
        "retention_exceeded": outcome.retention_exceeded,
        "series": {
            "arrivals": [_figure(v) for v in outcome.series.arrivals],
            "processed": [_figure(v) for v in outcome.series.processed],
            "backlog": [_figure(v) for v in outcome.series.backlog],
        },
    }


def simulation_to_dict(simulation: Simulation) -> dict[str, Any]:
    return {
        "minutes": simulation.minutes,
        "patterns": {p: outcome_to_dict(o) for p, o in simulation.patterns.items()},
    }


def landscape_to_dict(simulation: LandscapeSimulation) -> dict[str, Any]:
    return {
        "minutes": simulation.minutes,
        "flows": [
            {
                "name": f.name,
                "pattern": f.pattern,
                "affected": f.affected,
                "arrived": _figure(f.outcome.arrived),
                "delivered": _figure(f.outcome.delivered),
                "lost": _figure(f.outcome.lost),
                "max_backlog": _figure(f.outcome.max_backlog),
                "drain_minutes": None if f.outcome.drain_minutes is None else _figure(f.outcome.drain_minutes),
            }
            for f in simulation.flows
        ],
    }


def _json(body: dict[str, Any]) -> HttpResponse:
    return HttpResponse(json.dumps(body, separators=(",", ":")), content_type="application/json; charset=utf-8")


@router.post(
    "",
    response={200: SimulationOut},
    openapi_extra=_body("SimulationIn"),
    summary="A flow and a what-if scenario: what each pattern does with it over a day",
)
def simulations(request: HtmxHttpRequest) -> HttpResponse:
    from .routes import read_body

    try:
        flow, scenario = parse_simulation(read_body(request)[1])
    except InvalidAssessment as invalid:
        raise _invalid(invalid) from None
    if wait := wait_to_simulate(request):
        return too_many(request, wait)
    result = recommend(Assessment(flows=(flow,))).flows[0]
    return _json(simulation_to_dict(simulate(flow, scenario, result=result)))


@router.post(
    "/landscape",
    response={200: LandscapeWhatIfOut},
    openapi_extra=_body("LandscapeWhatIfIn"),
    summary="One system (or the broker) down: what happens to each flow under its recommended pattern",
)
def landscape(request: HtmxHttpRequest) -> HttpResponse:
    from .routes import read_body

    try:
        assessment, system, outage = parse_landscape_whatif(read_body(request)[1])
    except InvalidAssessment as invalid:
        raise _invalid(invalid) from None
    if wait := wait_to_simulate(request):
        return too_many(request, wait)
    return _json(landscape_to_dict(simulate_landscape(assessment, system, outage)))


INPUT_MODELS = (SimulationIn, LandscapeWhatIfIn)
