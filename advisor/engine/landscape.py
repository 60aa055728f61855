"""Advice for the whole landscape: the mix, the hub, one backbone, and who runs it.

Landscape answers are the same for every flow, so what they imply is said
once here rather than in every flow's reasons. Counts always agree with their
nouns, and a sentence about zero of something is not said at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .answers import LANDSCAPE_ANSWERS, UNKNOWN
from .catalog import EVENT_DRIVEN, MESSAGE_QUEUE, PATTERN_IDS, PATTERNS, POINT_TO_POINT, QUERY, label
from .choices import Broker, Experience, Operations, Platform
from .model import Landscape, LandscapeFlip
from .wording import capitalised, listed, plural

# How the advice and the mix count a flow that moves as a periodic bulk transfer (no pattern fits it), beside a
# waited-for query and anything else; and in the mix, a flow that no pattern wins clearly.
BULK = "bulk"
UNDECIDED = "undecided"

HUB_SYSTEMS = 6
HUB_DIRECT_FLOWS = 4
CLOUDS = ("aws", "azure", "gcp")
# What a count of flows does with each pattern, the verb agreeing with the count (one, many).
MIX_VERBS = {
    POINT_TO_POINT: ("is point-to-point", "are point-to-point"),
    MESSAGE_QUEUE: ("goes through a message queue", "go through a message queue"),
    EVENT_DRIVEN: ("is event-driven", "are event-driven"),
    UNDECIDED: ("is undecided until an answer is settled", "are undecided until answers are settled"),
}


def mix_sentence(mix: Mapping[str, int], noun: bool = True) -> str:
    """'1 flow is point-to-point, 2 go through a message queue and 1 is event-driven'.

    With `noun`, the first count says what it counts; the others share it.
    """
    parts: list[str] = []
    for outcome in (*PATTERN_IDS, UNDECIDED):
        count = mix.get(outcome, 0)
        if count:
            one, many = MIX_VERBS[outcome]
            counted = plural(count, "flow") if noun and not parts else f"{count:,}"
            parts.append(f"{counted} {one if count == 1 else many}")
    if bulk := mix.get(BULK, 0):
        parts.append(f"{plural(bulk, 'bulk transfer')} {'fits' if bulk == 1 else 'fit'} none of the three patterns")
    return listed(parts)


def summary(mix: Mapping[str, int], doubtful: int = 0) -> str:
    """`doubtful`: how many flows hold their pattern with low confidence; a single pattern is then said to be a
    lean, not a fit."""
    total = sum(mix.values())
    used = [(p, n) for p, n in mix.items() if n]
    if len(used) == 1 and used[0][0] in PATTERN_IDS:
        pattern, count = used[0]
        name = PATTERNS[pattern].name[0].lower() + PATTERNS[pattern].name[1:]
        named = f"a {name}" if pattern == MESSAGE_QUEUE else name
        if count == 1:
            return f"The flow leans to {named}, with low confidence." if doubtful else f"The flow fits {named}."
        every = "Both flows fit" if count == 2 else f"All {count} flows fit"
        low = f", {doubtful} of them with low confidence" if doubtful else ""
        return f"{every} {named}{low}."
    if len(used) == 1:
        return f"{capitalised(mix_sentence(mix))}."
    mixed = mix_sentence(mix, noun=False)
    if mix.get(BULK) or mix.get(UNDECIDED):
        return f"A combination across {total} flows: {mixed}."
    return f"A combination across {total} flows: {mixed} — each flow gets the pattern that fits it."


def advice(
    landscape: Landscape,
    kinds: Sequence[str],
    outcomes: Sequence[str],
    flips: Sequence[LandscapeFlip],
    assumed: frozenset[str] = frozenset(),
    settled: bool = False,
) -> tuple[str, ...]:
    """`outcomes`: each flow as the mix counts it (a pattern, BULK or UNDECIDED). `settled`: every flow's pattern
    holds over all the plausible answers to what was not sure."""
    said: list[str] = []
    n = landscape.systems
    links = n * (n - 1) // 2
    # A bulk transfer moves as a file or an extract, and an undecided flow has no pattern yet: neither is a direct
    # call for the hub, nor a brokered flow for the backbone.
    calls = [k for k, o in zip(kinds, outcomes, strict=True) if o == POINT_TO_POINT]
    brokered = sum(1 for o in outcomes if o in (MESSAGE_QUEUE, EVENT_DRIVEN))
    share = _share_point_to_point(outcomes)
    systems = plural(n, "system")
    if "systems" in assumed:
        # More systems than the default means parsing counted them from the flows' names.
        counted = "counted from the systems the flows name" if n > Landscape().systems else "assumed"
        systems += f" ({counted}: the number of systems was left out)"
    said.append(f"{systems} could need up to {plural(links, 'direct connection')} (n(n−1)/2); {share}.")
    if needs_hub(n, len(calls)):
        queries = sum(1 for k in calls if k == QUERY)
        # The gateway fronts every direct call; a broker is only for flows that are not direct.
        gateway = (
            f"an API gateway in front of the {plural(queries, 'query API')}"
            if queries == len(calls)
            else "an API gateway in front of the direct calls"
        )
        rest = " and a broker or event backbone for the rest" if brokered else ""
        said.append(
            f"With {plural(n, 'system')} and {plural(len(calls), 'point-to-point flow')}, introduce a hub: "
            f"{gateway}{rest}, so each system connects once instead of to every other."
        )
    if brokered >= 2:
        said.append(
            f"Run the {plural(brokered, 'brokered flow')} on one backbone (one broker or one event platform), with "
            "one set of conventions for naming, schemas, retries and monitoring."
        )
    said += _who_runs_it(landscape, brokered, assumed)
    unknown = [a.in_sentence for a in LANDSCAPE_ANSWERS.values() if getattr(landscape, a.id) == UNKNOWN]
    if unknown:
        its, it = ("its", "it") if len(unknown) == 1 else ("their", "them")
        # Answers that change no flow's pattern still matter to how it is run, but they are not a first decision.
        then = (
            f"whatever {'it is' if len(unknown) == 1 else 'they are'}, no flow's pattern changes"
            if settled
            else f"settling {it} is a decision to take first"
        )
        said.append(
            f"You were not sure about {listed(unknown)}: each flow is scored over {its} plausible answers, and {then}."
        )
    said += [_flip_sentence(flip, len(outcomes), flip.field in assumed) for flip in flips]
    return tuple(said)


def _share_point_to_point(outcomes: Sequence[str]) -> str:
    if len(outcomes) == 1:
        words = {POINT_TO_POINT: "point-to-point", UNDECIDED: "undecided", BULK: "a bulk transfer"}
        return f"the flow is {words.get(outcomes[0], 'not point-to-point')}"
    direct = outcomes.count(POINT_TO_POINT)
    flows = plural(len(outcomes), "flow")
    if not direct:
        share = "none of the flows is point-to-point"
    elif direct == len(outcomes):
        # The summary says "Both flows fit …": the landscape advice says it the same way (review 10, R10-06).
        share = "both flows are point-to-point" if len(outcomes) == 2 else f"all {flows} are point-to-point"
    else:
        share = f"{direct} of the {flows} {'is' if direct == 1 else 'are'} point-to-point"
    undecided = outcomes.count(UNDECIDED)
    return f"{share} and {undecided} {'is' if undecided == 1 else 'are'} undecided" if undecided else share


def needs_hub(systems: int, direct: int) -> bool:
    """Many systems and many direct links (docs/decision-rules.md R5): one direct flow, however large the
    landscape, is one connection, and a hub would not make each system connect once instead of to every other."""
    return systems >= HUB_SYSTEMS and direct >= HUB_DIRECT_FLOWS


def _who_runs_it(landscape: Landscape, brokered: int, assumed: frozenset[str]) -> list[str]:
    if not brokered:
        return []
    platform, operations = landscape.platform, landscape.operations
    # An answer left out is said as assumed, not as the team's (review 11, R11-17).
    nobody = "nobody to run brokers" + (" (assumed, as who runs them was left out)" if "operations" in assumed else "")
    experience = landscape.async_experience
    # A broker the team already runs comes first among each flow's technologies: no advice to leave it here.
    alone = (
        operations == Operations.MANAGED and experience == Experience.NONE and landscape.existing_broker == Broker.NONE
    )
    if alone and platform in CLOUDS:
        return [
            f"No asynchronous experience yet and {nobody}: use {label(platform)}'s managed messaging "
            "services, not a self-run cluster, and move one flow first."
        ]
    if alone and platform == Platform.ANY:
        # With no platform chosen, only brokers that run anywhere can be listed, and they are self-run.
        return [
            f"No asynchronous experience yet, {nobody} and no platform chosen: the brokers named for "
            "each flow run anywhere but must be run by someone. Choosing a cloud lets its vendor run them "
            "(Amazon SQS, Azure Service Bus, Google Pub/Sub); either way, move one flow first."
        ]
    if operations == Operations.MANAGED and platform in (Platform.ON_PREMISES, Platform.KUBERNETES):
        where = "On premises" if platform == Platform.ON_PREMISES else f"On {label(platform)}"
        return [
            f"{where} no vendor runs a broker for you: budget the team's time to operate one (upgrades, "
            "monitoring, capacity), or run the brokered flows on a cloud's managed service."
        ]
    return []


def what_if(flip: LandscapeFlip) -> str:
    """The changed landscape answer in words: "growth were “some”", "systems were 6"."""
    answer = LANDSCAPE_ANSWERS[flip.field]
    value = flip.after if answer.kind == "integer" else f"“{label(str(flip.after))}”"
    return f"{answer.in_sentence} were {value}"


def _flip_sentence(flip: LandscapeFlip, flows: int, left_out: bool = False) -> str:
    answer = LANDSCAPE_ANSWERS[flip.field]
    changed = len(flip.flows)
    patterns = sorted({c.pattern for c in flip.flows}, key=PATTERN_IDS.index)
    becoming = listed([PATTERNS[p].short_name.lower() for p in patterns], "or")
    which = "the flow" if flows == 1 else f"{changed} of {plural(flows, 'flow')}"
    return (
        f"If {what_if(flip)} (now {_now(answer.kind, flip.before)}{', assumed' if left_out else ''}), {which} would "
        "change to "
        f"{becoming}: {listed([c.name for c in flip.flows[:3]])}{' and more' if changed > 3 else ''}."
    )


def _now(kind: str, before: object) -> str:
    if before == UNKNOWN:
        return "not sure"
    return str(before) if kind == "integer" else f"“{label(str(before))}”"
