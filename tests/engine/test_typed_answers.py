"""Answers are typed: a misspelt field or choice fails the type check, and no choice is retyped by hand."""

from __future__ import annotations

import ast
import textwrap
from dataclasses import fields
from pathlib import Path
from typing import get_args, get_type_hints

import pytest
from mypy import api

from advisor.engine.answers import ANSWERS, VOCABULARY, Answers, Kind
from advisor.engine.catalog import APPROACHES, FACTOR_IDS, PATTERN_IDS
from advisor.engine.model import Fit, Flow, Landscape, Role
from advisor.engine.simulation import Carrier
from advisor.engine.traffic import Shape

ENGINE = Path(__file__).resolve().parents[2] / "advisor" / "engine"
# Where strings become members (parse, and upgrade of stored inputs by their paths) and where the
# vocabulary and its words are declared.
VOCABULARY_MODULES = {
    "parse.py",
    "whatif_parse.py",
    "upgrade.py",
    "choices.py",
    "answers.py",
    "catalog.py",
    "capabilities.py",
    "wording.py",
    "glossary.py",
    "presets.py",
}
# Strings the logic may compare against: ids that are not answers' choices, each typed as a Literal
# where it is held (a misspelt one fails mypy there).
NAMES = {
    *APPROACHES,
    *get_args(Role),
    *get_args(Fit),
    *get_args(Shape),
    *get_args(Carrier),
    *get_args(Kind),
    *ANSWERS,
    *FACTOR_IDS,
    *PATTERN_IDS,
}


def test_the_typed_answers_are_the_fields_of_the_landscape_and_the_flow() -> None:
    dataclass_types = get_type_hints(Landscape) | get_type_hints(Flow)
    assert get_type_hints(Answers) == {"assumed": frozenset[str]} | dataclass_types
    assert list(get_type_hints(Answers)) == ["assumed", *(f.name for f in (*fields(Landscape), *fields(Flow)))]


def test_every_choice_answer_holds_its_own_enum_with_not_sure_as_a_member() -> None:
    choice_answers = {a.id for a in ANSWERS.values() if a.kind == "choice"}
    assert set(VOCABULARY) == choice_answers
    for answer_id, vocabulary in VOCABULARY.items():
        assert tuple(m.value for m in vocabulary) == (*ANSWERS[answer_id].choices, "unknown")


MISSPELT = """
from advisor.engine.choices import Availability
from advisor.engine.model import Flow
from advisor.engine.answers import Answers


def peak(given: Answers) -> float:
    return given["peak_factr"]


def offline(flow: Flow) -> bool:
    return flow.consumer_availabilty == Availability.OFTEN_OFFLINE


def always(flow: Flow) -> bool:
    return flow.consumer_availability == Availability.ALWAY
"""


@pytest.mark.parametrize(
    "error",
    [
        'TypedDict "Answers" has no key "peak_factr"',
        '"Flow" has no attribute "consumer_availabilty"',
        '"type[Availability]" has no attribute "ALWAY"',
    ],
)
def test_a_misspelt_field_or_choice_fails_mypy_strict(mypy_report: str, error: str) -> None:
    assert error in mypy_report


@pytest.fixture(scope="module")
def mypy_report(tmp_path_factory: pytest.TempPathFactory) -> str:
    module = tmp_path_factory.mktemp("typed") / "misspelt.py"
    module.write_text(textwrap.dedent(MISSPELT))
    report, _, status = api.run(["--strict", "--no-incremental", "--follow-imports=silent", str(module)])
    assert status == 1
    return report


def _compared_strings(path: Path) -> list[tuple[int, str]]:
    compared = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Compare):
            for operand in (node.left, *node.comparators):
                items = operand.elts if isinstance(operand, ast.Tuple | ast.List | ast.Set) else [operand]
                compared += [
                    (node.lineno, item.value)
                    for item in items
                    if isinstance(item, ast.Constant) and isinstance(item.value, str)
                ]
    return compared


def test_the_engines_logic_compares_answers_with_members_never_with_typed_strings() -> None:
    offending = [
        f"{path.name}:{line} {text!r}"
        for path in sorted(ENGINE.glob("*.py"))
        if path.name not in VOCABULARY_MODULES
        for line, text in _compared_strings(path)
        if text not in NAMES
    ]
    assert offending == []


def test_the_check_for_typed_strings_finds_one(tmp_path: Path) -> None:
    rule = tmp_path / "rule.py"
    rule.write_text('def away(given):\n    return given["consumer_availability"] in ("alway", "often_offline")\n')
    assert [text for _, text in _compared_strings(rule) if text not in NAMES] == ["alway", "often_offline"]
