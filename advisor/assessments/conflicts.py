"""A save that met someone else's: what differs between their saved answers and the editor's, and the
answers the person chose to keep, one difference at a time.

The editor carries the answers it was opened on (the base), so the save is merged three ways: an answer
only one side changed keeps that side's value, and only an answer both changed, differently, is a
difference to choose — theirs or mine by an explicit choice; a save with a choice missing is refused.
Without a base (a page from before it carried one) every difference is asked.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from advisor import engine
from advisor.engine import assessment_to_dict, parse_assessment
from advisor.engine.answers import FLOW_ANSWERS, LANDSCAPE_ANSWERS, Answer
from advisor.engine.catalog import FACTOR_IDS, FACTORS, label
from advisor.engine.wording import in_sentence

from .forms import number_text

Side = Literal["theirs", "mine"]
# The radio buttons of a difference are named after its path: keep-flows[1].latency.
CHOICE_PREFIX = "keep-"
NOT_THERE = "(no such flow)"


@dataclass(frozen=True, slots=True)
class Difference:
    """One answer (or a whole flow that only one side has) that differs, as the page shows it."""

    path: str
    where: str
    theirs: str
    mine: str
    chosen: Side | None

    @property
    def field_name(self) -> str:
        return CHOICE_PREFIX + self.path


class Conflict:
    """Their saved answers against mine, with the choices posted so far (none on the first refusal)."""

    def __init__(
        self,
        theirs: engine.Assessment,
        mine: engine.Assessment,
        posted: Mapping[str, str],
        base: engine.Assessment | None = None,
    ) -> None:
        self._theirs = _canonical(theirs)
        self._mine = _canonical(mine)
        self._base = _canonical(base) if base is not None else None
        self.differences = [d for d in self._compare(posted) if self._both_changed(d.path)]
        # True once a save was refused for a choice still missing (the page then says which).
        self.asked = False

    @property
    def undecided(self) -> list[Difference]:
        return [d for d in self.differences if d.chosen is None]

    def merged(self) -> engine.Assessment:
        """Each answer from the side that changed it, and from the chosen side where both did; the engine
        validates the result as any save."""
        keep_theirs = {d.path for d in self.differences if d.chosen == "theirs"}
        theirs, mine = self._theirs, self._mine
        base = self._base or {}

        def pick(path: str, their_value: Any, my_value: Any, base_value: Any) -> Any:
            if self._base is not None and their_value != base_value and my_value == base_value:
                return their_value
            return their_value if path in keep_theirs else my_value

        def part(key: str) -> dict[str, Any]:
            return {
                k: pick(f"{key}.{k}", theirs[key][k], v, base.get(key, {}).get(k, _ABSENT))
                for k, v in mine[key].items()
            }

        merged: dict[str, Any] = {
            "name": pick("name", theirs["name"], mine["name"], base.get("name", _ABSENT)),
            "landscape": part("landscape"),
            "weights": part("weights"),
            "flows": [],
        }
        base_flows = base.get("flows", [])
        for index in range(max(len(theirs["flows"]), len(mine["flows"]), len(base_flows))):
            path = f"flows[{index}]"
            their_flow, my_flow, base_flow = (_nth(f, index) for f in (theirs["flows"], mine["flows"], base_flows))
            if their_flow is not None and my_flow is not None:
                flow = {
                    k: pick(f"{path}.{k}", their_flow[k], v, (base_flow or {}).get(k, _ABSENT))
                    for k, v in my_flow.items()
                }
            else:
                flow = pick(path, their_flow, my_flow, base_flow if self._base is not None else _ABSENT)
            if flow is not None:
                merged["flows"].append(flow)
        return parse_assessment(merged)

    def _both_changed(self, path: str) -> bool:
        """Whether both sides changed this answer since the base (always, without a base)."""
        if self._base is None:
            return True
        before = _at(self._base, path)
        return bool(_at(self._theirs, path) != before and _at(self._mine, path) != before)

    def _compare(self, posted: Mapping[str, str]) -> list[Difference]:
        theirs, mine = self._theirs, self._mine

        def difference(path: str, where: str, their_text: str, my_text: str) -> Difference:
            chosen = posted.get(CHOICE_PREFIX + path)
            side: Side | None = "theirs" if chosen == "theirs" else "mine" if chosen == "mine" else None
            return Difference(path, where, their_text, my_text, side)

        found = []
        if theirs["name"] != mine["name"]:
            found.append(difference("name", "Name of the assessment", theirs["name"], mine["name"]))
        for answer in LANDSCAPE_ANSWERS.values():
            their_value, my_value = theirs["landscape"][answer.id], mine["landscape"][answer.id]
            if their_value != my_value:
                shown = _shown(their_value, answer), _shown(my_value, answer)
                found.append(difference(f"landscape.{answer.id}", answer.label, *shown))
        for factor_id in FACTOR_IDS:
            their_weight, my_weight = theirs["weights"][factor_id], mine["weights"][factor_id]
            if their_weight != my_weight:
                where = f"Weight of {in_sentence(FACTORS[factor_id].name)}"
                found.append(
                    difference(f"weights.{factor_id}", where, number_text(their_weight), number_text(my_weight))
                )
        their_flows, my_flows = theirs["flows"], mine["flows"]
        for index in range(max(len(their_flows), len(my_flows))):
            if index >= len(my_flows) or index >= len(their_flows):
                their_flow = _flow_text(their_flows[index]) if index < len(their_flows) else NOT_THERE
                my_flow = _flow_text(my_flows[index]) if index < len(my_flows) else NOT_THERE
                found.append(difference(f"flows[{index}]", f"Flow {index + 1}", their_flow, my_flow))
                continue
            for answer in FLOW_ANSWERS.values():
                their_value, my_value = their_flows[index][answer.id], my_flows[index][answer.id]
                if their_value != my_value:
                    path, where = f"flows[{index}].{answer.id}", f"Flow {index + 1}, {in_sentence(answer.label)}"
                    found.append(difference(path, where, _shown(their_value, answer), _shown(my_value, answer)))
        return found


def _canonical(assessment: engine.Assessment) -> dict[str, Any]:
    """Every answer spelled out, weights included (1 where none was given), so two versions compare key by key.

    An answer left out (taken by default) is spelled out with its default, as the editor shows and saves it:
    a version made by the API or an import compares equal to the same answers saved from the editor."""
    values = assessment_to_dict(assessment)
    weights = dict(assessment.weights)
    landscape = {a: values["landscape"].get(a, getattr(assessment.landscape, a)) for a in LANDSCAPE_ANSWERS}
    flows = [
        {a: given.get(a, _listed(getattr(flow, a))) for a in FLOW_ANSWERS}
        for given, flow in zip(values["flows"], assessment.flows, strict=True)
    ]
    return {
        "name": assessment.name,
        "landscape": landscape,
        "flows": flows,
        "weights": {f: weights.get(f, 1) for f in FACTOR_IDS},
    }


def _listed(value: object) -> object:
    """Consumers as the export holds them: a list."""
    return list(value) if isinstance(value, tuple) else value


# An answer a version does not have (a flow beyond its last): unequal to every value, None included.
_ABSENT: Any = object()


def _nth(flows: list[dict[str, Any]], index: int) -> dict[str, Any] | None:
    return flows[index] if index < len(flows) else None


def _at(values: dict[str, Any], path: str) -> Any:
    """The value at a difference's path (`name`, `landscape.teams`, `flows[2]`, `flows[2].latency`)."""
    head, _, key = path.partition(".")
    if head.startswith("flows["):
        flow = _nth(values["flows"], int(head[len("flows[") : -1]))
        if not key:
            return flow
        return _ABSENT if flow is None else flow.get(key, _ABSENT)
    if not key:
        return values.get(head, _ABSENT)
    return values.get(head, {}).get(key, _ABSENT)


def _shown(value: object, answer: Answer) -> str:
    """An answer as the editor shows it: a choice in words, a number as typed, names joined by commas."""
    if answer.kind == "choice":
        return label(str(value))
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, (int, float)):
        return number_text(value)
    return str(value) or "(empty)"


def _flow_text(flow: dict[str, Any]) -> str:
    return f"“{flow['name']}”"
