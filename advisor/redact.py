"""Edit links are capabilities: keep their tokens out of every log line."""

from __future__ import annotations

import logging
import re

# Tokens are 32 URL-safe characters (advisor.assessments.models.new_token), but a link may spell any of
# them percent-encoded and still open the editor: the whole path segment after /assess/ goes.
_EDIT_TOKEN = re.compile(r"(/assess/)[^/?#\s\"]+")
REDACTED = "[edit-token]"


def redact(text: str) -> str:
    return _EDIT_TOKEN.sub(rf"\g<1>{REDACTED}", text)


class RedactTokens(logging.Filter):
    """Django's log records (`Not Found: /assess/<token>/`, tracebacks' messages) without edit tokens."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
