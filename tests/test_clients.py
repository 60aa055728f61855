"""The client address behind trusted proxies, as the per-client rate limits see it."""

from __future__ import annotations

import json

import pytest
from django.test import Client, RequestFactory, override_settings

from advisor.clients import client_address
from advisor.engine.presets import USE_CASES


def address(forwarded: str | None, proxies: int, remote: str = "10.0.0.9") -> str:
    headers = {} if forwarded is None else {"HTTP_X_FORWARDED_FOR": forwarded}
    request = RequestFactory().get("/", REMOTE_ADDR=remote, **headers)
    with override_settings(TRUSTED_PROXIES=proxies):
        return client_address(request)


@pytest.mark.parametrize(
    ("forwarded", "proxies", "expected"),
    [
        (None, 0, "10.0.0.9"),
        ("203.0.113.7", 0, "10.0.0.9"),  # no proxy trusted: the header is the client's word
        ("203.0.113.7", 1, "203.0.113.7"),
        ("198.51.100.1, 203.0.113.7", 1, "203.0.113.7"),  # the left entry was sent by the client
        ("198.51.100.1, 203.0.113.7, 10.0.0.2", 2, "203.0.113.7"),
        ("203.0.113.7", 2, "203.0.113.7"),  # fewer entries than proxies: the oldest one there is
        ("not-an-address", 1, "10.0.0.9"),
        (" , ", 1, "10.0.0.9"),
        ("2001:db8::1", 1, "2001:db8::1"),
    ],
)
def test_it_takes_the_address_the_nearest_trusted_proxy_saw(forwarded: str | None, proxies: int, expected: str) -> None:
    assert address(forwarded, proxies) == expected


@pytest.mark.django_db
@override_settings(TRUSTED_PROXIES=1, ADVISOR_CREATE_RATE="2/h")
def test_a_rotating_forwarded_header_does_not_bypass_the_limit(client: Client) -> None:
    body = json.dumps(USE_CASES["loyalty-pos"].assessment)
    statuses = [
        client.post(
            "/api/v1/assessments",
            body,
            content_type="application/json",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{attempt}, 203.0.113.7",
        ).status_code
        for attempt in range(3)
    ]
    assert statuses == [201, 201, 429]
