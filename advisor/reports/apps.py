from __future__ import annotations

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "advisor.reports"
    label = "reports"

    def ready(self) -> None:
        # Models can be imported only once the apps are ready.
        from advisor.assessments.store import version_saved

        from .background import queue_saved_version

        version_saved.connect(queue_saved_version, dispatch_uid="reports.queue_saved_version")
