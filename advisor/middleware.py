"""Middleware of the whole site."""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.gzip import GZipMiddleware
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

from advisor.api.problems import CONTENT_TYPE, problem, too_large_problem

Handler = Callable[[HttpRequest], HttpResponse]
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


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
