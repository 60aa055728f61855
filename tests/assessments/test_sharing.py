from __future__ import annotations

from typing import Any

import pytest
from django.test import Client, override_settings
from django_tasks_db.models import DBTaskResult

from advisor.assessments.models import Assessment
from advisor.engine import ENGINE_VERSION
from tests.conftest import make_assessment

pytestmark = pytest.mark.django_db


def test_rotating_the_view_link_makes_the_old_one_404(client: Client, assessment: Assessment) -> None:
    old = assessment.get_absolute_url()
    response = client.post(f"{assessment.edit_url}share")
    assessment.refresh_from_db()
    assert response.status_code == 302
    assert client.get(old).status_code == 404
    assert client.get(assessment.get_absolute_url()).status_code == 200


def test_forking_makes_an_independent_copy(client: Client, assessment: Assessment) -> None:
    response = client.post(f"{assessment.edit_url}fork")
    copy = Assessment.objects.exclude(pk=assessment.pk).get()
    assert response["Location"] == copy.edit_url
    assert copy.name == "Copy of Shop and CRM"
    assert copy.inputs == assessment.inputs
    assert copy.view_token != assessment.view_token


def test_deleting_asks_first_then_removes_every_link(client: Client, assessment: Assessment) -> None:
    confirm = client.get(f"{assessment.edit_url}delete")
    assert "cannot be undone" in confirm.content.decode()
    assert Assessment.objects.filter(pk=assessment.pk).exists()
    client.post(f"{assessment.edit_url}delete")
    assert not Assessment.objects.filter(pk=assessment.pk).exists()
    assert client.get(assessment.get_absolute_url()).status_code == 404


def test_a_rerun_saves_the_current_engines_result(client: Client, assessment: Assessment) -> None:
    Assessment.objects.filter(pk=assessment.pk).update(engine_version="0.9.0", result={})
    client.post(f"{assessment.edit_url}rerun")
    assessment.refresh_from_db()
    assert assessment.engine_version == ENGINE_VERSION
    assert assessment.result["flows"]


def stored() -> list[dict[str, Any]]:
    """Every stored assessment, field by field."""
    return list(Assessment.objects.order_by("pk").values())


@pytest.mark.parametrize("action", ["share", "fork", "rerun", "delete"])
def test_the_view_link_cannot_change_anything(client: Client, assessment: Assessment, action: str) -> None:
    Assessment.objects.filter(pk=assessment.pk).update(engine_version="0.9.0")
    before = stored()
    response = client.post(f"/assess/{assessment.view_token}/{action}")
    assert response.status_code == 404
    assert stored() == before


@pytest.mark.parametrize("action", ["share", "fork", "rerun"])
def test_actions_need_a_post(client: Client, assessment: Assessment, action: str) -> None:
    assert client.get(f"{assessment.edit_url}{action}").status_code == 405


@override_settings(PDF_WORKER=True, ADVISOR_ROTATE_RATE="10/h")
def test_rotating_one_link_in_a_loop_is_refused_after_the_limit_and_queues_no_more_renders(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assessment = make_assessment()
        answers = [client.post(f"{assessment.edit_url}share") for _ in range(60)]
    assert [response.status_code for response in answers] == [302] * 10 + [429] * 50
    assert 1 <= int(answers[-1]["Retry-After"]) <= 3600
    assert DBTaskResult.objects.count() == 1 + 10  # the first version's PDF and one per rotation that was let through


@override_settings(ADVISOR_ROTATE_RATE="10/h", ADVISOR_SAVE_RATE="5/m")
def test_rotating_many_links_counts_against_the_clients_saves(client: Client) -> None:
    assessments = [make_assessment(name=f"Landscape {number}") for number in range(6)]
    answers = [client.post(f"{assessment.edit_url}share").status_code for assessment in assessments]
    assert answers == [302] * 5 + [429]
