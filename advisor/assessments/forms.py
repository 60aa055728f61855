"""The questionnaire and the editor as Django forms over the engine's answers table.

Each field comes from engine/answers.py (its label or question, help, choices
and length); a field only turns posted text into a value (a number, a list of
names). The limits are the engine's alone: AssessmentForm.clean() hands the
whole assessment to parse_assessment, and each of its errors lands on the
field its path names (`flows[2].latency` on the third flow's latency).

Field names and ids are the same, and predictable: `name`, `landscape-systems`,
`flow-2-latency`, `weight-real_time`. A field the page did not carry is left
out, so the engine gives it its default; a field sent empty is an answer, and
the engine says what is wrong with it.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Collection
from dataclasses import dataclass, fields
from decimal import Decimal
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from django import forms
from django.forms.formsets import BaseFormSet, formset_factory
from django.http import QueryDict

from advisor import engine
from advisor.engine import FieldError, InvalidAssessment, parse_assessment
from advisor.engine.answers import FLOW_ANSWERS, LANDSCAPE_ANSWERS, UNKNOWN, Answer, Span
from advisor.engine.catalog import FACTOR_IDS, FACTORS, Factor, label
from advisor.engine.choices import Interaction
from advisor.engine.parse import MAX_FLOWS, MAX_NAME
from advisor.engine.wording import in_sentence

from .presentation import FILE, FILE_LATENCY, FILE_WORDS, SIZE_LABEL, a_file, example_places

Wording = Literal["question", "label"]
# Choices with many options read better as a drop-down than as a row of radio buttons.
SELECTS = ("platform", "existing_broker")
NO_ANSWER = None
# A new flow starts without a name: this shows what kind of name, and goes as soon as one is typed.
FLOW_NAME_PLACEHOLDER = "e.g. Stock level to the shop"


def number_text(value: object) -> str:
    """A number as a person would type it back: 4 rather than 4.0, 0.1 rather than 0.1000000001."""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


class AnswerField(forms.Field):
    """Posted text as the value the engine reads; None when the page did not carry the field."""

    def __init__(self, *, default: object = None, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)
        self.default = default

    def to_python(self, value: Any) -> Any:
        return value

    def prepare_value(self, value: Any) -> Any:
        return value


class ChoiceField(AnswerField):
    """The engine checks the choice, so a value that is not one is refused in the engine's words."""


# A number as people type it: 20000, 20,000, 20 000, 20_000, 20k, 1.5M, 2bn, 2.5e3. Commas only group
# thousands, so "1,5" (a decimal comma) is not read as 15 but left for the engine to refuse.
_TYPED_NUMBER = re.compile(
    r"(?P<number>[+-]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?(?:e[+-]?\d+)?)\s*(?P<scale>[a-z]*)", re.IGNORECASE
)
_SCALES = {"": 1, "k": 10**3, "thousand": 10**3, "m": 10**6, "mn": 10**6, "million": 10**6}
_SCALES |= {"b": 10**9, "bn": 10**9, "billion": 10**9}
# Spaces people put between groups of digits: plain, no-break and narrow no-break, and underscores.
MAX_DIGITS = 18
_DIGIT_GAPS = re.compile(r"(?<=\d)[ \u00a0\u202f_](?=\d)")


def read_number(text: str, *, whole: bool) -> int | float | str:
    """The number in `text`, or the text itself (stripped) when it is none: the engine says what is
    wrong with it, so a refusal reads the same in the editor, the API and an import."""
    typed = _DIGIT_GAPS.sub("", text.strip())
    found = _TYPED_NUMBER.fullmatch(typed)
    if found is None or found["number"].lstrip("+-") in ("", "."):
        return text.strip()
    scale = _SCALES.get(found["scale"].lower())
    try:
        value = Decimal(found["number"].replace(",", "")) * scale if scale else None
    except ArithmeticError:
        value = None
    if value is None:
        return text.strip()
    # Far beyond every limit (1e999999): a float (inf at worst) for the engine to refuse, never a huge int.
    if value.adjusted() > MAX_DIGITS:
        return float(value)
    # A whole answer given with a fraction (1.2345k) goes on as a float, which the engine refuses by name.
    return int(value) if whole and value == value.to_integral_value() else float(value)


# A message size as people say it: "300 KB", "50 MB", "1 GB"; a number alone is KB. 1 MB is 1,024 KB, as the
# technologies' limits count (RabbitMQ's 16 MiB default, NATS's 1 MiB).
KB_PER_UNIT = {"": 1, "kb": 1, "kib": 1, "mb": 1024, "mib": 1024, "gb": 1024**2, "gib": 1024**2}
_TYPED_SIZE = re.compile(r"(?P<number>[+-]?(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?)\s*(?P<unit>[a-z]*)", re.IGNORECASE)
SIZE_UNITS_HINT = "300 KB or 50 MB (1 MB = 1,024 KB; a number alone is KB)"


def read_size(text: str, unit: str = "") -> int | float | str:
    """A size in KB from "50 MB", "2 GB" or "300", or the text itself (stripped) when it is none, for the
    engine to refuse. `unit`: the one a range's other end gave ("1–5 MB"), for an end typed without one."""
    found = _TYPED_SIZE.fullmatch(_DIGIT_GAPS.sub("", text.strip()))
    if found is None or found["number"].lstrip("+-") in ("", "."):
        return text.strip()
    scale = KB_PER_UNIT.get((found["unit"] or unit).lower())
    if scale is None:
        return text.strip()
    value = Decimal(found["number"].replace(",", "")) * scale
    if value.adjusted() > MAX_DIGITS:
        return float(value)
    return int(value) if value == value.to_integral_value() else float(value)


def size_text(kb: object) -> str:
    """A size in KB as a person would read it back: 51200 is “50 MB”, 1048576 “1 GB”, 300 “300 KB”."""
    if not isinstance(kb, (int, float)) or isinstance(kb, bool):
        return str(kb)
    for unit, scale in (("GB", 1024**2), ("MB", 1024)):
        if kb >= scale and kb % scale == 0:
            return f"{number_text(kb // scale)} {unit}"
    return f"{number_text(kb)} KB"


# "Not sure" as people type it, and a range's two ends: "3-10", "3–10", "3 to 10", "10k - 50k".
NOT_SURE = frozenset({"unknown", "not sure", "don't know", "?"})
# A range as each number's question would take it, in the hint beside the box and in its refusals.
RANGE_EXAMPLES = {"volume_per_day": "10k–50k", "peak_factor": "3–10", "message_size_kb": "2–64 KB"}


# A nightly file in the words of the two questions it puzzles (user 3, H5 and H6), kept in view beside the box of
# a flow that may be one: a command due within hours. Elsewhere (a till's lookup) it only puzzles (user 6, H3): the
# size says its unit, and messages a day nothing. site.js says the one that fits as the answers change.
BATCH_HINTS = {
    "volume_per_day": ("A nightly file: 1 a day.", ""),
    "message_size_kb": (
        "A nightly file: its size with the unit, e.g. 50 MB (1 MB = 1,024 KB; a number alone is KB).",
        "With its unit, e.g. 300 KB or 50 MB (1 MB = 1,024 KB; a number alone is KB).",
    ),
}


def hint_files(field: forms.Field, file_hint: str, other_hint: str, is_file: bool) -> None:
    """A hint that says one thing for a flow that may be a file and another (or nothing) otherwise."""
    field.hint_file = file_hint  # type: ignore[attr-defined]
    field.hint_other = other_hint  # type: ignore[attr-defined]
    field.hint = file_hint if is_file else other_hint  # type: ignore[attr-defined]


def doubt_hint(answer_id: str) -> str:
    return f"Not sure? Type “not sure”, or a range such as {RANGE_EXAMPLES[answer_id]}."


# Between a range's ends: a dash (not an exponent's sign, 2.5e-3) or "to".
_RANGE_DASH = re.compile(r"\s*(?:–|—|\bto\b|(?<![eE])-)\s*", re.IGNORECASE)


class DoubtInput(forms.TextInput):
    """A number's box with a visible “I'm not sure” beside it (partials/field.html): ticked, the answer is
    “not sure”, as if typed (users 7 and 8 of issue 23 knew no peak factor and missed the hint to type it)."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        if data.get(f"{name}-{UNSURE}"):
            return NOT_SURE_TYPED
        return super().value_from_datadict(data, files, name)


# The name's end of a number's “I'm not sure” box, and what ticking it stands for.
UNSURE = "unsure"
NOT_SURE_TYPED = "not sure"


def typed_not_sure(text: object) -> bool:
    """Whether a box's text says “not sure” in one of the ways people type it."""
    return str(text).strip().lower().replace("’", "'") in NOT_SURE


