"""Template words for the what-if panels."""

from __future__ import annotations

from django import template

from advisor.engine.wording import clock as clock_of

register = template.Library()


@register.filter
def clock(minute: int) -> str:
    """Minute 570 of the day as 09:30; minute 1440 as 24:00, the day's end."""
    return clock_of(minute)
