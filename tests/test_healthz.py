from __future__ import annotations

import json
import socket

import pytest
from django.test import Client, override_settings

from tests.servers import free_port, manage

pytestmark = pytest.mark.django_db
# /healthz answered from a fresh process of the app: the seconds it took, the status, then the body.
PROBE = (
    "import time; from django.test import Client; started = time.monotonic(); r = Client().get('/healthz'); "
    "print(time.monotonic() - started); print(r.status_code); print(r.content.decode())"
)


def probe(**environment: str) -> tuple[int, dict[str, object], float]:
    completed = manage(PROBE, **environment)
    lines = completed.stdout.strip().splitlines()
    assert len(lines) >= 3, completed.stdout + completed.stderr
    return int(lines[-2]), json.loads(lines[-1]), float(lines[-3])


def test_it_reports_each_dependency_as_json(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == {"status": "ok"}
    assert body["cache"]["status"] == "ok"
    assert body["task_queue"] == {"status": "ok", "waiting": 0, "oldest_waiting_seconds": 0.0, "stuck_running": 0}


def test_it_answers_head_requests(client: Client) -> None:
    assert client.head("/healthz").status_code == 200


@override_settings(SECURE_SSL_REDIRECT=True)
def test_probes_reach_it_over_plain_http_behind_the_proxy(client: Client) -> None:
    assert client.get("/healthz").status_code == 200
    assert client.get("/patterns/").status_code == 301


def test_it_answers_503_when_the_database_refuses() -> None:
    status, body, _ = probe(DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/advisor")
    assert status == 503
    assert body["status"] == "down"
    assert body["database"]["status"] == "down"
    assert body["task_queue"]["status"] == "down"


def test_a_black_holed_database_fails_within_the_connect_timeout() -> None:
    # A listener that never accepts: the handshake completes in the kernel, then nothing answers.
    with socket.socket() as hole:
        hole.bind(("127.0.0.1", 0))
        hole.listen(8)
        port = hole.getsockname()[1]
        url = f"postgres://postgres@127.0.0.1:{port}/advisor"
        status, body, elapsed = probe(DATABASE_URL=url, DB_CONNECT_TIMEOUT="2")
    assert status == 503
    assert body["database"]["status"] == "down"
    # libpq may try GSS, then SSL, then plain, each within the 2 s timeout; it hung for 30 s before.
    assert elapsed < 15


def test_a_refusing_redis_leaves_it_up_and_says_so() -> None:
    status, body, _ = probe(REDIS_URL=f"redis://127.0.0.1:{free_port()}/14", DATABASE_URL="sqlite:///:memory:")
    assert status == 200
    assert body["status"] == "degraded"
    cache = body["cache"]
    assert isinstance(cache, dict)
    assert cache["status"] == "degraded"
    assert "serving from each process's memory" in cache["detail"]


def test_a_load_balancer_probing_by_instance_address_gets_the_health_and_nothing_else(client: Client) -> None:
    # ALLOWED_HOSTS names the site, not each instance's address, which is what a load balancer's probe sends.
    response = client.get("/healthz", headers={"Host": "10.0.3.17:8000"})
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert client.head("/healthz", headers={"Host": "10.0.3.17"}).status_code == 200
    for path in ("/", "/healthz/", "/patterns/", "/api/v1/openapi.json"):
        assert client.get(path, headers={"Host": "10.0.3.17"}).status_code == 400, path
