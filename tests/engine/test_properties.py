"""Properties that hold for any valid input (docs/decision-rules.md R8: honest reasons)."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.engine import parse_assessment, recommend, recommendation_to_dict
from advisor.engine.answers import ANSWERS, FLOW_ANSWERS, FLOW_CHOICES, LANDSCAPE_CHOICES, UNKNOWN
from advisor.engine.catalog import FACTOR_IDS, PATTERN_IDS
from advisor.engine.flips import LADDERS
from advisor.engine.model import FlowResult, Span
from advisor.engine.wording import AVAILABILITY, DELIVERY, LATENCY, LATENCY_SHORT, SENDER_AVAILABILITY


def choice(options: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.sampled_from((*options, UNKNOWN))


landscapes = st.fixed_dictionaries(
    {},
    optional={"systems": st.integers(2, 500), **{f: choice(c) for f, c in LANDSCAPE_CHOICES.items()}},
)


def not_sure(numbers: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """A number answer as given, "unknown", or a range [low, high] (docs/how-scores-are-made.md, "Not sure")."""
    return st.one_of(numbers, st.just(UNKNOWN), st.lists(numbers, min_size=2, max_size=2).map(sorted))


# Names the API takes: no control characters, and no bidirectional controls, which it refuses (they can disguise a
# name's text).
BIDI_CONTROLS = "".join(map(chr, (*range(0x202A, 0x202F), *range(0x2066, 0x206A))))
names = st.text(
    st.characters(exclude_categories=("Cc", "Cs"), exclude_characters=BIDI_CONTROLS), min_size=1, max_size=20
).filter(str.strip)
flows = st.fixed_dictionaries(
    {"name": names, "interaction": choice(FLOW_CHOICES["interaction"])},
    optional={
        "source": st.sampled_from(["Shop", "Tills", "Phone", ""]),
        "consumers": st.lists(
            st.sampled_from(["CRM", "Shop", "Email", "Analytics", "Billing", "crm"]),
            min_size=1,
            max_size=5,
            unique_by=str.casefold,
        ),
        "volume_per_day": not_sure(st.one_of(st.integers(0, 10**11), st.sampled_from([1, 24, 25, 10_000]))),
        "peak_factor": not_sure(st.one_of(st.floats(1, 10_000), st.sampled_from([1, 4.5, 5, 8]))),
        "message_size_kb": not_sure(st.floats(0.1, 1_048_576)),
        **{f: choice(c) for f, c in FLOW_CHOICES.items() if f != "interaction"},
    },
)
weights = st.dictionaries(st.sampled_from(FACTOR_IDS), st.floats(0.5, 3), max_size=7)
assessments = st.fixed_dictionaries(
    {"landscape": landscapes, "flows": st.lists(flows, min_size=1, max_size=4), "weights": weights}
)


@settings(max_examples=150, deadline=None)
@given(assessments)
def test_any_valid_input_gives_consistent_scores(raw: dict[str, Any]) -> None:
    recommendation = recommend(parse_assessment(raw))
    for flow_in, flow in zip(raw["flows"], recommendation.flows, strict=True):
        assert all(0 <= score <= 100 for score in flow.scores.values())
        for pattern_id in PATTERN_IDS:
            total = sum(flow.factors[f].contributions[pattern_id] for f in FACTOR_IDS)
            assert abs(total - flow.scores[pattern_id]) < 1e-9
        others = max(score for pattern_id, score in flow.scores.items() if pattern_id != flow.pattern)
        assert flow.margin == round(flow.scores[flow.pattern] - others, 2)
        if flow.robustness[flow.pattern] == 1:
            # Nothing unknown moves it: the headline is the top score. Otherwise it is the pattern that wins most
            # of the plausible answers, which need not have the top average.
            assert flow.scores[flow.pattern] == max(flow.scores.values())
            assert flow.margin >= 0
        assert flow.robustness[flow.pattern] == max(flow.robustness.values())
        assert flow.decided == (flow.robustness[flow.pattern] >= 2 / 3 - 1e-4)
        assert all(0 <= flow.factors[f].pressure <= 1 for f in FACTOR_IDS)
        assert all(flip.pattern != flow.pattern for flip in flow.flips)
        assert abs(sum(flow.robustness.values()) - 1) < 1e-3
        if not flow.unknowns:
            assert flow.robustness[flow.pattern] == 1
        given_unknown = [f for f, v in {**raw["landscape"], **flow_in}.items() if v == UNKNOWN or _a_range(f, v)]
        assert sorted(flow.unknowns) == sorted(given_unknown)
    assert sum(recommendation.mix.values()) == len(raw["flows"])


@settings(max_examples=40, deadline=None)
@given(assessments)
def test_the_same_input_gives_the_same_bytes(raw: dict[str, Any]) -> None:
    first = json.dumps(recommendation_to_dict(recommend(parse_assessment(raw))))
    second = json.dumps(recommendation_to_dict(recommend(parse_assessment(json.loads(json.dumps(raw))))))
    assert first == second


def _a_range(field: str, value: object) -> bool:
    """A number given as a range whose ends differ: one with equal ends is that number."""
    return ANSWERS[field].accepts_range and isinstance(value, list) and value[0] != value[1]


def _changed(raw: dict[str, Any], index: int, field: str, value: object) -> dict[str, Any]:
    """The assessment with one answer changed and every other as it stood: a number of systems counted from the
    flows' names stays the number counted, as the flip was found with it (renamed consumers would recount it)."""
    changed = json.loads(json.dumps(raw))
    changed["landscape"].setdefault("systems", parse_assessment(raw).landscape.systems)
    if field in LANDSCAPE_CHOICES or field == "systems":
        changed["landscape"][field] = value
    elif field == "consumers":
        assert isinstance(value, int)
        changed["flows"][index]["consumers"] = [f"c{i}" for i in range(value)]
    else:
        changed["flows"][index][field] = value
    return changed


