"""`manage.py worker`: the task worker that renders PDF reports (`make worker`, and beside `make serve`)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from advisor.reports.pdf import start_kaleido


class Command(BaseCommand):
    help = "Run django-tasks-db's worker, kaleido's browser started first so the first PDF is as quick as the rest."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--interval", type=float, default=0.5, help="seconds between looks at an empty queue")
        parser.add_argument("--batch", action="store_true", help="run what is queued, then stop")

    def handle(self, *args: Any, **options: Any) -> None:
        start_kaleido()
        call_command("db_worker", interval=options["interval"], batch=options["batch"], startup_delay=False)
