"""Views that belong to the whole site rather than one app."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from advisor.cache import ResilientRedisCache


def _database() -> dict[str, Any]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return {"status": "down", "detail": str(error).strip()[:200]}
    return {"status": "ok"}


def _cache() -> dict[str, Any]:
    cache = caches["default"]
    if isinstance(cache, ResilientRedisCache):
        state = cache.state()
        return {"status": "ok" if state == "ok" else "degraded", "backend": "redis", "detail": state}
    return {"status": "ok", "backend": "local memory (one per process)"}


def _task_queue() -> dict[str, Any]:
    from django_tasks_db.models import DBTaskResult

    from advisor.reports.stuck import stuck_tasks

    try:
        waiting = DBTaskResult.objects.filter(status="READY").order_by("enqueued_at")
        count = waiting.count()
        oldest = waiting.values_list("enqueued_at", flat=True).first()
        stuck = stuck_tasks().count()
    except DatabaseError as error:
        return {"status": "down", "detail": str(error).strip()[:200]}
    age = round((timezone.now() - oldest).total_seconds(), 1) if oldest else 0.0
    # A queue that is not drained for a minute has no worker, or too few; a task running for longer than
    # TASK_STUCK_SECONDS was left by a worker that died.
    healthy = age < 60 and not stuck
    return {
        "status": "ok" if healthy else "degraded",
        "waiting": count,
        "oldest_waiting_seconds": age,
        "stuck_running": stuck,
    }


@require_safe
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """Each dependency's state; 503 only when the database is down, since nothing works without it."""
    database = _database()
    queue = _task_queue() if database["status"] == "ok" else {"status": "down", "detail": "it lives in the database"}
    checks = {"database": database, "cache": _cache(), "task_queue": queue}
    if database["status"] != "ok":
        status = "down"
    elif all(check["status"] == "ok" for check in checks.values()):
        status = "ok"
    else:
        status = "degraded"
    return JsonResponse({"status": status, **checks}, status=503 if status == "down" else 200)


def private_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Pages behind an edit link: never stored by a cache or a browser, never indexed."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapped
