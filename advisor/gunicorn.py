"""gunicorn's settings for `make serve` and deployments: `gunicorn -c python:advisor.gunicorn advisor.wsgi`."""

from __future__ import annotations

import os
from typing import Any

from gunicorn.glogging import Logger  # type: ignore[import-untyped]

from advisor.redact import redact


class RedactingLogger(Logger):  # type: ignore[misc]
    """The access log without edit tokens, in the request line, the path and the Referer alike."""

    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> Any:
        atoms = super().atoms(resp, req, environ, request_time)
        return {key: redact(value) if isinstance(value, str) else value for key, value in atoms.items()}


logger_class = RedactingLogger
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
accesslog = os.environ.get("ACCESS_LOG", "-")
