"""A database or Redis that accepts connections and never answers: pages that need neither stay up,
pages that need the database and /healthz answer within its timeouts, an open connection that goes
silent costs a bounded wait, and probes do not each wait on a Redis that is backing off."""

from __future__ import annotations

import contextlib
import http.client
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from django.db import connection

from advisor.cache import ResilientRedisCache
from tests.conftest import make_assessment
from tests.servers import ROOT, Forwarder, environment, free_port

GUNICORN = [sys.executable, "-m", "gunicorn", "-c", "python:advisor.gunicorn", "advisor.wsgi"]


@pytest.fixture
def black_hole() -> Iterator[Forwarder]:
    hole = Forwarder(("127.0.0.1", 9))  # never forwarded: accepts, never answers
    hole.hang()
    yield hole
    hole.refuse()


def get(url: str, cookie: str = "") -> tuple[int, float, dict[str, str]]:
    """Status, seconds and headers; status 0 when the server hung up without answering (gunicorn killed it)."""
    started = time.monotonic()
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status, headers = int(response.status), dict(response.headers)
    except urllib.error.HTTPError as error:
        status, headers = error.code, dict(error.headers)
    except (http.client.RemoteDisconnected, ConnectionResetError):
        status, headers = 0, {}
    return status, time.monotonic() - started, headers


@contextlib.contextmanager
def gunicorn(database_url: str, **overrides: str) -> Iterator[str]:
    """One sync worker on the given database, with gunicorn's own 30 s timeout; yields its base URL."""
    port = free_port()
    settings = {
        "DATABASE_URL": database_url,
        "DB_CONNECT_TIMEOUT": "2",
        "ALLOWED_HOSTS": "127.0.0.1",
        "ACCESS_LOG": "/dev/null",
        "DEBUG": "1",  # static files from the source tree, without collectstatic
    }
    env = environment(**(settings | overrides))
    server = subprocess.Popen(
        [*GUNICORN, "--bind", f"127.0.0.1:{port}", "--workers", "1", "--timeout", "30"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/patterns/", timeout=5)
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_pages_that_need_no_database_answer_while_it_hangs(black_hole: Forwarder) -> None:
    with gunicorn(f"postgres://postgres@127.0.0.1:{black_hole.port}/advisor") as base:
        # A returning visitor: the session cookie must not send the page to the database.
        session = "sessionid=abcdefghijklmnopqrstuvwxyz012345; csrftoken=abcdefghijklmnopqrstuvwxyz012345"
        for path in ("/", "/patterns/", "/factors/"):
            status, seconds, _ = get(base + path, session)
            assert (status, seconds < 1.5) == (200, True), (path, status, seconds)
        # /healthz waits the connect timeout, then says the database is down, long before gunicorn's 30 s.
        status, seconds, _ = get(f"{base}/healthz")
        assert status == 503
        assert seconds < 10


def test_a_page_that_needs_the_database_answers_503_with_retry_after_while_it_hangs(black_hole: Forwarder) -> None:
    # DEBUG off: its error page would show the failed query's locals, each evaluated again (8 connects).
    with gunicorn(f"postgres://postgres@127.0.0.1:{black_hole.port}/advisor", DEBUG="0") as base:
        for path in ("/r/abcdefghijklmnopqrstuvwxyz012345/", "/assess/abcdefghijklmnopqrstuvwxyz012345/"):
            status, seconds, headers = get(base + path)
            assert (status, seconds < 6) == (503, True), (path, status, seconds)
            assert int(headers["Retry-After"]) > 0


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_an_open_connection_that_goes_silent_costs_a_bounded_wait_not_the_worker() -> None:
    # The database is fine; only the connection the web worker keeps open (CONN_MAX_AGE) is acknowledged and never
    # answered again: statement_timeout runs on a server that never sees the query, and tcp_user_timeout and
    # keepalives see every packet acknowledged.
    settings = connection.settings_dict
    database = Forwarder((settings["HOST"], int(settings["PORT"])))
    database.up()
    assessment = make_assessment()
    url = f"postgres://{settings['USER']}@127.0.0.1:{database.port}/{settings['NAME']}"
    try:
        with gunicorn(url, DB_ANSWER_SECONDS="2") as base:
            assert get(base + assessment.get_absolute_url())[0] == 200
            database.stall()
            status, seconds, _ = get(base + assessment.get_absolute_url())
            # The health check on the silent connection gives up, and a new connection serves the page.
            assert (status, seconds < 6) == (200, True), (status, seconds)
    finally:
        database.refuse()


def test_healthz_does_not_wait_on_a_redis_that_is_backing_off(black_hole: Forwarder) -> None:
    cache = ResilientRedisCache(
        f"redis://127.0.0.1:{black_hole.port}/0",
        {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}},
    )
    started = time.monotonic()
    assert cache.state().startswith("down")
    first = time.monotonic() - started
    started = time.monotonic()
    for _ in range(20):
        assert cache.state().startswith("down")
    again = time.monotonic() - started
    assert first >= 0.4  # the first probe waited its socket timeout
    assert again < 0.2  # the next twenty, within the back-off, waited none
