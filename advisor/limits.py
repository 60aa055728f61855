"""Per-client limits on the expensive things: creating assessments, saving them, rendering PDFs."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage


def _wait(request: HttpRequest, group: str, rate: str) -> int:
    """Count one more for this client; 0 when it is within the limit, else the seconds until the window ends."""
    usage = get_usage(request, group=group, key="ip", rate=rate, increment=True)
    if usage is None or not usage["should_limit"]:
        return 0
    return max(1, int(usage["time_left"]))


def wait_to_create(request: HttpRequest) -> int:
    return _wait(request, "create", settings.ADVISOR_CREATE_RATE)


def wait_to_save(request: HttpRequest) -> int:
    return _wait(request, "save", settings.ADVISOR_SAVE_RATE)


def wait_to_render_pdf(request: HttpRequest) -> int:
    return _wait(request, "pdf", settings.ADVISOR_PDF_RATE)


def may_create(request: HttpRequest) -> bool:
    return wait_to_create(request) == 0


def too_many(request: HttpRequest, wait: int) -> HttpResponse:
    """The 429 page, with Retry-After so clients know when to come back."""
    response = render(request, "429.html", status=429)
    response["Retry-After"] = str(wait)
    return response
