"""Debian's nginx, with the repository's configuration, in front of gunicorn: clients that trickle a body
hold nginx's connections, not gunicorn's sync workers, so /healthz keeps answering.

Without nginx, two such clients take both of gunicorn's workers and /healthz waits (the control below);
through nginx it answers at once.
"""

from __future__ import annotations

import getpass
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.servers import ROOT, environment, free_port

CONFIG = ROOT / "docs" / "deploy" / "nginx.conf"
GUNICORN = [sys.executable, "-m", "gunicorn", "-c", "python:advisor.gunicorn", "advisor.wsgi"]
TRICKLERS = 2  # as many as gunicorn has workers


def wait_until_up(url: str) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url, timeout=5)
            return
        except OSError:
            assert time.monotonic() < deadline, f"{url} did not answer"
            time.sleep(0.2)


@pytest.fixture
def app(tmp_path: Path) -> Iterator[int]:
    """gunicorn with two sync workers on a migrated SQLite database; yields its port."""
    port = free_port()
    env = environment(
        DATABASE_URL=f"sqlite:///{tmp_path / 'nginx.sqlite3'}",
        ALLOWED_HOSTS="127.0.0.1",
        ACCESS_LOG="/dev/null",
        DEBUG="1",  # static files from the source tree, without collectstatic
        WEB_CONCURRENCY="2",
    )
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen([*GUNICORN, "--bind", f"127.0.0.1:{port}"], cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz")
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def nginx(app: int, tmp_path: Path) -> Iterator[int]:
    """nginx with docs/deploy/nginx.conf, only its two addresses changed to these loopback ports; yields its port."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    port = free_port()
    site = CONFIG.read_text()
    site = re.sub(r"server 127\.0\.0\.1:8000;", f"server 127.0.0.1:{app};", site)
    site = re.sub(r"listen 80;", f"listen 127.0.0.1:{port};", site)
    (tmp_path / "advisor.conf").write_text(site)
    temporary = "\n".join(
        f"{kind}_temp_path {tmp_path / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    # Run as whoever runs the tests (root in CI), so the temporary folders are its own.
    (tmp_path / "nginx.conf").write_text(
        f"daemon off; worker_processes 1; user {getpass.getuser()}; pid {tmp_path / 'nginx.pid'};\n"
        f"error_log {tmp_path / 'error.log'};\n"
        "events { worker_connections 256; }\n"
        f"http {{ access_log off; {temporary}\n include {tmp_path / 'advisor.conf'}; }}\n"
    )
    server = subprocess.Popen(
        [binary, "-p", str(tmp_path), "-e", str(tmp_path / "error.log"), "-c", str(tmp_path / "nginx.conf")],
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}/healthz")
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


class Trickler:
    """A client that announces a 100 kB body and sends it one byte every half second."""

    def __init__(self, port: int) -> None:
        self.socket = socket.create_connection(("127.0.0.1", port))
        self.socket.sendall(
            b"POST /api/v1/recommendations HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
        )
        self.stopped = threading.Event()
        threading.Thread(target=self._trickle, daemon=True).start()

    def _trickle(self) -> None:
        while not self.stopped.wait(0.5):
            try:
                self.socket.sendall(b" ")
            except OSError:
                return

    def stop(self) -> None:
        self.stopped.set()
        self.socket.close()


def healthz_seconds(port: int, timeout: float) -> float | None:
    """Seconds /healthz took to answer 200, None when it did not within `timeout`."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=timeout) as response:
            assert response.status == 200
    except (TimeoutError, urllib.error.URLError):
        return None
    return time.monotonic() - started


def test_clients_trickling_a_body_stall_gunicorn_alone_but_not_behind_nginx(app: int, nginx: int) -> None:
    # Control: straight at gunicorn, the two tricklers hold both sync workers and /healthz waits.
    direct = [Trickler(app) for _ in range(TRICKLERS)]
    time.sleep(1)
    try:
        assert healthz_seconds(app, timeout=3) is None
    finally:
        for trickler in direct:
            trickler.stop()

    # Through nginx, which reads bodies whole before passing them on: /healthz answers at once, again and again.
    wait_until_up(f"http://127.0.0.1:{app}/healthz")  # gunicorn has shed the control's clients
    behind = [Trickler(nginx) for _ in range(TRICKLERS)]
    time.sleep(1)
    try:
        answers = [healthz_seconds(nginx, timeout=3) for _ in range(10)]
        assert all(seconds is not None and seconds < 1 for seconds in answers), answers
    finally:
        for trickler in behind:
            trickler.stop()
