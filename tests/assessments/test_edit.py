from __future__ import annotations

import pytest
from django.test import Client

from advisor.assessments.models import Assessment

from .forms import editor_post

pytestmark = pytest.mark.django_db


class TestEditing:
    def test_the_edit_link_shows_every_flow_and_the_share_link(self, client: Client, assessment: Assessment) -> None:
        page = client.get(assessment.edit_url).content.decode()
        for flow in assessment.inputs["flows"]:
            assert flow["name"] in page
        assert f"/r/{assessment.view_token}/" in page

    def test_saving_rescoring_and_bumping_the_version(self, client: Client, assessment: Assessment) -> None:
        response = client.post(
            assessment.edit_url,
            editor_post(
                assessment,
                **{"flow-2-consumer_availability": "always", "flow-2-latency": "immediate", "action": "save"},
            ),
        )
        assert response.status_code == 302
        assessment.refresh_from_db()
        assert assessment.version == 2
        assert assessment.inputs["flows"][2]["latency"] == "immediate"
        assert assessment.result["flows"][2]["pattern"] == "point_to_point"

    def test_it_refuses_a_stale_save_and_keeps_the_input(self, client: Client, assessment: Assessment) -> None:
        first = editor_post(assessment, name="Renamed by Ann", action="save")
        second = editor_post(assessment, name="Renamed by Bob", action="save")
        client.post(assessment.edit_url, first)
        response = client.post(assessment.edit_url, second)
        page = response.content.decode()
        assert response.status_code == 409
        assert "Someone else saved this assessment" in page
        assert 'value="Renamed by Bob"' in page
        assessment.refresh_from_db()
        assert assessment.name == "Renamed by Ann"
        assert f'name="version" value="{assessment.version}"' in page

    def test_a_bad_value_gets_a_message_beside_its_field_and_nothing_is_lost(
        self, client: Client, assessment: Assessment
    ) -> None:
        response = client.post(
            assessment.edit_url,
            editor_post(
                assessment,
                **{"flow-1-peak_factor": "0.2", "flow-0-name": "", "weight-real_time": "nine", "action": "save"},
            ),
        )
        page = response.content.decode()
        assert response.status_code == 422
        assert "Peak factor must be from 1 to 10,000, not 0.2" in page
        assert "Name must be 1 to 120 characters" in page
        assert "Real-time needs weight must be a number" in page
        assert 'value="nine"' in page
        assert 'value="0.2"' in page
        assert page.count('class="group flow"') == 3
        assessment.refresh_from_db()
        assert assessment.version == 1

    @pytest.mark.parametrize(
        ("action", "names"),
        [
            ("add", ["Customer lookup at checkout", "Order placed", "Nightly customer-segment export", "Flow 4"]),
            (
                "duplicate:0",
                [
                    "Customer lookup at checkout",
                    "Customer lookup at checkout (copy)",
                    "Order placed",
                    "Nightly customer-segment export",
                ],
            ),
            ("remove:1", ["Customer lookup at checkout", "Nightly customer-segment export"]),
            ("up:1", ["Order placed", "Customer lookup at checkout", "Nightly customer-segment export"]),
            ("down:1", ["Customer lookup at checkout", "Nightly customer-segment export", "Order placed"]),
        ],
    )
    def test_flow_actions_change_the_list_without_saving(
        self, client: Client, assessment: Assessment, action: str, names: list[str]
    ) -> None:
        response = client.post(assessment.edit_url, editor_post(assessment, action=action))
        assert response.context["state"].flows
        assert [f["name"] for f in response.context["state"].flows] == names
        assessment.refresh_from_db()
        assert assessment.version == 1

    def test_the_last_flow_cannot_be_removed(self, client: Client) -> None:
        from tests.conftest import make_assessment

        single = make_assessment(flows=[{"name": "Only", "interaction": "query"}])
        response = client.post(single.edit_url, editor_post(single, action="remove:0"))
        assert [f["name"] for f in response.context["state"].flows] == ["Only"]

    def test_an_htmx_action_returns_only_the_form(self, client: Client, assessment: Assessment) -> None:
        response = client.post(
            assessment.edit_url, editor_post(assessment, action="add"), headers={"HX-Request": "true"}
        )
        page = response.content.decode()
        assert page.lstrip().startswith('<form id="editor"')
        assert "<html" not in page

    def test_an_unknown_edit_token_is_a_404(self, client: Client) -> None:
        assert client.get("/assess/not-a-real-token/").status_code == 404

    def test_the_view_token_cannot_edit(self, client: Client, assessment: Assessment) -> None:
        assert client.get(f"/assess/{assessment.view_token}/").status_code == 404
        response = client.post(f"/assess/{assessment.view_token}/", editor_post(assessment, name="x", action="save"))
        assert response.status_code == 404
        assessment.refresh_from_db()
        assert assessment.name == "Shop and CRM"


class TestPreview:
    def test_it_scores_the_unsaved_answers(self, client: Client, assessment: Assessment) -> None:
        response = client.post(
            f"{assessment.edit_url}preview",
            editor_post(assessment, **{"flow-0-interaction": "event", "flow-0-consumers": "CRM, Email, Analytics, BI"}),
        )
        page = response.content.decode()
        assert response.status_code == 200
        assert "3 flows" not in page or "event-driven" in page.lower()
        assert page.count("Event-driven") >= 2
        assessment.refresh_from_db()
        assert assessment.version == 1

    def test_it_lists_what_needs_checking(self, client: Client, assessment: Assessment) -> None:
        response = client.post(f"{assessment.edit_url}preview", editor_post(assessment, **{"landscape-systems": "x"}))
        assert "landscape.systems" in response.content.decode()


def test_more_than_fifty_flows_are_refused_with_a_message(client: Client, assessment: Assessment) -> None:
    response = client.post(assessment.edit_url, editor_post(assessment, **{"flow-count": "60", "action": "save"}))
    assert response.status_code == 422
    assert "must hold 1 to 50 flows, not 51" in response.content.decode()
