"""A database or Redis that accepts connections and never answers: pages that need neither stay up,
/healthz answers within its timeouts, and probes do not each wait on a Redis that is backing off."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from advisor.cache import ResilientRedisCache
from tests.servers import ROOT, Forwarder, environment, free_port

GUNICORN = [sys.executable, "-m", "gunicorn", "-c", "python:advisor.gunicorn", "advisor.wsgi"]


@pytest.fixture
def black_hole() -> Iterator[Forwarder]:
    hole = Forwarder(("127.0.0.1", 9))  # never forwarded: accepts, never answers
    hole.hang()
    yield hole
    hole.refuse()


def get(url: str, cookie: str = "") -> tuple[int, float]:
    started = time.monotonic()
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status = int(response.status)
    except urllib.error.HTTPError as error:
        status = error.code
    return status, time.monotonic() - started


def test_pages_that_need_no_database_answer_while_it_hangs(black_hole: Forwarder) -> None:
    port = free_port()
    env = environment(
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{black_hole.port}/advisor",
        DB_CONNECT_TIMEOUT="2",
        ALLOWED_HOSTS="127.0.0.1",
        ACCESS_LOG="/dev/null",
        DEBUG="1",  # static files from the source tree, without collectstatic
    )
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
        # A returning visitor: the session cookie must not send the page to the database.
        session = "sessionid=abcdefghijklmnopqrstuvwxyz012345; csrftoken=abcdefghijklmnopqrstuvwxyz012345"
        for path in ("/", "/patterns/", "/factors/"):
            status, seconds = get(base + path, session)
            assert (status, seconds < 1.5) == (200, True), (path, status, seconds)
        # /healthz waits the connect timeout, then says the database is down, long before gunicorn's 30 s.
        status, seconds = get(f"{base}/healthz")
        assert status == 503
        assert seconds < 10
    finally:
        server.terminate()
        server.wait(timeout=10)


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
