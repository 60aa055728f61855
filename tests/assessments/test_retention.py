"""Sessions only where something is remembered; assessments nobody views can be purged."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.utils import timezone

from advisor.assessments.models import Assessment
from advisor.reports.background import store_report
from advisor.reports.models import RenderedReport
from tests.conftest import make_assessment

from .forms import editor_post

pytestmark = pytest.mark.django_db


class TestSessions:
    def test_a_cookieless_visit_of_an_edit_page_creates_no_session(
        self, client: Client, assessment: Assessment
    ) -> None:
        response = client.get(assessment.edit_url)
        assert response.status_code == 200
        assert Session.objects.count() == 0
        assert "sessionid" not in response.cookies

    def test_saving_remembers_the_edit_link_in_a_session(self, client: Client, assessment: Assessment) -> None:
        client.post(assessment.edit_url, editor_post(assessment, action="save"))
        assert Session.objects.count() == 1
        assert assessment.name in client.get("/assess/").content.decode()

    def test_a_save_without_a_session_cookie_makes_a_session_of_an_hour_that_a_returning_browser_keeps_a_year(
        self, client: Client, assessment: Assessment
    ) -> None:
        # A script that keeps no cookies leaves one session per save: none of them may last a year.
        client.post(assessment.edit_url, editor_post(assessment, action="save"))
        session = Session.objects.get()
        assert session.expire_date < timezone.now() + timedelta(hours=1, minutes=1)
        assert client.cookies["sessionid"]["max-age"] == 3600
        # A browser sends it back: it is a person's, remembered for the usual year.
        assessment.refresh_from_db()
        client.get(assessment.edit_url)
        session = Session.objects.get()
        assert session.expire_date > timezone.now() + timedelta(days=364)
        assert client.cookies["sessionid"]["max-age"] == 60 * 60 * 24 * 365


def purge(**options: object) -> str:
    out = StringIO()
    call_command("purge_assessments", stdout=out, **options)
    return out.getvalue()


def age(assessment: Assessment, days: int) -> None:
    Assessment.objects.filter(pk=assessment.pk).update(last_viewed=timezone.now() - timedelta(days=days))


class TestRetention:
    def test_it_is_off_by_default_and_purges_nothing(self, assessment: Assessment) -> None:
        age(assessment, 10_000)
        assert "Retention is off" in purge()
        assert Assessment.objects.count() == 1

    @override_settings(RETENTION_DAYS=30)
    def test_it_purges_what_nobody_viewed_for_the_configured_days(self) -> None:
        stale, recent = make_assessment(name="Stale"), make_assessment(name="Recent")
        age(stale, 31)
        age(recent, 29)
        assert "Purged 1 assessment not viewed for 30 days." in purge()
        assert list(Assessment.objects.values_list("name", flat=True)) == ["Recent"]

    @override_settings(RETENTION_DAYS=30)
    def test_it_counts_assessments_not_the_reports_deleted_with_them(self) -> None:
        stale = make_assessment(name="Stale")
        store_report(stale, b"%PDF-1.7")
        age(stale, 31)
        assert "Purged 1 assessment not viewed for 30 days." in purge()
        assert not RenderedReport.objects.exists()

    def test_a_dry_run_counts_and_keeps(self, assessment: Assessment) -> None:
        age(assessment, 8)
        assert "1 assessment not viewed for 7 days would be purged." in purge(days=7, dry_run=True)
        assert Assessment.objects.count() == 1

    def test_a_negative_number_of_days_is_refused(self) -> None:
        with pytest.raises(CommandError, match="--days"):
            purge(days=-1)

    @pytest.mark.parametrize("path", ["", "report.pdf", "adr.md", "adr.zip", "assessment.json"])
    def test_opening_a_link_counts_as_a_view(self, client: Client, assessment: Assessment, path: str) -> None:
        age(assessment, 40)
        assert client.get(f"{assessment.get_absolute_url()}{path}").status_code == 200
        assessment.refresh_from_db()
        assert timezone.now() - assessment.last_viewed < timedelta(minutes=1)

    def test_the_edit_link_counts_as_a_view(self, client: Client, assessment: Assessment) -> None:
        age(assessment, 40)
        client.get(assessment.edit_url)
        assessment.refresh_from_db()
        assert timezone.now() - assessment.last_viewed < timedelta(minutes=1)

    def test_views_within_a_day_write_nothing(self, client: Client, assessment: Assessment) -> None:
        client.get(assessment.get_absolute_url())
        before = Assessment.objects.get(pk=assessment.pk).last_viewed
        client.get(assessment.get_absolute_url())
        assert Assessment.objects.get(pk=assessment.pk).last_viewed == before
