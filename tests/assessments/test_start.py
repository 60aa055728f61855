from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import TemporaryFileUploadHandler
from django.test import Client, override_settings

from advisor.assessments.models import Assessment
from advisor.engine import parse_assessment
from advisor.engine.presets import USE_CASES
from tests.conftest import SHOP, TILLS

pytestmark = pytest.mark.django_db
QUICK = {
    "name": "Tills",
    "flow-0-name": "Purchases",
    "flow-0-source": "Till",
    "flow-0-consumers": "Loyalty",
    "flow-0-interaction": "command",
    "flow-0-latency": "minutes",
    "flow-0-volume_per_day": "200000",
    "flow-0-peak_factor": "8",
    "flow-0-delivery": "no_loss",
    "flow-0-ordering": "none",
    "flow-0-consumer_availability": "often_offline",
    "landscape-systems": "Till, Loyalty",
    "landscape-teams": "few",
    "landscape-change_rate": "rare",
    "landscape-growth": "none",
    "landscape-platform": "aws",
    "landscape-existing_broker": "none",
    "landscape-operations": "managed",
    "landscape-async_experience": "unknown",
}


class TestQuickPath:
    def test_the_questions_after_the_rows_are_grouped_by_factor_each_with_a_not_sure(self, client: Client) -> None:
        page = client.post("/assess/", {**QUICK, "action": "next"}).content.decode()
        for factor in ("Real-time needs", "Data volume", "Loose coupling", "Error handling", "Technology stack"):
            assert f'<p class="factor-name">{factor}</p>' in page
        assert "I&#x27;m not sure" in page

    def test_answers_become_a_saved_assessment_and_its_results(self, client: Client) -> None:
        response = client.post("/assess/", QUICK)
        assessment = Assessment.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/r/{assessment.view_token}/"
        assert assessment.result["flows"][0]["pattern"] == "message_queue"
        assert assessment.inputs["landscape"]["async_experience"] == "unknown"

    def test_a_wrong_number_is_named_beside_its_field_and_everything_typed_stays(self, client: Client) -> None:
        response = client.post("/assess/", {**QUICK, "flow-0-volume_per_day": "lots"})
        page = response.content.decode()
        assert response.status_code == 422
        # Each place is named by its flow and its question.
        assert (
            '<a href="#flow-0-volume_per_day">Flow 1: About how many messages a day?</a>: '
            "a whole number from 0 to 100,000,000,000, “not sure” or a range such as 10k–50k, not &#x27;lots&#x27;; "
            "for example 20000 or 20k"
        ) in page
        assert '<p class="error" id="flow-0-volume_per_day-error">A whole number from 0 to 100,000,000,000' in page
        assert 'value="lots"' in page
        assert 'value="Till, Loyalty"' in page
        assert 'value="Tills"' in page
        assert Assessment.objects.count() == 0

    def test_the_results_ask_the_owner_for_the_other_flows_and_show_the_private_edit_link(
        self, client: Client, settings: Any
    ) -> None:
        settings.PUBLIC_URL = "https://advisor.example.com"
        results = client.get(client.post("/assess/", QUICK)["Location"]).content.decode()
        assessment = Assessment.objects.get()
        assert "Next: add your other flows" in results
        assert f'<a class="button button-primary" href="/assess/{assessment.edit_token}/?add=flow">' in results
        assert f'value="https://advisor.example.com/assess/{assessment.edit_token}/"' in results
        assert "Keep this private:" in results
        stranger = Client().get(assessment.get_absolute_url()).content.decode()
        assert "add your other flows" not in stranger
        assert assessment.edit_token not in stranger

    def test_numbers_typed_with_thousands_and_suffixes_are_read(self, client: Client) -> None:
        client.post("/assess/", {**QUICK, "flow-0-volume_per_day": "20k", "flow-0-message_size_kb": "1,024"})
        flow = Assessment.objects.get().inputs["flows"][0]
        assert (flow["volume_per_day"], flow["message_size_kb"]) == (20000, 1024)

    def test_an_emptied_consumers_field_is_refused_naming_the_field(self, client: Client) -> None:
        response = client.post("/assess/", {**QUICK, "flow-0-consumers": ""})
        page = response.content.decode()
        assert response.status_code == 422
        assert '<a href="#flow-0-consumers">Flow 1: Which systems receive it?</a>: name at least one system' in page
        assert '<p class="error" id="flow-0-consumers-error">Name at least one system that receives it</p>' in page
        assert Assessment.objects.count() == 0

    def test_an_answer_the_page_did_not_carry_takes_the_engines_default(self, client: Client) -> None:
        client.post("/assess/", {k: v for k, v in QUICK.items() if k != "landscape-platform"})
        stored = Assessment.objects.get().inputs
        # Left out, so assumed: it stays left out of the stored inputs and reads back as the default.
        assert "platform" not in stored["landscape"]
        assert parse_assessment(stored).landscape.platform == "any"

    def test_an_unknown_choice_is_refused_with_a_message(self, client: Client) -> None:
        response = client.post("/assess/", {**QUICK, "flow-0-latency": "yesterday"})
        assert response.status_code == 422
        page = response.content.decode()
        assert "answered?</a>: one of immediate, seconds, minutes, hours or unknown" in page

    def test_the_creating_browser_lists_its_assessments(self, client: Client) -> None:
        client.post("/assess/", QUICK)
        assert "Your assessments" in client.get("/assess/").content.decode()
        assert "Your assessments" not in Client().get("/assess/").content.decode()

    @override_settings(ADVISOR_CREATE_RATE="1/h")
    def test_creation_is_rate_limited_with_a_clear_page(self, client: Client) -> None:
        client.post("/assess/", QUICK)
        response = client.post("/assess/", QUICK)
        assert response.status_code == 429
        assert "Too many requests" in response.content.decode()


