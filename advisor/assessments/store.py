"""Saving assessments: every write scores the inputs and keeps the result beside them."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone

from advisor import engine
from advisor.engine import ENGINE_VERSION, assessment_to_dict, parse_assessment, recommend, recommendation_to_dict

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


def create(assessment: engine.Assessment) -> Assessment:
    name, inputs, result = scored(assessment)
    created = Assessment.objects.create(name=name, inputs=inputs, result=result, engine_version=ENGINE_VERSION)
    queue_report(created)
    return created


def update(assessment: Assessment, inputs_given: engine.Assessment, version: int) -> Assessment:
    """Save new inputs if nobody saved since `version`; raises StaleVersion otherwise."""
    name, inputs, result = scored(inputs_given)
    with transaction.atomic():
        saved = Assessment.objects.filter(pk=assessment.pk, version=version).update(
            name=name,
            inputs=inputs,
            result=result,
            engine_version=ENGINE_VERSION,
            version=version + 1,
            updated=timezone.now(),
        )
    if not saved:
        raise StaleVersion
    assessment.refresh_from_db()
    queue_report(assessment)
    return assessment


def queue_report(assessment: Assessment) -> None:
    """Have a worker render this version's PDF, when one runs."""
    # The reports app renders PDFs; it depends on this one, so it is imported when needed.
    from advisor.reports import background

    background.queue_report(assessment)


def fork(assessment: Assessment) -> Assessment:
    return create(parse_assessment({**assessment.inputs, "name": f"Copy of {assessment.name}"[:120]}))


def rerun(assessment: Assessment) -> Assessment:
    """Score the stored inputs with the current engine."""
    return update(assessment, parse_assessment(assessment.export()), assessment.version)
