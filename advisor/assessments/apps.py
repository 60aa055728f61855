from __future__ import annotations

from django.apps import AppConfig
from django.urls import register_converter


class TokenConverter:
    """A share or edit token in a URL: URL-safe base64 only (models.new_token).

    Anything else (a NUL byte, a percent-encoded slash) is a missing page before a query is made:
    PostgreSQL refuses a NUL in a parameter with an error rather than finding nothing.
    """

    regex = "[A-Za-z0-9_-]{1,64}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class AssessmentsConfig(AppConfig):
    name = "advisor.assessments"
    label = "assessments"

    def ready(self) -> None:
        # Every app's URLs name tokens as <token:...>; the URLconf is read after the apps are ready.
        register_converter(TokenConverter, "token")
        # The whole site's PostgreSQL connections, web and worker alike: no wait on the server is unbounded.
        from django.db.backends.signals import connection_created

        from advisor.database import bound_waits

        connection_created.connect(bound_waits, dispatch_uid="advisor.bound_waits")
