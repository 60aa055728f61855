"""The quick path takes the landscape as a whole: its systems, its flows as short rows, then for each flow
only the questions its row leaves open, in the questionnaire's words (issue 23, item 1)."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.test import Client

from advisor.assessments.models import Assessment

pytestmark = pytest.mark.django_db

SYSTEMS = "Tills, Loyalty, Web shop, ERP, Warehouse, Analytics"
ROWS: dict[str, str] = {
    "name": "Retail",
    "landscape-systems": SYSTEMS,
    "flow-count": "3",
    "flow-0-name": "Balance check at the till",
    "flow-0-source": "Tills",
    "flow-0-consumers": "Loyalty",
    "flow-0-interaction": "query",
    "flow-0-volume_per_day": "50k",
    "flow-1-name": "Purchases from the tills",
    "flow-1-source": "Tills",
    "flow-1-consumers": "Loyalty",
    "flow-1-interaction": "command",
    "flow-1-volume_per_day": "200000",
    # A row left empty is no flow.
    "flow-2-name": "",
    "flow-2-source": "",
    "flow-2-consumers": "",
    "flow-2-interaction": "",
    "flow-2-volume_per_day": "",
}
DETAILS: dict[str, str] = {
    "flow-0-latency": "immediate",
    "flow-0-consumer_availability": "always",
    "flow-1-latency": "minutes",
    "flow-1-source_availability": "often_offline",
    "flow-1-delivery": "no_loss",
    "flow-1-peak_factor": "8",
    "landscape-platform": "aws",
}


def hidden(page: str, name: str) -> str | None:
    found = re.search(rf'<input type="hidden" name="{re.escape(name)}" value="([^"]*)"', page)
    return found[1] if found else None


class TestTheFirstStep:
    def test_it_asks_for_the_systems_and_the_flows_as_rows_in_the_questions_words(self, client: Client) -> None:
        page = client.get("/assess/").content.decode()
        assert "Which systems take part?" in page
        for row in range(3):
            for answer in ("name", "source", "consumers", "interaction", "volume_per_day"):
                assert f'id="flow-{row}-{answer}"' in page
        for question in (
            "Name of the flow",
            "Which system sends it?",
            "Which systems receive it?",
            "What does the sender expect?",
            "About how many messages a day?",
        ):
            assert question in page
        # The questions about each flow come once its row says what it is.
        assert "Is the sending system always connected?" not in page
        assert "Next: questions about each flow" in page
        assert 'list="systems-named"' in page

    def test_adding_a_row_keeps_what_was_typed(self, client: Client) -> None:
        response = client.post("/assess/", {**ROWS, "action": "add"})
        page = response.content.decode()
        assert response.status_code == 200
        assert 'id="flow-3-name"' in page
        assert 'value="Purchases from the tills"' in page
        assert f'value="{SYSTEMS}"' in page
        assert Assessment.objects.count() == 0

    def test_a_row_with_a_missing_answer_is_named_by_its_flow_and_question_and_the_rest_stays(
        self, client: Client
    ) -> None:
        response = client.post("/assess/", {**ROWS, "flow-1-consumers": "", "flow-1-interaction": "", "action": "next"})
        page = response.content.decode()
        assert response.status_code == 422
        assert '<a href="#flow-1-consumers">Flow 2: Which systems receive it?</a>: ' in page
        assert "name at least one system that receives it" in page
        assert '<a href="#flow-1-interaction">Flow 2: What does the sender expect?</a>: choose one' in page
        assert '<p class="error" id="flow-1-consumers-error">' in page
        assert 'value="Purchases from the tills"' in page
        assert 'value="50k"' in page
        assert "Is the sending system always connected?" not in page
        assert Assessment.objects.count() == 0

    def test_no_flow_at_all_is_refused_in_plain_words(self, client: Client) -> None:
        empty = {k: ("" if k.startswith("flow-") and k != "flow-count" else v) for k, v in ROWS.items()}
        response = client.post("/assess/", {**empty, "action": "next"})
        assert response.status_code == 422
        assert "describe at least one flow" in response.content.decode()


class TestTheQuestionsAboutEachFlow:
    def test_each_flow_is_asked_only_what_its_row_leaves_open(self, client: Client) -> None:
        response = client.post("/assess/", {**ROWS, "action": "next"})
        page = response.content.decode()
        assert response.status_code == 200
        query, command = page.split('id="flow-0-questions"')[1].split('id="flow-1-questions"')
        command = command.split('id="landscape-questions"')[0]
        # A lookup has no sender to keep messages, no order and no past to re-read.
        assert "flow-0-source_availability" not in query
        assert "flow-0-ordering" not in query
        assert "flow-0-replay" not in query
        assert 'name="flow-0-consumer_availability"' in query
        assert 'name="flow-0-latency"' in query
        # Work handed over from the tills: is the sender always connected, in the questionnaire's words.
        assert 'name="flow-1-source_availability"' in command
        assert "Is the sending system always connected?" in command
        assert "Tills, phones and field devices go offline" in command
        assert "Sender availability" not in page
        # The blank row is gone, and each row is carried to the next post.
        assert 'id="flow-2-questions"' not in page
        assert hidden(page, "flow-1-name") == "Purchases from the tills"
        assert hidden(page, "flow-0-volume_per_day") == "50k"
        assert "Balance check at the till" in page
        assert "See the recommendation" in page

    def test_the_answers_become_the_body_the_api_takes_and_are_saved(self, client: Client) -> None:
        response = client.post("/assess/", {**ROWS, **DETAILS})
        assessment = Assessment.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/r/{assessment.view_token}/"
        inputs = assessment.inputs
        assert assessment.name == "Retail"
        assert inputs["landscape"]["systems"] == 6
        assert inputs["landscape"]["platform"] == "aws"
        assert [flow["name"] for flow in inputs["flows"]] == ["Balance check at the till", "Purchases from the tills"]
        query, command = inputs["flows"]
        assert query["volume_per_day"] == 50000
        assert (query["source"], query["consumers"], query["interaction"]) == ("Tills", ["Loyalty"], "query")
        assert "source_availability" not in query
        assert command["source_availability"] == "often_offline"
        assert command["peak_factor"] == 8
        body = {"landscape": inputs["landscape"], "flows": inputs["flows"]}
        api = client.post("/api/v1/recommendations", json.dumps(body), content_type="application/json").json()
        assert [flow["pattern"] for flow in assessment.result["flows"]] == [flow["pattern"] for flow in api["flows"]]

    def test_an_answer_for_a_question_the_flow_is_not_asked_is_not_kept(self, client: Client) -> None:
        client.post("/assess/", {**ROWS, **DETAILS, "flow-0-ordering": "global"})
        assert "ordering" not in Assessment.objects.get().inputs["flows"][0]

    def test_going_back_to_the_rows_keeps_the_answers_given_since(self, client: Client) -> None:
        page = client.post("/assess/", {**ROWS, **DETAILS, "action": "rows"}).content.decode()
        assert 'id="flow-0-name"' in page
        assert hidden(page, "flow-1-source_availability") == "often_offline"
        assert hidden(page, "landscape-platform") == "aws"
        assert Assessment.objects.count() == 0

    def test_systems_named_only_in_the_rows_are_counted_too(self, client: Client) -> None:
        client.post("/assess/", {**ROWS, **DETAILS, "landscape-systems": "", "flow-1-consumers": "Loyalty, Analytics"})
        assert Assessment.objects.get().inputs["landscape"]["systems"] == 3

    def test_one_system_alone_is_refused_in_the_questions_words(self, client: Client) -> None:
        rows: dict[str, Any] = {**ROWS, "landscape-systems": "Tills", "flow-0-consumers": "tills"}
        rows |= {f"flow-1-{k}": "" for k in ("name", "source", "consumers", "interaction", "volume_per_day")}
        response = client.post("/assess/", {**rows, "action": "next"})
        page = response.content.decode()
        assert response.status_code == 422
        assert '<a href="#landscape-systems">Which systems take part?</a>: name at least two systems' in page
