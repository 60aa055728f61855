"""`/compare/<view_a>/<view_b>/`: what changed from one shared assessment to another.

Both links are view tokens, so the page shows nothing that either link did
not already show; it is a read, like the results page.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from .compare import (
    Comparison,
    answer_change_text,
    compare,
    factor_move_text,
    mix_label,
    pattern_move_text,
)
from .models import Assessment


def stored_comparison(before: Assessment, after: Assessment) -> Comparison:
    """`after` against `before`, each as it was saved (its snapshot, not scored again)."""
    return compare(before.recommendation(), after.recommendation(), before.answers(), after.answers())


@require_safe
def compare_page(request: HttpRequest, view_a: str, view_b: str) -> HttpResponse:
    before = get_object_or_404(Assessment, view_token=view_a)
    after = get_object_or_404(Assessment, view_token=view_b)
    comparison = stored_comparison(before, after)
    response = render(
        request,
        "assessments/compare.html",
        {
            "before": before,
            "after": after,
            "comparison": comparison,
            "mix": [(mix_label(key), b, a, a - b) for key, b, a in comparison.mix],
            "landscape": [answer_change_text(c) for c in comparison.landscape],
            "weights": [answer_change_text(c) for c in comparison.weights],
            "changed": [
                (
                    change,
                    pattern_move_text(change),
                    [answer_change_text(a) for a in change.answers],
                    [factor_move_text(m) for m in change.factors],
                )
                for change in comparison.changed
            ],
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response
