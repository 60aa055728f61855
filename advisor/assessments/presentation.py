"""What a results page, a preview and a report show for a stored or fresh result.

Numbers are formatted here rather than with template filters: a 10-flow page
shows a few hundred of them, and `floatformat` was most of its render time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from functools import cached_property

from advisor import charts, points
from advisor.engine import Assessment, Flip, Flow, FlowResult, Landscape, Recommendation, parse_assessment
from advisor.engine.answers import FLOW_ANSWERS, LANDSCAPE_ANSWERS, Span
from advisor.engine.catalog import APPROACHES, FACTOR_IDS, FACTORS, FIELD_LABELS, PATTERN_IDS, PATTERNS, label
from advisor.engine.choices import Interaction
from advisor.engine.landscape import mix_sentence
from advisor.engine.landscape import summary as mix_summary
from advisor.engine.presets import USE_CASES
from advisor.engine.reasons import doubted
from advisor.engine.rules import BULK_MESSAGES_PER_DAY
from advisor.engine.wording import amount, in_sentence, listed, message_size, number, percent

# What a flip says, on the pages, in the PDF, the decision record and the command line.
FLIP_SENTENCE = "{field}: {before} → {after} would make it {pattern}."


def flip_words(flip: Flip) -> dict[str, str]:
    """The parts of FLIP_SENTENCE for one flip: the answer's label, its two values and the pattern."""
    return {
        "field": field_label(flip.field),
        "before": _value_words(flip.before),
        "after": _value_words(flip.after),
        "pattern": PATTERNS[flip.pattern].short_name.lower(),
    }


