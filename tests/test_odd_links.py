"""Links with bytes no token holds (a NUL, a percent-encoded slash) are missing pages, on every database."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
# PostgreSQL refuses a NUL in a query parameter outright, where SQLite merely finds nothing.
ODD_TOKENS = ["%00", "abc%00def", "%00" * 32, "%C0%80"]
READ = ["/r/{}/", "/r/{}/report.pdf", "/r/{}/adr.md", "/r/{}/adr.zip", "/r/{}/assessment.json", "/assess/{}/"]
READ += ["/assess/{}/delete"]
WRITE = ["/assess/{}/", "/assess/{}/preview", "/assess/{}/share", "/assess/{}/fork", "/assess/{}/rerun"]
WRITE += ["/assess/{}/delete"]


@pytest.mark.parametrize("token", ODD_TOKENS)
@pytest.mark.parametrize("link", READ)
def test_opening_a_link_with_an_odd_token_is_not_found(client: Client, link: str, token: str) -> None:
    assert client.get(link.format(token)).status_code == 404


@pytest.mark.parametrize("token", ODD_TOKENS)
@pytest.mark.parametrize("link", WRITE)
def test_posting_to_a_link_with_an_odd_token_is_not_found(client: Client, link: str, token: str) -> None:
    assert client.post(link.format(token), {"action": "save"}).status_code == 404


def test_a_session_cookie_holding_a_nul_starts_no_session_and_no_error(client: Client) -> None:
    # The cookie's octal escape arrives as a NUL in the session key, which would reach the query.
    client.cookies.load('sessionid="\\000abcdefghijklmnop"')
    assert client.get("/assess/").status_code == 200
