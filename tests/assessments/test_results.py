from __future__ import annotations

import json

import pytest
from django.test import Client

from advisor.assessments.models import Assessment
from advisor.engine import ENGINE_VERSION
from tests.assessments.forms import editor_post
from tests.conftest import make_assessment

pytestmark = pytest.mark.django_db
HOSTILE = '<script>alert("x")</script>'


class TestResults:
    def test_it_shows_the_mix_flows_reasons_risks_technologies_and_flips(
        self, client: Client, assessment: Assessment
    ) -> None:
        page = client.get(assessment.get_absolute_url()).content.decode()
        assert "1 flow is point-to-point, 1 is event-driven and 1 bulk transfer fits none of the three patterns" in page
        for flow in assessment.result["flows"]:
            assert flow["name"] in page
            assert flow["technologies"][0]["name"] in page
        assert "What would change this" in page
        assert "Risks and mitigations" in page
        assert f"Engine {ENGINE_VERSION}" in page

    def test_technologies_show_their_sizing_remedies_and_sourced_limits(self, client: Client) -> None:
        telemetry = {
            "name": "Telemetry",
            "interaction": "event",
            "consumers": ["Analytics", "Monitoring", "Lake"],
            "volume_per_day": 300_000_000,
            "replay": "yes",
        }
        stored = make_assessment(landscape={"systems": 6, "platform": "aws"}, flows=[telemetry])
        page = client.get(stored.get_absolute_url()).content.decode()
        first = stored.result["flows"][0]["technologies"][0]
        assert first["sizing"]["summary"] in page
        assert "Spread the load over" in page
        assert "Applied as event log (stream):" in page
        assert f'<a href="{first["limits"][0]["url"]}" rel="noopener noreferrer">' in page
        assert f'<time datetime="{first["limits"][0]["as_of"]}">' in page

    def test_a_periodic_bulk_transfer_says_none_of_the_patterns_fits_well(self, client: Client) -> None:
        nightly = {"name": "Nightly export", "interaction": "command", "latency": "hours", "volume_per_day": 1}
        page = client.get(make_assessment(flows=[nightly]).get_absolute_url()).content.decode()
        # Said once, in the verdict (a first-time user read it three times on one card).
        assert "none of the three patterns fits it" in page
        assert page.lower().count("none of the three patterns fits") == 1

    def test_every_chart_has_a_text_equivalent(self, client: Client, assessment: Assessment) -> None:
        page = client.get(assessment.get_absolute_url()).content.decode()
        # Three plotly charts for the landscape, and each flow's scores as bars in HTML.
        charts = page.count('class="chart-canvas"') + page.count('class="chart score-bars"')
        assert charts == 3 + 3
        # Each chart's table folds under a summary: "… as a table", or a flow's "Scores and each factor's part".
        assert page.count(" as a table</summary>") + page.count("Scores and each factor's part</summary>") == charts

    def test_user_text_stays_escaped_in_the_page_and_the_chart_labels(self, client: Client) -> None:
        hostile = make_assessment(
            name=HOSTILE,
            flows=[{"name": HOSTILE, "interaction": "event", "source": HOSTILE, "consumers": [HOSTILE, "b", "c"]}],
        )
        page = client.get(hostile.get_absolute_url()).content.decode()
        assert HOSTILE not in page
        assert "&lt;script&gt;" in page
        figure = json.loads(page.split('id="fig-landscape" type="application/json">')[1].split("</script>")[0])
        labels = figure["data"][-1]["text"]
        # Tags are escaped; a quote is plain text to plotly, which would print &quot; as typed.
        assert labels[0].startswith('&lt;script&gt;alert("x")')

    def test_an_unknown_view_token_is_a_404(self, client: Client) -> None:
        assert client.get("/r/nope/").status_code == 404

    def test_the_edit_token_is_not_a_view_link(self, client: Client, assessment: Assessment) -> None:
        assert client.get(f"/r/{assessment.edit_token}/").status_code == 404

    def test_the_view_link_offers_no_edit_to_a_stranger(self, client: Client, assessment: Assessment) -> None:
        page = client.get(assessment.get_absolute_url()).content.decode()
        assert assessment.edit_token not in page

    def test_a_result_from_an_older_engine_offers_a_rerun(self, client: Client, assessment: Assessment) -> None:
        Assessment.objects.filter(pk=assessment.pk).update(engine_version="0.9.0")
        page = client.get(assessment.get_absolute_url()).content.decode()
        assert "computed by engine 0.9.0" in page
        fresh = client.get(assessment.get_absolute_url() + "?rerun=1").content.decode()
        assert "the answer of the current engine" in fresh


class TestResultsCache:
    def test_a_saved_page_is_served_again_until_the_assessment_changes(
        self, client: Client, assessment: Assessment
    ) -> None:
        first = client.get(assessment.get_absolute_url()).content
        # Behind the page's back: the same version must still show the page as first rendered.
        Assessment.objects.filter(pk=assessment.pk).update(name="Changed without a save")
        assert client.get(assessment.get_absolute_url()).content == first
        client.post(assessment.edit_url, editor_post(assessment, name="Renamed", action="save"))
        assert "Renamed" in Client().get(assessment.get_absolute_url()).content.decode()

    def test_the_owner_and_a_stranger_get_their_own_pages(self, client: Client, assessment: Assessment) -> None:
        client.post(assessment.edit_url, editor_post(assessment, action="save"))  # saving remembers the edit link
        assert "Edit</a>" in client.get(assessment.get_absolute_url()).content.decode()
        assert "Edit</a>" not in Client().get(assessment.get_absolute_url()).content.decode()

    def test_a_message_is_shown_once_and_not_cached(self, client: Client, assessment: Assessment) -> None:
        client.post(assessment.edit_url, editor_post(assessment, action="save"))
        assert "Saved." in client.get(assessment.get_absolute_url()).content.decode()
        assert "Saved." not in client.get(assessment.get_absolute_url()).content.decode()
