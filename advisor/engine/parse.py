"""Turn a JSON-shaped dict into an Assessment, naming every field that is wrong.

One validator serves the API, the command line, the forms and file imports,
so a mistake reads the same wherever it is made. The answers it checks, and
their limits, come from answers.py.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, replace
from typing import Any

from .answers import FLOW_ANSWERS, LANDSCAPE_ANSWERS, UNKNOWN, VOCABULARY, Answer
from .catalog import FACTOR_IDS
from .model import Assessment, Flow, Landscape, Span

MAX_FLOWS = 500
MAX_WEIGHT = 3
MAX_NAME = int(FLOW_ANSWERS["name"].high)
# A consumer is a system, named like the source.
MAX_SYSTEM_NAME = int(FLOW_ANSWERS["source"].high)
MAX_SYSTEMS = int(LANDSCAPE_ANSWERS["systems"].high)
TOP_LEVEL_FIELDS = ("landscape", "flows", "weights", "name", "engine_version")
FLOW_FIELDS = tuple(FLOW_ANSWERS)


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
    name = _text(raw["name"], "name", 0, MAX_NAME, errors) if "name" in raw else ""
    if "engine_version" in raw and not isinstance(raw["engine_version"], str):
        errors.append(FieldError("engine_version", "must be a string"))
    landscape = _landscape(raw.get("landscape", {}), errors)
    flows = _flows(raw.get("flows"), errors)
    weights = _weights(raw.get("weights", {}), errors)
    if errors or landscape is None:
        raise InvalidAssessment(errors)
    raw_flows: list[dict[str, Any]] = raw["flows"]
    assumed_landscape = _left_out(raw.get("landscape", {}), LANDSCAPE_ANSWERS)
    if "systems" in assumed_landscape:
        landscape = replace(landscape, systems=_counted_systems(flows, landscape.systems))
    return Assessment(
        flows=tuple(flows),
        landscape=landscape,
        weights=weights,
        name=name or "",
        assumed_landscape=assumed_landscape,
        assumed_flows=tuple(_left_out(flow, FLOW_ANSWERS) for flow in raw_flows),
    )


def _counted_systems(flows: list[Flow], default: int) -> int:
    """With the number of systems left out, the systems the flows name are the least it can be (names are
    compared as consumers are, without case)."""
    named = {name.casefold() for flow in flows for name in (flow.source, *flow.consumers) if name.strip()}
    return min(max(default, len(named)), MAX_SYSTEMS)


def _left_out(raw: dict[str, Any], answers: dict[str, Answer]) -> frozenset[str]:
    return frozenset(a.id for a in answers.values() if a.id not in raw and not a.required)


def _reject_unknown_fields(
    raw: dict[Any, Any], allowed: tuple[str, ...], prefix: str, errors: list[FieldError]
) -> None:
    for key in raw:
        if key not in allowed:
            shown = key if isinstance(key, str) and _is_clean(key) else repr(key)
            errors.append(FieldError(f"{prefix}{shown}", f"unknown field; expected one of: {', '.join(allowed)}"))


def _landscape(raw: object, errors: list[FieldError]) -> Landscape | None:
    if not isinstance(raw, dict):
        errors.append(FieldError("landscape", "must be an object"))
        return None
    _reject_unknown_fields(raw, tuple(LANDSCAPE_ANSWERS), "landscape.", errors)
    values = _answers(raw, LANDSCAPE_ANSWERS, "landscape", errors)
    return Landscape(**values)


def _flows(raw: object, errors: list[FieldError]) -> list[Flow]:
    if raw is None:
        errors.append(FieldError("flows", f"is required: a list of 1 to {MAX_FLOWS} flows"))
        return []
    if not isinstance(raw, list):
        errors.append(FieldError("flows", f"must be a list of 1 to {MAX_FLOWS} flows"))
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
    count = len(errors)
    _reject_unknown_fields(raw, FLOW_FIELDS, f"{path}.", errors)
    values = _answers(raw, FLOW_ANSWERS, path, errors)
    if len(errors) > count:
        return None
    return Flow(**values)


def _answers(raw: dict[str, Any], answers: dict[str, Answer], path: str, errors: list[FieldError]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for answer in answers.values():
        where = f"{path}.{answer.id}"
        if answer.id not in raw:
            if answer.required:
                hint = f": {', '.join(answer.choices)}" if answer.choices else ""
                errors.append(FieldError(where, f"is required{hint}"))
            continue
        value = _value(raw[answer.id], answer, where, errors)
        if value is not None:
            values[answer.id] = value
    return values


def _value(value: object, answer: Answer, path: str, errors: list[FieldError]) -> object:
    low, high = answer.low, answer.high
    if answer.accepts_range and (value == UNKNOWN or isinstance(value, list)):
        return _span(value, answer, path, errors)
    match answer.kind:
        case "choice":
            choice = _choice(value, path, answer.choices, errors)
            return None if choice is None else VOCABULARY[answer.id](choice)
        case "integer" | "number":
            count = len(errors)
            number = _number(value, answer, path, errors)
            if answer.accepts_range and len(errors) > count and errors[-1].message.startswith("must be a "):
                # A wrong kind of value: say the other ways to answer this one.
                last = errors[-1]
                errors[-1] = FieldError(
                    last.field, last.message.replace(", not", ', "unknown" or a range [low, high], not', 1)
                )
            return number
        case "text":
            return _text(value, path, int(low), int(high), errors)
        case "names":
            return _names(value, path, int(low), int(high), errors)


def _span(value: object, answer: Answer, path: str, errors: list[FieldError]) -> object:
    """ "unknown", or a range [low, high] of the answer's numbers: a Span, or the number when both ends agree."""
    if value == UNKNOWN:
        return Span(answer.plausible, unknown=True)
    if not isinstance(value, list) or len(value) != 2:
        errors.append(FieldError(path, f"a range must be two numbers [low, high], not {shown(value)}"))
        return None
    count = len(errors)
    low, high = (_number(end, answer, f"{path}[{i}]", errors) for i, end in enumerate(value))
    if len(errors) > count or low is None or high is None:
        return None
    if low > high:
        errors.append(FieldError(path, f"a range goes from low to high, not from {figure(low)} down to {figure(high)}"))
        return None
    if low == high:
        return low
    # The ends and the geometric middle: the answers' signals grow with the logarithm of these numbers.
    middle = math.sqrt(low * high) if low > 0 else high / 2
    # Rounded as people would say it, but never past an end.
    middle = min(max(round(middle) if answer.kind == "integer" else float(f"{middle:.2g}"), low), high)
    return Span(tuple(sorted({low, middle, high})))


