"""The API's edge: JSON only, problem details for every error, Retry-After, Idempotency-Key, Location."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from django.test import Client, override_settings

from advisor.api.models import IdempotentCreation
from advisor.assessments.models import Assessment
from advisor.engine.presets import USE_CASES
from tests.servers import ROOT

pytestmark = pytest.mark.django_db
RECOMMEND = "/api/v1/recommendations"
STORE = "/api/v1/assessments"
BODY = USE_CASES["loyalty-pos"].assessment
PROBLEM = "application/problem+json"


def post(client: Client, url: str, body: Any, content_type: str = "application/json", **headers: str) -> Any:
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(url, data, content_type=content_type, headers=headers)


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == status
    assert problem["type"] == "about:blank"
    assert problem["title"]
    assert isinstance(problem["detail"], str)
    assert isinstance(problem["errors"], list)
    return problem


class TestOnlyJson:
    @pytest.mark.parametrize("content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"])
    def test_a_body_that_another_site_could_send_is_refused(self, client: Client, content_type: str) -> None:
        body = json.dumps(BODY)
        if content_type == "multipart/form-data":
            response = client.post(STORE, {"body": body})
        else:
            response = post(client, STORE, body, content_type=content_type)
        problem = assert_problem(response, 415)
        assert problem["errors"][0]["field"] == "Content-Type"
        assert Assessment.objects.count() == 0

    def test_json_with_a_charset_is_json(self, client: Client) -> None:
        assert post(client, RECOMMEND, BODY, content_type="application/json; charset=utf-8").status_code == 200


class TestProblemDetails:
    def test_invalid_fields_are_a_problem_that_keeps_the_errors_list(self, client: Client) -> None:
        problem = assert_problem(post(client, RECOMMEND, {"flows": [{"name": "a", "interaction": "ask"}]}), 422)
        assert problem["detail"] == "The assessment has invalid fields."
        assert [e["field"] for e in problem["errors"]] == ["flows[0].interaction"]

    def test_broken_json_is_a_400_problem(self, client: Client) -> None:
        assert_problem(post(client, RECOMMEND, "{broken"), 400)

    @pytest.mark.parametrize("debug", [False, True])
    def test_an_oversized_body_is_a_413_problem(self, client: Client, debug: bool) -> None:
        with override_settings(DEBUG=debug):
            assert_problem(post(client, RECOMMEND, json.dumps({"pad": "y" * 1_020_000})), 413)
            assert_problem(post(client, RECOMMEND, json.dumps({"pad": "y" * 3_000_000})), 413)

    def test_an_unknown_path_is_a_404_problem(self, client: Client) -> None:
        problem = assert_problem(client.get("/api/v1/nothing-here"), 404)
        assert "/api/v1/nothing-here" in problem["detail"]

    def test_a_wrong_method_is_a_405_problem_with_allow(self, client: Client) -> None:
        response = client.get(RECOMMEND)
        assert_problem(response, 405)
        assert response["Allow"] == "POST"

    @pytest.mark.parametrize("debug", [False, True])
    def test_a_server_error_is_a_500_problem(
        self, client: Client, debug: bool, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        def broken(*args: Any) -> Any:
            raise RuntimeError("engine exploded")

        monkeypatch.setattr("advisor.api.routes.recommend", broken)
        client.raise_request_exception = False
        with override_settings(DEBUG=debug):
            problem = assert_problem(post(client, RECOMMEND, BODY), 500)
        assert "engine exploded" not in json.dumps(problem)

    @override_settings(ADVISOR_CREATE_RATE="1/h")
    def test_too_many_creations_is_a_429_problem_with_retry_after(self, client: Client) -> None:
        assert post(client, STORE, BODY).status_code == 201
        response = post(client, STORE, BODY)
        assert_problem(response, 429)
        assert 1 <= int(response["Retry-After"]) <= 3600


class TestCreation:
    def test_the_201_carries_a_location_at_the_public_url(self, client: Client) -> None:
        with override_settings(PUBLIC_URL="https://advisor.example.com"):
            response = post(client, STORE, BODY)
        assert response.status_code == 201
        assert response["Location"] == f"https://advisor.example.com{response.json()['view_url']}"

    def test_a_retried_call_with_the_same_key_creates_one_assessment(self, client: Client) -> None:
        first = post(client, STORE, BODY, **{"Idempotency-Key": "ci-run-42"})
        second = post(client, STORE, BODY, **{"Idempotency-Key": "ci-run-42"})
        assert first.status_code == second.status_code == 201
        assert first.json() == second.json()
        assert second["Location"] == first["Location"]
        assert second["Idempotent-Replayed"] == "true"
        assert Assessment.objects.count() == 1

    @override_settings(ADVISOR_CREATE_RATE="1/h")
    def test_a_replay_does_not_count_against_the_limit(self, client: Client) -> None:
        statuses = [post(client, STORE, BODY, **{"Idempotency-Key": "same"}).status_code for _ in range(3)]
        assert statuses == [201, 201, 201]

    def test_the_same_key_with_another_body_is_refused(self, client: Client) -> None:
        post(client, STORE, BODY, **{"Idempotency-Key": "ci-run-42"})
        other = {**BODY, "name": "Something else"}
        problem = assert_problem(post(client, STORE, other, **{"Idempotency-Key": "ci-run-42"}), 422)
        assert problem["errors"] == [{"field": "Idempotency-Key", "message": "already used with a different body"}]
        assert Assessment.objects.count() == 1

    def test_keys_belong_to_the_client_that_sent_them(self, client: Client) -> None:
        mine = post(client, STORE, BODY, **{"Idempotency-Key": "k"}).json()
        theirs = client.post(
            STORE,
            json.dumps(BODY),
            content_type="application/json",
            headers={"Idempotency-Key": "k"},
            REMOTE_ADDR="192.0.2.8",
        ).json()
        assert mine["edit_url"] != theirs["edit_url"]
        assert IdempotentCreation.objects.count() == 2

    def test_an_unusable_key_is_named(self, client: Client) -> None:
        problem = assert_problem(post(client, STORE, BODY, **{"Idempotency-Key": "x" * 256}), 400)
        assert problem["errors"][0]["field"] == "Idempotency-Key"
        assert Assessment.objects.count() == 0


NESTED = "[" * 10_000
HOSTILE_NAMES = ["\ud800 lone surrogate", "nul \x00 inside", "bell \x07"]


class TestHostileInput:
    @pytest.mark.parametrize("url", [RECOMMEND, STORE])
    def test_deep_nesting_is_a_400_not_a_recursion_error(self, client: Client, url: str) -> None:
        problem = assert_problem(post(client, url, NESTED), 400)
        assert problem["errors"] == [{"field": "body", "message": "is nested more than 32 levels deep"}]

    @pytest.mark.parametrize("name", HOSTILE_NAMES)
    def test_control_characters_and_lone_surrogates_are_named_and_nothing_is_stored(
        self, client: Client, name: str
    ) -> None:
        body = json.dumps({"flows": [{"name": name, "interaction": "query"}]})  # ASCII: \ud800 as an escape
        problem = assert_problem(post(client, STORE, body), 422)
        assert [e["field"] for e in problem["errors"]] == ["flows[0].name"]
        assert Assessment.objects.count() == 0

    @pytest.mark.parametrize("name", HOSTILE_NAMES)
    def test_a_pasted_import_with_them_is_refused_with_a_message(self, client: Client, name: str) -> None:
        pasted = json.dumps({"flows": [{"name": name, "interaction": "query"}]})
        response = client.post("/assess/", {"import": "1", "json": pasted})
        assert response.status_code == 422
        assert "flows[0].name" in response.content.decode()
        assert Assessment.objects.count() == 0

    def test_a_deeply_nested_import_is_refused_with_a_message(self, client: Client) -> None:
        response = client.post("/assess/", {"import": "1", "json": NESTED})
        assert response.status_code == 400
        assert "nested more than 32 levels deep" in response.content.decode()

    @pytest.mark.parametrize("value", ["nul \x00 inside", "bell \x07"])
    def test_the_quick_form_names_them(self, client: Client, value: str) -> None:
        response = client.post("/assess/", {"flow-count": "1", "flow-0-name": value, "flow-0-interaction": "query"})
        assert response.status_code == 422
        assert "must not contain control characters" in response.content.decode()
        assert Assessment.objects.count() == 0

    @pytest.mark.parametrize("text", [NESTED, json.dumps({"flows": [{"name": "\ud800", "interaction": "query"}]})])
    def test_the_command_line_exits_2_and_names_the_problem(self, text: str) -> None:
        completed = subprocess.run(
            [sys.executable, "manage.py", "recommend", "-"],
            cwd=ROOT,
            input=text,
            capture_output=True,
            text=True,
            check=False,
        )
        assert completed.returncode == 2, completed.stderr
        assert "Traceback" not in completed.stderr
        assert "nested more than 32 levels" in completed.stderr or "flows[0].name" in completed.stderr
