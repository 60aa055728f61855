"""`manage.py worker`: the task worker that renders PDF reports (`make worker`, and beside `make serve`)."""

from __future__ import annotations

import logging
import signal
import time
from argparse import ArgumentParser
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DatabaseError, connections
from django.tasks.signals import task_finished

from advisor.reports.pdf import start_kaleido
from advisor.reports.stuck import take_back_stuck_tasks

logger = logging.getLogger(__name__)
# Seconds between attempts while the database is away: doubling from the first to the longest.
FIRST_PAUSE, LONGEST_PAUSE = 0.5, 8.0
# A worker that ran this long before losing the database starts its back-off from the first pause again.
SETTLED_SECONDS = 30.0
# Finished task rows (one per PDF) are pruned this often, after a task finishes: no cron entry is needed.
PRUNE_EVERY_SECONDS = 3600.0


class Command(BaseCommand):
    help = "Run django-tasks-db's worker, kaleido's browser started first so the first PDF is as quick as the rest."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--interval", type=float, default=0.5, help="seconds between looks at an empty queue")
        parser.add_argument("--batch", action="store_true", help="run what is queued, then stop")

    def handle(self, *args: Any, **options: Any) -> None:
        start_kaleido()
        pruned_at = -PRUNE_EVERY_SECONDS

        def prune() -> None:
            nonlocal pruned_at
            if time.monotonic() - pruned_at >= PRUNE_EVERY_SECONDS:
                pruned_at = time.monotonic()
                call_command("prune_db_task_results", min_age_days=settings.TASK_RESULT_DAYS, verbosity=0)

        def prune_after_a_task(**kwargs: Any) -> None:
            # Inside the worker's bookkeeping of a finished task: an error here would fail a rendered PDF.
            try:
                prune()
            except DatabaseError as error:
                logger.warning("Pruning finished tasks failed (%s); trying again in an hour", str(error).strip()[:200])

        task_finished.connect(prune_after_a_task, weak=False)
        try:
            self._run(prune, options)
        finally:
            task_finished.disconnect(prune_after_a_task)

    def _run(self, prune: Callable[[], None], options: dict[str, Any]) -> None:
        pause = FIRST_PAUSE
        # A database that is down at start, refuses for a while or is restarted costs a wait, not the worker:
        # nothing restarts it (`make serve` does not), so it must outlive the database's troubles.
        while True:
            started = time.monotonic()
            try:
                if taken := take_back_stuck_tasks():
                    logger.warning("Took back %d task(s) a worker never finished", taken)
                prune()
                call_command("db_worker", interval=options["interval"], batch=options["batch"], startup_delay=False)
                return
            except DatabaseError as error:
                if time.monotonic() - started > SETTLED_SECONDS:
                    pause = FIRST_PAUSE
                logger.warning("Database unavailable (%s); trying again in %.1f s", str(error).strip()[:200], pause)
                connections.close_all()
                # db_worker's handlers stop a worker object that is gone: between attempts, a stop is a stop.
                for stop in (signal.SIGTERM, signal.SIGINT, signal.SIGQUIT):
                    signal.signal(stop, signal.SIG_DFL)
                time.sleep(pause)
                pause = min(pause * 2, LONGEST_PAUSE)
