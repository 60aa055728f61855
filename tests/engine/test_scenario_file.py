"""The expert scenario file has the shape its runner relies on; the engine is not called here.

tests/engine/scenarios.yaml was written from published guidance before the engine's answers were seen.
These tests only check that every scenario can be read the same way by any runner: known keys, valid
answers (from the answers table), known patterns, approaches, roles and technology ids, and a citation.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from advisor.engine.answers import FLOW_ANSWERS, LANDSCAPE_ANSWERS, UNKNOWN, Answer
from advisor.engine.capabilities import CAPABILITIES

SCENARIO_FILE = Path(__file__).with_name("scenarios.yaml")

SCENARIO_KEYS = {"id", "title", "cite", "landscape", "flow", "others", "expect"}
REQUIRED_SCENARIO_KEYS = {"id", "title", "cite", "flow", "expect"}
EXPECT_KEYS = {
    "pattern",
    "approach",
    "fit",
    "confidence_at_most",
    "confidence_at_least",
    "first_technology_role",
    "technologies_include_any",
    "technologies_exclude",
    "first_technology_not",
    "advice_mentions",
    "advice_never_mentions",
    "landscape_advice_mentions",
}
PATTERNS = {"point_to_point", "message_queue", "event_driven"}
APPROACHES = {
    "request_response",
    "async_request_reply",
    "local_copy",
    "work_queue",
    "event_router",
    "event_log",
    "bulk_transfer",
}
FITS = {"weak"}
# Ordered from least to most sure, so an "at least" can be compared with an "at most".
CONFIDENCES = ("low", "medium", "high")
ROLES = {"queue", "router", "log", "gateway", "push", "bulk"}
# The capability table names the technologies a scenario may speak of.
TECHNOLOGY_IDS = {c.id for c in CAPABILITIES}
TECHNOLOGY_LIST_KEYS = ("technologies_include_any", "technologies_exclude", "first_technology_not")
WORD_LIST_KEYS = ("advice_mentions", "advice_never_mentions", "landscape_advice_mentions")
KEBAB_CASE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MINIMUM_SCENARIOS = 45


def load_scenarios() -> list[dict[str, Any]]:
    loaded = yaml.safe_load(SCENARIO_FILE.read_text(encoding="utf-8"))
    assert isinstance(loaded, list), "scenarios.yaml must be a YAML list of scenarios"
    assert all(isinstance(s, dict) for s in loaded), "every scenario must be a mapping"
    return loaded


SCENARIOS = load_scenarios()


def label(scenario: dict[str, Any]) -> str:
    return str(scenario.get("id", "<scenario without id>"))


def answer_problems(where: str, values: Any, answers: dict[str, Answer]) -> list[str]:
    """Every way `values` is not a valid set of answers for the answers table given."""
    if not isinstance(values, dict):
        return [f"{where}: must be a mapping of answers"]
    problems = [f"{where}.{name}: not an answer" for name in values if name not in answers]
    problems += [f"{where}.{a.id}: required" for a in answers.values() if a.required and a.id not in values]
    for name, value in values.items():
        if name in answers:
            problem = value_problem(answers[name], value)
            if problem:
                problems.append(f"{where}.{name}: {problem}")
    return problems


def value_problem(answer: Answer, value: Any) -> str | None:
    """Why `value` is not a valid answer to `answer`, or None when it is."""
    if answer.kind == "choice":
        allowed = (*answer.choices, UNKNOWN) if answer.accepts_unknown else answer.choices
        # A bare yes/no in YAML is a boolean, not the choice "yes": it must be quoted.
        return None if isinstance(value, str) and value in allowed else f"{value!r} is not one of {allowed}"
    if answer.kind == "integer":
        ok = isinstance(value, int) and not isinstance(value, bool) and answer.low <= value <= answer.high
        return None if ok else f"{value!r} is not a whole number from {answer.low:g} to {answer.high:g}"
    if answer.kind == "number":
        ok = isinstance(value, int | float) and not isinstance(value, bool) and answer.low <= value <= answer.high
        return None if ok else f"{value!r} is not a number from {answer.low:g} to {answer.high:g}"
    if answer.kind == "text":
        ok = isinstance(value, str) and answer.low <= len(value) <= answer.high
        return None if ok else f"{value!r} is not text of {answer.low:g} to {answer.high:g} characters"
    if not isinstance(value, list) or not all(isinstance(n, str) and n.strip() for n in value):
        return f"{value!r} is not a list of names"
    if not answer.low <= len(value) <= answer.high:
        return f"has {len(value)} names, not {answer.low:g} to {answer.high:g}"
    if len({n.casefold() for n in value}) != len(value):
        return "names a system twice"
    return None


def expect_problems(scenario: dict[str, Any]) -> list[str]:
    where = f"{label(scenario)}.expect"
    expect = scenario["expect"]
    if not isinstance(expect, dict):
        return [f"{where}: must be a mapping"]
    problems = [f"{where}.{key}: not a known expectation" for key in expect if key not in EXPECT_KEYS]
    pattern = expect.get("pattern")
    patterns = pattern if isinstance(pattern, list) else [pattern]
    if not patterns or any(p not in PATTERNS for p in patterns):
        problems.append(f"{where}.pattern: {pattern!r} is not a pattern or a non-empty list of patterns")
    if "approach" in expect and expect["approach"] not in APPROACHES:
        problems.append(f"{where}.approach: {expect['approach']!r} is not an approach")
    if "fit" in expect and expect["fit"] not in FITS:
        problems.append(f"{where}.fit: {expect['fit']!r} is not one of {sorted(FITS)}")
    for key in ("confidence_at_most", "confidence_at_least"):
        if key in expect and expect[key] not in CONFIDENCES:
            problems.append(f"{where}.{key}: {expect[key]!r} is not a confidence")
    if "first_technology_role" in expect and expect["first_technology_role"] not in ROLES:
        problems.append(f"{where}.first_technology_role: {expect['first_technology_role']!r} is not a role")
    for key in TECHNOLOGY_LIST_KEYS:
        if key in expect:
            ids = expect[key]
            if not isinstance(ids, list) or not ids or any(t not in TECHNOLOGY_IDS for t in ids):
                problems.append(f"{where}.{key}: {ids!r} is not a non-empty list of technology ids")
    for key in WORD_LIST_KEYS:
        if key in expect:
            words = expect[key]
            if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
                problems.append(f"{where}.{key}: {words!r} is not a non-empty list of words")
    return problems


def test_the_file_holds_at_least_45_scenarios() -> None:
    assert len(SCENARIOS) >= MINIMUM_SCENARIOS


def test_every_scenario_has_a_unique_kebab_case_id() -> None:
    ids = [s.get("id") for s in SCENARIOS]
    assert [i for i in ids if not isinstance(i, str) or not KEBAB_CASE.match(i)] == []
    assert len(set(ids)) == len(ids), sorted({i for i in ids if ids.count(i) > 1})


def test_every_scenario_uses_only_known_keys_and_has_the_required_ones() -> None:
    problems = [f"{label(s)}: unknown key {k!r}" for s in SCENARIOS for k in s if k not in SCENARIO_KEYS]
    problems += [f"{label(s)}: missing {k!r}" for s in SCENARIOS for k in sorted(REQUIRED_SCENARIO_KEYS - s.keys())]
    problems += [f"{label(s)}: title must be text" for s in SCENARIOS if not str(s.get("title", "")).strip()]
    assert problems == []


def test_every_scenario_cites_a_source_with_a_web_address() -> None:
    problems = []
    for scenario in SCENARIOS:
        cites = scenario.get("cite")
        if not isinstance(cites, list) or not cites:
            problems.append(f"{label(scenario)}: cite must be a non-empty list")
            continue
        for cite in cites:
            if not isinstance(cite, dict) or set(cite) != {"source", "url"}:
                problems.append(f"{label(scenario)}: each cite has exactly a source and a url, not {cite!r}")
            elif not str(cite["source"]).strip() or not re.match(r"^https?://\S+$", str(cite["url"])):
                problems.append(f"{label(scenario)}: {cite!r} needs a source and an http(s) url")
    assert problems == []


def test_every_landscape_answer_is_an_answer_of_the_engine_with_a_valid_value() -> None:
    problems = [
        problem
        for s in SCENARIOS
        if "landscape" in s
        for problem in answer_problems(f"{label(s)}.landscape", s["landscape"], LANDSCAPE_ANSWERS)
    ]
    assert problems == []


def test_every_flow_answer_is_an_answer_of_the_engine_with_a_valid_value() -> None:
    problems = [p for s in SCENARIOS for p in answer_problems(f"{label(s)}.flow", s.get("flow"), FLOW_ANSWERS)]
    for scenario in SCENARIOS:
        others = scenario.get("others", [])
        if not isinstance(others, list):
            problems.append(f"{label(scenario)}.others: must be a list of flows")
            continue
        for n, other in enumerate(others):
            problems += answer_problems(f"{label(scenario)}.others[{n}]", other, FLOW_ANSWERS)
    assert problems == []


def test_every_expectation_uses_known_patterns_approaches_roles_confidences_and_technologies() -> None:
    problems = [p for s in SCENARIOS for p in expect_problems(s)]
    assert problems == []


def test_no_scenario_asks_for_a_confidence_above_its_own_ceiling() -> None:
    contradictions = [
        label(s)
        for s in SCENARIOS
        if {"confidence_at_least", "confidence_at_most"} <= s["expect"].keys()
        and CONFIDENCES.index(s["expect"]["confidence_at_least"]) > CONFIDENCES.index(s["expect"]["confidence_at_most"])
    ]
    assert contradictions == []


def test_no_scenario_both_requires_and_forbids_a_technology() -> None:
    contradictions = [
        label(s)
        for s in SCENARIOS
        if set(s["expect"].get("technologies_include_any", [])) & set(s["expect"].get("technologies_exclude", []))
    ]
    assert contradictions == []


def test_landscape_advice_is_only_expected_where_other_flows_shape_the_landscape() -> None:
    assert [label(s) for s in SCENARIOS if "landscape_advice_mentions" in s["expect"] and not s.get("others")] == []


@pytest.mark.parametrize(
    ("answer", "value"),
    [
        ("replay", True),
        ("platform", "azur"),
        ("systems", 1),
        ("peak_factor", 0.5),
        ("consumers", ["CRM", "crm"]),
        ("name", ""),
    ],
)
def test_an_invalid_answer_is_reported(answer: str, value: Any) -> None:
    """The checks above would catch a typo in the file: a YAML boolean, a misspelt choice, a bound, a duplicate."""
    table = LANDSCAPE_ANSWERS if answer in LANDSCAPE_ANSWERS else FLOW_ANSWERS
    assert value_problem(table[answer], value) is not None