class TestPresets:
    @pytest.mark.parametrize("slug", USE_CASES)
    def test_a_preset_opens_a_filled_in_assessment_to_edit(self, client: Client, slug: str) -> None:
        response = client.post("/assess/", {"preset": slug})
        assessment = Assessment.objects.get()
        assert response["Location"] == f"/assess/{assessment.edit_token}/"
        assert [f["pattern"] for f in assessment.result["flows"]] == list(USE_CASES[slug].expected)

    def test_an_unknown_preset_is_a_404(self, client: Client) -> None:
        assert client.post("/assess/", {"preset": "nope"}).status_code == 404


class TestImport:
    def test_a_valid_file_becomes_a_new_assessment(self, client: Client) -> None:
        upload = SimpleUploadedFile("assessment.json", json.dumps(TILLS).encode())
        response = client.post("/assess/", {"import": "1", "file": upload})
        assessment = Assessment.objects.get()
        assert response["Location"] == f"/r/{assessment.view_token}/"
        assert assessment.name == "Tills and loyalty"
        assert [f["name"] for f in assessment.inputs["flows"]] == [f["name"] for f in TILLS["flows"]]

    def test_pasted_json_works_too(self, client: Client) -> None:
        client.post("/assess/", {"import": "1", "json": json.dumps(SHOP)})
        assert Assessment.objects.get().name == "Shop and CRM"

    def test_an_invalid_file_gets_the_apis_errors_and_stores_nothing(self, client: Client) -> None:
        pasted = json.dumps({"flows": [{"name": "a", "interaction": "ask"}], "landscape": {"systems": 1}})
        response = client.post("/assess/", {"import": "1", "json": pasted})
        page = response.content.decode()
        assert response.status_code == 422
        assert "flows[0].interaction" in page
        assert "landscape.systems" in page
        assert "&quot;ask&quot;" in page
        assert Assessment.objects.count() == 0

    def test_a_file_that_is_not_json_is_explained(self, client: Client) -> None:
        upload = SimpleUploadedFile("notes.json", b"\xff\xfe not text")
        response = client.post("/assess/", {"import": "1", "file": upload})
        assert response.status_code == 400
        assert "not UTF-8" in response.content.decode()
        response = client.post("/assess/", {"import": "1", "json": "{broken"})
        assert "is not valid JSON" in response.content.decode()


def test_an_oversized_import_file_is_refused_with_a_message(client: Client) -> None:
    upload = SimpleUploadedFile("huge.json", b" " * 1_000_001)
    response = client.post("/assess/", {"import": "1", "file": upload})
    assert response.status_code == 400
    assert "is larger than 1,000,000 bytes" in response.content.decode()
    assert Assessment.objects.count() == 0


def test_errors_without_a_field_of_their_own_are_listed_in_the_summary(client: Client) -> None:
    no_flow = {key: value for key, value in QUICK.items() if not key.startswith("flow-0-")}
    response = client.post("/assess/", no_flow)
    page = response.content.decode()
    assert response.status_code == 422
    assert '<a href="#flow-0-name">Flows</a>: describe at least one flow' in page


class TestLargeUploads:
    @pytest.fixture
    def spooled(self, monkeypatch: pytest.MonkeyPatch) -> list[str]:
        """Names of uploads written to a temporary file on disk."""
        names: list[str] = []
        original = TemporaryFileUploadHandler.new_file

        def recording(handler: TemporaryFileUploadHandler, *args: Any, **kwargs: Any) -> None:
            names.append(args[1] if len(args) > 1 else kwargs.get("file_name", ""))
            original(handler, *args, **kwargs)

        monkeypatch.setattr(TemporaryFileUploadHandler, "new_file", recording)
        return names

    def test_an_upload_over_a_megabyte_is_refused_before_it_is_read(self, client: Client, spooled: list[str]) -> None:
        upload = SimpleUploadedFile("huge.json", b" " * 2_000_000)
        response = client.post("/assess/", {"import": "1", "file": upload})
        assert response.status_code == 413
        assert "larger than 1.0\xa0MB" in response.content.decode()
        assert spooled == []
        assert Assessment.objects.count() == 0

    def test_an_upload_just_over_the_import_limit_is_refused_without_touching_the_disk(
        self, client: Client, spooled: list[str]
    ) -> None:
        upload = SimpleUploadedFile("huge.json", b" " * 1_000_001)
        assert client.post("/assess/", {"import": "1", "file": upload}).status_code == 400
        assert spooled == []
