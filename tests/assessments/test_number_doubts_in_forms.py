"""The three numbers' "not sure" and ranges in the editor and the quick path, and their refusals in the
question's words (issue 23, item 2)."""

from __future__ import annotations

import pytest
from django.test import Client

from advisor.assessments.models import Assessment
from tests.assessments.forms import editor_post
from tests.assessments.test_quick_landscape import DETAILS, ROWS
from tests.conftest import make_assessment

pytestmark = pytest.mark.django_db


def refusal(client: Client, **typed: str) -> str:
    """The editor's page after saving the SHOP assessment with `typed` in its first flow's boxes."""
    assessment = make_assessment()
    answers = {f"flow-0-{answer}": text for answer, text in typed.items()}
    response = client.post(assessment.edit_url, editor_post(assessment, action="save", **answers))
    assert response.status_code == 422
    return response.content.decode()


class TestTheEditor:
    def test_not_sure_and_ranges_are_saved_as_the_api_takes_them(self, client: Client) -> None:
        assessment = make_assessment()
        typed = {"flow-0-volume_per_day": "10k–50k", "flow-0-peak_factor": "not sure", "flow-0-message_size_kb": "2-64"}
        client.post(assessment.edit_url, editor_post(assessment, action="save", **typed))
        flow = Assessment.objects.get().inputs["flows"][0]
        assert (flow["volume_per_day"], flow["peak_factor"], flow["message_size_kb"]) == (
            [10_000, 50_000],
            "unknown",
            [2, 64],
        )

    def test_each_number_says_how_to_be_not_sure_with_a_range_of_its_own(self, client: Client) -> None:
        page = client.get(make_assessment().edit_url).content.decode()
        assert "Not sure? Type “not sure”, or a range such as 10k–50k." in page
        assert "Not sure? Type “not sure”, or a range such as 3–10." in page
        assert "Not sure? Type “not sure”, or a range such as 2–64 KB." in page

    def test_an_emptied_number_is_not_given_and_left_to_the_engine_as_assumed(self, client: Client) -> None:
        # As on the quick path (round five of issue 23): an empty box says what is assumed, and is saved as such.
        assessment = make_assessment()
        response = client.post(
            assessment.edit_url, editor_post(assessment, action="save", **{"flow-0-peak_factor": ""})
        )
        assert response.status_code == 302
        assert "peak_factor" not in Assessment.objects.get().inputs["flows"][0]
        page = client.get(assessment.edit_url).content.decode()
        assert 'id="flow-0-peak_factor" name="flow-0-peak_factor" type="text" value=""' in page
        assert 'placeholder="assumed 1 (steady)"' in page

    def test_a_word_that_is_not_a_number_is_named(self, client: Client) -> None:
        page = refusal(client, volume_per_day="lots")
        assert (
            "a whole number from 0 to 100,000,000,000, “not sure” or a range such as 10k–50k, not &#x27;lots&#x27;"
        ) in page

    def test_a_range_given_high_to_low_is_said_the_right_way_round(self, client: Client) -> None:
        page = refusal(client, peak_factor="10–3")
        assert '<a href="#flow-0-peak_factor">Flow 1, peak factor</a>: put the lower number first: 3–10, not 10–3' in (
            page
        )

    def test_a_range_beyond_the_bounds_names_the_end_that_is(self, client: Client) -> None:
        page = refusal(client, peak_factor="0.5–3")
        assert "Flow 1, peak factor</a>: from 1 to 10,000, not 0.5" in page
        assert 'value="0.5–3"' in page


class TestTheQuickPath:
    def test_not_sure_and_a_range_in_a_row_and_in_the_questions_are_saved(self, client: Client) -> None:
        typed = {"flow-1-volume_per_day": "not sure", "flow-1-peak_factor": "3–10"}
        client.post("/assess/", {**ROWS, **DETAILS, **typed})
        command = Assessment.objects.get().inputs["flows"][1]
        assert (command["volume_per_day"], command["peak_factor"]) == ("unknown", [3, 10])

    def test_the_rows_say_how_to_be_not_sure_of_a_number(self, client: Client) -> None:
        page = client.get("/assess/").content.decode()
        assert "“not sure”, or a range such as 10k–50k" in page

    def test_a_range_the_wrong_way_round_is_named_by_flow_and_question(self, client: Client) -> None:
        response = client.post("/assess/", {**ROWS, **DETAILS, "flow-1-peak_factor": "10-3"})
        page = response.content.decode()
        assert response.status_code == 422
        assert (
            '<a href="#flow-1-peak_factor">Flow 2: How much busier is the peak than the average?</a>: '
            "put the lower number first: 3–10, not 10–3"
        ) in page
        assert 'value="10-3"' in page
