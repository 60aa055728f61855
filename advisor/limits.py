"""Per-client limits on the expensive things: creating assessments and rendering PDFs."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django_ratelimit.core import is_ratelimited


def may_create(request: HttpRequest) -> bool:
    """Count one creation for this client; False once it is over the limit."""
    return not is_ratelimited(request, group="create", key="ip", rate=settings.ADVISOR_CREATE_RATE, increment=True)


def may_render_pdf(request: HttpRequest) -> bool:
    return not is_ratelimited(request, group="pdf", key="ip", rate=settings.ADVISOR_PDF_RATE, increment=True)
