"""Saving assessments: every write scores the inputs and keeps the result beside them."""

from __future__ import annotations

import dataclasses
from typing import Any

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from advisor import engine
from advisor.engine import ENGINE_VERSION, assessment_to_dict, recommend, recommendation_to_dict
from advisor.engine.upgrade import SCHEMA_VERSION

from .models import Assessment

DEFAULT_NAME = "Untitled assessment"


class StaleVersion(Exception):
    """Somebody saved the assessment since this edit began."""


def scored(assessment: engine.Assessment) -> tuple[str, dict[str, Any], dict[str, Any]]:
    """(name, inputs in canonical form, result) of a valid assessment."""
    return (
        assessment.name or DEFAULT_NAME,
        assessment_to_dict(assessment),
        recommendation_to_dict(recommend(assessment)),
    )


def create(
    assessment: engine.Assessment, set_aside: list[dict[str, Any]] | None = None, *, example: str = ""
) -> Assessment:
    name, inputs, result = scored(assessment)
    created = Assessment.objects.create(
        name=name,
        inputs=inputs,
        result=result,
        engine_version=ENGINE_VERSION,
        schema_version=SCHEMA_VERSION,
        set_aside=set_aside or [],
        example=example,
    )
    queue_report(created)
    return created


def update(assessment: Assessment, inputs_given: engine.Assessment, version: int) -> Assessment:
    """Save new inputs if nobody saved since `version`; raises StaleVersion otherwise.

    The inputs are written in the current shape; stored answers it no longer reads stay in set_aside.
    """
    name, inputs, result = scored(inputs_given)
    set_aside = assessment.kept_aside()
    with transaction.atomic():
        saved = Assessment.objects.filter(pk=assessment.pk, version=version).update(
            name=name,
            inputs=inputs,
            result=result,
            engine_version=ENGINE_VERSION,
            schema_version=SCHEMA_VERSION,
            set_aside=set_aside,
            version=version + 1,
            updated=timezone.now(),
        )
    if not saved:
        raise StaleVersion
    assessment.refresh_from_db()
    queue_report(assessment)
    return assessment


# Sent after each save and each new share link. The reports app, which depends on this one,
# listens to queue the version's PDF (reports/apps.py), so this app imports nothing of it.
version_saved = Signal()


def queue_report(assessment: Assessment) -> None:
    """Have a worker render this version's PDF, when one runs."""
    version_saved.send(sender=Assessment, assessment=assessment)


def fork(assessment: Assessment) -> Assessment:
    copy = dataclasses.replace(assessment.answers(), name=f"Copy of {assessment.name}"[:120].strip())
    return create(copy, assessment.kept_aside())


def rerun(assessment: Assessment) -> Assessment:
    """Score the stored inputs, as the current engine reads them, with the current engine."""
    return update(assessment, assessment.answers(), assessment.version)
