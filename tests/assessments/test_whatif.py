"""The results page's what-if panels over HTTP: the htmx fragments, the page without JavaScript, limits."""

from __future__ import annotations

import re
import subprocess

import pytest
from django.test import Client, override_settings

from advisor.assessments.models import Assessment, SavedWhatIf
from tests.conftest import TILLS, make_assessment

pytestmark = pytest.mark.django_db
OUTAGE = "whatif=1&w1-outage_start=10:00&w1-outage_minutes=60"
HTMX = {"HX-Request": "true"}


@pytest.fixture
def tills(db: None) -> Assessment:
    return make_assessment(**TILLS)


def test_the_fragment_answers_the_panel_with_a_table_and_a_chart(client: Client, tills: Assessment) -> None:
    response = client.get(f"/r/{tills.view_token}/whatif/1?{OUTAGE}", headers=HTMX)
    fragment = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in fragment
    assert 'id="whatif-1"' in fragment
    assert 'data-figure="fig-whatif-1"' in fragment
    assert "consumers down 10:00–11:00" in fragment
    assert "Largest backlog" in fragment


def test_with_two_outages_the_table_gives_each_its_drain(client: Client, tills: Assessment) -> None:
    query = f"{OUTAGE}&w1-broker_start=15:00&w1-broker_minutes=30"
    fragment = client.get(f"/r/{tills.view_token}/whatif/1?{query}", headers=HTMX).content.decode()
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', fragment))
    assert "Drains after consumers down 10:00–11:00" in rows
    assert "Drains after the broker down 15:00–15:30" in rows
    # Direct calls do not touch the broker: nothing of theirs waits after it.
    assert re.findall(r"<td>([^<]*)</td>", rows["Drains after the broker down 15:00–15:30"])[0] == "—"


