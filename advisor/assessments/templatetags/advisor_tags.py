"""Template helpers that read words from the engine's catalog."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from advisor import points
from advisor.assessments import presentation
from advisor.assessments.forms import typed_not_sure
from advisor.engine import Flip, Flow, FlowResult, catalog
from advisor.engine.wording import whole

register = template.Library()


@register.filter
def answer(value: object) -> str:
    """The words for an answer's id (`often_offline` → "often offline")."""
    return catalog.label(str(value))


@register.filter
def interaction_words(flow: Flow) -> str:
    """A flow's interaction in words, a file or batch said as one (presentation.a_file)."""
    return presentation.interaction_words(flow)


@register.filter
def not_sure(text: object) -> bool:
    """Whether a number's box says “not sure”: its “I'm not sure” is then ticked."""
    return typed_not_sure(text)


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
def margin_shown(result: FlowResult) -> str:
    """The margin in whole points, from the whole scores shown beside it ("12 points")."""
    return points.in_words(points.margin(result))


@register.filter
def score_shown(score: float) -> int:
    return whole(score)


@register.filter
def reasons_shown(result: FlowResult) -> list[str]:
    """The reasons, with the points they name restated from the whole scores shown."""
    return points.said_once(result, points.reasons(result))


@register.filter
def top_reasons(result: FlowResult) -> list[str]:
    """The reasons kept in view on the results page; the full list folds under them."""
    return points.said_once(result, points.top_reasons(result))


@register.filter
def field_label(field: str) -> str:
    return presentation.field_label(field)


@register.simple_tag
def flip_sentence(flip: Flip, links: bool = False) -> SafeString:
    """The flip sentence with both answers emphasised and, with links, the pattern linked to its page."""
    words = presentation.flip_words(flip)
    pattern = words["pattern"]
    if links:
        pattern = format_html(
            '<a href="{}">{}</a>', reverse("guide:pattern", args=[pattern_slug(flip.pattern)]), pattern
        )
    return format_html(
        presentation.FLIP_SENTENCE,
        field=words["field"],
        before=format_html("<em>{}</em>", words["before"]),
        after=format_html("<em>{}</em>", words["after"]),
        pattern=pattern,
    )


@register.simple_tag
def pattern_colours() -> list[tuple[str, str]]:
    """(slug, colour) of each pattern, from the catalog."""
    return [(p.slug, p.colour) for p in catalog.PATTERNS.values()]


@register.filter
def get(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key, "")


@register.filter
def some_names(names: list[str], shown: int = 8) -> str:
    """The first names and how many more (`A, B, C and 47 more`): a list that cannot fill pages."""
    if len(names) <= shown:
        return ", ".join(names)
    return f"{', '.join(names[:shown])} and {len(names) - shown} more"


@register.filter
def role_name(role: str) -> str:
    """The part a technology plays, in words (catalog ROLES)."""
    return catalog.ROLES.get(role, role)


@register.filter
def approach_name(approach: str) -> str:
    found = catalog.APPROACHES.get(approach)
    return found.name if found else ""


@register.filter
def approach_summary(approach: str) -> str:
    found = catalog.APPROACHES.get(approach)
    return found.summary if found else ""


@register.filter
def assumed_answers(flow: Any) -> str:
    """The choices the editor says are assumed on a flow, carried along hidden (forms.still_assumed)."""
    from advisor.assessments.forms import still_assumed

    return ",".join(still_assumed(flow))
