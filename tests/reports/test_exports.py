from __future__ import annotations

import json
import re

import cmarkgfm
import pytest
from django.test import Client

from advisor.assessments.models import Assessment
from advisor.engine import parse_assessment, recommend, recommendation_to_dict
from tests.conftest import make_assessment

pytestmark = pytest.mark.django_db


def test_the_json_export_is_the_request_body_with_name_and_engine_version(
    client: Client, assessment: Assessment
) -> None:
    response = client.get(f"/r/{assessment.view_token}/assessment.json")
    body = json.loads(response.content)
    assert set(body) == {"landscape", "flows", "weights", "name", "engine_version"}
    assert response["Content-Disposition"] == 'attachment; filename="shop-and-crm.json"'


def test_an_export_posts_back_unchanged_to_the_api(client: Client, assessment: Assessment) -> None:
    exported = client.get(f"/r/{assessment.view_token}/assessment.json").content
    response = client.post("/api/v1/recommendations", exported, content_type="application/json")
    assert response.status_code == 200
    assert response.json() == assessment.result


def test_export_then_import_gives_the_same_recommendation(client: Client, assessment: Assessment) -> None:
    exported = client.get(f"/r/{assessment.view_token}/assessment.json").content.decode()
    client.post("/assess/", {"import": "1", "json": exported})
    imported = Assessment.objects.exclude(pk=assessment.pk).get()
    assert imported.result == assessment.result
    assert imported.name == assessment.name


class TestDecisionRecord:
    def test_it_follows_the_madr_layout(self, client: Client, assessment: Assessment) -> None:
        response = client.get(f"/r/{assessment.view_token}/adr.md")
        text = response.content.decode()
        assert response["Content-Type"].startswith("text/markdown")
        headings = [line for line in text.splitlines() if line.startswith("## ")]
        assert headings == [
            "## Context and Problem Statement",
            "## Decision Drivers",
            "## Considered Options",
            "## Decision Outcome",
            "## Consequences",
            "## Risks and Mitigations",
        ]
        for flow in assessment.result["flows"]:
            assert flow["name"] in text
        assert "| Real-time needs | 1 |" in text

    def test_user_text_cannot_become_markup(self, client: Client) -> None:
        hostile = make_assessment(
            name="# Title <img src=x onerror=alert(1)> [link](http://evil.example)",
            flows=[{"name": "a | b\n# heading", "interaction": "query"}],
        )
        text = client.get(f"/r/{hostile.view_token}/adr.md").content.decode()
        assert "<img" not in text
        assert "&lt;img src=x onerror=alert(1)&gt;" in text
        assert "\\[link\\]" in text
        assert "a \\| b \\# heading" in text

    def test_the_decision_record_round_trips_to_the_same_recommendation(
        self, client: Client, assessment: Assessment
    ) -> None:
        text = client.get(f"/r/{assessment.view_token}/adr.md").content.decode()
        again = recommendation_to_dict(recommend(parse_assessment(assessment.export())))
        assert again == assessment.result
        for flow in again["flows"]:
            assert f"{flow['margin']:.1f} points" in text


def test_bare_urls_and_addresses_in_user_text_do_not_become_links_on_github(client: Client) -> None:
    hostile = make_assessment(
        name="Phish https://evil.example/login and www.evil.example",
        flows=[{"name": "Mail ceo@evil.example or xmpp:bot@evil.example", "interaction": "query"}],
    )
    text = client.get(f"/r/{hostile.view_token}/adr.md").content.decode()
    html = cmarkgfm.github_flavored_markdown_to_html(text)
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert not [href for href in hrefs if "evil" in href], hrefs
    assert "Phish https://evil.example/login and www.evil.example" in html
    assert "ceo@\u200bevil.example" in html  # reads the same; the zero-width space only breaks the link
