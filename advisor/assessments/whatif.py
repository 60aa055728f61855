"""The results page's what-if panels: a flow through a day of peaks and outages, and a system down.

Both are GET forms: they change nothing, so a shared link may run them, and the page stays cacheable
without them. With htmx the panel's output is swapped in place (`/r/<view>/whatif/<n>`); without
JavaScript the form loads the results page with the same query, which renders the panel filled in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.views.decorators.http import require_POST, require_safe

from advisor import whatif_charts
from advisor.charts import Figure
from advisor.engine import InvalidAssessment
from advisor.engine.catalog import PATTERN_IDS, PATTERNS
from advisor.engine.model import Assessment as Inputs
from advisor.engine.model import Flow, FlowResult, Recommendation
from advisor.engine.simulation import (
    BROKER,
    LandscapeSimulation,
    OutageOf,
    PatternOutcome,
    Scenario,
    Settled,
    Simulation,
    settle,
    simulate,
    simulate_landscape,
    systems_of,
)
from advisor.engine.traffic import SHAPES, Outage
from advisor.engine.upgrade import stored_flow_result
from advisor.engine.whatif_parse import parse_scenario, scenario_to_dict
from advisor.engine.wording import clock, duration
from advisor.htmx import HtmxHttpRequest
from advisor.limits import too_many, wait_to_save, wait_to_simulate

from . import store
from .models import Assessment, SavedWhatIf

# Enough evidence for a decision record; a script cannot grow an assessment without end.
MAX_SAVED = 50

SHAPE_WORDS = {
    "flat": "Flat all day",
    "business_day": "Business day, 8–18 h",
    "lunch_peak": "Lunch peak, 12:30",
    "flash_sale": "Flash sale, 20:00",
}
OUTAGE_OF: dict[OutageOf, str] = {"consumers": "consumers", "broker": "the broker"}
# The form's fields, and the scenario field each one's errors are reported on.
FIELD_OF = {
    "scenario.shape": "shape",
    "scenario.capacity_per_minute": "capacity",
    "scenario.outages[0].start_minute": "outage_start",
    "scenario.outages[0].minutes": "outage_minutes",
    "scenario.retry_attempts": "retries",
    "scenario.retention_hours": "retention",
    "scenario.broker_outages[0].start_minute": "broker_start",
    "scenario.broker_outages[0].minutes": "broker_minutes",
}
CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _number(label: str, **attrs: str) -> forms.CharField:
    widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off", **attrs})
    return forms.CharField(label=label, required=False, max_length=40, widget=widget)


def _clock(label: str) -> forms.CharField:
    widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "placeholder": "hh:mm"})
    return forms.CharField(label=label, required=False, max_length=20, widget=widget)


class FlowWhatIfForm(forms.Form):
    """Text as typed, turned into a scenario by the engine's parser so its limits and words are the API's."""

    shape = forms.ChoiceField(
        label="Traffic",
        required=False,
        choices=[("", "The flow's own"), *((s, SHAPE_WORDS[s]) for s in SHAPES)],
    )
    capacity = _number("Each consumer takes, a minute")
    outage_start = _clock("Consumer down from")
    outage_minutes = _number("for minutes", inputmode="numeric")
    retries = _number("Point-to-point retries", inputmode="numeric")
    retention = _number("Queue keeps messages, hours")
    broker_start = _clock("Broker down from")
    broker_minutes = _number("for minutes", inputmode="numeric")

    def scenario(self) -> Scenario | None:
        """The scenario, or None with every mistake added to its field."""
        if not self.is_valid():
            return None
        given = self.cleaned_data
        raw: dict[str, Any] = {}
        if given["shape"]:
            raw["shape"] = given["shape"]
        for field, key in (("capacity", "capacity_per_minute"), ("retention", "retention_hours")):
            if given[field].strip():
                raw[key] = self._figure(field)
        if given["retries"].strip():
            raw["retry_attempts"] = self._figure("retries")
        for prefix, key in (("outage", "outages"), ("broker", "broker_outages")):
            outage = self._outage(prefix)
            if outage is not None:
                raw[key] = outage
        if self.errors:
            return None
        try:
            return parse_scenario(raw)
        except InvalidAssessment as invalid:
            for error in invalid.errors:
                self.add_error(FIELD_OF.get(error.field), error.message)
            return None

    def _figure(self, field: str) -> object:
        typed = self.cleaned_data[field].strip().replace(",", "")
        try:
            return float(typed)
        except ValueError:
            self.add_error(field, f"must be a number, not {typed[:20]!r}")
            return None

    def _outage(self, prefix: str) -> list[dict[str, object]] | None:
        start, minutes = self.cleaned_data[f"{prefix}_start"].strip(), self.cleaned_data[f"{prefix}_minutes"].strip()
        if not start and not minutes:
            return None
        if minutes and self._figure(f"{prefix}_minutes") == 0:
            return []
        clock = CLOCK.match(start or "00:00")
        if clock is None:
            self.add_error(f"{prefix}_start", f"must be a time of day such as 09:30, not {start[:20]!r}")
            return None
        if not minutes:
            self.add_error(f"{prefix}_minutes", "is needed with a start: how many minutes it is down")
            return None
        return [{"start_minute": int(clock[1]) * 60 + int(clock[2]), "minutes": self._figure(f"{prefix}_minutes")}]


class LandscapeWhatIfForm(forms.Form):
    system = forms.ChoiceField(label="Down")
    start = _clock("from")
    minutes = _number("for minutes", inputmode="numeric")

    def __init__(self, *args: Any, systems: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        system = self.fields["system"]
        assert isinstance(system, forms.ChoiceField)
        system.choices = [(s, s) for s in systems] + [(BROKER, "The broker (queues and topics)")]

    def outage(self) -> tuple[str, Outage] | None:
        if not self.is_valid():
            return None
        raw = {"start": self.cleaned_data["start"].strip() or "00:00", "minutes": self.cleaned_data["minutes"].strip()}
        clock = CLOCK.match(raw["start"])
        if clock is None:
            self.add_error("start", f"must be a time of day such as 09:30, not {raw['start'][:20]!r}")
        if not raw["minutes"].isdigit() or not 1 <= int(raw["minutes"]) <= 1440:
            self.add_error("minutes", f"must be a whole number of minutes from 1 to 1,440, not {raw['minutes'][:20]!r}")
        if self.errors or clock is None:
            return None
        start = int(clock[1]) * 60 + int(clock[2])
        if start + int(raw["minutes"]) > 1440:
            self.add_error("minutes", f"must end within the day: from {raw['start']}, at most {1440 - start:,} minutes")
            return None
        return self.cleaned_data["system"], Outage(start, int(raw["minutes"]))


@dataclass(frozen=True)
class FlowPanel:
    """One flow's what-if: the form, the defaults it starts from, and the outcome once run."""

    index: int
    form: FlowWhatIfForm
    defaults: Settled
    simulation: Simulation | None = None
    figure: Figure | None = None
    patterns: tuple[str, ...] = PATTERN_IDS
    # Sentences of the what-ifs saved for this flow.
    saved: tuple[str, ...] = ()

    @property
    def figure_id(self) -> str:
        return f"fig-whatif-{self.index}"

    @property
    def rows(self) -> list[tuple[str, list[str]]]:
        """The outcomes as a table: one row a measure, one column a pattern."""
        if self.simulation is None:
            return []
        outcomes = [self.simulation.patterns[p] for p in PATTERN_IDS]
        return [
            ("Arrived", [count(o.arrived) for o in outcomes]),
            ("Delivered", [count(o.delivered) for o in outcomes]),
            ("Lost", [count(o.lost) for o in outcomes]),
            ("Still waiting at midnight", [count(o.queued_at_end) for o in outcomes]),
            ("Largest backlog", [count(o.max_backlog) for o in outcomes]),
            ("Longest delay", [duration(o.max_delay_minutes) for o in outcomes]),
            ("95th-percentile delay", [duration(o.p95_delay_minutes) for o in outcomes]),
            ("Drains in", ["—" if o.drain_minutes is None else duration(o.drain_minutes) for o in outcomes]),
            *self._drains(outcomes),
            ("Calls the producer makes", [count(o.producer_calls) for o in outcomes]),
            ("Retention exceeded", ["yes" if o.retention_exceeded else "no" for o in outcomes]),
        ]

    @staticmethod
    def _drains(outcomes: list[PatternOutcome]) -> list[tuple[str, list[str]]]:
        """With more than one outage, a row for each: how long what waits at its end takes to clear."""
        drains = outcomes[0].drains
        if len(drains) < 2:
            return []
        return [
            (
                f"Drains after {OUTAGE_OF[drain.of]} down {clock(drain.outage.start_minute)}–"
                f"{clock(drain.outage.end_minute)}",
                ["—" if (d := o.drains[n].drain_minutes) is None else duration(d) for o in outcomes],
            )
            for n, drain in enumerate(drains)
        ]


