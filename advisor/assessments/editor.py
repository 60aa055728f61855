"""The editor's state: what the person typed, kept as text until it validates.

Forms post flat fields (`landscape-systems`, `flow-2-latency`, `weight-real_time`).
They are read into an EditorState, turned into the API's request shape, and
validated by the engine; errors come back keyed by the engine's field paths
(`flows[2].latency`) so each message sits beside its field.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict

from advisor.engine import InvalidAssessment, parse_assessment
from advisor.engine import model as engine_model
from advisor.engine.answers import ANSWERS, LANDSCAPE_CHOICES
from advisor.engine.catalog import FACTOR_IDS, FIELD_LABELS, QUESTIONS
from advisor.engine.parse import FLOW_FIELDS, MAX_FLOWS

LANDSCAPE_FIELDS = ("systems", *LANDSCAPE_CHOICES)


@dataclass
class EditorState:
    name: str = ""
    landscape: dict[str, str] = field(default_factory=dict)
    flows: list[dict[str, str]] = field(default_factory=list)
    weights: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_inputs(cls, inputs: dict[str, Any], name: str = "") -> EditorState:
        landscape = {**engine_model.DEFAULT_LANDSCAPE, **inputs.get("landscape", {})}
        weights = inputs.get("weights", {})
        return cls(
            name=name,
            landscape={k: str(landscape[k]) for k in LANDSCAPE_FIELDS},
            flows=[_flow_as_text(flow) for flow in inputs.get("flows", [])],
            weights={f: _number_text(weights.get(f, 1)) for f in FACTOR_IDS},
        )

    @classmethod
    def from_post(cls, data: QueryDict) -> EditorState:
        # One flow more than allowed is kept, so validation can say there are too many.
        count = min(_int(data.get("flow-count", "0"), 0, 10**6), MAX_FLOWS + 1)
        return cls(
            name=data.get("name", ""),
            landscape={k: data.get(f"landscape-{k}", "") for k in LANDSCAPE_FIELDS},
            # An answer the form did not carry (a page from before it was asked) keeps its default.
            flows=[{k: data.get(f"flow-{i}-{k}", OMITTED_FLOW.get(k, "")) for k in FLOW_FIELDS} for i in range(count)],
            weights={f: data.get(f"weight-{f}", "1") for f in FACTOR_IDS},
        )

    def payload(self) -> tuple[dict[str, Any], dict[str, str]]:
        """The API's request shape, and the errors of fields that are not even numbers."""
        errors: dict[str, str] = {}
        landscape: dict[str, Any] = {k: v for k, v in self.landscape.items() if k != "systems"}
        landscape["systems"] = _parse_number(self.landscape.get("systems", ""), "landscape.systems", int, errors)
        flows = []
        for index, flow in enumerate(self.flows):
            values: dict[str, Any] = dict(flow)
            values["consumers"] = [c.strip() for c in flow["consumers"].split(",") if c.strip()] or ["consumer"]
            values["volume_per_day"] = _parse_number(
                flow["volume_per_day"], f"flows[{index}].volume_per_day", int, errors
            )
            values["peak_factor"] = _parse_number(flow["peak_factor"], f"flows[{index}].peak_factor", float, errors)
            values["message_size_kb"] = _parse_number(
                flow["message_size_kb"], f"flows[{index}].message_size_kb", float, errors
            )
            flows.append(values)
        weights = {f: _parse_number(v, f"weights.{f}", float, errors) for f, v in self.weights.items()}
        return {"name": self.name, "landscape": landscape, "flows": flows, "weights": weights}, errors

    def validate(self) -> tuple[engine_model.Assessment | None, dict[str, str]]:
        payload, errors = self.payload()
        try:
            assessment = parse_assessment(payload)
        except InvalidAssessment as invalid:
            for error in invalid.errors:
                errors.setdefault(error.field, error.message)
            return None, errors
        return (assessment, {}) if not errors else (None, errors)

    def apply(self, action: str) -> bool:
        """Add, duplicate, remove or move a flow; False when the action is not one of those."""
        verb, _, position = action.partition(":")
        if verb == "add" and len(self.flows) < MAX_FLOWS:
            # The engine's defaults, with the receivers left for the person to name.
            new_flow = _flow_as_text({"name": f"Flow {len(self.flows) + 1}", "interaction": "command"})
            self.flows.append(new_flow | {"consumers": ""})
            return True
        index = _int(position, -1, len(self.flows) - 1)
        if index < 0:
            return False
        if verb == "duplicate" and len(self.flows) < MAX_FLOWS:
            copied = copy.deepcopy(self.flows[index])
            copied["name"] = f"{copied['name']} (copy)"[:120]
            self.flows.insert(index + 1, copied)
        elif verb == "remove" and len(self.flows) > 1:
            del self.flows[index]
        elif verb == "up" and index > 0:
            self.flows[index - 1], self.flows[index] = self.flows[index], self.flows[index - 1]
        elif verb == "down" and index < len(self.flows) - 1:
            self.flows[index + 1], self.flows[index] = self.flows[index], self.flows[index + 1]
        else:
            return False
        return True


