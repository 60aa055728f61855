"""Stored inputs of any schema version read as the current engine's answers, never refused.

An assessment outlives the questionnaire it was saved with: an answer may be
renamed, retired or lose a choice after it was stored. Reading is two stages:

1. One `Step` per schema version, applied in order from the version the inputs
   were saved with: it renames answers and choices and retires answers, as the
   change that made the next version did.
2. A tolerant read of what is left: whatever the validator still refuses is
   read differently rather than refused. A field it does not know is kept aside;
   a choice that no longer exists is read as "unknown" ("I'm not sure"); a value
   outside today's limits is kept aside and its answer takes the default.

Each difference is a `Reread`, which the results page lists, and every value
that is no longer read is in `set_aside`, so a later save keeps it. Dicts in,
dicts and the engine's dataclasses out: the adapters store them.

Changing the questionnaire: bump SCHEMA_VERSION and add the step that upgrades
the previous version, e.g. latency "realtime" renamed "immediate":

    STEPS = {1: Step(choices=(ChoiceRename("flow", "latency", "realtime", "immediate"),))}
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Literal

from .answers import FLOW_ANSWERS, LANDSCAPE_ANSWERS, UNKNOWN, Answer, Scope
from .catalog import FACTOR_IDS, FIELD_LABELS, PATTERN_IDS, label
from .export import flow_result_from_dict, recommendation_from_dict
from .model import Assessment, FlowResult, Recommendation
from .parse import MAX_FLOWS, TOP_LEVEL_FIELDS, InvalidAssessment, parse_assessment

# The shape of the stored inputs and result snapshot that this engine writes. Version 1 is the
# first one recorded: every assessment stored before versions were recorded has that shape.
SCHEMA_VERSION: Final = 1

# A corrupt row can hold several problems in one place; each pass repairs every error the
# validator names, so a handful of passes always ends (the last resort is a placeholder flow).
MAX_PASSES = 6


@dataclass(frozen=True, slots=True)
class FieldRename:
    scope: Scope
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class ChoiceRename:
    scope: Scope
    answer: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class Step:
    """What changed between a schema version and the next: answers renamed, choices renamed, answers retired."""

    fields: tuple[FieldRename, ...] = ()
    choices: tuple[ChoiceRename, ...] = ()
    # Answers no longer asked: their values are kept aside, not read.
    retired: tuple[tuple[Scope, str], ...] = ()


# The step that upgrades inputs saved with version n to version n + 1, for every n below SCHEMA_VERSION.
STEPS: Final[Mapping[int, Step]] = {}

Why = Literal["renamed_field", "renamed_choice", "retired", "no_longer_a_choice", "not_readable", "cut", "placeholder"]


@dataclass(frozen=True, slots=True)
class Reread:
    """One stored answer read differently from how it was saved."""

    # The path the validator uses: "flows[0].latency", "landscape.teams", "weights.cost", "name".
    field: str
    before: object
    # The value read now; None when the answer is no longer read (kept aside) or takes its default.
    after: object
    why: Why
    # The flow's name, for people: "flows[0]" means nothing on a page.
    flow: str = ""

    @property
    def sentence(self) -> str:
        where, before, after = self._where(), _shown(self.before), _shown(self.after)
        match self.why:
            case "renamed_field":
                return f"{where}: saved under its old name “{self.before}”, read as {after}."
            case "renamed_choice":
                return f"{where}: {before} is now called {after}."
            case "retired":
                return f"{where}: no longer asked; the saved answer ({before}) is kept aside."
            case "no_longer_a_choice":
                return f"{where}: {before} is no longer one of the choices; read as not sure."
            case "not_readable":
                return f"{where}: {before} is not an answer this version accepts; read as the default, kept aside."
            case "cut":
                return f"{where}: {before} were saved and this version reads {after}; the others are kept aside."
            case _:
                return f"{where}: missing or unreadable; read as {after}."

    def _where(self) -> str:
        owner, _, rest = self.field.partition(".")
        answer = rest.partition("[")[0] if rest else owner
        words = FIELD_LABELS.get(answer, answer.replace("_", " "))
        if owner.startswith("flows["):
            index = int(owner[len("flows[") : -1])
            flow = f"Flow {index + 1}" + (f" “{self.flow}”" if self.flow else "")
            return f"{flow}, {words[:1].lower()}{words[1:]}" if rest else flow
        if owner == "weights":
            return f"Weight of {answer.replace('_', ' ')}" if rest else "Factor weights"
        if owner == "landscape" and rest:
            return f"Landscape, {words[:1].lower()}{words[1:]}"
        return words[:1].upper() + words[1:]


@dataclass(frozen=True, slots=True)
class Upgraded:
    """Stored inputs as the current engine reads them, and what was read differently."""

    assessment: Assessment
    rereads: tuple[Reread, ...] = ()
    # path → value of every stored answer no longer read, to keep with the assessment.
    set_aside: dict[str, object] = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION

    @property
    def changed(self) -> bool:
        return bool(self.rereads)


def upgrade(
    raw: object, version: int, *, steps: Mapping[int, Step] | None = None, current: int | None = None
) -> Upgraded:
    """The stored inputs `raw`, saved with schema `version`, as the current engine's answers. Never raises."""
    steps = STEPS if steps is None else steps
    current = SCHEMA_VERSION if current is None else current
    inputs: dict[str, Any] = copy.deepcopy(raw) if isinstance(raw, dict) else {}
    rereads: list[Reread] = []
    set_aside: dict[str, object] = {}
    if not isinstance(raw, dict):
        set_aside["body"] = raw
    for step_version in range(max(version, 1), current):
        step = steps.get(step_version)
        if step is not None:
            _apply(step, inputs, rereads, set_aside)
    assessment = _tolerant_read(inputs, rereads, set_aside)
    return Upgraded(assessment, tuple(rereads), set_aside, current)