def count(value: float) -> str:
    return f"{round(value):,}"


def flow_panel(
    inputs: Inputs, result: FlowResult, index: int, query: QueryDict | None, saved: tuple[str, ...] = ()
) -> FlowPanel:
    flow = inputs.flows[index]
    defaults = settle(flow, Scenario(), inputs.landscape, result)
    form = FlowWhatIfForm(query, prefix=f"w{index}") if query is not None else FlowWhatIfForm(prefix=f"w{index}")
    # What an empty field means, shown in it.
    shown = {
        "capacity": f"{defaults.capacity_per_minute:,.4g}",
        "retries": str(defaults.retry_attempts),
        "retention": f"{defaults.retention_hours:g}",
        "outage_minutes": str(defaults.outages[0].minutes) if defaults.outages else "none",
        "outage_start": clock(defaults.outages[0].start_minute) if defaults.outages else "hh:mm",
    }
    for field, placeholder in shown.items():
        form.fields[field].widget.attrs["placeholder"] = placeholder
    if query is None:
        return FlowPanel(index, form, defaults, saved=saved)
    scenario = form.scenario()
    if scenario is None:
        return FlowPanel(index, form, defaults, saved=saved)
    simulation = simulate(flow, scenario, inputs.landscape, result)
    return FlowPanel(index, form, defaults, simulation, whatif_charts.flow_day(simulation), saved=saved)


