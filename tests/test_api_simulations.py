"""POST /api/v1/simulations and /api/v1/simulations/landscape: the contract in docs/what-if.md."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client, override_settings
from jsonschema import Draft202012Validator

from advisor.engine.catalog import PATTERN_IDS

pytestmark = pytest.mark.django_db
SIMULATE = "/api/v1/simulations"
LANDSCAPE = "/api/v1/simulations/landscape"
ORDERS = {"name": "Orders", "source": "Shop", "consumers": ["Warehouse"], "interaction": "command"}
OUTCOME_KEYS = {
    "arrived",
    "delivered",
    "lost",
    "queued_at_end",
    "max_backlog",
    "max_delay_minutes",
    "p95_delay_minutes",
    "drain_minutes",
    "drain_minutes_per_outage",
    "producer_calls",
    "retention_exceeded",
    "series",
}
SHOP = {
    "landscape": {"systems": 4},
    "flows": [
        {**ORDERS, "volume_per_day": 14_400, "consumer_availability": "maintenance_windows"},
        {"name": "Order placed", "source": "Shop", "consumers": ["CRM", "Email", "Analytics"], "interaction": "event"},
        {
            "name": "Stock lookup",
            "source": "Shop",
            "consumers": ["ERP"],
            "interaction": "query",
            "latency": "immediate",
        },
    ],
}


def post(client: Client, url: str, body: Any) -> Any:
    return client.post(url, body if isinstance(body, str) else json.dumps(body), content_type="application/json")


def problem_fields(response: Any) -> list[str]:
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    return [e["field"] for e in response.json()["errors"]]


def test_it_answers_each_pattern_with_the_contracts_keys_and_a_value_a_minute(client: Client) -> None:
    body = {
        "flow": {**ORDERS, "volume_per_day": 14_400},
        "scenario": {"outages": [{"start_minute": 600, "minutes": 60}]},
    }
    answer = post(client, SIMULATE, body).json()
    assert answer["minutes"] == 1440
    assert set(answer["patterns"]) == set(PATTERN_IDS)
    for outcome in answer["patterns"].values():
        assert set(outcome) == OUTCOME_KEYS
        assert {k: len(v) for k, v in outcome["series"].items()} == {
            "arrivals": 1440,
            "processed": 1440,
            "backlog": 1440,
        }
    # 10 a minute, one consumer down for an hour: the queue holds 600, point-to-point loses about as many.
    assert answer["patterns"]["message_queue"]["max_backlog"] == 600
    assert answer["patterns"]["message_queue"]["lost"] == 0
    assert answer["patterns"]["point_to_point"]["lost"] == pytest.approx(600, rel=0.01)


def test_each_outage_has_its_drain_and_the_last_is_drain_minutes(client: Client) -> None:
    body = {
        "flow": {**ORDERS, "volume_per_day": 144_000},
        "scenario": {
            "shape": "flat",
            "capacity_per_minute": 150,
            "outages": [{"start_minute": 300, "minutes": 60}],
            "broker_outages": [{"start_minute": 900, "minutes": 30}],
        },
    }
    answer = post(client, SIMULATE, body).json()
    queue = answer["patterns"]["message_queue"]
    # 100 a minute, 150 taken: 6,000 drain in 120 minutes, then the outbox's 3,000 in 60.
    assert queue["drain_minutes_per_outage"] == [
        {"of": "consumers", "start_minute": 300, "minutes": 60, "drain_minutes": 120},
        {"of": "broker", "start_minute": 900, "minutes": 30, "drain_minutes": 60},
    ]
    assert queue["drain_minutes"] == 60
    # The OpenAPI schema documents the list and requires it.
    components = client.get("/api/v1/openapi.json").json()["components"]
    assert "drain_minutes_per_outage" in components["schemas"]["PatternOutcomeOut"]["required"]
    assert Draft202012Validator({"$ref": "#/components/schemas/SimulationOut", "components": components}).is_valid(
        answer
    )


def test_every_scenario_field_is_optional(client: Client) -> None:
    answer = post(client, SIMULATE, {"flow": ORDERS}).json()
    assert answer["patterns"]["message_queue"]["arrived"] == 1000
    assert answer["patterns"]["message_queue"]["drain_minutes"] is None
    assert answer["patterns"]["message_queue"]["drain_minutes_per_outage"] == []


@pytest.mark.parametrize(
    ("scenario", "field"),
    [
        ({"capacity_per_minute": -1}, "scenario.capacity_per_minute"),
        ({"outages": [{"start_minute": 1000, "minutes": 600}]}, "scenario.outages[0].minutes"),
        ({"outages": [{"start_minute": 0, "minutes": 1441}]}, "scenario.outages[0].minutes"),
        ({"broker_outages": [{"start_minute": 1440, "minutes": 1}]}, "scenario.broker_outages[0].start_minute"),
        ({"retention_hours": 0}, "scenario.retention_hours"),
        ({"retry_attempts": 11}, "scenario.retry_attempts"),
        ({"shape": "weekend"}, "scenario.shape"),
        ({"capacity": 10}, "scenario.capacity"),
    ],
)
def test_a_bad_scenario_field_is_named(client: Client, scenario: dict[str, Any], field: str) -> None:
    assert problem_fields(post(client, SIMULATE, {"flow": ORDERS, "scenario": scenario})) == [field]


def test_nan_is_refused_naming_the_field(client: Client) -> None:
    response = post(
        client, SIMULATE, '{"flow": {"name": "a", "interaction": "event"}, "scenario": {"capacity_per_minute": NaN}}'
    )
    assert response.status_code in (400, 422)
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] in ("body", "scenario.capacity_per_minute")


def test_a_trillion_messages_a_day_is_refused_naming_the_flows_field(client: Client) -> None:
    assert problem_fields(post(client, SIMULATE, {"flow": {**ORDERS, "volume_per_day": 10**12}})) == [
        "flow.volume_per_day"
    ]


def test_the_landscape_what_if_names_an_unknown_system(client: Client) -> None:
    response = post(client, LANDSCAPE, {**SHOP, "outage": {"system": "Billing", "start_minute": 0, "minutes": 60}})
    assert problem_fields(response) == ["outage.system"]
    assert "Warehouse" in response.json()["errors"][0]["message"]


def test_a_warehouse_outage_touches_only_the_flows_it_receives(client: Client) -> None:
    body = {**SHOP, "outage": {"system": "warehouse", "start_minute": 600, "minutes": 120}}
    flows = {f["name"]: f for f in post(client, LANDSCAPE, body).json()["flows"]}
    assert set(flows["Orders"]) == {
        "name",
        "pattern",
        "affected",
        "arrived",
        "delivered",
        "lost",
        "max_backlog",
        "drain_minutes",
    }
    assert flows["Orders"]["affected"]
    assert flows["Orders"]["pattern"] == "message_queue"
    # 10 a minute for two hours wait in the queue, then drain.
    assert flows["Orders"]["max_backlog"] == 1200
    assert flows["Orders"]["lost"] == 0
    assert not flows["Order placed"]["affected"]
    assert not flows["Stock lookup"]["affected"]


def test_a_broker_outage_touches_only_brokered_flows(client: Client) -> None:
    body = {**SHOP, "outage": {"system": "broker", "start_minute": 600, "minutes": 60}}
    flows = {f["name"]: f for f in post(client, LANDSCAPE, body).json()["flows"]}
    assert flows["Orders"]["affected"]
    assert flows["Order placed"]["affected"]
    assert not flows["Stock lookup"]["affected"]
    assert flows["Stock lookup"]["pattern"] == "point_to_point"


def test_the_landscape_what_if_needs_an_outage(client: Client) -> None:
    assert problem_fields(post(client, LANDSCAPE, SHOP)) == ["outage"]


@override_settings(ADVISOR_SIMULATE_RATE="0/m")
def test_simulations_over_their_limit_answer_429_with_retry_after(client: Client) -> None:
    for url, body in (
        (SIMULATE, {"flow": ORDERS}),
        (LANDSCAPE, {**SHOP, "outage": {"system": "broker", "minutes": 5}}),
    ):
        response = post(client, url, body)
        assert response.status_code == 429
        assert response["Content-Type"] == "application/problem+json"
        assert int(response["Retry-After"]) >= 1


def test_the_openapi_schema_documents_both_endpoints_and_accepts_their_bodies(client: Client) -> None:
    document = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/simulations" in document["paths"]
    assert "/api/v1/simulations/landscape" in document["paths"]
    components = document["components"]
    simulation = Draft202012Validator({"$ref": "#/components/schemas/SimulationIn", "components": components})
    assert simulation.is_valid({"flow": ORDERS, "scenario": {"outages": [{"start_minute": 0, "minutes": 60}]}})
    assert not simulation.is_valid({"flow": ORDERS, "scenario": {"capacity_per_minute": -1}})
    landscape = Draft202012Validator({"$ref": "#/components/schemas/LandscapeWhatIfIn", "components": components})
    assert landscape.is_valid({**SHOP, "outage": {"system": "broker", "start_minute": 0, "minutes": 60}})
    assert not landscape.is_valid(SHOP)
