"""The JSON shapes at the engine's edges: inputs (re-importable) and recommendations, both ways.

Dicts exist only here and in the adapters' JSON edges (API, export, storage).
The shapes are not written here: they are read off the dataclasses in model.py
(a field's JSON name is its own, or the `json` of its metadata), so the API's
response, the JSON export and the stored snapshot cannot drift from the result
the engine returns. `recommendation_from_dict` reads a stored snapshot back by
the dataclasses' type hints, checking each value's type; snapshots saved by an
older engine lack the newer fields and read back with their defaults, the
values that mean "not computed".
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from enum import Enum
from typing import Any, Literal, get_args, get_origin

from .model import Assessment, FlowResult, Recommendation, Span

# The metadata key of a dataclass field whose JSON name differs from its own ("before" is "from").
JSON_NAME = "json"


class UnreadableSnapshot(ValueError):
    """A stored value that does not have the shape the dataclasses declare."""


def json_name(field: dataclasses.Field[Any]) -> str:
    return str(field.metadata.get(JSON_NAME, field.name))


def to_json(value: object) -> Any:
    """A dataclass (and whatever it holds) as JSON-ready values: tuples become lists, enums their values, a
    number not sure of "unknown" or [low, high] as the API takes it."""
    if isinstance(value, Span):
        return value.wire()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {json_name(f): to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (tuple, list)):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {to_json(key): to_json(item) for key, item in value.items()}
    return value


@functools.cache
def hints(cls: type) -> dict[str, Any]:
    """The resolved type of each field of a dataclass (model.py postpones its annotations)."""
    return typing.get_type_hints(cls)


def from_json[T](cls: type[T], raw: object, path: str = "") -> T:
    """A dataclass read from the JSON `to_json` wrote; a missing field with a default takes it."""
    if not isinstance(raw, dict):
        raise UnreadableSnapshot(f"{path or cls.__name__}: expected an object")
    values: dict[str, Any] = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        name = json_name(field)
        if name in raw:
            values[field.name] = _read(hints(cls)[field.name], raw[name], f"{path}.{name}")  # type: ignore[arg-type]
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise UnreadableSnapshot(f"{path}.{name}: missing")
    return cls(**values)


def _read(hint: Any, raw: object, path: str) -> Any:
    origin, args = get_origin(hint), get_args(hint)
    if dataclasses.is_dataclass(hint):
        return from_json(hint, raw, path)  # type: ignore[arg-type]
    if origin is tuple:
        if not isinstance(raw, list):
            raise UnreadableSnapshot(f"{path}: expected a list")
        return tuple(_read(args[0], item, f"{path}[{i}]") for i, item in enumerate(raw))
    if origin is dict:
        if not isinstance(raw, dict):
            raise UnreadableSnapshot(f"{path}: expected an object")
        return {_read(args[0], k, path): _read(args[1], v, f"{path}.{k}") for k, v in raw.items()}
    if origin in (types.UnionType, typing.Union):
        if raw is None and type(None) in args:
            return None
        return _read(next(a for a in args if a is not type(None)), raw, path)
    if origin is Literal:
        if raw not in args:
            raise UnreadableSnapshot(f"{path}: {raw!r} is none of {', '.join(map(repr, args))}")
        return raw
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(raw)
    if hint is float:
        # A whole number is written without a fraction (peak factor 1); it reads back as it was.
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            raise UnreadableSnapshot(f"{path}: expected a number")
        return raw
    if hint in (str, int, bool) and type(raw) is not hint:
        raise UnreadableSnapshot(f"{path}: expected {hint.__name__}")
    return raw


def assessment_to_dict(assessment: Assessment) -> dict[str, Any]:
    """The inputs as they were given: an answer that was left out (taken by default) stays left out."""
    landscape = to_json(assessment.landscape)
    return {
        "landscape": {k: v for k, v in landscape.items() if k not in assessment.assumed_landscape},
        "flows": [
            {k: v for k, v in to_json(flow).items() if k not in assessment.assumed(i)}
            for i, flow in enumerate(assessment.flows)
        ],
        "weights": dict(assessment.weights),
    }


def recommendation_to_dict(recommendation: Recommendation) -> dict[str, Any]:
    return dict(to_json(recommendation))


def flow_result_to_dict(result: FlowResult) -> dict[str, Any]:
    return dict(to_json(result))


def recommendation_from_dict(raw: dict[str, Any]) -> Recommendation:
    """A stored snapshot (the shape `recommendation_to_dict` writes) as the engine's dataclasses."""
    recommendation = from_json(Recommendation, raw)
    flows = tuple(_robust(flow) for flow in recommendation.flows)
    return dataclasses.replace(recommendation, flows=flows)


def flow_result_from_dict(raw: dict[str, Any]) -> FlowResult:
    return _robust(from_json(FlowResult, raw))


def _robust(result: FlowResult) -> FlowResult:
    """A snapshot from before robustness was computed: nothing was unknown, so the winner won every time."""
    return result if result.robustness else dataclasses.replace(result, robustness={result.pattern: 1.0})