class NumberField(AnswerField):
    """A number as people type it (see read_number). Django's IntegerField and FloatField would check the
    range with messages of their own; the range, and what is not a number at all, are the engine's to check.
    Where the answer may be "not sure", that or a range of two numbers ("3–10") is taken as the API takes it."""

    def __init__(self, *, whole: bool, doubts: bool = False, **kwargs: Any) -> None:
        kwargs.setdefault("widget", (DoubtInput if doubts else forms.TextInput)(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)
        self.whole = whole
        self.doubts = doubts

    def to_python(self, value: Any) -> int | float | str | list[int | float | str] | None:
        if value is None:
            return NO_ANSWER
        text = str(value)
        if self.doubts and typed_not_sure(text):
            return UNKNOWN
        ends = _RANGE_DASH.split(text.strip()) if self.doubts else []
        if len(ends) == 2 and all(ends):
            return [read_number(end, whole=self.whole) for end in ends]
        return read_number(text, whole=self.whole)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Span):
            value = value.wire()
        if value == UNKNOWN:
            return NOT_SURE_TYPED
        if isinstance(value, (list, tuple)):
            return "–".join(self.shown(end) if isinstance(end, (int, float)) else str(end) for end in value)
        return self.shown(value) if isinstance(value, (int, float)) else value

    def shown(self, number: float) -> str:
        """One number as the box shows it back."""
        return number_text(number)


class SizeField(NumberField):
    """A message size with its unit ("50 MB"), in KB for the engine; shown back with the unit that reads whole."""

    def to_python(self, value: Any) -> int | float | str | list[int | float | str] | None:
        if value is None:
            return NO_ANSWER
        text = str(value).strip()
        if typed_not_sure(text):
            return UNKNOWN
        ends = _RANGE_DASH.split(text)
        if len(ends) == 2 and all(ends):
            found = _TYPED_SIZE.fullmatch(ends[1].strip())
            unit = found["unit"] if found else ""
            return [read_size(end, unit) for end in ends]
        return read_size(text)

    def shown(self, number: float) -> str:
        return size_text(number)


# The size's question without "in KB": the box takes a unit.
SIZE_QUESTION = "How large is a typical message?"
# When to pick which delivery, in the words of a case where it matters (user 5, H5: points credited twice). Users 7
# and 8 still could not tell "no loss" from "effectively once": each now says when to pick it, and "no loss" is
# said by one choice alone. The quick path and the editor read them from here.
CHOICE_WORDS = {
    "best_effort": "best effort: a lost message does no harm (a newer one replaces it)",
    "no_loss": "no loss: every message must arrive; a duplicate does no harm",
    "effectively_once": (
        "effectively once: every message must arrive, and a duplicate would do harm (e.g. charging a card twice)"
    ),
}


class NamesField(AnswerField):
    """System names separated by commas. An emptied field is an empty list, which the engine refuses by name."""

    def to_python(self, value: Any) -> list[str] | None:
        if value is None:
            return NO_ANSWER
        return [name.strip() for name in str(value).split(",") if name.strip()]

    def prepare_value(self, value: Any) -> Any:
        return ", ".join(value) if isinstance(value, (list, tuple)) else value


def answer_field(answer: Answer, wording: Wording) -> AnswerField:
    """The form field of one answer. The editor labels fields shortly and leaves out the help of radio choices."""
    text = answer.question if wording == "question" else answer.label
    radios = answer.kind == "choice" and answer.id not in SELECTS
    help_text = "" if wording == "label" and radios else answer.help
    common: dict[str, Any] = {"label": text, "help_text": help_text, "default": answer.default}
    match answer.kind:
        case "choice":
            options = [(value, CHOICE_WORDS.get(value, label(value))) for value in (*answer.choices, UNKNOWN)]
            widget = forms.Select if answer.id in SELECTS else forms.RadioSelect
            return ChoiceField(widget=widget(choices=options), **common)
        case "integer" | "number":
            if answer.accepts_range:
                common["help_text"] = f"{help_text} {doubt_hint(answer.id)}".strip()
            if answer.id == "message_size_kb":
                common["label"] = SIZE_QUESTION if wording == "question" else SIZE_LABEL
                number: NumberField = SizeField(whole=False, doubts=True, **common)
            else:
                number = NumberField(whole=answer.kind == "integer", doubts=answer.accepts_range, **common)
            number.hint = ""  # type: ignore[attr-defined]
            return number
        case "names":
            return NamesField(**common)
        case _:
            attrs = {"maxlength": str(int(answer.high))}
            if answer.id == "name":
                attrs["placeholder"] = FLOW_NAME_PLACEHOLDER
            return AnswerField(widget=forms.TextInput(attrs=attrs), **common)


