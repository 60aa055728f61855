"""PDF reports rendered by a task worker after each save, so no web worker waits on WeasyPrint.

With PDF_WORKER on (`make serve`, deployments with `make worker`), every save queues the PDF
of the new version, once; a download serves it when it is ready and a page that refreshes
until then. With it off (`make run`, tests) a download renders in the request, as before.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.tasks import task
from django.utils import timezone

from advisor.assessments.models import Assessment

from .models import RenderedReport


def current_report(assessment: Assessment) -> RenderedReport | None:
    return RenderedReport.objects.filter(
        assessment=assessment, version=assessment.version, view_token=assessment.view_token
    ).first()


def queue_report(assessment: Assessment) -> RenderedReport | None:
    """Queue the PDF of this version once (a second call finds the first); None when no worker renders."""
    if not settings.PDF_WORKER:
        return None
    try:
        with transaction.atomic():
            report, created = RenderedReport.objects.get_or_create(
                assessment=assessment, version=assessment.version, view_token=assessment.view_token
            )
    except IntegrityError:
        return current_report(assessment)  # another request queued the same version just now
    if created:
        # After the commit: the worker must find the saved version, not the one before it.
        transaction.on_commit(lambda: render_report.enqueue(report.pk))
    return report


def queue_saved_version(sender: type[Assessment], assessment: Assessment, **kwargs: Any) -> None:
    """The receiver of store.version_saved: each saved version, and each new share link, gets its PDF."""
    queue_report(assessment)


def store_report(assessment: Assessment, document: bytes) -> None:
    """Keep a PDF rendered in a request, for the next download."""
    report, _ = RenderedReport.objects.get_or_create(
        assessment=assessment, version=assessment.version, view_token=assessment.view_token
    )
    _ready(report, document)


def _ready(report: RenderedReport, document: bytes) -> None:
    report.document, report.state, report.rendered_at = document, RenderedReport.READY, timezone.now()
    report.save(update_fields=["document", "state", "rendered_at"])
    # Older versions' PDFs are never served again: their URLs redirect to this one.
    RenderedReport.objects.filter(assessment_id=report.assessment_id).exclude(pk=report.pk).delete()


@task()
def render_report(report_id: int) -> str:
    report = RenderedReport.objects.select_related("assessment").filter(pk=report_id).first()
    if report is None:
        return "gone"
    assessment = report.assessment
    if (assessment.version, assessment.view_token) != (report.version, report.view_token):
        report.delete()  # saved again or re-shared since: that version has its own task
        return "superseded"
    # Imported here, not with the app: WeasyPrint takes most of a cold start, and the command line renders no PDF.
    from .contents import render_assessment_pdf

    _ready(report, render_assessment_pdf(assessment))
    return "ready"