def _flow_as_text(flow: dict[str, Any]) -> dict[str, str]:
    values = {**engine_model.DEFAULT_FLOW, **flow}
    text = {k: str(values.get(k, "")) for k in FLOW_FIELDS}
    text["consumers"] = ", ".join(values["consumers"])
    text["peak_factor"] = _number_text(values["peak_factor"])
    text["message_size_kb"] = _number_text(values["message_size_kb"])
    return text


def _number_text(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _int(text: str, default: int, high: int) -> int:
    try:
        value = int(text)
    except ValueError:
        return default
    return value if 0 <= value <= high else default


def _parse_number(text: str, path: str, kind: type[int] | type[float], errors: dict[str, str]) -> Any:
    cleaned = text.strip().replace(",", "").replace("_", "")
    try:
        return kind(cleaned)
    except ValueError:
        errors[path] = "must be a whole number" if kind is int else "must be a number"
        return None


@dataclass(frozen=True)
class Question:
    """One field as the templates draw it."""

    name: str
    field: str
    kind: str
    label: str
    help: str
    value: str
    error: str


SELECTS = ("platform", "existing_broker")


def question(name: str, field_name: str, value: str, error: str, short: bool = False) -> Question:
    text, help_text = QUESTIONS[field_name]
    answer_kind = ANSWERS[field_name].kind
    if field_name in SELECTS:
        kind = "select"
    elif answer_kind in ("integer", "number"):
        kind = "number"
    elif answer_kind in ("text", "names"):
        kind = "text"
    else:
        kind = "choice"
    label = FIELD_LABELS[field_name] if short else text
    return Question(name, field_name, kind, label, "" if short and kind == "choice" else help_text, value, error)


def landscape_questions(state: EditorState, errors: dict[str, str], short: bool = False) -> list[Question]:
    return [
        question(f"landscape-{f}", f, state.landscape.get(f, ""), errors.get(f"landscape.{f}", ""), short)
        for f in LANDSCAPE_FIELDS
    ]


def flow_questions(state: EditorState, index: int, errors: dict[str, str], short: bool = True) -> list[Question]:
    flow = state.flows[index]
    return [
        question(f"flow-{index}-{f}", f, flow.get(f, ""), error_at(errors, f"flows[{index}].{f}"), short)
        for f in FLOW_FIELDS
    ]


def error_at(errors: dict[str, str], path: str) -> str:
    """The error of a field, or of the first of its items (`flows[0].consumers[3]`)."""
    if path in errors:
        return errors[path]
    return next((message for key, message in errors.items() if key.startswith(f"{path}[")), "")


def quick_questions(state: EditorState, errors: dict[str, str], names: tuple[str, ...]) -> list[Question]:
    """The quick path's questions: landscape answers and those of its single flow."""
    asked = []
    for name in names:
        scope, _, field_name = name.partition("-")
        if scope == "landscape":
            asked.append(
                question(
                    name, field_name, state.landscape.get(field_name, ""), error_at(errors, f"landscape.{field_name}")
                )
            )
        else:
            asked.append(
                question(
                    f"flow-0-{field_name}",
                    field_name,
                    state.flows[0].get(field_name, ""),
                    error_at(errors, f"flows[0].{field_name}"),
                )
            )
    return asked


OMITTED_FLOW = {k: v for k, v in _flow_as_text({}).items() if k in engine_model.DEFAULT_FLOW}
