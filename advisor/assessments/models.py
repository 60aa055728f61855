from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from advisor import engine
from advisor.engine import ENGINE_VERSION, assessment_to_dict, recommend
from advisor.engine.upgrade import SCHEMA_VERSION, Reread, Upgraded, stored_recommendation, upgrade


def new_token() -> str:
    """192 random bits, URL-safe: share links must not be guessable."""
    return secrets.token_urlsafe(24)


def current_schema() -> int:
    return SCHEMA_VERSION


VIEWED_GRANULARITY = timedelta(days=1)


@dataclass(frozen=True)
class Stored:
    """A stored assessment as the current engine reads it: its answers, its result and what was read differently."""

    answers: engine.Assessment
    recommendation: engine.Recommendation
    rereads: tuple[Reread, ...]
    # The stored result could not be read, or did not answer these flows: it was scored again on reading.
    rescored: bool

    @property
    def read_differently(self) -> bool:
        return bool(self.rereads) or self.rescored


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
    # The shape of `inputs` and `result` (engine/upgrade.py): older shapes are upgraded on reading.
    schema_version = models.PositiveSmallIntegerField(default=current_schema)
    # Stored answers that a later schema no longer reads ({"field", "value", "schema_version"}), kept, not lost.
    set_aside = models.JSONField(default=list, blank=True)
    # The use case (engine/presets.py) it was started from, if any: the editor marks that example's answers
    # as the example's, not the person's, until they are changed.
    example = models.SlugField(max_length=40, blank=True, default="")
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
        flows = self.inputs.get("flows") if isinstance(self.inputs, dict) else None
        return len(flows) if isinstance(flows, list) else 0

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

    def upgraded(self) -> Upgraded:
        """The stored inputs in the current shape, whatever shape they were saved in; never raises."""
        return upgrade(
            {**self.inputs, "name": self.name} if isinstance(self.inputs, dict) else self.inputs, self.schema_version
        )

    def read(self) -> Stored:
        """The stored inputs and result as the current engine reads them; never raises.

        A result that cannot be read (or answers other flows than the inputs now read) is scored
        again from the upgraded inputs, and says so.
        """
        upgraded = self.upgraded()
        recommendation = stored_recommendation(self.result, upgraded.assessment)
        rescored = recommendation is None
        if recommendation is None:
            recommendation = recommend(upgraded.assessment)
        return Stored(upgraded.assessment, recommendation, upgraded.rereads, rescored)

    def answers(self) -> engine.Assessment:
        return self.upgraded().assessment

    def recommendation(self) -> engine.Recommendation:
        return self.read().recommendation

    def kept_aside(self) -> list[dict[str, Any]]:
        """What was set aside before and what reading the inputs now sets aside, for the next save to keep."""
        kept = list(self.set_aside) if isinstance(self.set_aside, list) else [{"value": self.set_aside}]
        new = [
            {"field": path, "value": value, "schema_version": self.schema_version}
            for path, value in self.upgraded().set_aside.items()
        ]
        return kept + [entry for entry in new if entry not in kept]

    def export(self) -> dict[str, Any]:
        """The inputs as the API takes them, plus the name and engine version: posts back unchanged.

        Inputs saved in an older shape are exported as the current engine reads them, so the file imports.
        """
        return {**assessment_to_dict(self.answers()), "name": self.name, "engine_version": self.engine_version}


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