@dataclass(frozen=True)
class LandscapePanel:
    form: LandscapeWhatIfForm
    simulation: LandscapeSimulation | None = None
    figure: Figure | None = None

    @property
    def rows(self) -> list[tuple[str, str, str]]:
        """(flow, pattern, what happens to it), in words."""
        if self.simulation is None:
            return []
        rows = []
        for flow in self.simulation.flows:
            outcome = flow.outcome
            if not flow.affected:
                words = "unaffected"
            elif outcome.lost > 0.5:
                words = f"loses {count(outcome.lost)}"
            elif outcome.max_backlog > 0.5:
                drain = "" if outcome.drain_minutes is None else f", drains in {duration(outcome.drain_minutes)}"
                words = f"backs up to {count(outcome.max_backlog)}{drain}; loses nothing"
            else:
                words = "loses nothing, nothing waits"
            rows.append((flow.name, flow.pattern, words))
        return rows

    @property
    def summary(self) -> str:
        """How many flows lose data, back up, or are untouched."""
        if self.simulation is None:
            return ""
        flows = self.simulation.flows
        losing = sum(f.affected and f.outcome.lost > 0.5 for f in flows)
        waiting = sum(f.affected and f.outcome.lost <= 0.5 and f.outcome.max_backlog > 0.5 for f in flows)
        untouched = sum(not f.affected for f in flows)
        parts = [
            f"{losing} flow{'s' if losing != 1 else ''} lose{'' if losing != 1 else 's'} data",
            f"{waiting} back{'' if waiting != 1 else 's'} up and drain{'' if waiting != 1 else 's'}",
            f"{untouched} {'are' if untouched != 1 else 'is'} unaffected",
        ]
        return ", ".join(parts) + "."


def landscape_panel(inputs: Inputs, query: QueryDict | None, recommendation: Recommendation) -> LandscapePanel:
    systems = list(systems_of(inputs).values())
    if query is None:
        return LandscapePanel(LandscapeWhatIfForm(systems=systems, prefix="down"))
    form = LandscapeWhatIfForm(query, systems=systems, prefix="down")
    found = form.outage()
    if found is None:
        return LandscapePanel(form)
    simulation = simulate_landscape(inputs, *found, recommendation)
    figure = whatif_charts.landscape_outage(simulation) if any(f.affected for f in simulation.flows) else None
    return LandscapePanel(form, simulation, figure)


def runs(query: QueryDict) -> tuple[int | None, bool]:
    """Which flow's what-if the query runs (if any), and whether it runs the landscape's."""
    flow = query.get("whatif", "")
    return (int(flow) if flow.isdigit() else None), "down-system" in query


def _stored(view_token: str) -> Assessment:
    return get_object_or_404(Assessment.objects.all(), view_token=view_token)


@require_safe
def flow_whatif(request: HtmxHttpRequest, view_token: str, index: int) -> HttpResponse:
    assessment = _stored(view_token)
    inputs = assessment.answers()
    if index >= len(inputs.flows):
        raise Http404("No such flow")
    if wait := wait_to_simulate(request):
        return too_many(request, wait)
    # Its own flow's result alone: a 50-flow result read whole cost more than the simulation.
    result = stored_flow_result(assessment.result, inputs, index) or assessment.recommendation().flows[index]
    saved = flow_evidence(assessment, inputs, index, result)
    panel = flow_panel(inputs, result, index, request.GET, saved)
    # The owner (whose session remembers the edit link) may keep the what-if. Imported here: views imports us.
    from .views import MINE

    owned = assessment.edit_token in request.session.get(MINE, [])
    context = {"panel": panel, "assessment": assessment, "owned": owned}
    return render(request, "partials/whatif_flow.html", context)


