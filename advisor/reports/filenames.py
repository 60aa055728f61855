from __future__ import annotations

from django.utils.text import slugify

MAX_STEM = 60


def download_name(assessment_name: str, extension: str) -> str:
    """A file name safe in any header and on any disk: ASCII letters, digits and dashes."""
    stem = slugify(assessment_name)[:MAX_STEM].strip("-") or "assessment"
    return f"{stem}.{extension}"
