"""Template helpers that read words from the engine's catalog."""

from __future__ import annotations

from typing import Any

from django import template

from advisor.engine import answers, catalog

register = template.Library()


@register.filter
def answer(value: object) -> str:
    """The words for an answer's id (`often_offline` → "often offline")."""
    return catalog.label(str(value))


@register.filter
def pattern_name(pattern_id: str) -> str:
    pattern = catalog.PATTERNS.get(pattern_id)
    return pattern.name if pattern else pattern_id


@register.filter
def pattern_short(pattern_id: str) -> str:
    pattern = catalog.PATTERNS.get(pattern_id)
    return pattern.short_name if pattern else pattern_id


@register.filter
def pattern_slug(pattern_id: str) -> str:
    return pattern_id.replace("_", "-")


@register.filter
def factor_name(factor_id: str) -> str:
    factor = catalog.FACTORS.get(factor_id)
    return factor.name if factor else factor_id


@register.filter
def field_label(field: str) -> str:
    return catalog.FIELD_LABELS.get(field, field.replace("_", " "))


@register.simple_tag
def choices(field: str) -> list[tuple[str, str]]:
    options = {**answers.LANDSCAPE_CHOICES, **answers.FLOW_CHOICES}[field]
    return [(value, catalog.label(value)) for value in (*options, answers.UNKNOWN)]


@register.filter
def get(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key, "")
