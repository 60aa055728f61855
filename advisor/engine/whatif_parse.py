"""Turn a what-if request (a flow and a scenario, or an assessment and an outage) into typed inputs.

Every mistake names its field, like the assessment's own validator (parse.py), whose messages the
flow and the assessment keep: a flow's fields are named `flow.<field>` here.
"""

from __future__ import annotations

from typing import Any

from .model import Assessment, Flow
from .parse import FieldError, InvalidAssessment, checked_integer, checked_number, parse_assessment, shown
from .simulation import BROKER, Scenario, systems_of
from .traffic import MINUTES, SHAPES, Outage

SIMULATION_FIELDS = ("flow", "scenario")
SCENARIO_FIELDS = ("shape", "capacity_per_minute", "outages", "retry_attempts", "retention_hours", "broker_outages")
OUTAGE_FIELDS = ("start_minute", "minutes")
LANDSCAPE_OUTAGE_FIELDS = ("system", *OUTAGE_FIELDS)
MAX_CAPACITY = 10**9
MAX_OUTAGES = 10
MAX_RETRIES = 10
# From one minute to a year: the longest retention any technology in the capability table documents.
MIN_RETENTION_HOURS, MAX_RETENTION_HOURS = 1 / 60, 8760


def parse_simulation(raw: object) -> tuple[Flow, Scenario]:
    errors: list[FieldError] = []
    if not isinstance(raw, dict):
        raise InvalidAssessment([FieldError("body", "must be a JSON object with flow and scenario")])
    _unknown_fields(raw, SIMULATION_FIELDS, "", errors)
    flow = _flow(raw.get("flow"), errors)
    scenario = _scenario(raw.get("scenario", {}), errors)
    if errors or flow is None or scenario is None:
        raise InvalidAssessment(errors)
    return flow, scenario


def parse_scenario(raw: object) -> Scenario:
    """A scenario alone (the results page's what-if form), its fields named `scenario.<field>`."""
    errors: list[FieldError] = []
    scenario = _scenario(raw, errors)
    if errors or scenario is None:
        raise InvalidAssessment(errors)
    return scenario


def scenario_to_dict(scenario: Scenario) -> dict[str, Any]:
    """A scenario in the API's shape, its defaults left out: parse_scenario reads it back unchanged."""
    raw: dict[str, Any] = {}
    if scenario.shape is not None:
        raw["shape"] = scenario.shape
    if scenario.capacity_per_minute is not None:
        raw["capacity_per_minute"] = scenario.capacity_per_minute
    if scenario.outages is not None:
        raw["outages"] = [{"start_minute": o.start_minute, "minutes": o.minutes} for o in scenario.outages]
    if scenario.retry_attempts is not None:
        raw["retry_attempts"] = scenario.retry_attempts
    if scenario.retention_hours is not None:
        raw["retention_hours"] = scenario.retention_hours
    if scenario.broker_outages:
        raw["broker_outages"] = [
            {"start_minute": o.start_minute, "minutes": o.minutes} for o in scenario.broker_outages
        ]
    return raw


def parse_landscape_whatif(raw: object) -> tuple[Assessment, str, Outage]:
    """The assessment, the system that is down (as first written, or "broker") and when."""
    if not isinstance(raw, dict):
        raise InvalidAssessment([FieldError("body", "must be a JSON object with landscape, flows and outage")])
    errors: list[FieldError] = []
    assessment: Assessment | None = None
    try:
        assessment = parse_assessment({k: v for k, v in raw.items() if k != "outage"})
    except InvalidAssessment as invalid:
        errors.extend(invalid.errors)
    given = raw.get("outage")
    if not isinstance(given, dict):
        errors.append(FieldError("outage", "is required: an object with system, start_minute and minutes"))
        raise InvalidAssessment(errors)
    outage = _outage(given, "outage", errors, LANDSCAPE_OUTAGE_FIELDS)
    system = _system(given.get("system"), assessment, errors)
    if errors or assessment is None or outage is None or system is None:
        raise InvalidAssessment(errors)
    return assessment, system, outage


