"""Every wait on PostgreSQL ends: a connection that is acknowledged and never answered fails its query.

connect_timeout bounds a server that accepts and never answers a new connection; statement_timeout bounds
a query the server runs; tcp_user_timeout and keepalives find a host that stopped acknowledging. None of
them ends a wait on an open connection whose packets are acknowledged and never answered (a stuck server
process, a middlebox that lost the connection's state): psycopg would wait on it for ever, holding a web
worker until gunicorn kills it and the task worker for good. Each connection's waits are bounded by
DB_ANSWER_SECONDS (above statement_timeout, so the server's own limit speaks first).
"""

from __future__ import annotations

from typing import Any

import psycopg
from django.conf import settings
from django.db.backends.base.base import BaseDatabaseWrapper
from psycopg import errors
from psycopg.abc import PQGen
from psycopg.connection import _WAIT_INTERVAL


class AnsweringConnection(psycopg.Connection[Any]):
    """psycopg's connection, whose waits for the server give up after DB_ANSWER_SECONDS."""

    def wait[T](self, gen: PQGen[T], interval: float = _WAIT_INTERVAL, timeout: float | None = None) -> T:
        if timeout is not None:
            return super().wait(gen, interval, timeout)  # a caller's own bound (notifies()), and its own handling
        try:
            return super().wait(gen, interval, settings.DB_ANSWER_SECONDS)
        except errors._WaitTimeout:
            # Mid-exchange, in a state nothing can resume: closed, so Django's health check opens a new one.
            self.pgconn.finish()
            raise psycopg.OperationalError(
                f"the database did not answer within {settings.DB_ANSWER_SECONDS:g} seconds"
            ) from None


def bound_waits(sender: type[BaseDatabaseWrapper], connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """connection_created's receiver: a new PostgreSQL connection becomes an AnsweringConnection."""
    if connection.vendor == "postgresql" and type(connection.connection) is psycopg.Connection:
        connection.connection.__class__ = AnsweringConnection
