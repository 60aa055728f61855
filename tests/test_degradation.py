"""A configured Redis that refuses: pages, PDFs and the API still answer, rate limits count locally."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from django.test import Client, override_settings

from advisor.assessments.models import Assessment
from advisor.engine.presets import USE_CASES
from tests.servers import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def refusing_redis() -> Iterator[None]:
    caches = {
        "default": {
            "BACKEND": "advisor.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/14",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    with override_settings(CACHES=caches):
        yield


def create(client: Client) -> int:
    body = json.dumps(USE_CASES["loyalty-pos"].assessment)
    return client.post("/api/v1/assessments", body, content_type="application/json").status_code


@pytest.mark.usefixtures("refusing_redis")
def test_the_results_page_pdf_and_api_answer_while_redis_refuses(client: Client, assessment: Assessment) -> None:
    assert client.get(assessment.get_absolute_url()).status_code == 200
    assert client.get(assessment.get_absolute_url()).status_code == 200
    pdf = client.get(f"{assessment.get_absolute_url()}report.pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")
    assert create(client) == 201


@pytest.mark.usefixtures("refusing_redis")
@override_settings(ADVISOR_CREATE_RATE="2/h")
def test_rate_limits_fall_back_to_a_local_count(client: Client) -> None:
    assert [create(client) for _ in range(3)] == [201, 201, 429]
