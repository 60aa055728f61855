"""Sessions in the database, with keys that are only ever what Django makes (lowercase letters and digits)."""

from __future__ import annotations

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore


class SessionStore(DatabaseSessionStore):
    def _validate_session_key(self, key: str | None) -> bool:
        # A cookie can carry any byte (a quoted "\000" is a NUL), and PostgreSQL answers a NUL in a
        # query with an error: a key Django could not have made is no session, before any query.
        valid = super()._validate_session_key(key)  # type: ignore[misc]  # not in django-stubs
        return bool(valid) and key is not None and key.isascii() and key.isalnum()