def _system(raw: object, assessment: Assessment | None, errors: list[FieldError]) -> str | None:
    if not isinstance(raw, str) or not raw.strip():
        errors.append(FieldError("outage.system", f'is required: a system the flows name, or "{BROKER}"'))
        return None
    if raw.strip().casefold() == BROKER:
        return BROKER
    if assessment is None:
        return None
    named = systems_of(assessment)
    found = named.get(raw.strip().casefold())
    if found is None:
        shown = raw if len(raw) <= 40 else raw[:37] + "..."
        choices = ", ".join([*named.values(), BROKER])
        errors.append(
            FieldError("outage.system", f"names no system of these flows ({shown!r}); expected one of: {choices}")
        )
    return found


def _unknown_fields(raw: dict[Any, Any], allowed: tuple[str, ...], prefix: str, errors: list[FieldError]) -> None:
    for key in raw:
        if key not in allowed:
            errors.append(FieldError(f"{prefix}{key!s}"[:120], f"unknown field; expected one of: {', '.join(allowed)}"))


def _flow(raw: object, errors: list[FieldError]) -> Flow | None:
    if raw is None:
        errors.append(FieldError("flow", "is required: an object with the flow's fields"))
        return None
    try:
        return parse_assessment({"flows": [raw]}).flows[0]
    except InvalidAssessment as invalid:
        errors.extend(FieldError(e.field.replace("flows[0]", "flow", 1), e.message) for e in invalid.errors)
        return None


def _scenario(raw: object, errors: list[FieldError]) -> Scenario | None:
    if not isinstance(raw, dict):
        errors.append(FieldError("scenario", "must be an object"))
        return None
    count = len(errors)
    _unknown_fields(raw, SCENARIO_FIELDS, "scenario.", errors)
    shape = raw.get("shape")
    if shape is not None and shape not in SHAPES:
        errors.append(FieldError("scenario.shape", f"must be one of {', '.join(SHAPES)}, not {shown(shape)}"))
    capacity = _number(raw, "capacity_per_minute", 0, MAX_CAPACITY, errors)
    retention = _number(raw, "retention_hours", MIN_RETENTION_HOURS, MAX_RETENTION_HOURS, errors)
    retries = _whole(raw.get("retry_attempts"), "scenario.retry_attempts", 0, MAX_RETRIES, errors)
    outages = _outages(raw.get("outages"), "scenario.outages", errors)
    broker_outages = _outages(raw.get("broker_outages"), "scenario.broker_outages", errors)
    if len(errors) > count:
        return None
    return Scenario(
        shape=shape,
        capacity_per_minute=capacity,
        outages=outages,
        retry_attempts=retries,
        retention_hours=retention,
        broker_outages=broker_outages or (),
    )


def _number(raw: dict[str, Any], name: str, low: float, high: float, errors: list[FieldError]) -> float | None:
    value = raw.get(name)
    if value is None:
        return None
    number = checked_number(value, f"scenario.{name}", low, high, errors)
    return None if number is None else float(number)


def _whole(value: object, path: str, low: int, high: int, errors: list[FieldError]) -> int | None:
    return None if value is None else checked_integer(value, path, low, high, errors)


def _outages(raw: object, path: str, errors: list[FieldError]) -> tuple[Outage, ...] | None:
    if raw is None:
        return None
    if not isinstance(raw, list) or len(raw) > MAX_OUTAGES:
        errors.append(FieldError(path, f"must be a list of at most {MAX_OUTAGES} outages"))
        return None
    found = [_outage(item, f"{path}[{i}]", errors) for i, item in enumerate(raw)]
    return tuple(o for o in found if o is not None)


def _outage(
    raw: object, path: str, errors: list[FieldError], allowed: tuple[str, ...] = OUTAGE_FIELDS
) -> Outage | None:
    if not isinstance(raw, dict):
        errors.append(FieldError(path, "must be an object with start_minute and minutes"))
        return None
    _unknown_fields(raw, allowed, f"{path}.", errors)
    count = len(errors)
    start = _whole(raw.get("start_minute", 0), f"{path}.start_minute", 0, MINUTES - 1, errors)
    if "minutes" not in raw:
        errors.append(FieldError(f"{path}.minutes", f"is required: how long it is down, 1 to {MINUTES}"))
    minutes = _whole(raw.get("minutes"), f"{path}.minutes", 1, MINUTES, errors)
    if len(errors) > count or start is None or minutes is None:
        return None
    if start + minutes > MINUTES:
        errors.append(
            FieldError(
                f"{path}.minutes",
                f"must end within the day: from minute {start:,}, at most {MINUTES - start:,} minutes, not {minutes:,}",
            )
        )
        return None
    return Outage(start, minutes)