@settings(max_examples=60, deadline=None)
@given(assessments)
def test_every_flip_really_changes_the_winner(raw: dict[str, Any]) -> None:
    recommendation = recommend(parse_assessment(raw))
    for index, flow in enumerate(recommendation.flows):
        for flip in flow.flips:
            assert flip.field in FLOW_ANSWERS, "landscape answers flip for the landscape, not per flow"
            changed = recommend(parse_assessment(_changed(raw, index, flip.field, flip.after)))
            assert changed.flows[index].pattern == flip.pattern
    for landscape_flip in recommendation.landscape_flips:
        changed = recommend(parse_assessment(_changed(raw, 0, landscape_flip.field, landscape_flip.after)))
        moved = sorted(
            (after.name, after.pattern)
            for before, after in zip(recommendation.flows, changed.flows, strict=True)
            if after.pattern != before.pattern
        )
        assert moved == sorted((c.name, c.pattern) for c in landscape_flip.flows)


def _neighbours(field: str, current: object) -> list[object]:
    """One step away: the next choice each way (any other value when unordered or unknown), the next rung."""
    answer = ANSWERS[field]
    if field == "consumers":
        assert isinstance(current, int)
        ladder: tuple[float, ...] = LADDERS["consumers"]
    elif answer.kind != "choice":
        ladder = LADDERS[field]
    else:
        choices = answer.choices
        if current == UNKNOWN or not answer.ordered:
            return [c for c in choices if c != current]
        here = choices.index(str(current))
        return [choices[i] for i in (here - 1, here + 1) if 0 <= i < len(choices)]
    assert isinstance(current, int | float)
    below = [v for v in ladder if v < current]
    above = [v for v in ladder if v > current]
    return [int(v) if field != "peak_factor" else v for v in (below[-1:] + above[:1])]


def _alone(raw: dict[str, Any], index: int) -> FlowResult:
    """The flow at `index`, recommended on its own: a flow's result rests on the landscape and its own answers,
    not on the other flows, except the systems that parsing counts from every flow's names, which are carried
    over. One flow instead of up to four per change keeps the brute force below affordable."""
    systems = parse_assessment(raw).landscape.systems
    alone = {
        "landscape": {**raw["landscape"], "systems": systems},
        "flows": [raw["flows"][index]],
        "weights": raw["weights"],
    }
    return recommend(parse_assessment(alone)).flows[0]


@settings(max_examples=50, deadline=None)
@given(assessments)
def test_a_flow_recommended_alone_is_the_flow_within_its_assessment(raw: dict[str, Any]) -> None:
    """What _alone rests on: the brute force below would miss flips if a flow's winner hung on its siblings. (Its
    wording may differ: a system count carried over is no longer said as counted from the flows' names.)"""
    for index, flow in enumerate(recommend(parse_assessment(raw)).flows):
        alone = _alone(raw, index)
        assert (alone.pattern, alone.approach, alone.scores) == (flow.pattern, flow.approach, flow.scores)


