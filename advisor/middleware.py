"""Middleware of the whole site."""

from __future__ import annotations

import gzip
import inspect
import logging
import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotAllowed
from django.middleware.gzip import GZipMiddleware
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

from advisor.api.problems import CONTENT_TYPE, problem, too_large_problem

Handler = Callable[[HttpRequest], HttpResponse]
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Seconds a client is asked to wait while the database does not answer: a restart or a failover.
DATABASE_RETRY_AFTER = 30
logger = logging.getLogger(__name__)


class DatabaseUnavailable:
    """A page or API call that needs a database which refuses, hangs or times out answers 503 with Retry-After.

    Each attempt is bounded (connect_timeout, statement_timeout, DB_ANSWER_SECONDS): what is left is saying
    so, with one log line instead of a 500 and a traceback per request for as long as the outage lasts.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("Database unavailable for %s %s: %s", request.method, request.path, str(exception)[:200])
        if request.path.startswith("/api/"):
            response = problem(503, "The database is not answering; nothing was stored. Please try again shortly.")
        else:
            response = render(request, "503.html", {"wait": DATABASE_RETRY_AFTER}, status=503)
        response["Retry-After"] = str(DATABASE_RETRY_AFTER)
        return response


def refuse_large_bodies(get_response: Handler) -> Handler:
    """A 413 for any body over MAX_BODY_BYTES, before a byte of it is read or an upload spooled to disk."""

    def middleware(request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_BODY_BYTES:
            return too_large(request)
        return get_response(request)

    return middleware


def too_large(request: HttpRequest) -> HttpResponse:
    if request.path.startswith("/api/"):
        return too_large_problem()
    return render(request, "413.html", {"limit": settings.MAX_BODY_BYTES}, status=413)


def health_probe(get_response: Handler) -> Handler:
    """/healthz for any Host: a load balancer probes each instance by its own address, which ALLOWED_HOSTS does
    not name. Only this exact path skips the Host check, and the probe builds no link from the Host."""
    from advisor.views import healthz

    def middleware(request: HttpRequest) -> HttpResponse:
        if request.path_info == "/healthz":
            return healthz(request)
        return get_response(request)

    return middleware


def declared_methods(view: Callable[..., Any]) -> list[str] | None:
    """The methods a view's require_http_methods (require_safe, require_POST) lets through; None if it has none."""
    methods = inspect.getclosurevars(view).nonlocals.get("request_method_list")
    return list(methods) if methods is not None else None


class RefuseUndeclaredMethods:
    """PUT, DELETE or any method a page does not take answers 405 with the page's Allow header.

    The CSRF check runs before the view's own method check and would answer them with a 403, as if a token
    were missing. A page whose methods are not declared is left to the CSRF check (tests/test_http.py checks
    that every page declares them).
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if request.path.startswith("/api/") or request.method in ("GET", "HEAD", "OPTIONS", "TRACE"):
            return None
        allowed = declared_methods(view)
        if allowed is None or request.method in allowed:
            return None
        return HttpResponseNotAllowed(allowed)


def api_problems(get_response: Handler) -> Handler:
    """Every error under /api/ as problem details: unknown paths, 405s, 500s and whatever else is not one yet.

    The API's own errors are problems already; this catches the ones Django and django-ninja answer
    themselves (HTML 404 and 500 pages, an empty 405, ninja's text traceback with DEBUG on).
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if (
            not request.path.startswith("/api/")
            or response.status_code < 400
            or response.get("Content-Type", "").startswith(CONTENT_TYPE)
        ):
            return response
        converted = problem(response.status_code, _detail(request, response))
        for name, value in response.headers.items():
            if name.lower() not in ("content-type", "content-length"):
                converted[name] = value
        return converted

    return middleware


def _detail(request: HttpRequest, response: HttpResponse) -> str:
    match response.status_code:
        case 404:
            return f"There is nothing at {request.path}; the API's paths are listed at /api/v1/openapi.json."
        case 405:
            return f"{request.method} is not allowed here; allowed: {response.get('Allow', 'none')}."
        case status if status >= 500:
            return "Something went wrong on our side; nothing was stored. Please try again later."
        case _:
            return "The request could not be handled."


class CompressText(GZipMiddleware):
    """gzip for pages, fragments and JSON (84 KB of results page becomes about 10 KB).

    PDFs are compressed inside already and static files come precompressed from WhiteNoise.
    Django's gzip pads its output at random, which blunts BREACH against the CSRF token.
    """

    def process_response(self, request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        content_type = response.get("Content-Type", "")
        if not content_type.startswith(("text/html", "text/markdown", "application/json", "application/problem+json")):
            return response
        return super().process_response(request, response)


def compress(content: bytes) -> bytes:
    """gzip as CompressText does it, random padding included, for a page kept compressed in a cache."""
    return compress_string(content, max_random_bytes=CompressText.max_random_bytes)


def precompressed(request: HttpRequest, gzipped: bytes) -> HttpResponse:
    """A page kept gzipped: sent as it is to clients that accept gzip, unpacked for the others."""
    if ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
        response = HttpResponse(gzipped, headers={"Content-Encoding": "gzip"})
    else:
        response = HttpResponse(gzip.decompress(gzipped))
    patch_vary_headers(response, ("Accept-Encoding",))
    return response
