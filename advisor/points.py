"""Scores as people read them: whole points, and every difference taken from the numbers shown.

The engine keeps hundredths so that its contributions add up exactly; a page, the PDF and a
decision record show whole numbers, because a heuristic's tenth of a point is not information,
and a margin worked out from unrounded scores ("95.6 and 29.5, wins by 66.0") reads as a mistake.
"""

from __future__ import annotations

import math
import re

from advisor.engine import FlowResult
from advisor.engine.catalog import FACTOR_IDS, FACTORS, PATTERN_IDS
from advisor.engine.wording import whole


def scores(result: FlowResult) -> dict[str, int]:
    return {p: whole(result.scores[p]) for p in PATTERN_IDS}


def margin(result: FlowResult) -> int:
    """The winner's shown score less the best other shown score."""
    shown = scores(result)
    return shown[result.pattern] - max(shown[p] for p in PATTERN_IDS if p != result.pattern)


def in_words(margin: int) -> str:
    """A margin of whole points; two scores that show the same number are "less than 1 point" apart."""
    if margin == 0:
        return "less than 1 point"
    return "1 point" if margin == 1 else f"{margin} points"


def contributions(result: FlowResult) -> dict[str, dict[str, int]]:
    """Each factor's whole points per pattern, adding up to the pattern's shown score.

    Largest remainder: each contribution is rounded down, and the points still missing go to the
    contributions that lost the most in rounding.
    """
    shown: dict[str, dict[str, int]] = {f: {} for f in FACTOR_IDS}
    for p in PATTERN_IDS:
        exact = {f: result.factors[f].contributions[p] for f in FACTOR_IDS}
        floors = {f: math.floor(exact[f]) for f in FACTOR_IDS}
        missing = whole(result.scores[p]) - sum(floors.values())
        by_loss = sorted(FACTOR_IDS, key=lambda f: (-(exact[f] - floors[f]), FACTOR_IDS.index(f)))
        for n, f in enumerate(by_loss):
            shown[f][p] = floors[f] + (1 if n < missing else 0)
    return shown


_LEAD = re.compile(r"^(?P<first>.+?) leads (?P<second>.+?) by \d+(?:\.\d+)? points, most on ")
_FACTOR_LEAD = r"{name} \(\+\d+(?:\.\d+)?:"


def reason(text: str, result: FlowResult) -> str:
    """A reason with the engine's tenths ("leads … by 66.1 points, most on volume (+30.2: …)") restated
    from the shown scores and contributions, so that the sentence agrees with the bars beside it."""
    found = _LEAD.match(text)
    if not found:
        return text
    ranked = sorted(PATTERN_IDS, key=lambda p: (-result.scores[p], PATTERN_IDS.index(p)))
    first, second = ranked[0], ranked[1]
    shown = scores(result)
    parts = contributions(result)
    lead = in_words(shown[first] - shown[second])
    text = _LEAD.sub(lambda m: f"{m['first']} leads {m['second']} by {lead}, most on ", text, count=1)
    for factor_id in FACTOR_IDS:
        name = FACTORS[factor_id].name.lower()
        part = parts[factor_id][first] - parts[factor_id][second]
        text = re.sub(_FACTOR_LEAD.format(name=re.escape(name)), f"{name} (+{part}:", text)
    return text


# A bulk transfer's card says once, in its verdict, that none of the three patterns fits (user 6 of issue 23 read it
# three times): its reasons keep what else they say, what carries it better and how confident the advice is.
_BULK_FITS_NONE = re.compile(
    r"None of the three patterns fits it well — (?P<better>.+?) carries it better — so its scores are a weak fit "
    r"and the confidence is (?P<confidence>\w+)\."
)
_BULK_CARRIES_NONE = re.compile(r"; none of the three carries a periodic bulk transfer well\.")


def said_once(result: FlowResult, texts: list[str]) -> list[str]:
    """The reasons as a bulk transfer's card shows them, under a verdict that already says no pattern fits."""
    if result.approach != "bulk_transfer":
        return texts
    shown = []
    for text in texts:
        text = _BULK_FITS_NONE.sub(
            lambda m: (
                f"{m['better'][0].upper()}{m['better'][1:]} carries it better; the confidence is {m['confidence']}."
            ),
            text,
        )
        shown.append(_BULK_CARRIES_NONE.sub(".", text))
    return shown


def reasons(result: FlowResult) -> list[str]:
    return [reason(text, result) for text in result.reasons]


TOP_REASONS = 2


def top_reasons(result: FlowResult) -> list[str]:
    """The reasons a first reader sees: the first ones about the answers. The sentence that sums up the
    points ("… leads … by 14 points, most on …") reads with the scores' details, and is left to the full list."""
    return [text for text in reasons(result) if not _LEAD.match(text)][:TOP_REASONS]
