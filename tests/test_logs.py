"""Edit links are capabilities: neither Django's log nor gunicorn's access log carries their token."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from advisor.assessments.models import new_token
from advisor.redact import redact
from tests.servers import ROOT, environment, free_port, manage

GUNICORN = [sys.executable, "-m", "gunicorn", "-c", "python:advisor.gunicorn", "advisor.wsgi"]
# A token as the product makes them: 32 URL-safe characters, so a pattern narrowed past that length fails here.
TOKEN = new_token()


def test_redact_keeps_the_path_and_drops_the_token() -> None:
    assert len(TOKEN) == 32
    assert redact(f"GET /assess/{TOKEN}/preview HTTP/1.1") == "GET /assess/[edit-token]/preview HTTP/1.1"
    assert redact("GET /assess/ HTTP/1.1") == "GET /assess/ HTTP/1.1"


def test_redact_drops_every_token_the_product_makes_whole() -> None:
    for token in (new_token() for _ in range(500)):
        assert redact(f"/assess/{token}/") == "/assess/[edit-token]/", token


def test_djangos_log_of_a_missing_edit_page_has_no_token() -> None:
    completed = manage(
        "from django.core.management import call_command; call_command('migrate', verbosity=0); "
        f"from django.test import Client; print(Client().get('/assess/{TOKEN}/').status_code)",
        DATABASE_URL="sqlite:///:memory:",
        DEBUG="1",  # static files straight from the source tree, as `make run` serves them
    )
    assert "Not Found: /assess/[edit-token]/" in completed.stderr, completed.stderr
    assert TOKEN not in completed.stderr


def test_gunicorns_access_log_has_no_token(tmp_path: Path) -> None:
    port, log = free_port(), tmp_path / "access.log"
    server = subprocess.Popen(
        [*GUNICORN, "--bind", f"127.0.0.1:{port}", "--workers", "1", "--access-logfile", str(log)],
        cwd=ROOT,
        env=environment(DATABASE_URL="sqlite:///:memory:", ALLOWED_HOSTS="127.0.0.1"),
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                request = urllib.request.Request(
                    # The preview answers GET with a 405 before any query: no database needed.
                    f"http://127.0.0.1:{port}/assess/{TOKEN}/preview",
                    headers={"Referer": f"http://127.0.0.1:{port}/assess/{TOKEN}/"},
                )
                urllib.request.urlopen(request, timeout=5)
            except urllib.error.HTTPError:
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=10)
    text = log.read_text()
    assert "GET /assess/[edit-token]/preview" in text
    assert f"127.0.0.1:{port}/assess/[edit-token]/" in text  # the Referer
    assert TOKEN not in text
