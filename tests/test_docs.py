"""The project's docs name only code that exists: a renamed function fails here, not in a reader's search."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import advisor.engine

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "docs").glob("*.md"))
ENGINE_MODULES = {m.name for m in pkgutil.iter_modules(advisor.engine.__path__)}
# `module.name` (scoring.kind_of), `module.py`, a CONSTANT, or a path in the repository.
QUALIFIED = re.compile(r"`([a-z_]+)\.(?!py`)([A-Za-z_]+)(?:\(\))?`")
MODULE_FILE = re.compile(r"`([a-z_]+)\.py`")
CONSTANT = re.compile(r"`([A-Z][A-Z0-9_]+)`")
PATH = re.compile(r"`((?:advisor|tests|docs|benchmarks)/[\w./-]+)`")


def named(pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    return sorted({(doc.name, "|".join(found.groups())) for doc in DOCS for found in pattern.finditer(doc.read_text())})


@pytest.mark.parametrize(("doc", "name"), named(QUALIFIED))
def test_every_engine_function_or_table_a_doc_names_exists(doc: str, name: str) -> None:
    module, attribute = name.split("|")
    if module not in ENGINE_MODULES:
        pytest.fail(f"{doc} names {module}.{attribute}, and there is no engine module {module}")
    assert hasattr(importlib.import_module(f"advisor.engine.{module}"), attribute), f"{doc}: {module}.{attribute}"


@pytest.mark.parametrize(("doc", "name"), named(MODULE_FILE))
def test_every_engine_module_a_doc_names_exists(doc: str, name: str) -> None:
    assert name in ENGINE_MODULES, f"{doc}: {name}.py"


@pytest.mark.parametrize(("doc", "name"), named(CONSTANT))
def test_every_constant_a_doc_names_is_defined_in_the_engine(doc: str, name: str) -> None:
    modules = [importlib.import_module(f"advisor.engine.{m}") for m in ENGINE_MODULES]
    assert any(hasattr(module, name) for module in modules), f"{doc}: {name}"


@pytest.mark.parametrize(("doc", "name"), named(PATH))
def test_every_path_a_doc_names_exists(doc: str, name: str) -> None:
    assert (ROOT / name).exists(), f"{doc}: {name}"


def test_the_checks_find_what_the_docs_name() -> None:
    assert len(named(QUALIFIED)) >= 10
    assert ("decision-rules.md", "landscape|needs_hub") in named(QUALIFIED)
