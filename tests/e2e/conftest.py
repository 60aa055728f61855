from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-results" / "screenshots"


# A browser test run at a phone's and a desktop's width runs each width once, on one of the two databases: the
# phone in the PostgreSQL pass, the desktop in the SQLite pass, so both widths and both databases are still
# driven by it. The other browser tests run in both passes.
PHONE = 400


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" not in str(item.path):
            continue
        item.add_marker(pytest.mark.e2e)
        width = getattr(item, "callspec", None) and item.callspec.params.get("width")  # type: ignore[attr-defined]
        if isinstance(width, int):
            item.add_marker(pytest.mark.postgres_pass if width <= PHONE else pytest.mark.sqlite_pass)


@pytest.fixture(scope="session", autouse=True)
def _allow_sync_orm_beside_playwright() -> None:
    # Playwright's sync API runs an event loop in this thread; live_server's ORM calls are safe here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def console_errors(page: Page) -> list[str]:
    """Errors the page logs; a test asserts this stays empty."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def screenshot(page: Page, name: str, *, full_page: bool = True) -> None:
    """The page, or only what the screen shows (full_page=False: where the person is, with what sticks)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=full_page)


@pytest.fixture(autouse=True)
def _public_url_is_the_live_server(settings: Any, live_server: Any) -> None:
    """Share links are built from PUBLIC_URL; here the site lives at the live server's port."""
    settings.PUBLIC_URL = live_server.url


AXE = Axe()


def assert_no_axe_violations(page: Page) -> None:
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
