"""Real processes for tests that need them: free loopback ports, and manage.py or gunicorn in a subprocess."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
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


class Forwarder:
    """A TCP port that forwards to another (a database), and can be made to refuse or to hang.

    `up()` forwards; `refuse()` closes the port and every forwarded connection, as a stopped database
    does; `hang()` accepts and never answers, as a database on a frozen or black-holed host does;
    `stall()` leaves the connections open now unanswered for ever (acknowledged, never answered) while
    new ones are forwarded, as a stuck server process or a middlebox that lost their state does.
    """

    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.port = free_port()
        self._listener: socket.socket | None = None
        self._open: list[socket.socket] = []
        self._stalled: set[socket.socket] = set()
        self._forward = True

    def up(self) -> None:
        self._listen(forward=True)

    def hang(self) -> None:
        self._listen(forward=False)

    def stall(self) -> None:
        self._stalled.update(self._open)

    def refuse(self) -> None:
        if self._listener is not None:
            # shutdown wakes the thread blocked in accept(), which otherwise keeps the port bound after close.
            with contextlib.suppress(OSError):
                self._listener.shutdown(socket.SHUT_RDWR)
            self._listener.close()
            self._listener = None
        for connection in self._open:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()
        self._open.clear()
        self._stalled.clear()

    def _listen(self, forward: bool) -> None:
        self.refuse()
        self._forward = forward
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            self._open.append(client)
            if not self._forward:
                continue  # accepted, never answered
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            self._open.append(server)
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                if source in self._stalled or sink in self._stalled:
                    continue  # received (the sender's kernel sees it acknowledged), never passed on
                sink.sendall(data)
        with contextlib.suppress(OSError):
            sink.shutdown(socket.SHUT_WR)