class AnswersForm(forms.Form):
    """The answers of one part of an assessment (the landscape, or one flow), in the table's order."""

    answers: dict[str, Answer] = {}
    # The fields are made once per wording, and each form gets its own deep copy of them, as Django
    # copies base_fields: a field or widget changed for one form (an attribute, its choices) must not
    # show in another request's. Copying is half the cost of building them again.
    _prototypes: dict[Wording, dict[str, forms.Field]]

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        cls._prototypes = {}

    def __init__(self, *args: Any, wording: Wording = "label", **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        if wording not in self._prototypes:
            self._prototypes[wording] = {a.id: answer_field(a, wording) for a in self.answers.values()}
        self.fields = copy.deepcopy(self._prototypes[wording])


class LandscapeForm(AnswersForm):
    answers = LANDSCAPE_ANSWERS


class FlowForm(AnswersForm):
    answers = FLOW_ANSWERS


def given(form: forms.Form) -> dict[str, Any]:
    """The answers the page carried, as values, without those that are not even numbers."""
    return {name: value for name, value in form.cleaned_data.items() if value is not NO_ANSWER}


def texts(form: forms.Form) -> dict[str, Any]:
    """What the person typed, field by field; a field the page did not carry shows its default."""
    shown = {}
    for name, field in form.fields.items():
        value = form[name].data
        shown[name] = field.default if value is None and isinstance(field, AnswerField) else value
    return shown


class WeightsForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        super().__init__(*args, **kwargs)
        for factor_id in FACTOR_IDS:
            self.fields[factor_id] = NumberField(whole=False, label=FACTORS[factor_id].name, default=1)


if TYPE_CHECKING:
    FlowFormSetBase = BaseFormSet[FlowForm]
else:  # Django's BaseFormSet is generic only in django-stubs.
    FlowFormSetBase = BaseFormSet


class BaseFlowFormSet(FlowFormSetBase):
    """The flows, in order. Their count is the engine's to check, so the formset keeps one more than
    allowed (absolute_max) for the engine to say there are too many, and every form is validated, none
    skipped as an unchanged extra."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "%s")
        kwargs.setdefault("prefix", "flow")
        kwargs["form_kwargs"] = {"empty_permitted": False, **kwargs.get("form_kwargs", {})}
        super().__init__(*args, **kwargs)


FlowFormSet = formset_factory(FlowForm, formset=BaseFlowFormSet, extra=0, max_num=MAX_FLOWS, absolute_max=MAX_FLOWS + 1)


def _values(answers: engine.Landscape | engine.Flow) -> dict[str, Any]:
    """The fields of a Landscape or Flow as initial form values."""
    return {f.name: getattr(answers, f.name) for f in fields(answers)}


class AssessmentForm(forms.Form):
    """An assessment's name and its parts, validated as one by the engine.

    Subclasses say which parts the page asks for (flow_forms, and weights or not).
    """

    name = AnswerField(label="Name", default="", widget=forms.TextInput(attrs={"maxlength": MAX_NAME}))

    landscape: LandscapeForm

    def __init__(self, data: QueryDict | None = None, *, initial: dict[str, Any] | None = None) -> None:
        super().__init__(data, initial=initial, auto_id="%s")
        self.assessment: engine.Assessment | None = None
        self.problems: list[FieldError] = []
        self.payload: dict[str, Any] = {}

    def flow_forms(self) -> list[FlowForm]:
        raise NotImplementedError

    def weights_form(self) -> WeightsForm | None:
        """The weights, when the page asks for them."""
        return None

    def is_valid(self) -> bool:
        return super().is_valid() and self.assessment is not None

    def validated(self) -> engine.Assessment | None:
        """The assessment, when every answer is valid."""
        return self.assessment if self.is_valid() else None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for _, form in self._parts():
            form.is_valid()
        payload: dict[str, Any] = {
            "landscape": self.landscape_answers(),
            "flows": [self.flow_answers(form) for form in self.flow_forms()],
        }
        if (weights := self.weights_form()) is not None:
            payload["weights"] = given(weights)
        if cleaned.get("name") is not NO_ANSWER:
            payload["name"] = cleaned["name"]
        self.payload = payload
        try:
            self.assessment = parse_assessment(payload)
        except InvalidAssessment as invalid:
            self.refuse(invalid)
        return cleaned

    def landscape_answers(self) -> dict[str, Any]:
        """The landscape's answers as the engine reads them."""
        return given(self.landscape)

    def flow_answers(self, form: FlowForm) -> dict[str, Any]:
        """One flow's answers as the engine reads them."""
        return given(form)

    def refuse(self, invalid: InvalidAssessment) -> None:
        """Show the engine's refusal of answers made from this form's (a merge after a conflict)."""
        for error in invalid.errors:
            self._place(error)

    def _parts(self) -> list[tuple[str, forms.Form]]:
        parts: list[tuple[str, forms.Form]] = [("landscape", self.landscape)]
        parts += [(f"flows[{i}]", form) for i, form in enumerate(self.flow_forms())]
        if (weights := self.weights_form()) is not None:
            parts.append(("weights", weights))
        return parts

    def _place(self, error: FieldError) -> None:
        """Put an engine error, in the page's words, beside the field its path names, and in the list of problems."""
        self.problems.append(error)
        said = self.problem(error).message
        owner, _, rest = error.field.partition(".")
        if owner == "name":
            self.add_error("name", said)
        elif owner == "landscape" and rest in self.landscape.fields:
            self.landscape.add_error(rest, said)
        elif owner == "weights" and (weights := self.weights_form()) is not None:
            weights.add_error(rest if rest in weights.fields else None, said)
        elif owner.startswith("flows[") and rest:
            index = int(owner[len("flows[") : -1])
            field = rest.partition("[")[0]
            if index < len(self.flow_forms()) and field in FLOW_ANSWERS:
                self.flow_forms()[index].add_error(field, said)

    def flow_where(self, index: int) -> str:
        """How the error summary names a flow."""
        return f"Flow {index + 1}"

    def previewable(self) -> Preview | None:
        """What can be previewed of a refused assessment: the flows without a problem, and each other flow
        with its problems. A refused landscape answer or weight is left at its default meanwhile. None when
        no flow is left to preview or the refusal is about the flows as a whole."""
        incomplete: dict[int, list[Problem]] = {}
        landscape_refused: set[str] = set()
        weights_refused = False
        for error in self.problems:
            owner, _, rest = error.field.partition(".")
            if found := re.fullmatch(r"flows\[(\d+)\]", owner):
                incomplete.setdefault(int(found[1]), []).append(self.problem(error))
            elif owner == "landscape":
                landscape_refused.add(rest.partition("[")[0])
            elif owner == "weights":
                weights_refused = True
            elif owner != "name":
                return None
        flows = [flow for index, flow in enumerate(self.payload.get("flows", [])) if index not in incomplete]
        if not flows:
            return None
        landscape = {k: v for k, v in self.payload.get("landscape", {}).items() if k not in landscape_refused}
        payload: dict[str, Any] = {"landscape": landscape, "flows": flows}
        if not weights_refused and "weights" in self.payload:
            payload["weights"] = self.payload["weights"]
        try:
            assessment = parse_assessment(payload)
        except InvalidAssessment:
            return None
        names = [str(form["name"].data or "").strip() for form in self.flow_forms()]
        return Preview(assessment, incomplete, names)

    def summary(self) -> list[Problem]:
        """The answers to check, in the page's words, each linked to its field."""
        return [self.problem(error) for error in self.problems]

    def problem(self, error: FieldError) -> Problem:
        """An engine error as the page says it: `flows[0].volume_per_day` "must be a whole number …" is
        "Flow 1, messages per day: a whole number …; for example 20000 or 20k", linked to #flow-0-volume_per_day."""
        owner, _, rest = error.field.partition(".")
        answer_id = rest.partition("[")[0]
        if owner == "name":
            return Problem("Name of the assessment", plainly(error.message, "assessment"), "name")
        if owner == "landscape" and (answer := LANDSCAPE_ANSWERS.get(answer_id)):
            return Problem(answer.label, said(error.message, answer.example), f"landscape-{answer_id}")
        if owner == "weights":
            if answer_id in FACTORS:
                where = f"Weight of {in_sentence(FACTORS[answer_id].name)}"
                return Problem(where, said(error.message, WEIGHT_EXAMPLE), f"weight-{answer_id}")
            return Problem("Factor weights", said(error.message), f"weight-{FACTOR_IDS[0]}")
        if owner == "flows":
            return Problem("Flows", said(error.message), "flows-title")
        if found := re.fullmatch(r"flows\[(\d+)\]", owner):
            index = int(found[1])
            flow = self.flow_where(index)
            if answer := FLOW_ANSWERS.get(answer_id):
                where = f"{flow}, {in_sentence(answer.label)}" if flow else answer.label
                message = plainly(error.message, answer_id, answer.example)
                if answer_id == "message_size_kb" and not _RANGE_DOWN.fullmatch(error.message):
                    typed = self.flow_forms()[index][answer_id].data if index < len(self.flow_forms()) else None
                    message = size_refused(str(typed if typed is not None else "").strip())
                return Problem(where, message, f"flow-{index}-{answer_id}", answer.question)
            return Problem(flow or "The flow", said(error.message), f"flow-{index}")
        return Problem(error.field, said(error.message))


@dataclass(frozen=True, slots=True)
class Preview:
    """A refused assessment as far as it can be previewed: the assessment of its complete flows, the
    problems of each incomplete flow by its position, and every flow's name as typed."""

    assessment: engine.Assessment
    incomplete: dict[int, list[Problem]]
    names: list[str]


@dataclass(frozen=True, slots=True)
class Problem:
    """An answer to check as a page lists it: where, in the questions' words, what is wrong, and the id of
    the field to go to (none when the page has no such field)."""

    where: str
    message: str
    field_id: str = ""
    question: str = ""


# A weight as a person would type it, shown with a refusal.
WEIGHT_EXAMPLE = "2 or 0.5"


def said(message: str, example: str = "") -> str:
    """An engine message as the page says it after the question's name: "must be a whole number from 0 to
    …" reads "a whole number from 0 to …", and a number's refusal shows what to type instead."""
    for lead in ("must be ", "is "):
        if message.startswith(lead):
            message = message.removeprefix(lead)
            break
    return f"{message}; for example {example}" if example else message


_LENGTH = re.compile(r"must be (\d+) to (\d+) characters, not (\d+)")
_COUNT = re.compile(r"must name (\d+) to (\d+) systems, not (\d+)")
# What a text left empty asks for, by the answer it belongs to.
EMPTY_TEXT = {
    "name": "give this flow a name (up to {high} characters), for example “Order placed”",
}


_NUMBER_OR_DOUBT = re.compile(r"must be (a (?:whole )?number from .+), \"unknown\" or a range \[low, high\], not (.*)")
_RANGE_DOWN = re.compile(r"a range goes from low to high, not from (\S+) down to (\S+)")


def size_refused(typed: str) -> str:
    """A refused message size in its own words, with what was typed."""
    return f"give a size from 0.1 KB to 1 GB, such as 300 KB or 50 MB, not “{typed}”"


def plainly(message: str, answer_id: str, example: str = "") -> str:
    """An engine refusal in the words of the question it answers, where the engine's reads like code:
    "must be 1 to 120 characters, not 0" is "give this flow a name (up to 120 characters)", and a number
    that may be "unknown" or a range [low, high] says how to type those: “not sure”, or 3–10."""
    if found := _NUMBER_OR_DOUBT.fullmatch(message):
        number, typed = found.groups()
        doubts = f"“not sure” or a range such as {RANGE_EXAMPLES.get(answer_id, '3–10')}"
        if typed == "''":
            return f"give {number}, or type {doubts.replace(' or ', ', or ', 1)}"
        return said(f"{number}, {doubts}, not {typed}", example)
    if found := _RANGE_DOWN.fullmatch(message):
        high, low = found.groups()
        return f"put the lower number first: {low}–{high}, not {high}–{low}"
    if found := _LENGTH.fullmatch(message):
        low, high, length = (int(n) for n in found.groups())
        if length < low:
            return EMPTY_TEXT.get(answer_id, "fill this in (up to {high} characters)").format(high=high)
        return f"shorten it to {high} characters or fewer; it has {length}"
    if found := _COUNT.fullmatch(message):
        low, high, count = (int(n) for n in found.groups())
        if count < low:
            return "name at least one system that receives it"
        return f"name at most {high} systems; there are {count}"
    if message.startswith("is required"):
        return "choose one of the answers"
    message = message.replace("a range must be two numbers [low, high]", "a range is two numbers, such as 3–10")
    return said(message, example)


class EditorForm(AssessmentForm):
    """The editor: name, landscape, any number of flows, weights."""

    # The buttons under each flow: the action's verb (move_flows) and the button's text.
    flow_actions = (("up", "Move up"), ("down", "Move down"), ("duplicate", "Duplicate"), ("remove", "Remove"))

    def __init__(self, data: QueryDict | None = None, *, initial: dict[str, Any] | None = None) -> None:
        super().__init__(data, initial=initial)
        # What the last flow action did; the page keeps the focus there and says it aloud.
        self.change: FlowChange | None = None
        given = initial or {}
        self.landscape = LandscapeForm(data, prefix="landscape", initial=given.get("landscape"))
        self.flows = FlowFormSet(data, initial=given.get("flows"))
        self.weights = WeightsForm(data, prefix="weight", initial=given.get("weights"))
        named = self.systems_named()
        self.landscape.fields["systems"].hint = systems_hint(named)  # type: ignore[attr-defined]
        for flow in self.flows.forms:
            # A nightly file read as a "command" (user 8 of issue 23): the quick path's plain choice, offered here
            # too and stored as the quick path stores it (flow_answers).
            interaction = flow.fields["interaction"]
            interaction.widget.choices = [
                *(choice for choice in interaction.widget.choices if choice[0] != UNKNOWN),
                (FILE, ROW_INTERACTIONS[FILE]),
                *(choice for choice in interaction.widget.choices if choice[0] == UNKNOWN),
            ]
            chosen = flow["interaction"].value()
            may_be_file = chosen == FILE or (chosen == Interaction.COMMAND and flow["latency"].value() == FILE_LATENCY)
            for answer, (file_hint, other_hint) in BATCH_HINTS.items():
                hint_files(flow.fields[answer], file_hint, other_hint, may_be_file)
            # A number left empty is not given: the box says what the engine assumes, as on the quick path.
            for answer, assumed in EDITOR_ASSUMED_NUMBERS.items():
                flow.fields[answer].widget.attrs["placeholder"] = assumed
            # A file or batch left empty moves once a day (flow_answers): its box says so, as its hint does, and
            # site.js switches the two as the choice changes (user 7 of issue 23 read "1 a day" over "1,000").
            volume = flow.fields["volume_per_day"].widget.attrs
            volume["data-placeholder-file"] = FILE_VOLUME_PLACEHOLDER
            volume["data-placeholder-other"] = EDITOR_ASSUMED_NUMBERS["volume_per_day"]
            if chosen == FILE:
                volume["placeholder"] = FILE_VOLUME_PLACEHOLDER
            # A new flow's choices are nobody's answers yet: the one it starts with is said to be assumed.
            # A new flow's choices are nobody's answers yet, and so are a stored flow's left out: each is said to be
            # assumed while it keeps that value, carried along hidden (flow-N-assumed) and left out when saved, so
            # the results and the PDF count what the form marked (user 6 of issue 23, H9).
            carried = flow.initial.get(ASSUMED, ()) if not flow.is_bound else _carried(flow)
            for answer in carried:
                if answer in flow.fields and flow.fields[answer].widget.input_type == "radio":
                    default = FLOW_ANSWERS[answer].default
                    if str(flow[answer].value()) == str(default):
                        flow.fields[answer].assumed = str(default)  # type: ignore[attr-defined]

    @classmethod
    def of(cls, assessment: engine.Assessment, *, add_flow: bool = False) -> EditorForm:
        """The editor, filled in with a stored assessment; with add_flow, also a new flow to name (the
        results page's "Add your other flows"), kept only when saved."""
        initial = _initial(assessment)
        # A count below the systems the flows name (the default 2, kept while flows were added) is raised to
        # them: the page shows it, editable, and says where it comes from.
        named = len(_distinct(systems_named(initial["flows"])))
        if isinstance(initial["landscape"]["systems"], int) and initial["landscape"]["systems"] < named:
            initial["landscape"]["systems"] = named
        change = move_flows(initial["flows"], "add") if add_flow else None
        form = cls(initial=initial)
        form.change = change
        return form

    def systems_named(self) -> list[str]:
        """The distinct systems the flows on the page name, as senders or receivers."""
        flows = [{"source": f["source"].value(), "consumers": _names(f["consumers"].value())} for f in self.flows]
        return _distinct(systems_named(flows))

    def flow_forms(self) -> list[FlowForm]:
        return [form for _, form in self._kept]

    @cached_property
    def _kept(self) -> list[tuple[int, FlowForm]]:
        """(position on the page, form) of the flows to save: a new flow left as it came is dropped, unless
        every flow is, so that a forgotten "Add a flow" never blocks a save."""
        every = list(enumerate(self.flows.forms))
        kept = [(n, form) for n, form in every if not untouched_new_flow(form)]
        return kept or every

    def flow_where(self, index: int) -> str:
        return f"Flow {self._kept[index][0] + 1}"

    def flow_answers(self, form: FlowForm) -> dict[str, Any]:
        """One flow's answers; a number left empty, and a choice still at the value the form said was assumed,
        are left out, so the engine takes its default and says it assumed it."""
        answers = {
            a: v
            for a, v in given(form).items()
            if not (a in EDITOR_ASSUMED_NUMBERS and v == "") and str(v) != str(getattr(form.fields[a], "assumed", None))
        }
        if answers.get("interaction") == FILE:
            # As the quick path: a command, within hours and once a day unless those were answered.
            answers = {a: v for a, v in FILE_ANSWERS.items() if a != "interaction"} | answers
            answers["interaction"] = FILE_ANSWERS["interaction"]
        return answers

    def weights_form(self) -> WeightsForm:
        return self.weights

    def mark_example(self, example: engine.Assessment | None) -> None:
        """Mark each answer still as the example (a use case) gave it: the page says it is the example's, not
        the person's, until changed. A flow is the example's flow of its name, or else of its place when
        that flow's name is on none of the flows (renamed)."""
        if example is None:
            return
        shown = _initial(example)
        _mark_same(self, {"name": shown["name"]})
        _mark_same(self.landscape, shown["landscape"])
        _fold_example(self.landscape, landscape_gist(self.landscape), LANDSCAPE_FOLDED)
        names = [str(form["name"].value() or "") for form in self.flows.forms]
        places = example_places(names, [str(flow["name"]) for flow in shown["flows"]])
        for form, place in zip(self.flows.forms, places, strict=True):
            if place is not None:
                flow = shown["flows"][place]
                _mark_same(form, flow)
                _fold_example(form, flow_gist(form), tuple(form.fields))

    def after(self, action: str) -> EditorForm:
        """The editor as it reads after adding, duplicating, removing or moving a flow (an action that
        is none of those changes nothing). Nothing is validated or saved, so no error is shown yet."""
        flows = [texts(form) | {ASSUMED: still_assumed(form)} for form in self.flow_forms()]
        change = move_flows(flows, action)
        form = EditorForm(
            initial={
                **texts(self),
                "landscape": texts(self.landscape),
                "flows": flows,
                "weights": texts(self.weights),
            }
        )
        form.change = change
        return form


# Up to this many systems, the hint beside the count names them: "2" reads as a mistake until it says which two.
SYSTEMS_LISTED = 4


def systems_hint(named: list[str]) -> str:
    """What the editor says beside the count of systems (site.js says it again as flows change)."""
    count = len(named)
    which = f" ({', '.join(named)})" if 0 < count <= SYSTEMS_LISTED else ""
    systems = f"{count} system{'s' if count != 1 else ''}{which}"
    return f"Your flows name {systems}; the count follows them until you change it."


def systems_named(flows: list[dict[str, Any]]) -> list[str]:
    """The names of the systems flows name: each sender, then its receivers."""
    names: list[str] = []
    for flow in flows:
        source = str(flow.get("source") or "").strip()
        names += ([source] if source else []) + [str(c).strip() for c in flow.get("consumers") or [] if str(c).strip()]
    return names


def _initial(assessment: engine.Assessment) -> dict[str, Any]:
    weights = dict(assessment.weights)
    return {
        "name": assessment.name,
        "landscape": _values(assessment.landscape),
        "flows": [
            _shown_flow(flow, assessment.assumed_flows[n] if n < len(assessment.assumed_flows) else frozenset())
            for n, flow in enumerate(assessment.flows)
        ],
        "weights": {f: weights.get(f, 1) for f in FACTOR_IDS},
    }


def _shown_flow(flow: engine.Flow, assumed: frozenset[str]) -> dict[str, Any]:
    """A stored flow's answers as the editor shows them: a number that was not given stays an empty box, and a
    choice that was not given is said to be assumed."""
    shown = _values(flow) | {answer: "" for answer in EDITOR_ASSUMED_NUMBERS if answer in assumed}
    if a_file(shown.get("interaction"), shown.get("latency"), shown.get("volume_per_day")):
        shown["interaction"] = FILE
    return shown | {ASSUMED: [a for a in FLOW_ANSWERS if a in assumed and a not in EDITOR_ASSUMED_NUMBERS]}


def _carried(flow: FlowForm) -> list[str]:
    """The answers a posted flow carried as assumed (flow-N-assumed)."""
    return [a for a in str(flow.data.get(f"{flow.prefix}-{ASSUMED}", "")).split(",") if a in FLOW_ANSWERS]


def still_assumed(flow: FlowForm) -> list[str]:
    """The choices the page says are assumed on this flow."""
    return [a for a, field in flow.fields.items() if getattr(field, "assumed", None) is not None]


def _mark_same(form: forms.Form, example: dict[str, Any]) -> None:
    for name, value in example.items():
        if name in form.fields and str(form[name].value()) == str(form.fields[name].prepare_value(value)):
            form.fields[name].example = True  # type: ignore[attr-defined]


# An example's answers are read in one line and accepted as they are (user 7 of issue 23 read and checked each of
# them: 753 words); the questions open behind it. A part whose answers are all still the example's starts folded,
# and one with an answer changed or refused starts open. The landscape's count of systems stays in view: it
# follows the flows as they are added.
LANDSCAPE_FOLDED = tuple(a for a in LANDSCAPE_ANSWERS if a != "systems")
# How the line names what a flow moves, and how soon: in the words a person would use.
GIST_KINDS = {
    Interaction.QUERY: "a query",
    Interaction.COMMAND: "a command",
    Interaction.EVENT: "an event",
    UNKNOWN: "a flow of a kind not sure",
}
GIST_LATENCY = {"immediate": "answered at once", UNKNOWN: "how soon not sure"}
GIST_DELIVERY = {"best_effort": "a lost message does no harm", UNKNOWN: "delivery not sure"}
# Shorter names, in the line, for the answers whose labels are long.
GIST_NAMES = {"source_availability": "sender", "consumer_availability": "receiver"}
GIST_REST = "the rest as usual"
# The choices said in the line only when they are not the usual answer.
GIST_OTHERS = (
    "ordering",
    "consumer_availability",
    "source_availability",
    "consumer_kind",
    "replay",
    "source_kind",
    "transaction",
    "freshness",
)


def _fold_example(form: forms.Form, gist: str, folded: tuple[str, ...]) -> None:
    """Give a part that came from the example its line, and say whether its questions start open."""
    unchanged = all(getattr(form.fields[a], "example", False) and not form[a].errors for a in folded)
    form.example_gist = gist  # type: ignore[attr-defined]
    form.example_open = not unchanged  # type: ignore[attr-defined]
    form.folded_fields = [form[a] for a in folded]  # type: ignore[attr-defined]


def _typed(field: forms.BoundField) -> object:
    """A box's answer as the engine would read it (20000 from "20k"), or the choice as posted."""
    value = field.value()
    return field.field.to_python(value) if isinstance(field.field, NumberField) else value


def _amount(value: object, shown: NumberField) -> str:
    if isinstance(value, list):
        return "–".join(f"{end:,}" if isinstance(end, int) else shown.shown(end) for end in value)
    return f"{value:,}" if isinstance(value, int) else shown.shown(value) if isinstance(value, float) else str(value)


def flow_gist(form: forms.Form) -> str:
    """A flow's answers in a line: “a command from Tills to Loyalty, within minutes; 200,000 a day, peaks 8 times
    the average; no loss; sender: often offline; the rest as usual”. An answer at its usual value goes unsaid."""
    interaction = str(form["interaction"].value() or "")
    source = str(form["source"].value() or "").strip() or "a sender not named"
    consumers = ", ".join(_names(form["consumers"].value())) or "no receiver named"
    kind = ROW_INTERACTIONS[FILE].partition(":")[0] if interaction == FILE else GIST_KINDS.get(interaction, interaction)
    said = [f"a {kind}" if interaction == FILE else kind, f"from {source} to {consumers},"]
    said.append(_latency_said(form) + ";")
    volume = _typed(form["volume_per_day"])
    amounts = [
        "messages a day not sure"
        if volume == UNKNOWN
        else f"{_amount(volume, _number(form))} a day"
        if volume not in ("", None)
        else "1,000 a day assumed"
    ]
    amounts += _peak_said(form)
    said.append(", ".join(amounts) + ";")
    return " ".join(said) + " " + "; ".join(_choices_said(form, ("delivery", *GIST_OTHERS, "message_size_kb")))


def answers_gist(form: forms.Form, asked: Collection[str]) -> str:
    """The answers to a flow's questions on the quick path, in a line (its row is said beside it): “within
    minutes; peaks 3–10 times the average; no loss; sender: often offline; the rest as usual”."""
    said = [_latency_said(form)] if "latency" in asked else []
    said += _peak_said(form) if "peak_factor" in asked else []
    shown = ("delivery", *GIST_OTHERS, "message_size_kb")
    return "; ".join(said + _choices_said(form, [a for a in shown if a in asked]))


def _number(form: forms.Form) -> NumberField:
    number = form.fields["peak_factor"]
    assert isinstance(number, NumberField)
    return number


def _latency_said(form: forms.Form) -> str:
    latency = str(form["latency"].value() or "")
    return GIST_LATENCY.get(latency, label(latency))


def _peak_said(form: forms.Form) -> list[str]:
    peak = _typed(form["peak_factor"])
    if peak == UNKNOWN:
        return ["peak not sure"]
    return [] if peak in ("", None, 1) else [f"peaks {_amount(peak, _number(form))} times the average"]


def _choices_said(form: forms.Form, answers: Collection[str]) -> list[str]:
    """Delivery always, the other choices and the size when not the usual answer, then "the rest as usual"
    when one went unsaid."""
    parts = []
    rest = False
    for answer_id in answers:
        if answer_id == "message_size_kb":
            size = _typed(form["message_size_kb"])
            if size in ("", None, FLOW_ANSWERS["message_size_kb"].default):
                rest = True
            else:
                sizes = "–".join(size_text(end) for end in size) if isinstance(size, list) else size_text(size)
                parts.append("message size not sure" if size == UNKNOWN else f"messages of {sizes}")
            continue
        value = str(form[answer_id].value() or "")
        if answer_id == "delivery":
            parts.append(GIST_DELIVERY.get(value, label(value)))
        elif value == str(FLOW_ANSWERS[answer_id].default):
            rest = True
        else:
            parts.append(f"{GIST_NAMES.get(answer_id, in_sentence(FLOW_ANSWERS[answer_id].label))}: {label(value)}")
    return [*parts, GIST_REST] if rest else parts


def landscape_gist(form: forms.Form) -> str:
    """The landscape's answers but its count of systems, in a line: “a few teams; the rest as usual”."""
    said = []
    for answer_id in LANDSCAPE_FOLDED:
        value = str(form[answer_id].value() or "")
        if value != str(LANDSCAPE_ANSWERS[answer_id].default):
            named = (
                label(value)
                if answer_id == "teams"
                else f"{in_sentence(LANDSCAPE_ANSWERS[answer_id].label)}: {label(value)}"
            )
            said.append(named)
    return "; ".join([*said, GIST_REST]) if len(said) < len(LANDSCAPE_FOLDED) else "; ".join(said)


# The key of a flow's initial answers that lists the choices it starts with that nobody made (a new flow's).
ASSUMED = "assumed"


def new_flow() -> dict[str, Any]:
    """A new flow: its name and receivers left for the person to type, its numbers empty (assumed), and its
    choices at the engine's defaults, said to be assumed."""
    # No kind is chosen for the person: a preselected "command" read as one they had clicked (user 7 of issue 23).
    flow = _values(engine.Flow(name="", interaction=Interaction.COMMAND)) | {"consumers": "", "interaction": ""}
    choices = [a for a, answer in FLOW_ANSWERS.items() if answer.kind == "choice" and not answer.required]
    return flow | dict.fromkeys(EDITOR_ASSUMED_NUMBERS, "") | {ASSUMED: choices}


@dataclass(frozen=True, slots=True)
class FlowChange:
    """What a flow action did: the id of the element that takes the focus (where the person goes on
    from) and a sentence for screen readers."""

    focus: str
    said: str


def move_flows(flows: list[dict[str, Any]], action: str) -> FlowChange | None:
    """Add, duplicate, remove or move a flow in place; None when the action is not one of those.

    Not the formset's can_order and can_delete: those mark forms for a later save, while here a button
    changes the list at once (with htmx, or as a plain form post without JavaScript)."""
    verb, _, position = action.partition(":")
    if verb == "add" and len(flows) < MAX_FLOWS:
        flows.append(new_flow())
        return FlowChange(f"flow-{len(flows) - 1}-name", f"Flow {len(flows)} added; type its name.")
    try:
        index = int(position)
    except ValueError:
        return None
    if not 0 <= index < len(flows):
        return None
    name = _flow_name(flows[index])
    if verb == "duplicate" and len(flows) < MAX_FLOWS:
        copied = dict(flows[index])
        copied["name"] = f"{copied['name']} (copy)"[: int(FLOW_ANSWERS["name"].high)]
        flows.insert(index + 1, copied)
        return FlowChange(f"flow-{index + 1}-name", f"{name} copied as flow {index + 2}; type its name.")
    if verb == "remove" and len(flows) > 1:
        del flows[index]
        neighbour = min(index, len(flows) - 1)
        left = f"{len(flows)} flow{'s' if len(flows) != 1 else ''} left"
        return FlowChange(f"flow-{neighbour}-title", f"{name} removed; {left}.")
    if verb in ("up", "down"):
        to = index - 1 if verb == "up" else index + 1
        if not 0 <= to < len(flows):
            return None
        flows[to], flows[index] = flows[index], flows[to]
        # The same button again, to go on moving; at the top or bottom the other one, as this one is disabled.
        end = to == 0 if verb == "up" else to == len(flows) - 1
        button = {"up": "down", "down": "up"}[verb] if end else verb
        return FlowChange(f"flow-{to}-{button}", f"{name} moved {verb} to position {to + 1} of {len(flows)}.")
    return None


def untouched_new_flow(form: FlowForm) -> bool:
    """A posted flow whose every answer is still what a new flow starts with."""
    if not form.is_bound:
        return False
    blank = new_flow()
    for name, field in form.fields.items():
        posted = form[name].data
        # A radio group left unchosen posts nothing, as a new flow's kind does.
        if posted is None and blank[name] == "":
            posted = ""
        if posted is None or str(posted).strip() != str(field.prepare_value(blank[name])):
            return False
    return True


def _flow_name(flow: dict[str, Any]) -> str:
    """A flow as a sentence names it: “Order placed”, or "A flow without a name"."""
    name = str(flow.get("name") or "").strip()
    return f"“{name}”" if name else "A flow without a name"


# The quick path takes the landscape as a whole. First its systems and its flows as short rows: what each is,
# where it goes, what the sender expects and how much. Then, for each flow, only the questions its row leaves
# open, grouped by the factor they count for, and the questions about the whole landscape.
QuickStage = Literal["rows", "questions"]
QUICK_ROW = ("name", "source", "consumers", "interaction", "volume_per_day")
QUICK_ROWS = 3
# Whether the sender stays connected comes first: it is what a retailer's tills or a field app change most.
QUICK_FLOW_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("error_handling", ("source_availability", "delivery", "ordering", "transaction")),
    ("real_time", ("latency", "freshness")),
    ("data_volume", ("peak_factor", "message_size_kb")),
    ("loose_coupling", ("consumer_kind", "consumer_availability")),
    ("scalability", ("replay",)),
    ("tech_stack", ("source_kind",)),
)
# What a row's interaction already answers. A lookup's caller is connected when it asks and is answered by a
# service; it has no order among messages, no past to re-read, no payload worth sizing and no transaction
# to undo: those answers are left at their defaults. Only a query may be answered from a cache (freshness),
# only a command is a step of a business transaction, and only an event comes from devices over MQTT.
# A file or batch (a nightly export) is none of the three kinds the row names: the row offers it, and it goes
# to the engine as the command it is, within hours and once a day unless the person says otherwise. Its size
# is asked above its line of answers; a peak, an order among messages, a receiver kind and a business
# transaction are not.
FILE_ANSWERS: dict[str, object] = {"interaction": Interaction.COMMAND, "latency": FILE_LATENCY, "volume_per_day": 1}
FILE_VOLUME_HINT = "A file or batch: leave it empty for 1 a day."
FILE_VOLUME_PLACEHOLDER = "1 a day"
FILE_NOTE = "Filled in because a file or batch moves in hours; change it if it must arrive sooner."
NOT_ASKED: dict[str, frozenset[str]] = {
    Interaction.QUERY: frozenset(
        {"source_availability", "ordering", "replay", "consumer_kind", "message_size_kb", "transaction", "source_kind"}
    ),
    Interaction.COMMAND: frozenset({"freshness", "source_kind"}),
    Interaction.EVENT: frozenset({"freshness", "transaction"}),
    FILE: frozenset({"freshness", "source_kind", "peak_factor", "ordering", "consumer_kind", "transaction"}),
}
QUICK_LANDSCAPE_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("loose_coupling", ("change_rate",)),
    ("scalability", ("growth",)),
    ("tech_stack", ("existing_broker", "operations", "async_experience")),
)
# Behind a flow's line of answers, its less usual questions fold again under a summary while they keep the usual
# answer (assumed); one with another answer, an error or an answer filled in from the row stays with the others.
QUICK_FLOW_FOLDED = frozenset({"message_size_kb", "consumer_kind", "replay", "ordering", "transaction", "source_kind"})
FactorQuestions = tuple[Factor, list[forms.BoundField]]