@require_safe
def landscape_whatif(request: HtmxHttpRequest, view_token: str) -> HttpResponse:
    assessment = _stored(view_token)
    if wait := wait_to_simulate(request):
        return too_many(request, wait)
    panel = landscape_panel(assessment.answers(), request.GET, assessment.recommendation())
    return render(request, "partials/whatif_landscape.html", {"panel": panel, "assessment": assessment})


def evidence_sentence(simulation: Simulation, day: str) -> str:
    """A saved what-if in one sentence: the scenario, then what each pattern did with it."""
    s = simulation.scenario
    down = ", ".join(f"{clock(o.start_minute)}–{clock(o.end_minute)}" for o in s.outages)
    broker = ", ".join(f"{clock(o.start_minute)}–{clock(o.end_minute)}" for o in s.broker_outages)
    setting = [
        f"{SHAPE_WORDS[s.shape].split(',')[0].lower()} traffic",
        f"consumers taking {s.capacity_per_minute:,.4g} a minute",
        f"consumers down {down}" if down else "no consumer outage",
        *([f"the broker down {broker}"] if broker else []),
        f"{s.retry_attempts} retr{'y' if s.retry_attempts == 1 else 'ies'}",
    ]
    outcomes = []
    for pattern_id, outcome in simulation.patterns.items():
        words = f"{PATTERNS[pattern_id].short_name.lower()} loses {count(outcome.lost)} of {count(outcome.arrived)}"
        if outcome.max_backlog > 0.5 and pattern_id != PATTERN_IDS[0]:
            drain = "" if outcome.drain_minutes is None else f", drained in {duration(outcome.drain_minutes)}"
            words += f" (at most {count(outcome.max_backlog)} waiting{drain})"
        outcomes.append(words)
    return f"What-if saved {day} ({', '.join(setting)}): {'; '.join(outcomes)}."


def evidence(assessment: Assessment, inputs: Inputs, results: tuple[FlowResult, ...]) -> list[tuple[str, ...]]:
    """For each flow, in order, the sentences of the what-ifs saved for it."""
    found: list[list[str]] = [[] for _ in inputs.flows]
    for position, saved in _saved(assessment, inputs):
        found[position].extend(_sentence(saved, inputs, position, results[position]))
    return [tuple(sentences) for sentences in found]


def flow_evidence(assessment: Assessment, inputs: Inputs, index: int, result: FlowResult) -> tuple[str, ...]:
    """The sentences of the what-ifs saved for one flow: only its own are simulated."""
    return tuple(
        sentence
        for position, saved in _saved(assessment, inputs)
        if position == index
        for sentence in _sentence(saved, inputs, position, result)
    )


def _saved(assessment: Assessment, inputs: Inputs) -> list[tuple[int, SavedWhatIf]]:
    """The saved what-ifs with the position of their flow (the first of that name); a flow since renamed or
    removed keeps none."""
    index = {flow.name: i for i, flow in reversed(list(enumerate(inputs.flows)))}
    return [(index[saved.flow_name], saved) for saved in assessment.what_ifs.all() if saved.flow_name in index]


def _sentence(saved: SavedWhatIf, inputs: Inputs, position: int, result: FlowResult) -> list[str]:
    try:
        scenario = parse_scenario(saved.scenario)
    except InvalidAssessment:
        return []
    flow: Flow = inputs.flows[position]
    simulation = simulate(flow, scenario, inputs.landscape, result)
    return [evidence_sentence(simulation, date_format(saved.created, "j F Y"))]


@require_POST
def save_whatif(request: HtmxHttpRequest, edit_token: str, index: int) -> HttpResponse:
    """Keep the what-if with the assessment (edit link only): a new version, so its PDF shows it."""
    assessment = get_object_or_404(Assessment, edit_token=edit_token)
    inputs = assessment.answers()
    if index >= len(inputs.flows):
        raise Http404("No such flow")
    if wait := wait_to_save(request):
        return too_many(request, wait)
    form = FlowWhatIfForm(request.POST, prefix=f"w{index}")
    scenario = form.scenario()
    results = assessment.get_absolute_url() + f"#whatif-{index}"
    if scenario is None:
        messages.error(request, "The what-if was not saved: run it first, and check its fields.")
        return HttpResponseRedirect(results)
    if assessment.what_ifs.count() >= MAX_SAVED:
        messages.error(request, f"An assessment keeps at most {MAX_SAVED} what-ifs.")
        return HttpResponseRedirect(results)
    with transaction.atomic():
        SavedWhatIf.objects.create(
            assessment=assessment, flow_name=inputs.flows[index].name, scenario=scenario_to_dict(scenario)
        )
        Assessment.objects.filter(pk=assessment.pk).update(version=F("version") + 1)
    assessment.refresh_from_db()
    store.queue_report(assessment)
    messages.success(request, "What-if saved: it now shows beside this flow, in the PDF and in the decision records.")
    return redirect(results)
