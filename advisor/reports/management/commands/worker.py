"""`manage.py worker`: the task worker that renders PDF reports (`make worker`, and beside `make serve`)."""

from __future__ import annotations

import logging
import signal
import time
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DatabaseError, connections

from advisor.reports.pdf import start_kaleido
from advisor.reports.stuck import take_back_stuck_tasks

logger = logging.getLogger(__name__)
# Seconds between attempts while the database is away: doubling from the first to the longest.
FIRST_PAUSE, LONGEST_PAUSE = 0.5, 8.0
# A worker that ran this long before losing the database starts its back-off from the first pause again.
SETTLED_SECONDS = 30.0


class Command(BaseCommand):
    help = "Run django-tasks-db's worker, kaleido's browser started first so the first PDF is as quick as the rest."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--interval", type=float, default=0.5, help="seconds between looks at an empty queue")
        parser.add_argument("--batch", action="store_true", help="run what is queued, then stop")

    def handle(self, *args: Any, **options: Any) -> None:
        start_kaleido()
        pause = FIRST_PAUSE
        # A database that is down at start, refuses for a while or is restarted costs a wait, not the worker:
        # nothing restarts it (`make serve` does not), so it must outlive the database's troubles.
        while True:
            started = time.monotonic()
            try:
                if taken := take_back_stuck_tasks():
                    logger.warning("Took back %d task(s) a worker never finished", taken)
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
