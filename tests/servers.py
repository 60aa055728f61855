"""Real processes for tests that need them: free loopback ports, and manage.py or gunicorn in a subprocess."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def environment(**overrides: str) -> dict[str, str]:
    """This environment as a fresh process of the app sees it: not under pytest, plain HTTP."""
    env = {**os.environ, "HTTPS": "0", **overrides}
    env.pop("PYTEST_VERSION", None)
    return env


def manage(script: str, timeout: float = 60, **overrides: str) -> subprocess.CompletedProcess[str]:
    """Run Python in `manage.py shell` with the given environment."""
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=environment(**overrides),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