def _number(value: object, answer: Answer, path: str, errors: list[FieldError]) -> float | None:
    if answer.kind == "integer":
        return checked_integer(value, path, int(answer.low), int(answer.high), errors)
    return checked_number(value, path, answer.low, answer.high, errors)


def _names(raw: object, path: str, low: int, high: int, errors: list[FieldError]) -> tuple[str, ...] | None:
    if not isinstance(raw, list) or not all(isinstance(c, str) for c in raw):
        errors.append(FieldError(path, "must be a list of system names"))
        return None
    if not low <= len(raw) <= high:
        errors.append(FieldError(path, f"must name {low} to {high} systems, not {len(raw)}"))
        return None
    names: list[str] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(raw):
        name = _text(item, f"{path}[{index}]", 1, MAX_SYSTEM_NAME, errors)
        if name is None:
            return None
        key = name.casefold()
        if key in seen:
            errors.append(
                FieldError(f"{path}[{index}]", f"names {name} again (already consumer {seen[key] + 1}): name each once")
            )
            return None
        seen[key] = index
        names.append(name)
    return tuple(names)


def _weights(raw: object, errors: list[FieldError]) -> tuple[tuple[str, float], ...]:
    if not isinstance(raw, dict):
        errors.append(FieldError("weights", f"must be an object of factor ids to numbers 0 to {MAX_WEIGHT}"))
        return ()
    _reject_unknown_fields(raw, FACTOR_IDS, "weights.", errors)
    weights = []
    for factor_id in FACTOR_IDS:
        if factor_id in raw:
            value = checked_number(raw[factor_id], f"weights.{factor_id}", 0, MAX_WEIGHT, errors)
            if value is not None:
                weights.append((factor_id, value))
    given = dict(weights)
    if all(given.get(f, 1.0) == 0 for f in FACTOR_IDS):
        errors.append(FieldError("weights", "at least one factor needs a weight above 0"))
    return tuple(weights)


# Embeddings, overrides and isolates; the marks (U+200E, U+200F, U+061C) only settle the side of a
# neighbouring neutral character, which names in right-to-left scripts may need.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _is_clean(text: str) -> bool:
    """No control characters (NUL included) and no lone surrogates: text every database and page can hold."""
    return not any(unicodedata.category(c) in ("Cc", "Cs") and c not in "\t\n\r" for c in text)


def _text(value: object, path: str, low: int, high: int, errors: list[FieldError]) -> str | None:
    if not isinstance(value, str):
        errors.append(FieldError(path, "must be a string"))
        return None
    if not _is_clean(value):
        errors.append(FieldError(path, "must not contain control characters or unpaired surrogates"))
        return None
    if any(c in BIDI_CONTROLS for c in value):
        # An unclosed override or isolate reverses the sentences a name is printed in, on the page and in the PDF.
        errors.append(FieldError(path, "must not contain bidirectional controls (U+202A to U+202E, U+2066 to U+2069)"))
        return None
    value = value.strip()
    if not low <= len(value) <= high:
        errors.append(FieldError(path, f"must be {low} to {high} characters, not {len(value)}"))
        return None
    return value


def _choice(value: object, path: str, choices: tuple[str, ...], errors: list[FieldError]) -> str | None:
    if isinstance(value, str) and (value in choices or value == UNKNOWN):
        return value
    errors.append(FieldError(path, f"must be one of {', '.join(choices)} or unknown, not {shown(value)}"))
    return None


def checked_integer(value: object, path: str, low: int, high: int, errors: list[FieldError]) -> int | None:
    """A whole number within bounds, or None with the refusal added to `errors` (also for what-if inputs)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        errors.append(FieldError(path, f"must be a whole number from {low:,} to {high:,}, not {shown(value)}"))
        return None
    if not low <= value <= high:
        errors.append(FieldError(path, f"must be from {low:,} to {high:,}, not {value:,}"))
        return None
    return value


def checked_number(value: object, path: str, low: float, high: float, errors: list[FieldError]) -> float | None:
    """A finite number within bounds, or None with the refusal added to `errors` (also for what-if inputs)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        errors.append(FieldError(path, f"must be a number from {figure(low)} to {figure(high)}, not {shown(value)}"))
        return None
    if not low <= value <= high:
        errors.append(FieldError(path, f"must be from {figure(low)} to {figure(high)}, not {figure(value)}"))
        return None
    return value


def figure(value: float) -> str:
    """A number as people write it: 1,048,576 and 0.1, never 1.04858e+06."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.6g}"


def shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
