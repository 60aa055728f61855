"""The API's shapes for the OpenAPI schema, generated from the engine so they cannot drift.

Requests are validated by the engine's own parser (one set of messages
everywhere); the input models below are built from the answers table
(engine/answers.py) and the dataclasses' defaults, and say in JSON Schema what
that parser accepts. What JSON Schema cannot say (names repeated in another
case, unpaired surrogates) is written in the field's description.
"""

from __future__ import annotations

import dataclasses
import functools
import types
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, create_model, model_validator

from advisor.engine import export
from advisor.engine.answers import FLOW_ANSWERS, LANDSCAPE_ANSWERS, UNKNOWN, Answer
from advisor.engine.catalog import FACTOR_IDS, PATTERN_IDS
from advisor.engine.landscape import BULK, UNDECIDED
from advisor.engine.model import (
    FactorScore,
    Flip,
    FlowChange,
    FlowResult,
    LandscapeFlip,
    Recommendation,
    Risk,
)
from advisor.engine.parse import MAX_FLOWS, MAX_NAME, MAX_SYSTEM_NAME, MAX_WEIGHT
from advisor.engine.recommend import CONFIDENCES

PatternId = Literal[PATTERN_IDS]  # type: ignore[valid-type]
MixKey = Literal[(*PATTERN_IDS, BULK, UNDECIDED)]  # type: ignore[valid-type]

# The parser trims what str.strip() trims and refuses control characters other than tab, newline and
# carriage return, and bidirectional embeddings, overrides and isolates. Whitespace that is also a control
# character (\v, \f, \x1c-\x1f, \x85) is refused anyway.
_SPACE = r"\t\n\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"


def trimmed_text(low: int, high: int) -> str:
    """A pattern for text of `low` to `high` characters once surrounding whitespace is trimmed."""
    visible, allowed = f"[^{_CONTROL}{_SPACE}]", f"[^{_CONTROL}]"
    core = f"{visible}(?:{allowed}{{0,{high - 2}}}{visible})?" if high > 1 else visible
    return f"^[{_SPACE}]*({core}){'?' if low == 0 else ''}[{_SPACE}]*$"


def _text_rule(low: int, high: int) -> str:
    return (
        f"{low} to {high} characters once surrounding whitespace is trimmed; "
        "no control characters other than tab and line breaks, no bidirectional embeddings, overrides or isolates "
        "(U+202A to U+202E, U+2066 to U+2069), no unpaired surrogates."
    )


def _answer_field(answer: Answer) -> tuple[Any, Any]:
    """The type and Field of one answer: its choices, limits, default and words, from the answers table."""
    question = answer.question if answer.question.endswith(("?", ".")) else f"{answer.question}."
    words = f"{question} {answer.help}".strip()
    default = ... if answer.required else answer.default
    low, high = answer.low, answer.high
    match answer.kind:
        case "choice":
            return Literal[(*answer.choices, UNKNOWN)], Field(default, description=words)
        case "integer" | "number":
            bounded: Any = (
                Annotated[int, Field(ge=int(low), le=int(high))]
                if answer.kind == "integer"
                else Annotated[float, Field(ge=low, le=high)]
            )
            if not answer.accepts_range:
                return bounded, Field(default, description=words)
            doubt = ' Not sure: "unknown", or a range [low, high] (for example [3, 10]).'
            return bounded | Literal["unknown"] | tuple[bounded, bounded], Field(default, description=words + doubt)
        case "text":
            rule = _text_rule(int(low), int(high))
            return str, Field(default, pattern=trimmed_text(int(low), int(high)), description=f"{words} {rule}")
        case "names":
            name = Annotated[str, Field(pattern=trimmed_text(1, MAX_SYSTEM_NAME))]
            rule = (
                f"{int(low)} to {int(high)} system names, each {_text_rule(1, MAX_SYSTEM_NAME)} "
                "Each system is named once, compared without case and surrounding whitespace "
                "(uniqueItems checks exact repeats only)."
            )
            return list[name], Field(
                list(default) if isinstance(default, tuple) else default,
                min_length=int(low),
                max_length=int(high),
                json_schema_extra={"uniqueItems": True},
                description=f"{words} {rule}",
            )


