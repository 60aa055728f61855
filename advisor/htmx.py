"""The request type of views that answer htmx requests differently."""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    """A request that passed django-htmx's middleware, which sets `htmx` on every request."""

    htmx: HtmxDetails
