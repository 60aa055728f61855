"""The task worker outlives database trouble, and a task left by a killed worker is taken back.

Real processes on PostgreSQL: `manage.py worker` reaches the test database through a port that can
refuse (a stopped database); a worker is killed with SIGKILL in the middle of a render.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from django.db import connection
from django.tasks import TaskResultStatus
from django.test import Client, override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from advisor.reports.models import RenderedReport
from tests.conftest import make_assessment
from tests.reports.test_pdf import largest_assessment
from tests.servers import ROOT, Forwarder, environment

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def database_url(port: int | None = None) -> str:
    settings = connection.settings_dict
    return f"postgres://{settings['USER']}@{settings['HOST']}:{port or settings['PORT']}/{settings['NAME']}"


@pytest.fixture
def workers() -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []

    def start(url: str, **overrides: str) -> subprocess.Popen[bytes]:
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "worker", "--interval", "0.2"],
            cwd=ROOT,
            env=environment(DATABASE_URL=url, PDF_WORKER="1", DB_CONNECT_TIMEOUT="2", **overrides),
            stderr=subprocess.DEVNULL,
        )
        started.append(worker)
        return worker

    yield start
    for worker in started:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=5)
            except subprocess.TimeoutExpired:
                # Cleanup only, after the test has asserted what it tests: a worker whose exit waits on its chart
                # browser's shutdown, or on a database the test left refusing, is killed, as a supervisor's stop
                # timeout would (waiting 30 s for it cost the suite 30 s a run).
                worker.kill()
                worker.wait(timeout=30)


def wait_for(condition: Callable[[], bool], seconds: float) -> float:
    """Seconds until `condition()` held; fails after `seconds`."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < seconds, "it did not happen in time"
        time.sleep(0.1)
    return time.monotonic() - started


def ready(report_of: Callable[[], RenderedReport | None]) -> Callable[[], bool]:
    return lambda: (report := report_of()) is not None and report.state == RenderedReport.READY


@override_settings(PDF_WORKER=True)
def test_the_worker_waits_out_a_refusing_database_and_renders_when_it_is_back(
    workers: Callable[..., subprocess.Popen[bytes]],
) -> None:
    settings = connection.settings_dict
    database = Forwarder((settings["HOST"], int(settings["PORT"])))
    worker = workers(database_url(database.port))
    try:
        # Down at start: the worker retries instead of exiting.
        time.sleep(4)
        assert worker.poll() is None
        database.up()
        first = make_assessment()
        took = wait_for(ready(lambda: RenderedReport.objects.filter(assessment=first).first()), 120)
        print(f"\nrecovery after a database down at start: report ready {took:.1f} s after it is back")

        # Refusing for ten seconds mid-run, every open connection cut.
        database.refuse()
        time.sleep(10)
        assert worker.poll() is None
        database.up()
        back = time.monotonic()
        second = make_assessment(name="After the outage")
        took = wait_for(ready(lambda: RenderedReport.objects.filter(assessment=second).first()), 120)
        print(f"recovery after a 10 s refusal: report ready {time.monotonic() - back:.1f} s after it is back")
        assert worker.poll() is None
    finally:
        database.refuse()


@override_settings(PDF_WORKER=True)
def test_the_worker_outlives_a_database_that_accepts_and_never_answers(
    workers: Callable[..., subprocess.Popen[bytes]],
) -> None:
    settings = connection.settings_dict
    database = Forwarder((settings["HOST"], int(settings["PORT"])))
    database.up()
    worker = workers(database_url(database.port), DB_ANSWER_SECONDS="3")
    try:
        first = make_assessment()
        wait_for(ready(lambda: RenderedReport.objects.filter(assessment=first).first()), 120)

        # Ten seconds of a database that accepts every connection and answers none (connect_timeout bounds each try).
        database.hang()
        time.sleep(10)
        assert worker.poll() is None
        database.up()
        back = time.monotonic()
        second = make_assessment(name="After the hang")
        wait_for(ready(lambda: RenderedReport.objects.filter(assessment=second).first()), 120)
        print(f"\nrecovery after a 10 s hang: report ready {time.monotonic() - back:.1f} s after it answers again")

        # The worker's open connection goes silent for ever while new ones are answered: its wait is bounded.
        database.stall()
        stalled = time.monotonic()
        third = make_assessment(name="On a silent connection")
        wait_for(ready(lambda: RenderedReport.objects.filter(assessment=third).first()), 60)
        print(f"recovery from a connection silent for ever: report ready {time.monotonic() - stalled:.1f} s after")
        assert worker.poll() is None
    finally:
        database.refuse()


@override_settings(PDF_WORKER=True, TASK_STUCK_SECONDS=3)
def test_a_task_left_running_by_a_killed_worker_is_taken_back(
    client: Client, workers: Callable[..., subprocess.Popen[bytes]]
) -> None:
    # The largest report renders for many seconds: the kill lands mid-render.
    assessment = make_assessment(**largest_assessment())
    report = RenderedReport.objects.get(assessment=assessment)
    task = DBTaskResult.objects.get()
    first = workers(database_url())
    wait_for(lambda: DBTaskResult.objects.get(pk=task.pk).status == TaskResultStatus.RUNNING, 120)
    time.sleep(1)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    killed = time.monotonic()
    assert DBTaskResult.objects.get(pk=task.pk).status == TaskResultStatus.RUNNING
    assert RenderedReport.objects.get(pk=report.pk).state == RenderedReport.QUEUED
    assert client.get(f"/r/{assessment.view_token}/report.pdf").status_code == 202

    # Once the task has run longer than TASK_STUCK_SECONDS, the "being prepared" page, which refreshes, takes it
    # back, and a new worker renders it.
    workers(database_url(), TASK_STUCK_SECONDS="3")
    wait_for(lambda: client.get(f"/r/{assessment.view_token}/report.pdf").status_code == 200, 240)
    print(f"\nrecovery after kill -9 mid-render: report ready {time.monotonic() - killed:.1f} s after the kill")
    assert client.get(f"/r/{assessment.view_token}/report.pdf").status_code == 200


@override_settings(PDF_WORKER=True, TASK_STUCK_SECONDS=60)
def test_healthz_reports_a_task_running_too_long_and_the_pdf_link_takes_it_back(client: Client) -> None:
    assessment = make_assessment()
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(minutes=5))
    health = client.get("/healthz").json()
    assert health["status"] == "degraded"
    assert health["task_queue"]["stuck_running"] == 1

    assert client.get(f"/r/{assessment.view_token}/report.pdf").status_code == 202
    assert DBTaskResult.objects.get().status == TaskResultStatus.READY
    assert client.get("/healthz").json()["task_queue"]["stuck_running"] == 0


@override_settings(PDF_WORKER=True, TASK_STUCK_SECONDS=60)
def test_a_task_that_killed_three_workers_is_failed_not_queued_again(client: Client) -> None:
    assessment = make_assessment()
    DBTaskResult.objects.update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(minutes=5), worker_ids=["a", "b", "c"]
    )
    client.get(f"/r/{assessment.view_token}/report.pdf")
    assert DBTaskResult.objects.get().status == TaskResultStatus.FAILED
