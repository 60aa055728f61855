from __future__ import annotations

from django.db import models

from advisor.assessments.models import Assessment


class RenderedReport(models.Model):
    """The PDF of one version of an assessment under one share link: queued, then ready.

    One row per (assessment, version, view token): queuing the same version twice finds the row
    and enqueues nothing. The bytes live in the database every app server already shares.
    """

    QUEUED, READY = "queued", "ready"

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="reports")
    version = models.PositiveIntegerField()
    view_token = models.CharField(max_length=64)
    state = models.CharField(max_length=10, default=QUEUED)
    document = models.BinaryField(null=True)
    queued_at = models.DateTimeField(auto_now_add=True)
    rendered_at = models.DateTimeField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "version", "view_token"], name="one_report_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.assessment_id} v{self.version} {self.state}"