def _value_words(value: object) -> str:
    """An answer's value in a flip: a choice's label, a number, or a range [low, high] as "3–10"."""
    if isinstance(value, (list, tuple)) and len(value) == 2:
        return "–".join(number(end) for end in value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return number(value)
    return label(str(value))


def flip_sentence(flip: Flip) -> str:
    return FLIP_SENTENCE.format(**flip_words(flip))


def field_label(field: str) -> str:
    return FIELD_LABELS.get(field, field.replace("_", " "))


# A size is shown with its unit ("50 MB", not "51,200" under "Message size (KB)"), as the forms take it.
SIZE_LABEL = "Message size"


def answer_label(field: str) -> str:
    """An answer's label beside its words (answer_words): the size's without the unit the words now carry."""
    return SIZE_LABEL if field == "message_size_kb" else field_label(field)


def field_in_sentence(field: str) -> str:
    """An answer's label inside a sentence: "message size (KB)", the unit's capitals kept."""
    return in_sentence(field_label(field))


# A file or batch (a nightly export) is none of the interactions of the answers table (advisor/engine/answers.py),
# but the quick path's rows and the editor offer it and store it as a command due within hours, a few times a day
# at most (the engine's bulk transfer, rule R4.2). The editor, the results page and the reports read stored answers
# back through a_file alone, so a flow entered as a file is shown as one everywhere (user 7 of issue 23 read
# "command" on the results and in the PDF).
FILE = "file"
FILE_LATENCY = "hours"
FILE_WORDS = "file or batch"


def a_file(interaction: object, latency: object, volume_per_day: object) -> bool:
    """Whether stored answers are a file or batch: a command within hours, a few times a day at most."""
    return (
        interaction == Interaction.COMMAND
        and latency == FILE_LATENCY
        and isinstance(volume_per_day, int)
        and not isinstance(volume_per_day, bool)
        and 0 < volume_per_day <= BULK_MESSAGES_PER_DAY
    )


def interaction_shown(flow: Flow) -> str:
    """A flow's interaction as the pages show it: FILE for a file or batch, else the stored answer."""
    return FILE if a_file(flow.interaction, flow.latency, flow.volume_per_day) else str(flow.interaction)


def interaction_words(flow: Flow) -> str:
    """The interaction in words: "file or batch", or the catalog's words for the answer."""
    shown = interaction_shown(flow)
    return FILE_WORDS if shown == FILE else label(shown)


def answer_words(flow: Flow, field: str) -> str:
    """One answer of a flow in a few words: a choice's words, an amount (a peak with its ×), names listed."""
    if field == "interaction":
        return interaction_words(flow)
    value = getattr(flow, field)
    if isinstance(value, Span) and value.unknown:
        return "not sure"
    if field == "message_size_kb" and isinstance(value, int | float | Span):
        return (
            f"{message_size(value.low)}–{message_size(value.high)}" if isinstance(value, Span) else message_size(value)
        )
    if isinstance(value, int | float | Span) and not isinstance(value, bool):
        return amount(value) + ("×" if field == "peak_factor" else "")
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    return "not sure" if value == "unknown" else label(str(value))


def example_places(names: Sequence[str], example_names: Sequence[str]) -> list[int | None]:
    """For each flow (by name), the place of the example's flow it came from: the one of its name, or else the one
    at its place when that one's name is on none of the flows (renamed); None for a flow the person added."""
    folded = [name.strip().casefold() for name in names]
    by_name = {name.strip().casefold(): place for place, name in enumerate(example_names)}
    places: list[int | None] = []
    for place, name in enumerate(folded):
        found = by_name.get(name)
        if found is None and place < len(example_names) and example_names[place].strip().casefold() not in folded:
            found = place
        places.append(found)
    return places


# The answers an example gives that count as kept when the person leaves them: what the flow is and needs, not
# which systems it joins (those the person reads as names, not as the example's numbers).
EXAMPLE_FLOW_ANSWERS = tuple(a for a in FLOW_ANSWERS if a not in ("name", "source", "consumers"))


def kept_from_example(assessment: Assessment, example: Assessment) -> tuple[frozenset[str], list[frozenset[str]]]:
    """The answers given as the example gave them: the landscape's, and each flow's. An answer left out (assumed) is
    the engine's, not the example's, and one changed is the person's own."""
    landscape = frozenset(
        a
        for a in LANDSCAPE_ANSWERS
        if a not in assessment.assumed_landscape
        and hasattr(example.landscape, a)
        and getattr(assessment.landscape, a) == getattr(example.landscape, a)
    )
    places = example_places([f.name for f in assessment.flows], [f.name for f in example.flows])
    flows = []
    for index, (flow, place) in enumerate(zip(assessment.flows, places, strict=True)):
        if place is None:
            flows.append(frozenset[str]())
            continue
        given = example.flows[place]
        assumed = assessment.assumed_flows[index] if index < len(assessment.assumed_flows) else frozenset()
        flows.append(
            frozenset(
                a
                for a in EXAMPLE_FLOW_ANSWERS
                if a not in assumed and hasattr(given, a) and getattr(flow, a) == getattr(given, a)
            )
        )
    return landscape, flows


# A bulk transfer is an outcome of its own, not one of the three patterns: it is named so wherever a pattern would be.
BULK_SLUG = "bulk-transfer"
BULK_SHORT = "Bulk transfer"


@dataclass(frozen=True)
class FlowView:
    inputs: Flow
    result: FlowResult
    index: int
    # The answers kept as the example the assessment started from gave them.
    from_example: frozenset[str] = frozenset()
    assumed: frozenset[str] = frozenset()

    @property
    def interaction_words(self) -> str:
        return interaction_words(self.inputs)

    @property
    def answers(self) -> list[tuple[str, str, str]]:
        """(label, words, whence) of each answer but the flow's name and systems; whence says "from the example"
        or "assumed" where it is not the person's own."""
        return [
            (
                answer_label(a),
                answer_words(self.inputs, a),
                "from the example" if a in self.from_example else "assumed" if a in self.assumed else "",
            )
            for a in EXAMPLE_FLOW_ANSWERS
            if hasattr(self.inputs, a)
        ]

    @property
    def visible_reason(self) -> str:
        """The one reason a first reader sees beside the verdict."""
        top = points.said_once(self.result, points.top_reasons(self.result))
        return top[0] if top else ""

    @property
    def other_reasons(self) -> list[str]:
        """Every reason but the one in view, for the fold under it."""
        shown = points.said_once(self.result, points.reasons(self.result))
        return [reason for reason in shown if reason != self.visible_reason]

    @property
    def bulk(self) -> bool:
        return self.result.bulk

    @property
    def outcome_slug(self) -> str:
        return BULK_SLUG if self.bulk else PATTERNS[self.result.pattern].slug

    @property
    def outcome_short(self) -> str:
        return BULK_SHORT if self.bulk else PATTERNS[self.result.pattern].short_name

    @property
    def outcome_name(self) -> str:
        return APPROACHES["bulk_transfer"].name if self.bulk else PATTERNS[self.result.pattern].name

    @cached_property
    def shown_scores(self) -> dict[str, int]:
        return points.scores(self.result)

    @cached_property
    def shown_contributions(self) -> dict[str, dict[str, int]]:
        return points.contributions(self.result)

    @cached_property
    def ranked_scores(self) -> list[tuple[str, int]]:
        """(pattern, whole score), best first."""
        scores = self.result.scores
        ranked = sorted(PATTERN_IDS, key=lambda p: -scores[p])
        return [(p, self.shown_scores[p]) for p in ranked]

    @cached_property
    def factor_rows(self) -> list[tuple[str, str, list[int]]]:
        """(factor, pressure as text, whole contributions in the order of ranked_scores)."""
        factors = self.result.factors
        ranked = [p for p, _ in self.ranked_scores]
        return [(f, f"{factors[f].pressure:.2f}", [self.shown_contributions[f][p] for p in ranked]) for f in FACTOR_IDS]

    @cached_property
    def reasons(self) -> list[str]:
        return points.reasons(self.result)

    @property
    def stacked_scores(self) -> list[tuple[str, float, list[tuple[str, float]]]]:
        """(pattern, score, [(factor, contribution)]) in pattern order, for bars drawn in HTML."""
        factors = self.result.factors
        return [(p, self.result.scores[p], [(f, factors[f].contributions[p]) for f in FACTOR_IDS]) for p in PATTERN_IDS]

    @property
    def robustness(self) -> list[tuple[str, str]]:
        """(pattern, share as text) of each pattern that wins some of the plausible answers, largest first."""
        shares = self.result.robustness
        if not self.result.unknowns:
            return []
        return [(p, percent(shares[p])) for p in sorted(shares, key=lambda p: -shares[p]) if shares[p] > 0]

    @property
    def margin(self) -> str:
        """The margin in words, from the whole scores shown beside it."""
        return points.in_words(points.margin(self.result))

    @property
    def margin_points(self) -> str:
        """The margin as the number of points in a column headed "(points)": "less than 1" where both scores show
        the same whole number."""
        margin = points.margin(self.result)
        return str(margin) if margin else "less than 1"

    @property
    def unknowns(self) -> str:
        """The answers the user was not sure about, in words."""
        return listed([field_in_sentence(f) for f in self.result.unknowns])

    @property
    def doubts_said(self) -> str:
        """The answers not sure of, in the words the flow's reasons open on: "You gave peak factor (a range, 3–10×)"
        (user 10 of issue 23 typed peaks 3–10 and read on the card that they were not sure)."""
        unknowns = self.result.unknowns
        # A landscape answer (teams) is never a range: only the flow's own numbers are read.
        return doubted({f: getattr(self.inputs, f, None) for f in unknowns}, unknowns)

    @property
    def score_bars(self) -> list[tuple[str, int, list[tuple[str, str, int]]]]:
        """(pattern, whole score, [(factor, width in % as text, whole contribution)]) in pattern order."""
        factors = self.result.factors
        return [
            (
                p,
                self.shown_scores[p],
                [(f, f"{factors[f].contributions[p]:.2f}", self.shown_contributions[f][p]) for f in FACTOR_IDS],
            )
            for p in PATTERN_IDS
        ]

    @property
    def scores_in_words(self) -> str:
        """'Point-to-point 70.5, message queue 20.1 and event-driven 9.4 points', best first."""
        return listed([f"{PATTERNS[p].short_name} {s}" for p, s in self.ranked_scores]) + " points"


# The mix's keys in the order the page names them, each in a word or two.
MIX_WORDS = (
    ("point_to_point", "P2P"),
    ("message_queue", "queue"),
    ("event_driven", "event"),
    ("bulk", "bulk"),
    ("undecided", "undecided"),
)


@dataclass(frozen=True)
class ResultsView:
    """A recommendation and the assessment it answers, shaped for templates."""

    assessment: Assessment
    recommendation: Recommendation
    # The use case it started from, if any, and its title: its answers still kept are said to be the example's.
    example: Assessment | None = None
    example_title: str = ""

    @cached_property
    def kept(self) -> tuple[frozenset[str], list[frozenset[str]]]:
        if self.example is None:
            return frozenset(), [frozenset()] * len(self.assessment.flows)
        return kept_from_example(self.assessment, self.example)

    @property
    def from_example_count(self) -> int:
        landscape, flows = self.kept
        return len(landscape) + sum(len(kept) for kept in flows)

    @cached_property
    def flows(self) -> list[FlowView]:
        pairs = zip(self.assessment.flows, self.recommendation.flows, self.kept[1], strict=True)
        assumed = self.assessment.assumed_flows
        return [
            FlowView(flow, result, n, kept, assumed[n] if n < len(assumed) else frozenset())
            for n, (flow, result, kept) in enumerate(pairs)
        ]

    @property
    def mix(self) -> list[tuple[str, int]]:
        mix = self.recommendation.mix
        return [(p, mix[p]) for p in PATTERN_IDS if mix[p]]

    @property
    def outside_the_patterns(self) -> list[tuple[str, str, int]]:
        """(slug, words, count) of the flows the mix counts outside the three patterns: bulk and undecided."""
        mix = self.recommendation.mix
        counted = [
            (BULK_SLUG, "bulk transfer", mix.get("bulk", 0)),
            ("undecided", "undecided", mix.get("undecided", 0)),
        ]
        return [(slug, words, count) for slug, words, count in counted if count]

    @property
    def weights_said(self) -> str:
        """The factors' weights in a line: "All factors weigh 1." whether left out or given as 1 each (user 9 of
        issue 23 read "Complexity: 1.0; …" from an example beside "All factors weigh 1." from the quick path)."""
        weights = self.assessment.weights
        if all(value == 1 for _, value in weights):
            return "All factors weigh 1."
        return "; ".join(f"{FACTORS[key].name}: {number(value)}" for key, value in weights) + "."

    @property
    def headline(self) -> str:
        return mix_sentence(self.recommendation.mix)

    @property
    def summary(self) -> str:
        """The engine's summary sentence when it says more than the headline above it (that flows lean with
        low confidence); none when it is what the mix alone says, which is the headline again (user 5 of
        issue 23: "A combination across 4 flows: 1 is …" under "1 flow is …")."""
        summary = self.recommendation.summary
        return "" if summary == mix_summary(self.recommendation.mix) else summary

    @property
    def availability_notes(self) -> list[str]:
        """Each system whose availability differs between the flows that name it, said without changing an
        answer (user 6 of issue 23: the loyalty program always available in one flow, often offline in the
        next). A receiver counts in every flow, a sender where it waits for nothing (not a query's caller)."""
        said: dict[str, tuple[str, dict[str, list[str]]]] = {}
        for flow in self.assessment.flows:
            roles = [(name, flow.consumer_availability) for name in flow.consumers]
            if flow.interaction != "query":
                roles.append((flow.source, flow.source_availability))
            for name, availability in roles:
                if availability == "unknown" or not name.strip():
                    continue
                _, seen = said.setdefault(name.strip().casefold(), (name.strip(), {}))
                flows = seen.setdefault(str(availability), [])
                if flow.name not in flows:
                    flows.append(flow.name)
        notes = []
        for name, seen in said.values():
            if len(seen) > 1:
                parts = [f"{label(a).lower()} in {listed([f'“{f}”' for f in flows])}" for a, flows in seen.items()]
                notes.append(f"{name} is {', '.join(parts[:-1])} but {parts[-1]}.")
        return notes

    @property
    def mix_counts(self) -> str:
        """The whole mix in a phone's line, for the editor's folded preview bar: "1 P2P · 1 queue · 1 bulk"."""
        mix = self.recommendation.mix
        return " · ".join(f"{mix[key]}\u00a0{word}" for key, word in MIX_WORDS if mix.get(key))

    @property
    def systems(self) -> int:
        return self.assessment.landscape.systems

    @property
    def landscape_answers(self) -> list[tuple[str, object]]:
        """(field, answer) of every landscape answer, in the questionnaire's order."""
        landscape = self.assessment.landscape
        return [(f.name, getattr(landscape, f.name)) for f in fields(Landscape)]

    @property
    def landscape_kept(self) -> frozenset[str]:
        return self.kept[0]

    def figures(self) -> dict[str, charts.Figure]:
        results = self.recommendation.flows
        return {
            "landscape": charts.landscape_diagram(self.assessment.flows, results),
            "profile": charts.factor_profile(results),
            "growth": charts.connection_growth(self.systems),
        }

    @property
    def growth_rows(self) -> list[tuple[int, int, int]]:
        sizes = sorted({2, 4, 6, 10, 20, self.systems})
        return [(n, n * (n - 1) // 2, n) for n in sizes]


def results_view(answers: Assessment, recommendation: Recommendation, example: str = "") -> ResultsView:
    """The view of a stored assessment, knowing the use case (its slug) it was started from, if any."""
    case = USE_CASES.get(example)
    if case is None:
        return ResultsView(answers, recommendation)
    return ResultsView(answers, recommendation, parse_assessment(case.assessment), case.title)
