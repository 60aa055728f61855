from __future__ import annotations

import io
import json
import math
import re
import zipfile
from datetime import date
from typing import Any

import cmarkgfm
import pytest
import yaml
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


def records(client: Client, assessment: Assessment) -> dict[str, str]:
    response = client.get(f"/r/{assessment.view_token}/adr.zip")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        return {name: archive.read(name).decode() for name in archive.namelist()}


def front_matter(record: str) -> tuple[dict[str, Any], str]:
    """The YAML between the opening and closing `---`, parsed, and the Markdown after it."""
    match = re.match(r"---\n(.*?)\n---\n(.*)", record, re.S)
    assert match, record[:200]
    return yaml.safe_load(match.group(1)), match.group(2)


class TestDecisionRecords:
    def test_the_zip_holds_a_numbered_record_for_the_landscape_and_one_per_flow(
        self, client: Client, assessment: Assessment
    ) -> None:
        files = records(client, assessment)
        assert list(files) == [
            "0001-run-the-2-brokered-flows-on-one-backbone.md",
            "0002-customer-lookup-at-checkout.md",
            "0003-order-placed.md",
            "0004-nightly-customer-segment-export.md",
        ]
        response = client.get(f"/r/{assessment.view_token}/adr.zip")
        assert response["Content-Disposition"] == 'attachment; filename="shop-and-crm-decision-records.zip"'

    def test_each_record_has_madr_front_matter_a_decision_title_and_the_madr_sections(
        self, client: Client, assessment: Assessment
    ) -> None:
        for name, record in records(client, assessment).items():
            meta, body = front_matter(record)
            assert set(meta) == {"status", "date", "decision-makers", "consulted", "informed"}, name
            assert meta["status"] == "proposed"
            assert isinstance(meta["date"], date)
            assert meta["decision-makers"] == meta["consulted"] == meta["informed"] == []
            headings = [line for line in body.splitlines() if line.startswith("#")]
            assert headings[:6] == [
                headings[0],
                "## Context and Problem Statement",
                "## Decision Drivers",
                "## Considered Options",
                "## Decision Outcome",
                "### Consequences",
            ], name
            assert "### Confirmation" in headings
            assert re.search(r"^Chosen option: “[^”]+”, because \S", body, re.M), name
            assert "* Good, because " in body
            assert "* Bad, because " in body
        flow = records(client, assessment)["0003-order-placed.md"]
        assert "\n# Use event-driven publish/subscribe for “Order placed”\n" in flow
        assert "Chosen option: “Event-driven publish/subscribe”, because it scores" in flow

    def test_pros_and_cons_speak_of_this_flows_answers(self, client: Client, assessment: Assessment) -> None:
        files = records(client, assessment)
        lookup, orders = files["0002-customer-lookup-at-checkout.md"], files["0003-order-placed.md"]
        pros = "## Pros and Cons of the Options"
        assert lookup.split(pros)[1] != orders.split(pros)[1]
        assert "* Good, because real-time needs presses at " in lookup.split(pros)[1]
        assert "* Bad, because complexity presses at 0.43 here" in orders.split(pros)[1]

    def test_confirmation_says_when_to_revisit_from_the_flips_and_the_sizing(self, client: Client) -> None:
        clicks = make_assessment(
            name="Clicks",
            landscape={"platform": "aws", "systems": 3},
            flows=[
                {
                    "name": "Clickstream",
                    "interaction": "event",
                    "volume_per_day": 500_000_000,
                    "peak_factor": 5,
                    "consumers": ["Analytics", "Search"],
                    "replay": "yes",
                },
                {"name": "Orders", "interaction": "command", "consumers": ["Billing"]},
            ],
        )
        files = records(client, clicks)
        stream = files["0002-clickstream.md"].split("### Confirmation")[1].split("\n## ")[0]
        assert "* Re-evaluate Amazon Kinesis Data Streams above 41,454 messages per second at the peak" in stream
        assert "162 shards carry up to that with no headroom left." in stream
        orders = files["0003-orders.md"].split("### Confirmation")[1].split("\n## ")[0]
        assert "* Revisit if the consumers grow to 2: event-driven would then win." in orders
        landscape = files["0001-run-the-brokered-flow-on-one-backbone.md"]
        assert "* Revisit when the landscape reaches 6 systems: from there a hub pays off." in landscape

    def test_flips_read_as_sentences(self, client: Client, assessment: Assessment) -> None:
        flow = records(client, assessment)["0003-order-placed.md"]
        more = flow.split("## More Information")[1]
        assert "* If the consumers drop to 1, point-to-point API calls would fit better." in more
        assert "→" not in more

    def test_the_single_file_holds_the_same_records(self, client: Client, assessment: Assessment) -> None:
        text = client.get(f"/r/{assessment.view_token}/adr.md").content.decode()
        for name, record in records(client, assessment).items():
            meta, body = front_matter(record)
            title, *rest = body.strip().splitlines()
            assert f"## {name[:4]}: {title.removeprefix('# ')}" in text
            for line in rest:
                assert ("#" + line if line.startswith("#") else line) in text
            assert f"* Status: {meta['status']}" in text

    def test_an_ampersand_in_a_name_stays_an_ampersand(self, client: Client) -> None:
        shop = make_assessment(name="Shop & CRM", flows=[{"name": "Stock & prices", "interaction": "query"}])
        text = client.get(f"/r/{shop.view_token}/adr.md").content.decode()
        assert text.startswith("# Integration decisions for Shop & CRM\n")
        assert "## 0002: Use point-to-point API calls for “Stock & prices”" in text
        assert "&amp;" not in text
        html = cmarkgfm.github_flavored_markdown_to_html(text)
        assert "<h1>Integration decisions for Shop &amp; CRM</h1>" in html

    def test_user_text_cannot_become_markup(self, client: Client) -> None:
        hostile = make_assessment(
            name="# Title <img src=x onerror=alert(1)> [link](http://evil.example) &lt;b&gt;",
            flows=[{"name": "a | b\n# heading", "interaction": "query"}],
        )
        text = client.get(f"/r/{hostile.view_token}/adr.md").content.decode()
        html = cmarkgfm.github_flavored_markdown_to_html(text)
        assert "<img" not in html
        assert set(re.findall(r'href="([^"]*)"', html)) == {hostile.share_url}
        assert "&lt;img src=x onerror=alert(1)&gt;" in html  # shown as the text that was typed
        assert "&amp;lt;b&amp;gt;" in html
        assert "a \\| b \\# heading" in text

    def test_the_decision_record_round_trips_to_the_same_recommendation(
        self, client: Client, assessment: Assessment
    ) -> None:
        text = client.get(f"/r/{assessment.view_token}/adr.md").content.decode()
        again = recommendation_to_dict(recommend(parse_assessment(assessment.export())))
        assert again == assessment.result
        for flow in again["flows"]:
            shown = sorted((math.floor(s + 0.5) for s in flow["scores"].values()), reverse=True)
            assert f"wins by {shown[0] - shown[1]} points" in text


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
