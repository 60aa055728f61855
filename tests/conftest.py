from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache

from advisor.assessments import store
from advisor.assessments.models import Assessment
from advisor.engine import parse_assessment

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


# Test data is written out here rather than taken from the product's presets, so that rewording or
# retuning a preset cannot change what a test checks.
SHOP: dict[str, Any] = {
    "name": "Shop and CRM",
    "landscape": {"systems": 4, "teams": "few"},
    "flows": [
        {
            "name": "Customer lookup at checkout",
            "source": "Online shop",
            "consumers": ["CRM"],
            "interaction": "query",
            "latency": "immediate",
            "volume_per_day": 20000,
            "delivery": "best_effort",
        },
        {
            "name": "Order placed",
            "source": "Online shop",
            "consumers": ["CRM", "Email service", "Analytics"],
            "interaction": "event",
            "latency": "seconds",
            "volume_per_day": 5000,
        },
        {
            "name": "Nightly customer-segment export",
            "source": "CRM",
            "consumers": ["Online shop"],
            "interaction": "command",
            "latency": "hours",
            "volume_per_day": 1,
            "consumer_availability": "maintenance_windows",
        },
    ],
}
# point-to-point for the lookup, a queue for the purchases a receiver that is often offline must not lose.
TILLS: dict[str, Any] = {
    "name": "Tills and loyalty",
    "landscape": {"systems": 3, "platform": "aws"},
    "flows": [
        {
            "name": "Balance check at the till",
            "source": "Till",
            "consumers": ["Loyalty"],
            "interaction": "query",
            "latency": "immediate",
        },
        {
            "name": "Purchases from the tills",
            "source": "Till",
            "consumers": ["Loyalty"],
            "interaction": "command",
            "latency": "minutes",
            "volume_per_day": 200000,
            "peak_factor": 8,
            "consumer_availability": "often_offline",
        },
    ],
}
# Unknown answers, weights and every newer flow answer, for checks of the whole response shape.
DOUBTS: dict[str, Any] = {
    "landscape": {"systems": 12, "teams": "unknown", "platform": "azure"},
    "weights": {"real_time": 2, "complexity": 0.5},
    "flows": [
        {
            "name": "Stock level",
            "interaction": "event",
            "consumers": ["Shop", "Warehouse"],
            "latency": "unknown",
            "replay": "yes",
            "message_size_kb": 300,
        },
        {
            "name": "Invoice",
            "interaction": "command",
            "delivery": "unknown",
            "consumer_kind": "device",
            "source_availability": "often_offline",
        },
    ],
}


def make_assessment(**overrides: Any) -> Assessment:
    """A stored copy of SHOP, with `overrides` replacing its top-level fields."""
    return store.create(parse_assessment({**SHOP, **overrides}))


@pytest.fixture
def assessment(db: None) -> Assessment:
    return make_assessment()