def _apply(step: Step, inputs: dict[str, Any], rereads: list[Reread], set_aside: dict[str, object]) -> None:
    for path, part in _parts(inputs):
        scope: Scope = "landscape" if path == "landscape" else "flow"
        flow = _flow_name(part) if scope == "flow" else ""
        for rename in step.fields:
            if rename.scope == scope and rename.old in part and rename.new not in part:
                part[rename.new] = part.pop(rename.old)
                rereads.append(Reread(f"{path}.{rename.new}", rename.old, part[rename.new], "renamed_field", flow))
        for choice in step.choices:
            if choice.scope == scope and part.get(choice.answer) == choice.old:
                part[choice.answer] = choice.new
                rereads.append(Reread(f"{path}.{choice.answer}", choice.old, choice.new, "renamed_choice", flow))
        for retired_scope, answer in step.retired:
            if retired_scope == scope and answer in part:
                value = part.pop(answer)
                set_aside[f"{path}.{answer}"] = value
                rereads.append(Reread(f"{path}.{answer}", value, None, "retired", flow))


def _parts(inputs: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """The landscape and each flow that are objects, with their paths."""
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(inputs.get("landscape"), dict):
        found.append(("landscape", inputs["landscape"]))
    if isinstance(inputs.get("flows"), list):
        found += [(f"flows[{i}]", flow) for i, flow in enumerate(inputs["flows"]) if isinstance(flow, dict)]
    return found


def _tolerant_read(inputs: dict[str, Any], rereads: list[Reread], set_aside: dict[str, object]) -> Assessment:
    repaired: set[str] = set()
    for _ in range(MAX_PASSES):
        try:
            return parse_assessment(inputs)
        except InvalidAssessment as invalid:
            for path in dict.fromkeys(e.field for e in invalid.errors):
                _repair(inputs, path, path in repaired, rereads, set_aside)
                repaired.add(path)
    set_aside.setdefault("body", copy.deepcopy(inputs))
    placeholder = {"flows": [_placeholder_flow(0)]}
    rereads.append(Reread("flows", None, None, "placeholder"))
    return parse_assessment(placeholder)


_FLOW_PATH = re.compile(r"flows\[(\d+)\](?:\.(\w+))?")


def _repair(
    inputs: dict[str, Any], path: str, again: bool, rereads: list[Reread], set_aside: dict[str, object]
) -> None:
    """Make the value at `path`, which the validator refused, one it accepts, noting what was done."""
    owner, _, rest = path.partition(".")
    answer_id = rest.partition("[")[0]
    if owner == "landscape" and not rest:
        _replace(inputs, "landscape", {}, rereads, set_aside)
    elif owner == "landscape":
        _repair_answer(inputs["landscape"], "landscape", answer_id, LANDSCAPE_ANSWERS, again, rereads, set_aside)
    elif owner == "weights":
        _repair_weights(inputs, answer_id, rereads, set_aside)
    elif owner == "flows":
        _repair_flows(inputs, rereads, set_aside)
    elif (found := _FLOW_PATH.fullmatch(f"{owner}.{answer_id}" if rest else owner)) and _is_flow(inputs, found):
        flows, index = inputs["flows"], int(found[1])
        if not isinstance(flows[index], dict):
            set_aside[owner] = flows[index]
            flows[index] = _placeholder_flow(index)
            rereads.append(Reread(owner, None, flows[index]["name"], "placeholder"))
        elif rest:
            _repair_answer(flows[index], owner, answer_id, FLOW_ANSWERS, again, rereads, set_aside)
    elif owner in TOP_LEVEL_FIELDS or owner == "body":
        value = inputs.pop(owner, None)
        set_aside[owner] = value
        rereads.append(Reread(owner, value, None, "not_readable"))
    else:
        # A top-level field this version does not know (the validator names it as it was stored).
        key = next((k for k in inputs if str(k) == owner or repr(k) == owner), owner)
        value = inputs.pop(key, None)
        set_aside[str(key)] = value
        rereads.append(Reread(str(key), value, None, "retired"))


def _is_flow(inputs: dict[str, Any], found: re.Match[str]) -> bool:
    """The path names a stored flow, not a top-level field that merely looks like one ("flows[0]")."""
    flows = inputs.get("flows")
    return isinstance(flows, list) and int(found[1]) < len(flows)


def _repair_answer(
    part: dict[str, Any],
    path: str,
    answer_id: str,
    answers: dict[str, Answer],
    again: bool,
    rereads: list[Reread],
    set_aside: dict[str, object],
) -> None:
    flow = _flow_name(part) if path.startswith("flows[") else ""
    where = f"{path}.{answer_id}"
    answer = answers.get(answer_id)
    if answer is None:
        # Unknown to this version: keep it aside under the name it was stored with.
        key = next((k for k in part if str(k) == answer_id or repr(k) == answer_id), answer_id)
        value = part.pop(key, None)
        set_aside[f"{path}.{key}"] = value
        rereads.append(Reread(f"{path}.{key}", value, None, "retired", flow))
        return
    before = part.get(answer_id)
    if answer.kind == "choice" and answer.accepts_unknown and not again and isinstance(before, str):
        part[answer_id] = UNKNOWN
        set_aside[where] = before
        rereads.append(Reread(where, before, UNKNOWN, "no_longer_a_choice", flow))
        return
    if answer_id in part:
        set_aside[where] = part.pop(answer_id)
    if answer.required:
        part[answer_id] = _fallback(answer, path)
        rereads.append(Reread(where, before, part[answer_id], "placeholder", flow))
    else:
        rereads.append(Reread(where, before, None, "not_readable", flow))


def _fallback(answer: Answer, path: str) -> object:
    """A value for a required answer that was missing or unreadable: a name from the position, else "unknown"."""
    if answer.kind == "text":
        index = int(path[len("flows[") : -1]) if path.startswith("flows[") else 0
        return f"Flow {index + 1}"
    return UNKNOWN if answer.accepts_unknown else answer.choices[0]


def _repair_weights(inputs: dict[str, Any], factor: str, rereads: list[Reread], set_aside: dict[str, object]) -> None:
    weights = inputs.get("weights")
    if factor and isinstance(weights, dict) and (factor in weights or factor not in FACTOR_IDS):
        key = next((k for k in weights if str(k) == factor or repr(k) == factor), factor)
        value = weights.pop(key, None)
        set_aside[f"weights.{key}"] = value
        rereads.append(Reread(f"weights.{key}", value, None, "retired" if factor not in FACTOR_IDS else "not_readable"))
        return
    # Not an object, or every weight 0: all factors weigh 1 again.
    _replace(inputs, "weights", {}, rereads, set_aside)


def _repair_flows(inputs: dict[str, Any], rereads: list[Reread], set_aside: dict[str, object]) -> None:
    flows = inputs.get("flows")
    if isinstance(flows, list) and len(flows) > MAX_FLOWS:
        rereads.append(Reread("flows", len(flows), MAX_FLOWS, "cut"))
        set_aside[f"flows[{MAX_FLOWS}:]"] = flows[MAX_FLOWS:]
        del flows[MAX_FLOWS:]
        return
    if flows is not None:
        set_aside["flows"] = flows
    inputs["flows"] = [_placeholder_flow(0)]
    rereads.append(Reread("flows", flows, None, "placeholder"))


def _replace(
    inputs: dict[str, Any], key: str, empty: dict[str, Any], rereads: list[Reread], set_aside: dict[str, object]
) -> None:
    value = inputs.get(key)
    set_aside[key] = value
    inputs[key] = empty
    rereads.append(Reread(key, value, None, "not_readable"))


def _placeholder_flow(index: int) -> dict[str, Any]:
    return {"name": f"Flow {index + 1}", "interaction": UNKNOWN}


def _flow_name(part: dict[str, Any]) -> str:
    name = part.get("name")
    return name.strip()[:120] if isinstance(name, str) else ""


def _shown(value: object) -> str:
    if value is None:
        return "the default"
    if isinstance(value, str):
        return "not sure" if value == UNKNOWN else f"“{label(value)}”"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def stored_recommendation(raw: object, assessment: Assessment) -> Recommendation | None:
    """The stored result snapshot, or None when it cannot be read or does not answer these inputs' flows."""
    if not isinstance(raw, dict):
        return None
    try:
        recommendation = recommendation_from_dict(raw)
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    if [r.name for r in recommendation.flows] != [f.name for f in assessment.flows] or not _complete(recommendation):
        return None
    return recommendation


def stored_flow_result(raw: object, assessment: Assessment, index: int) -> FlowResult | None:
    """One flow's stored result, read alone (a what-if panel shows one flow of maybe fifty), or None when it
    cannot be read or does not answer that flow, as `stored_recommendation` would find it."""
    flows = raw.get("flows") if isinstance(raw, dict) else None
    if not isinstance(flows, list) or len(flows) != len(assessment.flows) or not isinstance(flows[index], dict):
        return None
    try:
        result = flow_result_from_dict(flows[index])
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    return result if result.name == assessment.flows[index].name and _flow_complete(result) else None


def _complete(recommendation: Recommendation) -> bool:
    """Every pattern scored and every factor weighed in each flow, as the pages and reports read them."""
    return set(PATTERN_IDS) <= set(recommendation.mix) and all(map(_flow_complete, recommendation.flows))


def _flow_complete(flow: FlowResult) -> bool:
    patterns, factors = set(PATTERN_IDS), set(FACTOR_IDS)
    return (
        flow.pattern in patterns
        and patterns <= set(flow.scores)
        and factors <= set(flow.factors)
        and all(patterns <= set(flow.factors[f].contributions) for f in factors)
    )