@dataclass(frozen=True)
class FlowQuestions:
    """One flow on the quick path's questions page: its row in a line, the questions asked before its answers'
    line (first), that line, whether the questions behind it open (one was refused), and those questions by
    factor, the usual ones and the less usual folded."""

    row: FlowForm
    line: str
    first: list[forms.BoundField]
    gist: str
    refused: bool
    groups: list[FactorQuestions]
    folded: list[FactorQuestions]


# How many teams own the systems changes the advice most often, and where it runs decides the technologies
# named: both asked in view (user 5 found no teams question, folded). The landscape's other questions fold
# under a summary that says their answers are assumed until changed.
QUICK_LANDSCAPE_IN_VIEW = ("teams", "platform")
# What a row's names imply, filled in on the questions' page and said so there (still an answer to change).
# Tills, phones, handhelds and vehicles lose their connection: the sender must keep what it sends.
OFFLINE_SENDERS = re.compile(
    r"\b(tills?|pos|point[- ]of[- ]sale|(smart)?phones?|mobile|tablets?|handhelds?|vehicles?|vans?|trucks?|fleet)\b",
    re.IGNORECASE,
)
# Receivers that are people's phones or apps, or browser pages and dashboards, are reached by push or a
# persistent connection: every receiver of the row must be one of them.
RECEIVER_KINDS = (
    ("device", re.compile(r"\b((smart)?phones?|mobile|(?<!web )apps?|tablets?|handhelds?)\b", re.IGNORECASE)),
    ("browser", re.compile(r"\b(browsers?|dashboards?)\b", re.IGNORECASE)),
)
# A number not typed on the questions' page is assumed: the box says what is.
ASSUMED_NUMBERS = {"peak_factor": "assumed 1 (steady)", "message_size_kb": "assumed 4 KB"}
# A number left empty in the editor is not given either: its box says what the engine assumes instead.
EDITOR_ASSUMED_NUMBERS = {"volume_per_day": "assumed 1,000 a day", **ASSUMED_NUMBERS}


