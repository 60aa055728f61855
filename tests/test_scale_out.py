"""Two app servers and one task worker sharing PostgreSQL and Redis, as deployed (README "Deploying")."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from django.db import connection

from advisor.engine.presets import USE_CASES
from tests.servers import ROOT, environment, free_port

# Needs PostgreSQL (the servers share the test database) and Redis: the PostgreSQL pass runs it.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
REDIS_URL = "redis://127.0.0.1:6379/14"
GUNICORN = [sys.executable, "-m", "gunicorn", "-c", "python:advisor.gunicorn", "advisor.wsgi"]


def call(url: str, body: Any = None) -> tuple[int, dict[str, str], bytes]:
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture
def deployment() -> Iterator[list[str]]:
    """Two gunicorn app servers and a task worker; yields the servers' base URLs."""
    redis.Redis.from_url(REDIS_URL).flushdb()
    settings = connection.settings_dict
    database = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    env = environment(
        DATABASE_URL=database,
        REDIS_URL=REDIS_URL,
        PDF_WORKER="1",
        CREATE_RATE="3/h",
        DEBUG="1",
        ALLOWED_HOSTS="127.0.0.1",
        ACCESS_LOG="/dev/null",
    )
    ports = [free_port(), free_port()]
    processes = [
        subprocess.Popen(
            [*GUNICORN, "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=ROOT,
            env=env,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    processes.append(
        subprocess.Popen([sys.executable, "manage.py", "worker"], cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    )
    servers = [f"http://127.0.0.1:{port}" for port in ports]
    try:
        for server in servers:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if call(f"{server}/healthz")[0] == 200:
                        break
                except OSError:
                    pass
                assert time.monotonic() < deadline, f"{server} did not start"
                time.sleep(0.3)
        yield servers
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        redis.Redis.from_url(REDIS_URL).flushdb()


def test_two_servers_and_a_worker_share_assessments_limits_and_pdfs(deployment: list[str]) -> None:
    first, second = deployment
    body = {**USE_CASES["crm-ecommerce"].assessment, "name": "Scaled out"}

    status, _, created = call(f"{first}/api/v1/assessments", body)
    assert status == 201
    links = json.loads(created)
    status, _, page = call(f"{second}{links['view_url']}")
    assert status == 200
    assert b"Scaled out" in page

    # CREATE_RATE is 3 an hour, counted in Redis: the third creation is the last, whichever server takes it.
    statuses = [call(f"{server}/api/v1/assessments", body)[0] for server in (second, first, second)]
    assert statuses == [201, 201, 429]

    # The first creation queued its PDF through the first server; the worker renders it, the second serves it.
    deadline = time.monotonic() + 180  # kaleido's start and a render, on a machine that may be busy
    while True:
        status, headers, document = call(f"{second}{links['pdf_url']}")
        if status == 200:
            break
        assert status == 202, document[:200]
        assert time.monotonic() < deadline, "the worker did not render the PDF"
        time.sleep(0.5)
    assert headers["Content-Type"] == "application/pdf"
    assert document.startswith(b"%PDF")

    health = json.loads(call(f"{first}/healthz")[2])
    assert health["cache"]["backend"] == "redis"
    assert health["task_queue"]["status"] == "ok"
