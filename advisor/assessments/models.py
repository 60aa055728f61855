from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from advisor import engine
from advisor.engine import ENGINE_VERSION, parse_assessment, recommendation_from_dict


def new_token() -> str:
    """192 random bits, URL-safe: share links must not be guessable."""
    return secrets.token_urlsafe(24)


VIEWED_GRANULARITY = timedelta(days=1)


class Assessment(models.Model):
    """A landscape and its flows, with the recommendation computed when it was last saved.

    Flows live inside `inputs` (the API's request shape) rather than in rows of
    their own: an assessment is always edited, versioned and scored as a whole.
    """

    name = models.CharField(max_length=120)
    view_token = models.CharField(max_length=64, unique=True, default=new_token)
    edit_token = models.CharField(max_length=64, unique=True, default=new_token)
    inputs = models.JSONField()
    result = models.JSONField()
    engine_version = models.CharField(max_length=20)
    # Optimistic locking: a save names the version it started from.
    version = models.PositiveIntegerField(default=1)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)
    # For retention (RETENTION_DAYS): moved forward at most once a day, so viewing stays a read.
    last_viewed = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-updated"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("assessments:results", args=[self.view_token])

    @property
    def share_url(self) -> str:
        """The read-only link as others open it: PUBLIC_URL, never the Host of whoever asked."""
        return str(settings.PUBLIC_URL) + self.get_absolute_url()

    @property
    def edit_url(self) -> str:
        return reverse("assessments:edit", args=[self.edit_token])

    @property
    def private_edit_url(self) -> str:
        """The edit link to copy and keep, absolute like the share link."""
        return str(settings.PUBLIC_URL) + self.edit_url

    @property
    def engine_changed(self) -> bool:
        return self.engine_version != ENGINE_VERSION

    @property
    def flow_count(self) -> int:
        return len(self.inputs.get("flows", []))

    def viewed(self) -> None:
        """Note a visit for retention; one UPDATE a day at most."""
        now = timezone.now()
        if now - self.last_viewed >= VIEWED_GRANULARITY:
            Assessment.objects.filter(pk=self.pk).update(last_viewed=now)
            self.last_viewed = now

    def links(self) -> dict[str, str]:
        view = self.view_token
        return {
            "view_url": reverse("assessments:results", args=[view]),
            "edit_url": self.edit_url,
            "pdf_url": reverse("reports:pdf", args=[view]),
            "adr_url": reverse("reports:adr", args=[view]),
            "adr_zip_url": reverse("reports:adr_zip", args=[view]),
            "json_url": reverse("reports:json", args=[view]),
        }

    def answers(self) -> engine.Assessment:
        """The stored inputs as the engine reads them (they were valid when they were saved)."""
        return parse_assessment(self.export())

    def recommendation(self) -> engine.Recommendation:
        """The stored result snapshot as the engine's dataclasses."""
        return recommendation_from_dict(self.result)

    def export(self) -> dict[str, Any]:
        """The inputs as the API takes them, plus the name and engine version: posts back unchanged."""
        return {**self.inputs, "name": self.name, "engine_version": self.engine_version}


class SavedWhatIf(models.Model):
    """A what-if the owner kept for a flow: evidence for its decision on the results page, in the PDF and in
    the decision records. The scenario is stored in the API's shape and simulated again when shown."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="what_ifs")
    # Flows are matched by name: an edit that reorders flows keeps each what-if with its flow.
    flow_name = models.CharField(max_length=120)
    scenario = models.JSONField()
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]

    def __str__(self) -> str:
        return f"{self.assessment.name}: {self.flow_name}"
