"""Turn a JSON-shaped dict into an Assessment, naming every field that is wrong.

One validator serves the API, the command line, the forms and file imports,
so a mistake reads the same wherever it is made.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .catalog import FACTOR_IDS, FLOW_CHOICES, LANDSCAPE_CHOICES, UNKNOWN
from .model import Assessment, Flow, Landscape

MAX_FLOWS = 50
MAX_CONSUMERS = 50
MAX_NAME = 120
MAX_SYSTEM_NAME = 80
MAX_VOLUME = 10**11
MAX_PEAK = 10_000
MAX_WEIGHT = 3
SYSTEMS_RANGE = (2, 500)
TOP_LEVEL_FIELDS = ("landscape", "flows", "weights", "name", "engine_version")
FLOW_FIELDS = (
    "name",
    "source",
    "consumers",
    "interaction",
    "latency",
    "volume_per_day",
    "peak_factor",
    "delivery",
    "ordering",
    "consumer_availability",
)


@dataclass(frozen=True, slots=True)
class FieldError:
    field: str
    message: str


class InvalidAssessment(ValueError):
    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = tuple(errors)
        super().__init__("; ".join(f"{e.field}: {e.message}" for e in errors))


def parse_assessment(raw: object) -> Assessment:
    errors: list[FieldError] = []
    if not isinstance(raw, dict):
        raise InvalidAssessment([FieldError("body", "must be a JSON object with landscape, flows and weights")])
    _reject_unknown_fields(raw, TOP_LEVEL_FIELDS, "", errors)
    name = _text(raw, "name", "", 0, MAX_NAME, "name", errors) if "name" in raw else ""
    if "engine_version" in raw and not isinstance(raw["engine_version"], str):
        errors.append(FieldError("engine_version", "must be a string"))
    landscape = _landscape(raw.get("landscape", {}), errors)
    flows = _flows(raw.get("flows"), errors)
    weights = _weights(raw.get("weights", {}), errors)
    if errors:
        raise InvalidAssessment(errors)
    assert landscape is not None
    return Assessment(flows=tuple(flows), landscape=landscape, weights=weights, name=name)


def _reject_unknown_fields(
    raw: dict[str, Any], allowed: tuple[str, ...], prefix: str, errors: list[FieldError]
) -> None:
    for key in raw:
        if key not in allowed:
            errors.append(FieldError(f"{prefix}{key}", f"unknown field; expected one of: {', '.join(allowed)}"))


def _landscape(raw: object, errors: list[FieldError]) -> Landscape | None:
    if not isinstance(raw, dict):
        errors.append(FieldError("landscape", "must be an object"))
        return None
    allowed = ("systems", *LANDSCAPE_CHOICES)
    _reject_unknown_fields(raw, allowed, "landscape.", errors)
    values: dict[str, Any] = {}
    if "systems" in raw:
        values["systems"] = _integer(raw["systems"], "landscape.systems", *SYSTEMS_RANGE, errors)
    for field, choices in LANDSCAPE_CHOICES.items():
        if field in raw:
            values[field] = _choice(raw[field], f"landscape.{field}", choices, errors)
    return Landscape(**{k: v for k, v in values.items() if v is not None})


def _flows(raw: object, errors: list[FieldError]) -> list[Flow]:
    if raw is None:
        errors.append(FieldError("flows", "is required: a list of 1 to 50 flows"))
        return []
    if not isinstance(raw, list):
        errors.append(FieldError("flows", "must be a list of 1 to 50 flows"))
        return []
    if not 1 <= len(raw) <= MAX_FLOWS:
        errors.append(FieldError("flows", f"must hold 1 to {MAX_FLOWS} flows, not {len(raw)}"))
        return []
    flows = []
    for index, item in enumerate(raw):
        flow = _flow(item, f"flows[{index}]", errors)
        if flow is not None:
            flows.append(flow)
    return flows


def _flow(raw: object, path: str, errors: list[FieldError]) -> Flow | None:
    if not isinstance(raw, dict):
        errors.append(FieldError(path, "must be an object"))
        return None
    allowed = FLOW_FIELDS
    count = len(errors)
    _reject_unknown_fields(raw, allowed, f"{path}.", errors)
    values: dict[str, Any] = {}
    if "name" not in raw:
        errors.append(FieldError(f"{path}.name", "is required"))
    else:
        values["name"] = _text(raw, "name", None, 1, MAX_NAME, f"{path}.name", errors)
    if "source" in raw:
        values["source"] = _text(raw, "source", None, 0, MAX_SYSTEM_NAME, f"{path}.source", errors)
    if "consumers" in raw:
        values["consumers"] = _consumers(raw["consumers"], f"{path}.consumers", errors)
    if "interaction" not in raw:
        errors.append(FieldError(f"{path}.interaction", "is required: query, command or event"))
    for field, choices in FLOW_CHOICES.items():
        if field in raw:
            values[field] = _choice(raw[field], f"{path}.{field}", choices, errors)
    if "volume_per_day" in raw:
        values["volume_per_day"] = _integer(raw["volume_per_day"], f"{path}.volume_per_day", 0, MAX_VOLUME, errors)
    if "peak_factor" in raw:
        values["peak_factor"] = _number(raw["peak_factor"], f"{path}.peak_factor", 1, MAX_PEAK, errors)
    if len(errors) > count:
        return None
    return Flow(**values)


def _consumers(raw: object, path: str, errors: list[FieldError]) -> tuple[str, ...] | None:
    if not isinstance(raw, list) or not all(isinstance(c, str) for c in raw):
        errors.append(FieldError(path, "must be a list of system names"))
        return None
    if not 1 <= len(raw) <= MAX_CONSUMERS:
        errors.append(FieldError(path, f"must name 1 to {MAX_CONSUMERS} consumers, not {len(raw)}"))
        return None
    names = tuple(c.strip() for c in raw)
    for index, consumer in enumerate(names):
        if not 1 <= len(consumer) <= MAX_SYSTEM_NAME:
            errors.append(FieldError(f"{path}[{index}]", f"must be 1 to {MAX_SYSTEM_NAME} characters"))
            return None
    return names


def _weights(raw: object, errors: list[FieldError]) -> tuple[tuple[str, float], ...]:
    if not isinstance(raw, dict):
        errors.append(FieldError("weights", "must be an object of factor ids to numbers 0 to 3"))
        return ()
    _reject_unknown_fields(raw, FACTOR_IDS, "weights.", errors)
    weights = []
    for factor_id in FACTOR_IDS:
        if factor_id in raw:
            value = _number(raw[factor_id], f"weights.{factor_id}", 0, MAX_WEIGHT, errors)
            if value is not None:
                weights.append((factor_id, value))
    resolved = dict(weights)
    if all(resolved.get(f, 1.0) == 0 for f in FACTOR_IDS):
        errors.append(FieldError("weights", "at least one factor needs a weight above 0"))
    return tuple(weights)


def _text(
    raw: dict[str, Any], key: str, default: str | None, low: int, high: int, path: str, errors: list[FieldError]
) -> str:
    value = raw.get(key, default)
    if not isinstance(value, str):
        errors.append(FieldError(path, "must be a string"))
        return ""
    value = value.strip()
    if not low <= len(value) <= high:
        errors.append(FieldError(path, f"must be {low} to {high} characters, not {len(value)}"))
    return value


def _choice(value: object, path: str, choices: tuple[str, ...], errors: list[FieldError]) -> str | None:
    if isinstance(value, str) and (value in choices or value == UNKNOWN):
        return value
    errors.append(FieldError(path, f"must be one of {', '.join(choices)} or unknown, not {_shown(value)}"))
    return None


def _integer(value: object, path: str, low: int, high: int, errors: list[FieldError]) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            errors.append(FieldError(path, f"must be a whole number from {low} to {high}, not {_shown(value)}"))
            return None
    if not low <= value <= high:
        errors.append(FieldError(path, f"must be from {low} to {high}, not {value}"))
        return None
    return value


def _number(value: object, path: str, low: float, high: float, errors: list[FieldError]) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        errors.append(FieldError(path, f"must be a number from {low:g} to {high:g}, not {_shown(value)}"))
        return None
    if not low <= value <= high:
        errors.append(FieldError(path, f"must be from {low:g} to {high:g}, not {value:g}"))
        return None
    return value


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
