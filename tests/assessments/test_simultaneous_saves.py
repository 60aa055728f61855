"""Saves of one version arriving at once, over real HTTP, each request on its own database connection."""

from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from advisor.assessments.models import Assessment
from tests.conftest import make_assessment

from .forms import editor_post

# SQLite serialises every write, so the race needs PostgreSQL: the PostgreSQL pass runs it.
pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
SAVERS = 20


class Editor:
    """One person's browser: its own cookies and the CSRF token of the edit page it opened."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirects()
        )
        page = self.opener.open(url, timeout=30).read().decode()
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert found, "the edit page carries a CSRF token"
        self.token = found.group(1)

    def save(self, form: dict[str, str]) -> int:
        body = urllib.parse.urlencode(form | {"csrfmiddlewaretoken": self.token}).encode()
        request = urllib.request.Request(self.url, data=body, headers={"Referer": self.url})
        try:
            with self.opener.open(request, timeout=60) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return error.code


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def test_identical_simultaneous_saves_all_succeed(live_server: Any) -> None:
    assessment = make_assessment()
    form = editor_post(assessment, name="Renamed by everyone", action="save")
    editors = [Editor(live_server.url + assessment.edit_url) for _ in range(SAVERS)]
    with ThreadPoolExecutor(SAVERS) as pool:
        answers = Counter(pool.map(lambda editor: editor.save(form), editors))
    # Each of them saved these answers: nobody's edit is lost, so nobody is refused.
    assert answers == Counter({302: SAVERS})
    assessment.refresh_from_db()
    assert assessment.name == "Renamed by everyone"


def test_different_simultaneous_saves_keep_one_and_show_the_rest_what_differs(live_server: Any) -> None:
    assessment = make_assessment()
    forms = [editor_post(assessment, name=f"Renamed by editor {n}", action="save") for n in range(SAVERS)]
    editors = [Editor(live_server.url + assessment.edit_url) for _ in range(SAVERS)]
    with ThreadPoolExecutor(SAVERS) as pool:
        answers = Counter(pool.map(lambda pair: pair[0].save(pair[1]), zip(editors, forms, strict=True)))
    assert answers == Counter({302: 1, 409: SAVERS - 1})
    assert Assessment.objects.get(pk=assessment.pk).version == 2