@settings(max_examples=60, deadline=None)
@given(assessments)
def test_no_one_step_flip_is_missed(raw: dict[str, Any]) -> None:
    """Brute force over every flow answer, given or left at its default: a one-step change that changes
    the winner is reported (unless five nearer flips are, or the flow stays a bulk transfer)."""
    recommendation = recommend(parse_assessment(raw))
    for index, flow in enumerate(recommendation.flows):
        if len(flow.flips) == 5:
            continue
        reported = {flip.field for flip in flow.flips}
        parsed = parse_assessment(raw).flows[index]
        for field in FLOW_ANSWERS:
            if field in ("name", "source", "message_size_kb", "ordering"):
                continue
            current = getattr(parsed, field)
            if isinstance(current, Span):
                # Not on a ladder: the values of its range are its flips (flips.unknown_flips).
                continue
            current = len(current) if field == "consumers" else current
            for value in _neighbours(field, current):
                changed = _alone(_changed(raw, index, field, value), index)
                # A periodic file that stays one is carried by no pattern, whichever the scores favour: no flip.
                still_bulk = flow.approach == changed.approach == "bulk_transfer"
                if changed.pattern != flow.pattern and not still_bulk:
                    assert field in reported, (field, current, value)


WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "consumer_availability": {v: (f"consumer {w}", f"provider {w}") for v, w in AVAILABILITY.items()},
    "delivery": {v: (w,) for v, w in DELIVERY.items()},
    "latency": {v: (LATENCY[v], LATENCY_SHORT[v]) for v in LATENCY},
    "source_availability": {v: (w,) for v, w in SENDER_AVAILABILITY.items()},
}
NOUNS = ("flow", "system", "consumer", "message", "connection")


@settings(max_examples=150, deadline=None)
@given(assessments)
def test_no_reason_contradicts_an_answer(raw: dict[str, Any]) -> None:
    """No reason states another value than the one given, and an unknown answer is never stated at all."""
    recommendation = recommend(parse_assessment(raw))
    for flow_in, flow in zip(parse_assessment(raw).flows, recommendation.flows, strict=True):
        # "It would be a queue if latency is “within minutes”" and "Beyond the pattern, if … is …" name answers as
        # hypotheses, not as given.
        text = " ".join(reason.split(" It would be ")[0].split(" Beyond the pattern, ")[0] for reason in flow.reasons)
        for field, words in WORDS.items():
            given_value = getattr(flow_in, field)
            # What the reasons may say of this answer (its own words), and what other answers' words contain.
            allowed = [
                p
                for f, w in WORDS.items()
                for v, phrases in w.items()
                if f != field or v == given_value
                for p in phrases
            ]
            rest = text
            for phrase in sorted(allowed, key=len, reverse=True):
                rest = rest.replace(phrase, "")
            for value, phrases in words.items():
                if value != given_value:
                    assert not any(p in rest for p in phrases), (field, given_value, value, text)
        for peak in re.findall(r"Peaks reach ([\d,.]+)×", text):
            assert float(peak.replace(",", "")) == flow_in.peak_factor
        for count in re.findall(r"(\d+) systems care about", text):
            assert int(count) == flow_in.fan_out
        for count in re.findall(r"Few systems \((\d+)\)", text):
            assert int(count) == parse_assessment(raw).landscape.systems


@settings(max_examples=100, deadline=None)
@given(assessments)
def test_counts_agree_with_their_nouns(raw: dict[str, Any]) -> None:
    recommendation = recommend(parse_assessment(raw))
    sentences = [recommendation.summary, *recommendation.landscape_advice]
    sentences += [r for flow in recommendation.flows for r in flow.reasons]
    for sentence in sentences:
        for noun in NOUNS:
            assert not re.search(rf"(?<![\d,.]){1} {noun}s\b", sentence), sentence
            # A number ends in a digit: "1 or 33,324, consumer availability is" lists answers, not a count.
            for count in re.findall(rf"\b(\d(?:[\d,]*\d)?) {noun}\b(?!s)", sentence):
                assert count == "1", sentence
        assert not re.search(r"\b0 of\b|\(0 of", sentence), sentence
