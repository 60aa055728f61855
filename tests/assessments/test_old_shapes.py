"""An assessment stored before an answer was renamed or retired still opens everywhere, and says what changed."""

from __future__ import annotations

import copy
import io
import json
import zipfile
from typing import Any

import pytest
from django.test import Client

from advisor.assessments.models import Assessment
from advisor.assessments.views import MINE
from advisor.engine import parse_assessment
from advisor.engine import upgrade as upgrade_module
from advisor.engine.upgrade import ChoiceRename, Step
from tests.assessments.forms import editor_post
from tests.conftest import make_assessment

pytestmark = pytest.mark.django_db


def stored_in_an_older_shape() -> Assessment:
    """SHOP as an older questionnaire stored it: the lookup's latency "realtime", a retired "criticality"."""
    assessment = make_assessment()
    inputs = copy.deepcopy(assessment.inputs)
    inputs["flows"][0]["latency"] = "realtime"
    inputs["flows"][1]["criticality"] = "high"
    inputs["landscape"]["budget"] = "small"
    Assessment.objects.filter(pk=assessment.pk).update(inputs=inputs, schema_version=1)
    assessment.refresh_from_db()
    return assessment


def owned_by(client: Client, assessment: Assessment) -> None:
    session = client.session
    session[MINE] = [assessment.edit_token]
    session.save()


def test_its_results_page_says_what_was_read_differently_and_offers_a_rerun(client: Client) -> None:
    assessment = stored_in_an_older_shape()
    response = client.get(assessment.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Read differently since it was saved" in page
    assert "Flow 1 “Customer lookup at checkout”, latency: “realtime” is no longer one of the choices" in page
    assert "Flow 2 “Order placed”, criticality: no longer asked; the saved answer (“high”) is kept aside." in page
    assert "Landscape, budget: no longer asked" in page
    assert '<a href="?rerun=1">See the result for the answers as read now</a>' in page
    fresh = client.get(assessment.get_absolute_url() + "?rerun=1")
    assert fresh.status_code == 200
    assert "the current engine's result for the answers as read now" in fresh.content.decode()


def test_its_edit_page_reads_the_retired_choice_as_not_sure(client: Client) -> None:
    assessment = stored_in_an_older_shape()
    response = client.get(assessment.edit_url)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="flow-0-latency" value="unknown" checked' in page
    assert "criticality" not in page


def test_its_pdf_and_decision_records_are_made_from_the_answers_as_read(client: Client) -> None:
    assessment = stored_in_an_older_shape()
    pdf = client.get(f"/r/{assessment.view_token}/report.pdf")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    adr = client.get(f"/r/{assessment.view_token}/adr.md")
    assert adr.status_code == 200
    assert "Customer lookup at checkout" in adr.content.decode()
    archive = client.get(f"/r/{assessment.view_token}/adr.zip")
    assert archive.status_code == 200
    assert len(zipfile.ZipFile(io.BytesIO(archive.content)).namelist()) == 4


def test_its_json_export_is_in_the_current_shape_and_imports(client: Client) -> None:
    assessment = stored_in_an_older_shape()
    response = client.get(f"/r/{assessment.view_token}/assessment.json")
    assert response.status_code == 200
    exported = json.loads(response.content)
    assert exported["flows"][0]["latency"] == "unknown"
    assert "criticality" not in exported["flows"][1]
    assert "budget" not in exported["landscape"]
    assert parse_assessment(exported).name == "Shop and CRM"


def test_a_rerun_saves_the_answers_as_read_and_keeps_the_retired_ones_aside(client: Client) -> None:
    assessment = stored_in_an_older_shape()
    owned_by(client, assessment)
    page = client.get(assessment.get_absolute_url()).content.decode()
    assert "re-run and save it</button>" in page
    assert client.post(f"{assessment.edit_url}rerun").status_code == 302
    assessment.refresh_from_db()
    assert assessment.inputs["flows"][0]["latency"] == "unknown"
    assert assessment.result["flows"][0]["unknowns"] == ["latency"]
    assert {(e["field"], json.dumps(e["value"])) for e in assessment.set_aside} == {
        ("flows[0].latency", '"realtime"'),
        ("flows[1].criticality", '"high"'),
        ("landscape.budget", '"small"'),
    }
    assert "Read differently" not in client.get(assessment.get_absolute_url()).content.decode()


def test_a_save_from_the_editor_keeps_the_retired_answers_aside_too(client: Client) -> None:
    assessment = stored_in_an_older_shape()
    assert client.post(assessment.edit_url, editor_post(assessment, action="save")).status_code == 302
    assessment.refresh_from_db()
    assert {e["field"] for e in assessment.set_aside} == {
        "flows[0].latency",
        "flows[1].criticality",
        "landscape.budget",
    }


def test_a_renamed_choice_is_read_under_its_new_name_through_the_schemas_step(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment = stored_in_an_older_shape()
    monkeypatch.setattr(upgrade_module, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(
        upgrade_module, "STEPS", {1: Step(choices=(ChoiceRename("flow", "latency", "realtime", "immediate"),))}
    )
    page = client.get(assessment.get_absolute_url()).content.decode()
    assert "latency: “realtime” is now called “immediate (caller waits, under 1 s)”." in page
    exported = client.get(f"/r/{assessment.view_token}/assessment.json").json()
    assert exported["flows"][0]["latency"] == "immediate"


@pytest.mark.parametrize(
    "result",
    [{}, {"flows": "garbage"}, [], {"engine_version": "0.1", "summary": "", "mix": {}, "landscape_advice": []}],
)
def test_a_result_that_cannot_be_read_is_scored_again_and_says_so(client: Client, result: Any) -> None:
    assessment = make_assessment()
    Assessment.objects.filter(pk=assessment.pk).update(result=result)
    page = client.get(assessment.get_absolute_url())
    assert page.status_code == 200
    assert "The saved result could not be read by this version" in page.content.decode()
    for download in ("report.pdf", "adr.md", "adr.zip", "assessment.json"):
        assert client.get(f"/r/{assessment.view_token}/{download}").status_code == 200, download


def test_inputs_that_are_no_assessment_at_all_still_open(client: Client) -> None:
    assessment = make_assessment()
    Assessment.objects.filter(pk=assessment.pk).update(inputs={"flows": "lost"})
    assert client.get(assessment.get_absolute_url()).status_code == 200
    assert client.get(assessment.edit_url).status_code == 200
    assert client.get(f"/r/{assessment.view_token}/assessment.json").status_code == 200


def test_a_result_missing_a_patterns_score_is_scored_again(client: Client) -> None:
    assessment = make_assessment()
    result = copy.deepcopy(assessment.result)
    del result["flows"][1]["scores"]["event_driven"]
    Assessment.objects.filter(pk=assessment.pk).update(result=result)
    page = client.get(assessment.get_absolute_url())
    assert page.status_code == 200
    assert "The saved result could not be read by this version" in page.content.decode()
