"""gunicorn as `make serve` runs it (DEBUG off), on a free loopback port and a throwaway database."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = [sys.executable, "-m", "gunicorn", "-c", "python:advisor.gunicorn", "advisor.wsgi"]


def shell(script: str, env: dict[str, str]) -> list[str]:
    """The lines `manage.py shell -c script` prints, run against the served server's database."""
    completed = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return completed.stdout.splitlines()


@contextmanager
def served(keep_access_log: bool = False, **settings: str) -> Iterator[tuple[str, dict[str, str], Path]]:
    """(base URL, the server's environment, a scratch folder); the server stops on leaving.

    With keep_access_log, gunicorn's access log is the file the environment's ACCESS_LOG names, in the
    scratch folder (nothing else deletes it there, as pytest-playwright clears test-results/).
    """
    workdir = Path(tempfile.mkdtemp(prefix="advisor-served-"))
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'served.sqlite3'}",
        "DEBUG": "0",
        "HTTPS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "PUBLIC_URL": f"http://127.0.0.1:{port}",
        "ACCESS_LOG": str(workdir / "access.log") if keep_access_log else "/dev/null",
        **settings,
    }
    env.pop("PYTEST_VERSION", None)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)
    server = subprocess.Popen(
        [*GUNICORN, "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=5).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.3)
        yield base, env, workdir
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
