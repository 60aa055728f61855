"""Form posts as the browser sends them, built from stored inputs."""

from __future__ import annotations

from django.forms import Form

from advisor.assessments.forms import EditorForm
from advisor.assessments.models import Assessment


def editor_post(assessment: Assessment, **changes: str) -> dict[str, str]:
    """The editor form of `assessment` as the page posts it, unchanged except for `changes` (field names)."""
    form = EditorForm.of(assessment.answers())
    parts: list[Form] = [form, form.landscape, *form.flows.forms, form.weights, form.flows.management_form]
    data = {field.html_name: str(field.value()) for part in parts for field in part}
    return data | {"version": str(assessment.version)} | changes