def implied(answer_id: str, source: str, consumers: list[str], interaction: str = "") -> tuple[str, str] | None:
    """(value, why) of an answer a row implies, or None: “POS tills” go offline, a “Mobile app” receives as a
    device, a “Sales dashboard” in a browser, and a file or batch moves in hours."""
    if answer_id == "latency" and interaction == FILE:
        return FILE_LATENCY, FILE_NOTE
    if answer_id == "source_availability" and OFFLINE_SENDERS.search(source):
        why = (
            f"Filled in because “{source}” are the kind of sender that goes offline; change it if yours stay connected."
        )
        return "often_offline", why
    if answer_id == "consumer_kind" and consumers:
        for kind, names in RECEIVER_KINDS:
            if all(names.search(consumer) for consumer in consumers):
                shown = ", ".join(f"“{consumer}”" for consumer in consumers)
                return kind, f"Filled in because {shown} {RECEIVED_ON[kind]}; change it if not."
    return None


RECEIVED_ON = {"device": "sounds like phones or an app", "browser": "sounds like a browser page"}


# A row's boxes sit side by side on a wide screen: an example in each box says what to type, and the
# paragraph above the rows says the rest, so the boxes line up under their questions.
# The row's drop-down in words short enough to show whole in a phone's column (the paragraph above the rows
# says the rest); the questions' page names the interaction in the catalog's words.
ROW_INTERACTIONS = {
    "query": "query: needs an answer",
    "command": "command: asks for work",
    "event": "event: announces a fact",
    FILE: f"{FILE_WORDS}: a nightly export",
}
ROW_PLACEHOLDERS = {"source": "e.g. Tills", "consumers": "e.g. Loyalty, ERP", "volume_per_day": "e.g. 20k"}
SYSTEMS_QUESTION = "Which systems take part?"
SYSTEMS_HELP = "Optional: names separated by commas, offered in each row. Those your rows name are counted anyway."
NO_FLOW = "describe at least one flow: its name, the system that sends it and the systems that receive it"
_SYSTEMS_COUNT = re.compile(r"must be from (\d+) to (\d+), not (\d+)")


