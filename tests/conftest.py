from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache

from advisor.assessments import store
from advisor.assessments.models import Assessment
from advisor.engine import parse_assessment
from advisor.engine.presets import USE_CASES

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    """Rate limits and cached PDFs live in the cache: every test starts from nothing."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, Any]:
    """Debian's Chromium, never a downloaded browser."""
    return {"executable_path": shutil.which("chromium"), "args": CHROMIUM_ARGS}


def make_assessment(**overrides: Any) -> Assessment:
    raw = {**USE_CASES["crm-ecommerce"].assessment, "name": "Shop and CRM", **overrides}
    return store.create(parse_assessment(raw))


@pytest.fixture
def assessment(db: None) -> Assessment:
    return make_assessment()