class Closed(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _answers_model(name: str, answers: dict[str, Answer]) -> type[Closed]:
    fields: dict[str, Any] = {a.id: _answer_field(a) for a in answers.values()}
    return create_model(name, __base__=Closed, **fields)


LandscapeIn = _answers_model("LandscapeIn", LANDSCAPE_ANSWERS)
FlowIn = _answers_model("FlowIn", FLOW_ANSWERS)

ALL_ZERO: dict[str, Any] = {"required": list(FACTOR_IDS), "properties": {f: {"const": 0} for f in FACTOR_IDS}}


class WeightsBase(Closed):
    model_config = ConfigDict(json_schema_extra={"not": ALL_ZERO})

    @model_validator(mode="after")
    def _one_above_zero(self) -> WeightsBase:
        if all(getattr(self, f) == 0 for f in FACTOR_IDS):
            raise ValueError("at least one factor needs a weight above 0")
        return self


_weights: dict[str, Any] = {f: (float, Field(1, ge=0, le=MAX_WEIGHT)) for f in FACTOR_IDS}
WeightsIn = create_model(
    "WeightsIn",
    __base__=WeightsBase,
    __doc__=f"How much each factor counts, 0 to {MAX_WEIGHT}; a factor left out weighs 1. "
    "At least one factor needs a weight above 0.",
    **_weights,
)

AssessmentIn = create_model(
    "AssessmentIn",
    __base__=Closed,
    landscape=(LandscapeIn, Field(default_factory=LandscapeIn)),
    flows=(list[FlowIn], Field(min_length=1, max_length=MAX_FLOWS)),  # type: ignore[valid-type]
    weights=(WeightsIn, Field(default_factory=WeightsIn)),
    name=(
        str,
        Field(
            "",
            pattern=trimmed_text(0, MAX_NAME),
            description=f"Only stored by POST /assessments. {_text_rule(0, MAX_NAME)}",
        ),
    ),
    engine_version=(str, Field("", description="Ignored: present in exports so they post back unchanged")),
)


# The response's shape is the engine's dataclasses (model.py), read off them here as it is by the
# export (engine/export.py): a field added to the result is documented without a word written here.
# What the dataclasses type as plain strings, the catalog names the choices of.
FactorId = Literal[FACTOR_IDS]  # type: ignore[valid-type]
KEYED: dict[tuple[type, str], Any] = {
    # Flows per pattern; a bulk transfer and an undecided flow are counted under "bulk" and "undecided" instead.
    (Recommendation, "mix"): MixKey,
    (FlowResult, "scores"): PatternId,
    (FlowResult, "robustness"): PatternId,
    (FlowResult, "factors"): FactorId,
    (FactorScore, "contributions"): PatternId,
}
NARROWED: dict[tuple[type, str], Any] = {
    (FlowResult, "pattern"): PatternId,
    (FlowResult, "confidence"): Literal[CONFIDENCES],
    (Risk, "severity"): Literal["high", "medium", "low"],
    (Flip, "pattern"): PatternId,
    (FlowChange, "pattern"): PatternId,
    # A flip's answers are a choice or a number.
    (Flip, "before"): str | int | float,
    (Flip, "after"): str | int | float,
    (LandscapeFlip, "before"): str | int | float,
    (LandscapeFlip, "after"): str | int | float,
}
OUT_NAMES: dict[type, str] = {Recommendation: "RecommendationOut"}


def _out_type(owner: type, name: str, hint: Any) -> Any:
    if (owner, name) in NARROWED:
        return NARROWED[owner, name]
    origin, args = get_origin(hint), get_args(hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return out_model(hint)
    if origin is tuple:
        return list[_out_type(owner, name, args[0])]  # type: ignore[misc]
    if origin is dict:
        return dict[KEYED.get((owner, name), args[0]), _out_type(owner, name, args[1])]  # type: ignore[misc]
    if origin in (types.UnionType, Union):
        return Union[tuple(_out_type(owner, name, a) for a in args)]  # noqa: UP007
    return hint


@functools.cache
def out_model(cls: type) -> type[BaseModel]:
    """The pydantic model of an engine dataclass: every field required, named as the JSON names it."""
    hints = export.hints(cls)
    fields: dict[str, Any] = {
        f.name: (_out_type(cls, f.name, hints[f.name]), Field(alias=export.json_name(f)))
        for f in dataclasses.fields(cls)
    }
    config = ConfigDict(populate_by_name=True, serialize_by_alias=True, extra="forbid")
    return create_model(OUT_NAMES.get(cls, f"{cls.__name__}Out"), __config__=config, **fields)


unknown_narrowed = [(c, n) for c, n in [*NARROWED, *KEYED] if n not in {f.name for f in dataclasses.fields(c)}]
assert not unknown_narrowed, f"NARROWED or KEYED name fields the result no longer has: {unknown_narrowed}"
RecommendationOut = out_model(Recommendation)


class LinksOut(BaseModel):
    view_url: str
    edit_url: str
    pdf_url: str
    adr_url: str
    # The same decision records as numbered MADR files, one per decision.
    adr_zip_url: str
    json_url: str


class FieldErrorOut(BaseModel):
    field: str
    message: str


class ErrorOut(BaseModel):
    detail: str
    errors: list[FieldErrorOut] = []