def _blank(value: object) -> bool:
    return value is None or (not value if isinstance(value, (list, tuple)) else not str(value).strip())


def _distinct(names: list[str]) -> list[str]:
    """Names as given, each once whatever its case."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(name.casefold(), name)
    return list(seen.values())


class QuickLandscapeForm(LandscapeForm):
    """The landscape's questions, with its systems named rather than counted."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, wording="question", **kwargs)
        self.fields["systems"] = NamesField(label=SYSTEMS_QUESTION, help_text=SYSTEMS_HELP, default="")


class QuickForm(AssessmentForm):
    """The quick path: the systems, the flows as rows, then each flow's open questions; no weights.

    `stage` is the page shown: "rows" checks the systems and the rows alone, "questions" everything.
    The answers of the other stage travel along as hidden fields (carried), so going back loses nothing.
    """

    def __init__(
        self, data: QueryDict | None = None, *, initial: dict[str, Any] | None = None, stage: QuickStage = "rows"
    ) -> None:
        given = initial or {"landscape": _values(engine.Landscape()) | {"systems": ""}}
        super().__init__(data, initial=given)
        self.stage: QuickStage = stage
        # The id of the element that takes the focus when the page opens or is swapped in (none: the top).
        self.focus = ""
        self.fields["name"].label = "Name of this assessment"
        self.fields["name"].widget.attrs["placeholder"] = "e.g. Shop and CRM"
        self.landscape = QuickLandscapeForm(data, prefix="landscape", initial=given.get("landscape"))
        rows = given.get("flows") or []
        count = self._row_count(data) if data is not None else max(len(rows), QUICK_ROWS)
        self.rows = [
            FlowForm(data, prefix=f"flow-{n}", initial=rows[n] if n < len(rows) else _blank_row(), wording="question")
            for n in range(count)
        ]
        for row in self.rows:
            interaction = row.fields["interaction"]
            shortly = [(value, ROW_INTERACTIONS.get(value, text)) for value, text in interaction.widget.choices]
            kinds = [choice for choice in shortly if choice[0] != UNKNOWN]
            unsure = [choice for choice in shortly if choice[0] == UNKNOWN]
            kinds.append((FILE, ROW_INTERACTIONS[FILE]))
            interaction.widget = forms.Select(choices=[("", "Choose…"), *kinds, *unsure])
            row.fields["source"].widget.attrs["list"] = "systems-named"
            hint_files(row.fields["volume_per_day"], FILE_VOLUME_HINT, "", row["interaction"].value() == FILE)
            for answer in QUICK_ROW:
                row.fields[answer].help_text = ""
            for answer, example in ROW_PLACEHOLDERS.items():
                row.fields[answer].widget.attrs["placeholder"] = example
            for answer in QUICK_FLOW_FOLDED:
                short = SIZE_LABEL if answer == "message_size_kb" else FLOW_ANSWERS[answer].label
                row.fields[answer].short = in_sentence(short)  # type: ignore[attr-defined]
            # A number not typed is assumed, and the box says so rather than showing the default as typed.
            for answer, assumed in ASSUMED_NUMBERS.items():
                field = row.fields[answer]
                assert isinstance(field, AnswerField)
                field.default = ""
                row.fields[answer].widget.attrs["placeholder"] = assumed
                # How to say "not sure" stays in view; what the number means folds away with the other help.
                row.fields[answer].help_text = FLOW_ANSWERS[answer].help
                row.fields[answer].hint = doubt_hint(answer)  # type: ignore[attr-defined]
            row.fields["message_size_kb"].hint = (  # type: ignore[attr-defined]
                f"With its unit: {SIZE_UNITS_HINT}. {doubt_hint('message_size_kb')}"
            )

    @staticmethod
    def _row_count(data: QueryDict) -> int:
        """The rows the page carried: its count, or (from a post without one) the highest row it names."""
        try:
            count = int(data.get("flow-count", ""))
        except ValueError:
            found = [re.match(r"flow-(\d{1,4})-", key) for key in data]
            count = max((int(m[1]) + 1 for m in found if m), default=1)
        return min(max(count, 1), MAX_FLOWS)

    def flow_forms(self) -> list[FlowForm]:
        return [form for _, form in self._kept]

    @cached_property
    def _kept(self) -> list[tuple[int, FlowForm]]:
        """(position on the page, form) of the rows that describe a flow: an empty row is none."""
        return [(n, row) for n, row in enumerate(self.rows) if not all(_blank(row[a].value()) for a in QUICK_ROW)]

    def flow_where(self, index: int) -> str:
        return f"Flow {self._kept[index][0] + 1}"

    @staticmethod
    def asked(form: FlowForm) -> list[str]:
        """The questions a flow is asked after its row, by what its row says the sender expects."""
        skipped = NOT_ASKED.get(str(form["interaction"].value()), frozenset())
        return [a for _, answers in QUICK_FLOW_GROUPS for a in answers if a not in skipped]

    def landscape_answers(self) -> dict[str, Any]:
        """The landscape's answers, with the systems counted: those named, and those the flows name. A choice
        left at the usual answer the page marked "assumed" is left out, so the advice says it assumed it."""
        answers = given(self.landscape)
        named = answers.pop("systems", None) or []
        if self.stage == "rows":
            answers = {}
        answers = {a: value for a, value in answers.items() if not _assumed(LANDSCAPE_ANSWERS[a], value)}
        systems = list(named)
        for flow in self.flow_forms():
            source = flow.cleaned_data.get("source")
            systems += ([source] if isinstance(source, str) and source.strip() else []) + list(
                flow.cleaned_data.get("consumers") or []
            )
        count = len(_distinct(systems))
        # One system alone is refused when it was named; unnamed, a flow's two ends are the fewest assumed.
        if count >= 2 or named:
            answers["systems"] = count
        return answers

    def flow_answers(self, form: FlowForm) -> dict[str, Any]:
        """A row's answers and, past the rows, those of the questions it was asked. An interaction not
        chosen and a number left empty are not given: the first is asked for, the second is assumed."""
        kept = QUICK_ROW if self.stage == "rows" else (*QUICK_ROW, *self.asked(form))
        answers = given(form)
        shown = {
            a: answers[a]
            for a in kept
            if a in answers and not (a != "name" and answers[a] == "") and not _assumed(FLOW_ANSWERS[a], answers[a])
        }
        if shown.get("interaction") == FILE:
            # What a file implies, unless answered: the latency as asked (even the usual one), the volume as typed.
            asked_latency = answers.get("latency") if self.stage == "questions" else None
            shown = FILE_ANSWERS | shown | {"interaction": FILE_ANSWERS["interaction"]}
            if asked_latency:
                shown["latency"] = asked_latency
        return shown

    def problem(self, error: FieldError) -> Problem:
        """As AssessmentForm says it, each place named by its question ("Flow 2: Which systems receive it?")."""
        owner, _, rest = error.field.partition(".")
        answer_id = rest.partition("[")[0]
        if owner == "flows":
            return Problem("Flows", NO_FLOW, "flow-0-name")
        if owner == "landscape" and answer_id == "systems":
            if found := _SYSTEMS_COUNT.fullmatch(error.message):
                low, high, count = (int(n) for n in found.groups())
                message = (
                    f"name at least {number_words(low)} systems, the one that sends and one that receives"
                    if count < low
                    else f"name at most {high} systems; there are {count}"
                )
            else:
                message = said(error.message)
            return Problem(SYSTEMS_QUESTION, message, "landscape-systems")
        shown = super().problem(error)
        if owner == "landscape" and (answer := LANDSCAPE_ANSWERS.get(answer_id)):
            return dataclasses.replace(shown, where=answer.question)
        if (flow := re.fullmatch(r"flows\[(\d+)\]", owner)) and (answer := FLOW_ANSWERS.get(answer_id)):
            return dataclasses.replace(shown, where=f"{self.flow_where(int(flow[1]))}: {answer.question}")
        return shown

    def row_refused(self) -> bool:
        """Whether a refusal concerns the rows' page: the systems, a row's answer or the flows as a whole."""
        for error in self.problems:
            owner, _, rest = error.field.partition(".")
            answer_id = rest.partition("[")[0]
            if owner in ("name", "flows") or (owner == "landscape" and answer_id == "systems"):
                return True
            if owner.startswith("flows[") and answer_id in QUICK_ROW:
                return True
        return False

    def reopened(self, stage: QuickStage, *, add_row: bool = False) -> QuickForm:
        """This form as typed, unchecked, at `stage` (with one more row): no error is shown yet."""
        rows = [texts(row) for row in self.rows]
        if add_row and len(rows) < MAX_FLOWS:
            rows.append(_blank_row())
        initial = {**texts(self), "landscape": texts(self.landscape), "flows": rows}
        if stage == "questions":
            for row, typed in zip(self.rows, rows, strict=True):
                _fill_in_implied(row, typed)
        form = QuickForm(initial=initial, stage=stage)
        # Where the person goes on: the new row's name, or the heading of the page they moved to.
        form.focus = f"flow-{len(rows) - 1}-name" if add_row else f"{stage}-title"
        return form

    # What the page shows at each stage.

    def named_systems(self) -> list[str]:
        """The systems named so far, offered as each row's sender."""
        value = self.landscape["systems"].value()
        names = value if isinstance(value, (list, tuple)) else str(value or "").split(",")
        return _distinct([name.strip() for name in names if name.strip()])

    def row_fields(self) -> list[tuple[int, FlowForm, list[forms.BoundField]]]:
        return [(n, row, [row[a] for a in QUICK_ROW]) for n, row in enumerate(self.rows)]

    def flow_questions(self) -> list[FlowQuestions]:
        """Each flow with its row in a line ("Tills → Loyalty · command: …"), its answers in another, and its
        open questions by factor: the usual ones, and the less usual folded while they keep the usual answer
        (QUICK_FLOW_FOLDED)."""
        shown = []
        for _, row in self._kept:
            asked = self.asked(row)
            groups = [
                (FACTORS[factor_id], [row[a] for a in answers if a in asked])
                for factor_id, answers in QUICK_FLOW_GROUPS
            ]
            source = str(row["source"].value() or "").strip() or "sender not named"
            consumers = row["consumers"].field.prepare_value(row["consumers"].value())
            interaction = str(row["interaction"].value() or "")
            volume = str(row["volume_per_day"].value() or "").strip()
            kind = ROW_INTERACTIONS[FILE].partition(":")[0] if interaction == FILE else label(interaction)
            line = f"{source} → {consumers} · {kind if interaction else 'not chosen'}"
            if not volume and interaction == FILE:
                volume = str(FILE_ANSWERS["volume_per_day"])
            if typed_not_sure(volume):
                line += " · messages a day not sure"
            else:
                line += f" · {volume} a day" if volume else " · messages a day assumed"
            sender = str(row["source"].value() or "").strip()
            receivers = tuple(_names(row["consumers"].value()))
            for _, questions in groups:
                for field in questions:
                    _say_where_from(field, FLOW_ANSWERS[field.name], sender, receivers, interaction)

            # A file's size decides whether it is a bulk transfer, and nothing in its row says it: asked
            # above the line, never assumed in a glance.
            first = [row["message_size_kb"]] if interaction == FILE else []
            asked_first = {field.name for field in first}
            groups = [(factor, [f for f in fields if f.name not in asked_first]) for factor, fields in groups]

            def in_view(field: forms.BoundField) -> bool:
                noted = getattr(field.field, "note", "")
                usual = getattr(field.field, "assumed", "") or _blank(field.value())
                return field.name not in QUICK_FLOW_FOLDED or bool(noted or field.errors or not usual)

            view = [(factor, [f for f in fields if in_view(f)]) for factor, fields in groups]
            folded = [(factor, [f for f in fields if not in_view(f)]) for factor, fields in groups]
            in_line = [a for a in asked if a not in asked_first]
            shown.append(
                FlowQuestions(
                    row,
                    line,
                    first,
                    answers_gist(row, in_line),
                    any(row[a].errors for a in in_line),
                    [(factor, fields) for factor, fields in view if fields],
                    [(factor, fields) for factor, fields in folded if fields],
                )
            )
        return shown

    def landscape_in_view(self) -> list[forms.BoundField]:
        shown = [self.landscape[a] for a in QUICK_LANDSCAPE_IN_VIEW]
        for field in shown:
            _say_where_from(field, LANDSCAPE_ANSWERS[field.name])
        return shown

    def landscape_changed(self) -> bool:
        """Whether a folded landscape question has an answer other than the usual one, or an error: then it
        opens, so that what was chosen or needs checking is in view."""
        folded = [self.landscape[a] for _, answers in QUICK_LANDSCAPE_GROUPS for a in answers]
        return any(f.errors or not _assumed(LANDSCAPE_ANSWERS[f.name], f.value()) for f in folded)

    def landscape_questions(self) -> list[tuple[Factor, list[forms.BoundField]]]:
        groups = [(FACTORS[f], [self.landscape[a] for a in answers]) for f, answers in QUICK_LANDSCAPE_GROUPS]
        for _, questions in groups:
            for field in questions:
                _say_where_from(field, LANDSCAPE_ANSWERS[field.name])
        return groups

    def carried(self) -> list[tuple[str, str]]:
        """(name, value) of every answer the stage shown does not ask, to post along as it was."""
        shown_rows = self.stage == "rows"
        pairs: list[tuple[str, str]] = []

        def carry(field: forms.BoundField) -> None:
            value = field.value()
            if not _blank(value):
                pairs.append((field.html_name, str(field.field.prepare_value(value))))

        if not shown_rows:
            carry(self["name"])
            carry(self.landscape["systems"])
        for answer in LANDSCAPE_ANSWERS:
            value = self.landscape[answer].value()
            if answer != "systems" and shown_rows and not _assumed(LANDSCAPE_ANSWERS[answer], value):
                carry(self.landscape[answer])
        # A row's other answers travel only with a row that describes a flow: an empty row has none to keep.
        # One left at the usual answer is not carried: it is assumed, and a row's names may imply another.
        for _, row in self._kept:
            for answer in FLOW_ANSWERS:
                on_rows = answer in QUICK_ROW
                if (on_rows and not shown_rows) or (
                    not on_rows and shown_rows and not _assumed(FLOW_ANSWERS[answer], row[answer].value())
                ):
                    carry(row[answer])
        return pairs


