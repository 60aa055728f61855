"""The preview and the API run the engine once for inputs this process just scored, and answer alike."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from advisor import recent
from advisor.assessments.models import Assessment
from advisor.engine import Assessment as Inputs
from advisor.engine import Recommendation, parse_assessment, recommend, recommendation_to_dict
from tests.assessments.forms import editor_post
from tests.conftest import SHOP

pytestmark = pytest.mark.django_db


@pytest.fixture
def engine_runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the assessments the engine scored, counted from an empty memory."""
    runs: list[str] = []

    def counting(inputs: Inputs) -> Recommendation:
        runs.append(inputs.name)
        return recommend(inputs)

    monkeypatch.setattr(recent, "recommend", counting)
    recent.recommendation.cache_clear()
    recent.recommendation_json.cache_clear()
    yield runs
    recent.recommendation.cache_clear()
    recent.recommendation_json.cache_clear()


def preview(client: Client, assessment: Assessment, **changes: str) -> Any:
    return client.post(
        f"{assessment.edit_url}preview", editor_post(assessment, **changes), headers={"HX-Request": "true"}
    )


def test_the_same_preview_twice_runs_the_engine_once(
    client: Client, assessment: Assessment, engine_runs: list[str]
) -> None:
    first, second = preview(client, assessment), preview(client, assessment)
    assert first.status_code == second.status_code == 200
    assert first.content == second.content
    assert engine_runs == ["Shop and CRM"]


def test_a_changed_answer_is_scored_afresh(client: Client, assessment: Assessment, engine_runs: list[str]) -> None:
    before = preview(client, assessment).content.decode()
    after = preview(client, assessment, **{"flow-0-interaction": "event"}).content.decode()
    assert len(engine_runs) == 2
    assert before != after


def test_the_api_answers_a_repeated_body_alike_from_one_engine_run(client: Client, engine_runs: list[str]) -> None:
    answers = [
        client.post("/api/v1/recommendations", json.dumps(SHOP), content_type="application/json") for _ in range(2)
    ]
    assert [a.status_code for a in answers] == [200, 200]
    assert answers[0].content == answers[1].content
    expected = recommendation_to_dict(recommend(parse_assessment(SHOP)))
    assert answers[0].json() == json.loads(json.dumps(expected))
    assert engine_runs == ["Shop and CRM"]
