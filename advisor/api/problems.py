"""Errors under /api/ as RFC 9457 problem details (`application/problem+json`).

Every problem keeps the `detail` and `errors` members the API always had,
`errors` as an extension member naming each offending field.
"""

from __future__ import annotations

import json
from http import HTTPStatus

from django.conf import settings
from django.http import HttpResponse

CONTENT_TYPE = "application/problem+json"


def problem(
    status: int,
    detail: str,
    errors: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> HttpResponse:
    body = {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "errors": errors or [],
    }
    response = HttpResponse(json.dumps(body, ensure_ascii=False), status=status, content_type=CONTENT_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def too_large() -> tuple[str, list[dict[str, str]]]:
    """The detail and errors of a 413."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return f"The request body is larger than {limit:,} bytes.", [
        {"field": "body", "message": f"must be at most {limit:,} bytes"}
    ]


def too_large_problem() -> HttpResponse:
    return problem(413, *too_large())