def test_the_panel_reads_the_stored_result_of_its_own_flow_alone(
    client: Client, tills: Assessment, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 50-flow result read whole cost the panel more than its simulation did: it reads the flow it shows."""

    def whole(self: Assessment) -> None:
        raise AssertionError("the panel read the whole recommendation")

    monkeypatch.setattr(Assessment, "recommendation", whole)
    response = client.get(f"/r/{tills.view_token}/whatif/1?{OUTAGE}", headers=HTMX)
    assert response.status_code == 200
    assert "Largest backlog" in response.content.decode()


def test_a_stored_result_that_cannot_be_read_is_scored_again_for_the_panel(client: Client, tills: Assessment) -> None:
    Assessment.objects.filter(pk=tills.pk).update(result={"flows": [{"name": "Purchases from the tills"}]})
    response = client.get(f"/r/{tills.view_token}/whatif/1?{OUTAGE}", headers=HTMX)
    assert response.status_code == 200
    assert "Largest backlog" in response.content.decode()


def test_without_javascript_the_page_renders_the_panel_filled_in(client: Client, tills: Assessment) -> None:
    page = client.get(f"{tills.get_absolute_url()}?{OUTAGE}").content.decode()
    assert "<html" in page
    assert 'data-figure="fig-whatif-1"' in page
    # The other flow's panel stays empty.
    assert 'data-figure="fig-whatif-0"' not in page
    assert 'value="10:00"' in page


def test_a_page_run_with_a_what_if_is_not_served_to_the_next_visitor(client: Client, tills: Assessment) -> None:
    client.get(f"{tills.get_absolute_url()}?{OUTAGE}")
    plain = client.get(tills.get_absolute_url()).content.decode()
    assert 'data-figure="fig-whatif-1"' not in plain


def test_a_bad_field_is_named_and_what_was_typed_is_kept(client: Client, tills: Assessment) -> None:
    query = "whatif=1&w1-capacity=lots&w1-outage_start=23:00&w1-outage_minutes=120"
    fragment = client.get(f"/r/{tills.view_token}/whatif/1?{query}", headers=HTMX).content.decode()
    assert "Must be a number, not &#x27;lots&#x27;" in fragment
    assert 'value="lots"' in fragment
    assert "data-figure" not in fragment


def test_an_outage_past_midnight_is_refused_on_its_minutes(client: Client, tills: Assessment) -> None:
    query = "whatif=1&w1-outage_start=23:00&w1-outage_minutes=120"
    fragment = client.get(f"/r/{tills.view_token}/whatif/1?{query}", headers=HTMX).content.decode()
    assert 'id="id_w1-outage_minutes-error">Must end within the day' in fragment


def test_a_flow_that_does_not_exist_is_not_found(client: Client, tills: Assessment) -> None:
    assert client.get(f"/r/{tills.view_token}/whatif/7?whatif=7", headers=HTMX).status_code == 404


def test_the_landscape_fragment_says_which_flows_lose_data(client: Client, tills: Assessment) -> None:
    query = "down-system=Loyalty&down-start=12:00&down-minutes=60"
    fragment = client.get(f"/r/{tills.view_token}/whatif/landscape?{query}", headers=HTMX).content.decode()
    assert "Loyalty down 12:00–13:00: 1 flow loses data, 1 backs up and drains, 0 are unaffected." in fragment


def test_an_unknown_system_is_refused_naming_the_field(client: Client, tills: Assessment) -> None:
    query = "down-system=Billing&down-start=12:00&down-minutes=60"
    fragment = client.get(f"/r/{tills.view_token}/whatif/landscape?{query}", headers=HTMX).content.decode()
    assert 'id="id_down-system-error"' in fragment


def pdf_words(client: Client, assessment: Assessment) -> str:
    """The PDF report's text as poppler reads it, its line breaks and runs of spaces as single spaces."""
    response = client.get(f"/r/{assessment.view_token}/report.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = subprocess.run(["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True).stdout
    return " ".join(text.decode().split())


def confirmation(markdown: str, flow: str) -> str:
    """The Confirmation of a flow's decision record in adr.md (each record's headings one level down there)."""
    heading = re.search(rf"^## \d{{4}}: .*“{re.escape(flow)}”$", markdown, re.MULTILINE)
    assert heading is not None
    record = markdown[heading.end() :]
    body = record[record.index("#### Confirmation\n") + len("#### Confirmation\n") :]
    end = re.search(r"^#{1,4} ", body, re.MULTILINE)
    assert end is not None
    return body[: end.start()]


def test_the_reasons_quote_the_default_outage_as_its_what_if_shows_it_everywhere(
    client: Client, tills: Assessment
) -> None:
    """The results page, its default what-if, the PDF and the decision records say the same figures."""
    [sentence] = [r for r in tills.result["flows"][1]["reasons"] if r.startswith("During a 4-hour outage of Loyalty")]
    quoted = re.search(r"point-to-point loses about ([\d,]+) calls.* drains in (\d+ h \d+ min) once", sentence)
    assert quoted is not None, sentence
    # The flow's what-if with every field left empty runs the default scenario.
    panel = client.get(f"/r/{tills.view_token}/whatif/1?whatif=1", headers=HTMX).content.decode()
    cells = {
        row: re.findall(r"<td>([^<]*)</td>", line)
        for row, line in re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', panel)
    }
    lost, drained = cells["Lost"][0], cells["Drains in"][1]
    assert f"{round(int(lost.replace(',', '')), -3):,}" == quoted.group(1)
    assert drained == quoted.group(2)

    assert sentence in client.get(tills.get_absolute_url()).content.decode()
    assert sentence in pdf_words(client, tills)
    assert sentence in client.get(f"/r/{tills.view_token}/adr.md").content.decode()


@override_settings(ADVISOR_SIMULATE_RATE="0/m")
def test_what_ifs_over_the_limit_answer_429_with_retry_after(client: Client, tills: Assessment) -> None:
    fragment = client.get(f"/r/{tills.view_token}/whatif/1?{OUTAGE}", headers=HTMX)
    page = client.get(f"{tills.get_absolute_url()}?{OUTAGE}")
    for response in (fragment, page):
        assert response.status_code == 429
        assert int(response["Retry-After"]) >= 1
    # The page itself is not limited.
    assert client.get(tills.get_absolute_url()).status_code == 200


class TestSavedWhatIf:
    """A what-if the owner keeps belongs to the assessment: the page, the decision records and the PDF cite it."""

    FORM = {"w1-outage_start": "10:00", "w1-outage_minutes": "60", "w1-retries": "0"}

    def own(self, client: Client, assessment: Assessment) -> None:
        session = client.session
        session["my_assessments"] = [assessment.edit_token]
        session.save()

    def test_only_the_owner_is_offered_to_save_it(self, client: Client, tills: Assessment) -> None:
        url = f"/r/{tills.view_token}/whatif/1?{OUTAGE}"
        assert "Save this what-if" not in client.get(url, headers=HTMX).content.decode()
        self.own(client, tills)
        assert "Save this what-if" in client.get(url, headers=HTMX).content.decode()

    def test_the_view_link_cannot_save_one(self, client: Client, tills: Assessment) -> None:
        response = client.post(f"/assess/{tills.view_token}/whatif/1", self.FORM)
        assert response.status_code == 404
        assert SavedWhatIf.objects.count() == 0

    def test_a_saved_what_if_is_a_new_version_cited_on_the_page_and_in_the_decision_records(
        self, client: Client, tills: Assessment
    ) -> None:
        response = client.post(f"/assess/{tills.edit_token}/whatif/1", self.FORM)
        assert response.status_code == 302
        assert response["Location"] == f"{tills.get_absolute_url()}#whatif-1"
        saved = SavedWhatIf.objects.get()
        assert saved.flow_name == "Purchases from the tills"
        assert saved.scenario == {"outages": [{"start_minute": 600, "minutes": 60}], "retry_attempts": 0}
        tills.refresh_from_db()
        assert tills.version == 2

        page = client.get(tills.get_absolute_url()).content.decode()
        assert "consumers down 10:00–11:00, 0 retries): point-to-point loses" in page
        records = client.get(f"/r/{tills.view_token}/adr.md").content.decode()
        assert "* Evidence: What-if saved" in records

    def test_a_saved_what_if_is_in_the_pdf_and_the_decision_records_confirmation(
        self, client: Client, tills: Assessment
    ) -> None:
        client.post(f"/assess/{tills.edit_token}/whatif/1", self.FORM)
        tills.refresh_from_db()
        [cited] = re.findall(r"<li>(What-if saved [^<]+)</li>", client.get(tills.get_absolute_url()).content.decode())
        evidence = cited.replace("&#x27;", "'")
        assert "consumers down 10:00–11:00, 0 retries): point-to-point loses" in evidence

        assert evidence in pdf_words(client, tills)
        records = client.get(f"/r/{tills.view_token}/adr.md").content.decode()
        assert f"* Evidence: {evidence}" in confirmation(records, "Purchases from the tills")
        # Only the flow it was run on cites it.
        assert "What-if saved" not in confirmation(records, "Balance check at the till")

    def test_a_what_if_with_a_bad_field_is_not_saved(self, client: Client, tills: Assessment) -> None:
        client.post(f"/assess/{tills.edit_token}/whatif/1", {**self.FORM, "w1-capacity": "-3"})
        assert SavedWhatIf.objects.count() == 0
        tills.refresh_from_db()
        assert tills.version == 1
