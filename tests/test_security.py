from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/assess/", "/patterns/", "/healthz", "/api/v1/openapi.json"])
def test_every_response_carries_the_security_headers(client: Client, url: str) -> None:
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    scripts = next(d for d in policy.split("; ") if d.startswith("script-src"))
    assert scripts.split()[1] == "'self'"
    assert "unsafe-inline" not in scripts
    assert "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_pages_load_no_script_from_another_origin(client: Client) -> None:
    for url in ("/", "/assess/", "/patterns/", "/factors/", "/api/docs"):
        page = client.get(url).content.decode()
        assert 'src="http' not in page, url
        assert 'src="//' not in page, url


def test_production_settings_pass_the_deployment_check() -> None:
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "k" * 40 + "-production-secret-not-for-tests-0123456789",
        "ALLOWED_HOSTS": "advisor.example.com",
        "HTTPS": "1",
    }
    env.pop("PYTEST_VERSION", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    completed = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "no issues" in completed.stdout


def test_redis_url_gives_a_shared_cache_for_rate_limits_and_pdfs() -> None:
    env = {**os.environ, "REDIS_URL": "redis://127.0.0.1:6379/15"}
    script = (
        "from django.core.cache import cache; from django.conf import settings; "
        "cache.set('advisor-check', 'shared'); "
        "print(settings.CACHES['default']['BACKEND'], cache.get('advisor-check')); cache.delete('advisor-check')"
    )
    completed = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.stdout.splitlines()[-1].split() == ["advisor.cache.ResilientRedisCache", "shared"]