def _assumed(answer: Answer, value: object) -> bool:
    """Whether a choice is the usual answer the questions' page showed as assumed."""
    return answer.kind == "choice" and answer.default is not None and str(value) == str(answer.default)


def _names(value: object) -> list[str]:
    if isinstance(value, (list, tuple)):
        return [str(name).strip() for name in value if str(name).strip()]
    return [name.strip() for name in str(value or "").split(",") if name.strip()]


def _fill_in_implied(row: FlowForm, typed: dict[str, Any]) -> None:
    """On the way to the questions: an answer the page did not carry, and the row's names imply, filled in."""
    source = str(typed.get("source") or "").strip()
    interaction = str(typed.get("interaction") or "")
    for answer_id in ("source_availability", "consumer_kind", "latency"):
        found = implied(answer_id, source, _names(typed.get("consumers")), interaction)
        if row[answer_id].data is None and found:
            typed[answer_id] = found[0]


def _say_where_from(
    field: forms.BoundField, answer: Answer, source: str = "", consumers: tuple[str, ...] = (), interaction: str = ""
) -> None:
    """Mark a question for the page: why its answer was filled in from the row, or that it is assumed."""
    value = field.value()
    found = implied(answer.id, source, list(consumers), interaction)
    if found and str(value) == found[0]:
        field.field.note = found[1]  # type: ignore[attr-defined]
    elif _assumed(answer, value):
        field.field.assumed = str(answer.default)  # type: ignore[attr-defined]


def number_words(count: int) -> str:
    return {1: "one", 2: "two", 3: "three"}.get(count, str(count))


def _blank_row() -> dict[str, Any]:
    """A row as it starts: nothing typed, nothing chosen; the questions after it at their defaults."""
    row = {answer: value for answer, value in new_flow().items() if answer != ASSUMED}
    return row | {"interaction": ""}
