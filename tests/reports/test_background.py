"""PDFs rendered by a task worker after each save; downloads served from storage, never stale."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from advisor.assessments.models import Assessment
from advisor.reports import views as report_views
from advisor.reports.models import RenderedReport
from tests.assessments.forms import editor_post

pytestmark = pytest.mark.django_db
Captured = Callable[..., Any]


@pytest.fixture
def renders_in_request(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Versions rendered by a web request (the worker's task does not count)."""
    rendered: list[int] = []
    original = report_views.render_pdf

    def counting(context: dict[str, Any], fetcher: Any = None) -> bytes:
        rendered.append(context["assessment"].version)
        return original(context, fetcher)

    monkeypatch.setattr(report_views, "render_pdf", counting)
    return rendered


def save(client: Client, assessment: Assessment, **changes: str) -> Any:
    assessment.refresh_from_db()
    return client.post(assessment.edit_url, editor_post(assessment, action="save", **changes))


def work() -> None:
    """A real worker: run every queued task, then stop."""
    call_command("db_worker", batch=True, startup_delay=False, verbosity=0)


class TestWithAWorker:
    @pytest.fixture(autouse=True)
    def _worker(self, settings: Any) -> None:
        settings.PDF_WORKER = True

    def test_a_save_queues_the_pdf_of_the_new_version_once(
        self, client: Client, assessment: Assessment, django_capture_on_commit_callbacks: Captured
    ) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            save(client, assessment, name="Renamed")
            client.get(f"{assessment.get_absolute_url()}report.pdf")
            client.get(f"{assessment.get_absolute_url()}report.pdf")
        assert RenderedReport.objects.filter(version=2, state="queued").count() == 1
        assert DBTaskResult.objects.filter(status="READY").count() == 1  # the downloads queued nothing more

    def test_before_the_worker_is_done_the_download_is_a_quick_page_that_refreshes(
        self,
        client: Client,
        assessment: Assessment,
        renders_in_request: list[int],
        django_capture_on_commit_callbacks: Captured,
    ) -> None:
        with django_capture_on_commit_callbacks(execute=True):
            save(client, assessment)
        started = time.monotonic()
        response = client.get(f"{assessment.get_absolute_url()}report.pdf")
        assert time.monotonic() - started < 1
        assert response.status_code == 202
        assert response["Refresh"] == "2"
        assert "no-store" in response["Cache-Control"]
        assert "is being prepared" in response.content.decode()
        assert renders_in_request == []

    # The worker commits and closes its connection, as in production: no test transaction around it.
    @pytest.mark.django_db(transaction=True)
    def test_the_worker_renders_it_and_the_download_serves_it_from_storage(
        self, client: Client, assessment: Assessment, renders_in_request: list[int]
    ) -> None:
        save(client, assessment, name="Rendered by the worker")
        work()
        renders_in_request.clear()  # the worker ran in this process; from here on only requests count
        response = client.get(f"{assessment.get_absolute_url()}report.pdf?v=2")
        assert response.status_code == 200
        assert response.content.startswith(b"%PDF")
        assert renders_in_request == []
        assert RenderedReport.objects.get().state == "ready"

    @pytest.mark.django_db(transaction=True)
    def test_a_version_saved_over_before_its_turn_is_not_rendered(self, client: Client, assessment: Assessment) -> None:
        save(client, assessment, name="Second")
        save(client, assessment, name="Third")
        work()
        assert list(RenderedReport.objects.values_list("version", "state")) == [(3, "ready")]

    @pytest.mark.django_db(transaction=True)
    @override_settings(TASK_RESULT_DAYS=7)
    def test_the_worker_prunes_finished_tasks_older_than_a_week(self, client: Client, assessment: Assessment) -> None:
        save(client, assessment, name="Rendered last month")
        work()
        DBTaskResult.objects.update(finished_at=timezone.now() - timedelta(days=8))
        save(client, assessment, name="Rendered a day ago")
        work()
        DBTaskResult.objects.filter(finished_at__gt=timezone.now() - timedelta(days=1)).update(
            finished_at=timezone.now() - timedelta(days=1)
        )
        save(client, assessment, name="Rendered now")
        call_command("worker", batch=True, verbosity=0)
        assert sorted(DBTaskResult.objects.values_list("status", flat=True)) == ["SUCCESSFUL", "SUCCESSFUL"]
        assert not DBTaskResult.objects.filter(finished_at__lt=timezone.now() - timedelta(days=7)).exists()


class TestFreshness:
    def test_the_versioned_url_is_immutable_and_an_old_version_redirects(
        self, client: Client, assessment: Assessment
    ) -> None:
        url = f"{assessment.get_absolute_url()}report.pdf"
        first = client.get(f"{url}?v=1")
        assert first.status_code == 200
        assert "immutable" in first["Cache-Control"]
        save(client, assessment, name="Renamed")
        old = client.get(f"{url}?v=1")
        assert old.status_code == 302
        assert old["Location"] == f"{url}?v=2"

    def test_the_bare_url_is_revalidated_and_changes_with_a_save(self, client: Client, assessment: Assessment) -> None:
        url = f"{assessment.get_absolute_url()}report.pdf"
        first = client.get(url)
        assert first["Cache-Control"] == "private, no-cache"
        assert client.get(url, headers={"If-None-Match": first["ETag"]}).status_code == 304
        save(client, assessment, name="Renamed")
        after = client.get(url, headers={"If-None-Match": first["ETag"]})
        assert after.status_code == 200
        assert after["ETag"] != first["ETag"]

    def test_the_results_page_links_to_the_current_version(self, client: Client, assessment: Assessment) -> None:
        save(client, assessment, name="Renamed")
        page = client.get(assessment.get_absolute_url()).content.decode()
        assert f"/r/{assessment.view_token}/report.pdf?v=2" in page


@override_settings(ADVISOR_SAVE_RATE="1/m")
def test_saves_are_rate_limited_with_retry_after(client: Client, assessment: Assessment) -> None:
    assert save(client, assessment, name="One").status_code == 302
    response = save(client, assessment, name="Two")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assessment.refresh_from_db()
    assert assessment.name == "One"
