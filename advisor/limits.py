"""Per-client limits on the expensive things: creating assessments, saving them, rendering PDFs, what-ifs, and
the engine's runs for the API's recommendations and the editor's preview (their cost: advisor/budget.py)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_ratelimit.core import get_usage

from advisor.api.problems import problem
from advisor.budget import OverBudget
from advisor.htmx import HtmxHttpRequest


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


def wait_to_rotate(request: HttpRequest, edit_token: str) -> int:
    """A new share link renders a new PDF: counted per assessment (ROTATE_RATE) and as one of the client's saves."""
    usage = get_usage(
        request,
        group="rotate",
        key=lambda group, request: edit_token,
        rate=settings.ADVISOR_ROTATE_RATE,
        increment=True,
    )
    if usage is not None and usage["should_limit"]:
        return max(1, int(usage["time_left"]))
    return wait_to_save(request)


def wait_to_render_pdf(request: HttpRequest) -> int:
    return _wait(request, "pdf", settings.ADVISOR_PDF_RATE)


def wait_to_recommend(request: HttpRequest) -> int:
    return _wait(request, "recommend", settings.ADVISOR_RECOMMEND_RATE)


def wait_to_preview(request: HttpRequest) -> int:
    return _wait(request, "preview", settings.ADVISOR_PREVIEW_RATE)


def wait_to_simulate(request: HttpRequest) -> int:
    return _wait(request, "simulate", settings.ADVISOR_SIMULATE_RATE)


def too_many(request: HtmxHttpRequest, wait: int) -> HttpResponse:
    """Every 429 of the site: a page, an htmx fragment or an API problem, each with Retry-After.

    Retry-After tells browsers, scripts and the API's clients alike when the window ends.
    """
    if request.path.startswith("/api/"):
        response = problem(429, f"Too many requests from your address; try again in {wait} seconds.")
    else:
        template = "partials/too_many.html" if request.htmx else "429.html"
        response = render(request, template, {"wait": wait}, status=429)
    response["Retry-After"] = str(wait)
    return response


def over_budget(request: HttpRequest, over: OverBudget) -> HttpResponse:
    """The engine's budget refused or stopped the work: a problem or a fragment, with Retry-After."""
    if request.path.startswith("/api/"):
        from advisor.api.problems import problem

        response = problem(over.status, over.detail)
    else:
        response = render(request, "partials/over_budget.html", {"over": over}, status=over.status)
    response["Retry-After"] = str(over.wait)
    return response
