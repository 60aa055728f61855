"""Tasks a worker claimed and never finished: it was killed (kill -9, a lost machine) mid-render.

The database task queue marks a task RUNNING when a worker claims it and nothing else ever changes
that row if the worker dies, so its PDF would be "being prepared" for ever. A task RUNNING longer
than TASK_STUCK_SECONDS (far above the worst render) is taken back: queued again for any worker, or
failed once workers died on it MAX_ATTEMPTS times, so a report that kills its renderer cannot kill
every worker in turn.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

MAX_ATTEMPTS = 3


def stuck_tasks() -> QuerySet[DBTaskResult[Any, Any]]:
    since = timezone.now() - timedelta(seconds=settings.TASK_STUCK_SECONDS)
    return DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING, started_at__lt=since)


def take_back_stuck_tasks() -> int:
    """Queue stuck tasks again (or fail the ones workers died on too often); how many were taken back."""
    taken = 0
    for task in stuck_tasks().only("pk", "worker_ids"):
        attempts = len(task.worker_ids or [])
        status = TaskResultStatus.FAILED if attempts >= MAX_ATTEMPTS else TaskResultStatus.READY
        # Only if still stuck: another worker or request may have taken it back meanwhile.
        taken += stuck_tasks().filter(pk=task.pk).update(status=status, finished_at=None)
    return taken
