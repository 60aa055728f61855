from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import Client

from advisor.assessments.models import Assessment
from advisor.engine.parse import MAX_FLOWS
from tests.conftest import make_assessment

from .forms import editor_post

pytestmark = pytest.mark.django_db


def saved_with_a_new_flow(client: Client, assessment: Assessment) -> dict[str, str]:
    """A save of the three-flow assessment with the fourth flow "Add a flow" gives, as the page carries it."""
    added = client.post(assessment.edit_url, editor_post(assessment, action="add")).context["form"]
    post = editor_post(assessment, action="save")
    post |= {field.html_name: str(field.value()) for field in added.flows.forms[3]}
    return post | {"flow-TOTAL_FORMS": "4", "flow-INITIAL_FORMS": "4"}


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

    def test_after_a_stale_save_each_difference_is_kept_only_by_choice(
        self, client: Client, assessment: Assessment
    ) -> None:
        client.post(assessment.edit_url, editor_post(assessment, name="Renamed by Ann", action="save"))
        bob = editor_post(assessment, name="Renamed by Bob", action="save", **{"flow-0-latency": "minutes"})
        refused = client.post(assessment.edit_url, bob)
        page = refused.content.decode()
        assert refused.status_code == 409
        assert page.count('<fieldset class="difference">') == 2
        assert "<legend>Name of the assessment</legend>" in page
        assert "Keep the saved answer: <strong>Renamed by Ann</strong>" in page
        assert "Use yours: <strong>Renamed by Bob</strong>" in page
        assert "<legend>Flow 1, latency</legend>" in page
        assert 'name="keep-flows[0].latency" value="theirs">' in page  # none chosen for the person

        # Saving again without choosing replaces nothing: the other edit is never silently reverted.
        again = bob | {"version": "2", "resolving": "1"}
        asked = client.post(assessment.edit_url, again)
        assert asked.status_code == 422
        assert "Choose which to keep for each of these answers" in asked.content.decode()
        assessment.refresh_from_db()
        assert (assessment.name, assessment.version) == ("Renamed by Ann", 2)

        half = client.post(assessment.edit_url, again | {"keep-name": "theirs"})
        assert "Choose which to keep for the 1 still open: Flow 1, latency." in half.content.decode()
        assert 'name="keep-name" value="theirs" checked>' in half.content.decode()

        chosen = client.post(assessment.edit_url, again | {"keep-name": "theirs", "keep-flows[0].latency": "mine"})
        assert chosen.status_code == 302
        assessment.refresh_from_db()
        assert (assessment.name, assessment.inputs["flows"][0]["latency"], assessment.version) == (
            "Renamed by Ann",
            "minutes",
            3,
        )

    def test_a_stale_save_of_the_same_answers_is_saved_without_asking(
        self, client: Client, assessment: Assessment
    ) -> None:
        same = editor_post(assessment, name="Renamed by both", action="save")
        client.post(assessment.edit_url, same)
        assert client.post(assessment.edit_url, same).status_code == 302
        assessment.refresh_from_db()
        # The first save already holds these answers: the second adds no version of its own.
        assert (assessment.name, assessment.version) == ("Renamed by both", 2)

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
        # The summary names each answer as the page asks it, and links to its field.
        assert '<a href="#flow-1-peak_factor">Flow 2, peak factor</a>: from 1 to 10,000, not 0.2; for example 3' in page
        assert (
            '<a href="#flow-0-name">Flow 1, name</a>: give this flow a name (up to 120 characters), '
            "for example “Order placed”" in page
        )
        assert (
            '<a href="#weight-real_time">Weight of real-time needs</a>: '
            "a number from 0 to 3, not &#x27;nine&#x27;; for example 2 or 0.5"
        ) in page
        assert '<p class="error" id="flow-1-peak_factor-error">From 1 to 10,000, not 0.2; for example 3</p>' in page
        assert 'id="error-summary" tabindex="-1" data-focus-on-load' in page
        assert 'value="nine"' in page
        assert 'value="0.2"' in page
        assert page.count('class="group flow"') == 3
        assessment.refresh_from_db()
        assert assessment.version == 1

    @pytest.mark.parametrize(
        ("action", "names"),
        [
            ("add", ["Customer lookup at checkout", "Order placed", "Nightly customer-segment export", ""]),
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
        assert flow_names(response) == names
        assert f'name="flow-TOTAL_FORMS" value="{len(names)}"' in response.content.decode()
        assessment.refresh_from_db()
        assert assessment.version == 1

    def test_numbers_are_read_as_people_type_them(self, client: Client, assessment: Assessment) -> None:
        typed = {"flow-0-volume_per_day": "20k", "flow-1-volume_per_day": "1.5M", "flow-2-volume_per_day": "20,000"}
        typed |= {"flow-0-peak_factor": "2.5", "landscape-systems": "1 200", "weight-real_time": "1.5"}
        response = client.post(assessment.edit_url, editor_post(assessment, action="save", **typed))
        assert response.status_code == 422  # 1,200 systems is more than the engine allows: it says so
        assert "from 2 to 500, not 1,200" in response.content.decode()
        assert 'value="20k"' in response.content.decode()
        typed["landscape-systems"] = "12"
        response = client.post(assessment.edit_url, editor_post(assessment, action="save", **typed))
        assert response.status_code == 302
        assessment.refresh_from_db()
        assert [f["volume_per_day"] for f in assessment.inputs["flows"]] == [20000, 1500000, 20000]
        assert assessment.inputs["flows"][0]["peak_factor"] == 2.5
        assert assessment.inputs["weights"]["real_time"] == 1.5

    def test_a_flow_action_keeps_what_was_typed_elsewhere(self, client: Client, assessment: Assessment) -> None:
        typed = {"flow-1-volume_per_day": "lots", "landscape-systems": "7", "weight-real_time": "2.5", "name": "Mine"}
        response = client.post(assessment.edit_url, editor_post(assessment, action="up:1", **typed))
        page = response.content.decode()
        assert response.status_code == 200
        assert 'id="flow-0-volume_per_day" name="flow-0-volume_per_day" type="text" value="lots"' in page
        assert 'name="landscape-systems" type="text" value="7"' in page
        assert 'name="weight-real_time" type="text" inputmode="decimal" value="2.5"' in page
        assert 'value="Mine"' in page
        assert "error-summary" not in page

    def test_without_javascript_the_new_flow_takes_the_focus_and_the_page_says_so(
        self, client: Client, assessment: Assessment
    ) -> None:
        page = client.post(assessment.edit_url, editor_post(assessment, action="add")).content.decode()
        assert page.count("autofocus") == 1
        assert (
            'id="flow-3-name" name="flow-3-name" type="text" value="" maxlength="120" '
            'placeholder="e.g. Stock level to the shop"' in page
        )
        assert '<p class="visually-hidden" role="status" id="editor-status">Flow 4 added; type its name.</p>' in page

    def test_the_results_pages_add_your_other_flows_opens_a_new_flow_to_name(
        self, client: Client, assessment: Assessment
    ) -> None:
        response = client.get(f"{assessment.edit_url}?add=flow")
        assert flow_names(response)[-1] == ""
        assert 'id="flow-3-name" name="flow-3-name" type="text" value=""' in response.content.decode()
        assert "Flow 4 added; type its name." in response.content.decode()
        assessment.refresh_from_db()
        assert len(assessment.inputs["flows"]) == 3

    def test_the_last_flow_cannot_be_removed(self, client: Client) -> None:
        single = make_assessment(flows=[{"name": "Only", "interaction": "query"}])
        response = client.post(single.edit_url, editor_post(single, action="remove:0"))
        assert flow_names(response) == ["Only"]

    def test_an_emptied_consumers_field_is_refused_naming_the_field(
        self, client: Client, assessment: Assessment
    ) -> None:
        response = client.post(
            assessment.edit_url, editor_post(assessment, **{"flow-2-consumers": " , ", "action": "save"})
        )
        page = response.content.decode()
        assert response.status_code == 422
        assert '<a href="#flow-2-consumers">Flow 3, consumers</a>: name at least one system that receives it' in page
        assert '<p class="error" id="flow-2-consumers-error">Name at least one system that receives it</p>' in page
        assessment.refresh_from_db()
        assert assessment.inputs["flows"][2]["consumers"] == ["Online shop"]

    def test_a_new_flow_left_as_it_came_is_dropped_and_one_answered_is_saved_once_named(
        self, client: Client, assessment: Assessment
    ) -> None:
        post = saved_with_a_new_flow(client, assessment)
        assert client.post(assessment.edit_url, post).status_code == 302
        assessment.refresh_from_db()
        assert len(assessment.inputs["flows"]) == 3
        post["version"] = str(assessment.version)
        assert client.post(assessment.edit_url, post | {"flow-3-consumers": "Billing"}).status_code == 422
        named = post | {"flow-3-consumers": "Billing", "flow-3-name": "Invoices"}
        # A new flow's kind is the person's to choose: none is chosen for them.
        assert client.post(assessment.edit_url, named).status_code == 422
        response = client.post(assessment.edit_url, named | {"flow-3-interaction": "command"})
        assert response.status_code == 302
        assessment.refresh_from_db()
        assert (assessment.inputs["flows"][3]["name"], assessment.inputs["flows"][3]["consumers"]) == (
            "Invoices",
            ["Billing"],
        )

    def test_a_new_flow_whose_only_answer_is_its_interaction_is_kept_and_refused_naming_what_it_lacks(
        self, client: Client, assessment: Assessment
    ) -> None:
        # A new flow starts with no interaction: one chosen is the person's answer, not to be dropped unsaid.
        post = saved_with_a_new_flow(client, assessment) | {"flow-3-interaction": "event"}
        response = client.post(assessment.edit_url, post)
        page = response.content.decode()
        assert response.status_code == 422
        assert '<a href="#flow-3-name">Flow 4, name</a>' in page
        assert '<a href="#flow-3-consumers">Flow 4, consumers</a>' in page
        assessment.refresh_from_db()
        assert assessment.version == 1

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
        assert (
            '<p class="headline">2 flows are event-driven and 1 bulk transfer fits none of the three patterns</p>'
            in page
        )
        first = page.split("<li>")[1]
        assert first.startswith('<strong>Customer lookup at checkout</strong>: <span class="badge badge-event-driven">')
        last = page.split("<li>")[3]
        assert last.startswith("<strong>Nightly customer-segment export</strong>: bulk transfer")
        assert "wins by" not in last
        assessment.refresh_from_db()
        assert assessment.version == 1
        assert assessment.result["flows"][0]["pattern"] == "point_to_point"

    def test_it_lists_what_needs_checking(self, client: Client, assessment: Assessment) -> None:
        response = client.post(f"{assessment.edit_url}preview", editor_post(assessment, **{"landscape-systems": "x"}))
        assert '<a href="#landscape-systems">Systems</a>: a whole number from 2 to 500' in response.content.decode()


def test_more_flows_than_the_limit_are_refused_with_a_message(client: Client, assessment: Assessment) -> None:
    too_many = {"flow-TOTAL_FORMS": str(MAX_FLOWS + 10), "action": "save"}
    response = client.post(assessment.edit_url, editor_post(assessment, **too_many))
    assert response.status_code == 422
    assert f"must hold 1 to {MAX_FLOWS} flows, not {MAX_FLOWS + 1}" in response.content.decode()


def flow_names(response: HttpResponse) -> list[str]:
    """The names of the flows the editor shows, in order."""
    return [flow["name"].value() for flow in response.context["form"].flows.forms]
