"""Views that belong to the whole site rather than one app."""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def too_many_requests(request: HttpRequest) -> HttpResponse:
    """The page a client gets once it is over a per-client limit (advisor.limits)."""
    return render(request, "429.html", status=429)
