"""`manage.py purge_assessments`: delete assessments nobody has viewed for RETENTION_DAYS days."""

from __future__ import annotations

from argparse import ArgumentParser
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from advisor.assessments.models import Assessment


class Command(BaseCommand):
    help = "Delete assessments whose links nobody opened for N days (RETENTION_DAYS, or --days). Off when 0."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--days", type=int, default=None, help="overrides RETENTION_DAYS")
        parser.add_argument("--dry-run", action="store_true", help="count, delete nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        days = settings.RETENTION_DAYS if options["days"] is None else options["days"]
        if days < 0:
            raise CommandError("--days: must be 0 (keep everything) or more", returncode=2)
        if days == 0:
            self.stdout.write("Retention is off (RETENTION_DAYS=0): nothing purged.")
            return
        stale = Assessment.objects.filter(last_viewed__lt=timezone.now() - timedelta(days=days))
        if options["dry_run"]:
            self.stdout.write(f"{assessments(stale.count())} not viewed for {days} days would be purged.")
            return
        # delete() counts every row it removed, reports included: only the assessments are reported.
        _, per_model = stale.delete()
        self.stdout.write(f"Purged {assessments(per_model.get(Assessment._meta.label, 0))} not viewed for {days} days.")


def assessments(count: int) -> str:
    return f"{count} assessment" if count == 1 else f"{count} assessments"
