"""The questionnaire, the editor, the results page and the share-link actions."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from advisor import charts, engine
from advisor.budget import OverBudget, within_budget
from advisor.engine import (
    ENGINE_VERSION,
    FieldError,
    FlowResult,
    InvalidAssessment,
    glossary,
    parse_assessment,
    recommend,
)
from advisor.engine.catalog import FACTOR_IDS
from advisor.engine.presets import USE_CASES
from advisor.htmx import HtmxHttpRequest
from advisor.inventory import UnreadableInventory, kind_of, load_inventory, parse_inventory
from advisor.json_input import UnreadableJson, load_json
from advisor.limits import (
    over_budget,
    too_many,
    wait_to_create,
    wait_to_preview,
    wait_to_rotate,
    wait_to_save,
    wait_to_simulate,
)
from advisor.middleware import compress, precompressed
from advisor.views import private_page

from . import store, whatif
from .conflicts import Conflict
from .forms import EditorForm, Problem, QuickForm
from .large import LargeResults, is_large
from .models import Assessment, Stored, new_token
from .presentation import ResultsView, results_view

MINE = "my_assessments"
MAX_IMPORT_BYTES = 1_000_000
MAX_REMEMBERED = 50
MAX_IMPORT_ERRORS_LISTED = 50


def _remember(request: HttpRequest, assessment: Assessment) -> None:
    tokens = request.session.get(MINE, [])
    if request.session.session_key is None:
        # New: a client that keeps no cookies (a script saving in a loop) must not leave a year-long session
        # behind each request; it lasts an hour unless the browser sends it back.
        request.session.set_expiry(settings.UNCONFIRMED_SESSION_AGE)
    elif request.session.get_expiry_age() < settings.SESSION_COOKIE_AGE:
        request.session.set_expiry(None)  # sent back: a person's browser, remembered for SESSION_COOKIE_AGE
    if tokens[:1] == [assessment.edit_token]:
        return  # already first: no session write on every visit of the edit page
    others = [t for t in tokens if t != assessment.edit_token]
    request.session[MINE] = [assessment.edit_token, *others][:MAX_REMEMBERED]


def _forget(request: HttpRequest, assessment: Assessment) -> None:
    request.session[MINE] = [t for t in request.session.get(MINE, []) if t != assessment.edit_token]


def _mine(request: HttpRequest) -> list[Assessment]:
    tokens = request.session.get(MINE, [])
    found = {a.edit_token: a for a in Assessment.objects.filter(edit_token__in=tokens)}
    return [found[t] for t in tokens if t in found]


def _start_page(
    request: HttpRequest,
    form: QuickForm,
    import_errors: list[FieldError] | None = None,
    pasted: str = "",
    status: int = 200,
) -> HttpResponse:
    import_errors = import_errors or []
    # A file with 90,000 unknown keys must not answer megabytes of list: the first ones show what is wrong.
    unlisted = max(0, len(import_errors) - MAX_IMPORT_ERRORS_LISTED)
    return render(
        request,
        "assessments/start.html",
        {
            "form": form,
            # An import's errors name paths in the file, so they keep the engine's words.
            "import_errors": [Problem(e.field, e.message) for e in import_errors[:MAX_IMPORT_ERRORS_LISTED]],
            "import_errors_note": (
                f"The first {MAX_IMPORT_ERRORS_LISTED} of {len(import_errors):,} problems are listed; "
                f"{unlisted:,} more are not."
                if unlisted
                else ""
            ),
            "pasted": pasted,
            "mine": _mine(request),
            "use_cases": USE_CASES.values(),
        },
        status=status,
    )


@require_http_methods(["GET", "HEAD", "POST"])
def start(request: HtmxHttpRequest) -> HttpResponse:
    if request.method in ("GET", "HEAD"):
        return _start_page(request, QuickForm())
    if "preset" in request.POST:
        case = USE_CASES.get(request.POST["preset"])
        if case is None:
            raise Http404("No such use case")
        if wait := wait_to_create(request):
            return too_many(request, wait)
        assessment = store.create(parse_assessment(case.assessment), example=case.slug)
        _remember(request, assessment)
        return redirect(assessment.edit_url)
    if "import" in request.POST:
        return _import(request)
    # The rows' page posts "add" (one more row) or "next" (on to each flow's questions); the questions'
    # page posts "rows" (back to the rows) or saves; every answer typed on either page travels along.
    action = request.POST.get("action", "save")
    if action in ("add", "rows"):
        return _start_page(request, QuickForm(request.POST).reopened("rows", add_row=action == "add"))
    if action == "next":
        form = QuickForm(request.POST, stage="rows")
        if form.validated() is None:
            return _start_page(request, form, status=422)
        return _start_page(request, form.reopened("questions"))
    form = QuickForm(request.POST, stage="questions")
    if (assessment_in := form.validated()) is None:
        if form.row_refused():
            form.stage = "rows"
        return _start_page(request, form, status=422)
    if wait := wait_to_create(request):
        return too_many(request, wait)
    assessment = store.create(assessment_in)
    _remember(request, assessment)
    messages.success(request, "Saved. Share it with the read-only link, or download the PDF.")
    return redirect(assessment)


def _import(request: HtmxHttpRequest) -> HttpResponse:
    """A JSON export, or an inventory in YAML or CSV (uploaded or pasted), becomes a new assessment.

    An invalid one stores nothing; an inventory's mistakes are named by row and column.
    """
    upload = request.FILES.get("file")
    pasted = request.POST.get("json", "")
    form = QuickForm()
    if upload and upload.size and upload.size > MAX_IMPORT_BYTES:
        too_big = [FieldError("file", f"is larger than {MAX_IMPORT_BYTES:,} bytes")]
        return _start_page(request, form, import_errors=too_big, pasted=pasted, status=400)
    text = upload.read() if upload else pasted
    start = text if isinstance(text, str) else text[:200].decode("latin-1")
    kind = kind_of(upload.name or "" if upload else "", text=start)
    try:
        loaded = load_inventory(text, kind)
    except UnreadableInventory as error:
        where = "file" if upload else "json"
        return _start_page(request, form, import_errors=[FieldError(where, str(error))], pasted=pasted, status=400)
    try:
        assessment_in = parse_inventory(loaded)
    except InvalidAssessment as invalid:
        return _start_page(request, form, import_errors=list(invalid.errors), pasted=pasted, status=422)
    if wait := wait_to_create(request):
        return too_many(request, wait)
    assessment = store.create(assessment_in)
    _remember(request, assessment)
    messages.success(request, f"Imported “{assessment.name}”.")
    return redirect(assessment)


def _editor(
    request: HtmxHttpRequest,
    assessment: Assessment,
    form: EditorForm,
    version: int,
    *,
    conflict: Conflict | None = None,
    resolving: bool = False,
    status: int = 200,
    base: str = "",
) -> HttpResponse:
    template = "partials/editor_swap.html" if request.htmx else "assessments/edit.html"
    example = USE_CASES.get(assessment.example)
    form.mark_example(parse_assessment(example.assessment) if example else None)
    return render(
        request,
        template,
        {
            "assessment": assessment,
            "form": form,
            "version": version,
            "conflict": conflict,
            "resolving": resolving or conflict is not None,
            "share_url": assessment.share_url,
            "example": example,
            # The answers the page was opened on, for a three-way merge should someone else save meanwhile.
            "base": base or json.dumps(assessment.export(), ensure_ascii=False),
        },
        status=status,
    )


def _base(request: HttpRequest) -> engine.Assessment | None:
    """The answers the editor was opened on, as it posted them back; None when missing or unreadable."""
    try:
        return parse_assessment(load_json(request.POST.get("base", "")))
    except (UnreadableJson, InvalidAssessment):
        return None


@require_http_methods(["GET", "HEAD", "POST"])
@private_page
def edit(request: HtmxHttpRequest, edit_token: str) -> HttpResponse:
    assessment = get_object_or_404(Assessment, edit_token=edit_token)
    assessment.viewed()
    if request.method in ("GET", "HEAD"):
        # Reading an edit link starts no session: only a browser that already has one remembers it.
        if request.session.session_key:
            _remember(request, assessment)
        form = EditorForm.of(assessment.answers(), add_flow=request.GET.get("add") == "flow")
        return _editor(request, assessment, form, assessment.version)
    form = EditorForm(request.POST)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = 0
    # After a save met someone else's, each difference is kept by choice until a save succeeds.
    resolving = request.POST.get("resolving") == "1"
    action = request.POST.get("action", "save")
    posted_base = request.POST.get("base", "")
    if action != "save":
        return _editor(request, assessment, form.after(action), version, resolving=resolving, base=posted_base)
    if (assessment_in := form.validated()) is None:
        return _editor(request, assessment, form, version, resolving=resolving, status=422, base=posted_base)
    # Each save re-scores and queues a PDF: limited per client like creation.
    if wait := wait_to_save(request):
        return too_many(request, wait)
    if resolving and version == assessment.version:
        conflict = Conflict(assessment.answers(), assessment_in, request.POST, _base(request))
        if conflict.undecided:
            conflict.asked = True
            return _editor(request, assessment, form, version, conflict=conflict, status=422, base=posted_base)
        try:
            assessment_in = conflict.merged()
        except InvalidAssessment as invalid:
            # Answers valid on each side can be refused together (every weight 0): say so by the fields.
            form.refuse(invalid)
            return _editor(request, assessment, form, version, conflict=conflict, status=422, base=posted_base)
    try:
        store.update(assessment, assessment_in, version)
    except store.StaleVersion:
        assessment.refresh_from_db()
        conflict = Conflict(assessment.answers(), assessment_in, {}, _base(request))
        if conflict.differences:
            # Nothing is saved over the other edit: the page asks which to keep where both changed an answer.
            return _editor(
                request, assessment, form, assessment.version, conflict=conflict, status=409, base=posted_base
            )
        # No answer was changed by both: each side's changes are kept, theirs and mine. When the other save
        # stored these very answers there is nothing to save, and saving again would only race the next
        # identical save for the next version (twenty at once answered up to seven 500s).
        merged = conflict.merged()
        if merged != assessment.answers():
            try:
                store.update(assessment, merged, assessment.version)
            except store.StaleVersion:
                # A third save came in between: show what is saved now rather than guess again.
                assessment.refresh_from_db()
                conflict = Conflict(assessment.answers(), assessment_in, {}, _base(request))
                return _editor(
                    request, assessment, form, assessment.version, conflict=conflict, status=409, base=posted_base
                )
    _remember(request, assessment)
    messages.success(request, "Saved.")
    return redirect(assessment)


@require_POST
@private_page
def preview(request: HtmxHttpRequest, edit_token: str) -> HttpResponse:
    get_object_or_404(Assessment.objects.only("pk"), edit_token=edit_token)
    form = EditorForm(request.POST)
    if (assessment_in := form.validated()) is not None:
        # Each change in the editor asks for a preview, and each runs the engine: limited like the API's.
        if wait := wait_to_preview(request):
            return too_many(request, wait)
        try:
            recommendation = within_budget(request, lambda: recommend(assessment_in))
        except OverBudget as over:
            return over_budget(request, over)
        view = ResultsView(assessment_in, recommendation)
        entries = [PreviewEntry(result.name, result) for result in view.recommendation.flows]
        return render(
            request, "partials/preview.html", {"view": view, "result": view.recommendation, "entries": entries}
        )
    # One incomplete flow does not hide the others: they are previewed, and it is listed with its problems.
    partial = form.previewable()
    if partial is None:
        return render(request, "partials/preview.html", {"problems": form.summary()})
    if wait := wait_to_preview(request):
        return too_many(request, wait)
    try:
        recommendation = within_budget(request, lambda: recommend(partial.assessment))
    except OverBudget as over:
        return over_budget(request, over)
    view = ResultsView(partial.assessment, recommendation)
    results = iter(view.recommendation.flows)
    entries = [
        PreviewEntry(name or f"Flow {n + 1}", problems=partial.incomplete[n])
        if n in partial.incomplete
        else PreviewEntry(name, next(results))
        for n, name in enumerate(partial.names)
    ]
    others = [p for e in form.problems if not e.field.startswith("flows[") for p in [form.problem(e)]]
    return render(
        request,
        "partials/preview.html",
        {
            "view": view,
            "result": view.recommendation,
            "entries": entries,
            "others": others,
            "incomplete": len(partial.incomplete),
        },
    )


@dataclass(frozen=True, slots=True)
class PreviewEntry:
    """One flow in the live preview: its recommendation, or the problems that keep it out for now."""

    name: str
    result: FlowResult | None = None
    problems: list[Problem] = field(default_factory=list)


RESULTS_CACHE_SECONDS = 60 * 60


@require_safe
def results(request: HtmxHttpRequest, view_token: str) -> HttpResponse:
    # The stored inputs and result are read only to render the page, not to serve it from the cache.
    assessment = get_object_or_404(Assessment.objects.defer("inputs", "result"), view_token=view_token)
    assessment.viewed()
    rerun_asked = request.GET.get("rerun") == "1"
    owned = assessment.edit_token in request.session.get(MINE, [])
    # A saved result never changes, so its page is rendered once per version; pages that carry a
    # one-off message, or a form with this visitor's CSRF token, are rendered every time.
    # A filtered view of a large landscape (?system=, ?pattern=, ?q=) is rendered each time.
    filtered = any(request.GET.get(name) for name in ("system", "pattern", "q"))
    cacheable = (
        not rerun_asked
        and not filtered
        and not (owned and assessment.engine_changed)
        and not len(messages.get_messages(request))
    )
    # A what-if run without JavaScript: the page with that panel filled in, never cached.
    flow_run, landscape_run = whatif.runs(request.GET)
    if flow_run is not None or landscape_run:
        cacheable = False
        if wait := wait_to_simulate(request):
            return too_many(request, wait)
    # Nothing of the request but these goes into the page: links are built from PUBLIC_URL. The page
    # is kept gzipped, so a hit neither compresses 80 KB again nor moves it in and out of Redis.
    key = f"results-page-gz:{assessment.pk}:{assessment.version}:{view_token}:{owned}"
    if cacheable and (page := cache.get(key)) is not None:
        return precompressed(request, page)
    assessment.refresh_from_db(fields=["inputs", "result"])
    stored = assessment.read()
    fresh = rerun_asked and (assessment.engine_changed or stored.read_differently)
    response = _results_page(request, assessment, stored, owned, fresh, flow_run, landscape_run)
    # The owner's page offers a re-run, a form with this visitor's CSRF token, when answers were read differently.
    if cacheable and not (owned and stored.read_differently):
        cache.set(key, compress(response.content), RESULTS_CACHE_SECONDS)
    return response


def _results_page(
    request: HttpRequest,
    assessment: Assessment,
    stored: Stored,
    owned: bool,
    fresh: bool,
    flow_run: int | None = None,
    landscape_run: bool = False,
) -> HttpResponse:
    answers = stored.answers
    view = results_view(answers, recommend(answers) if fresh else stored.recommendation, assessment.example)
    large = LargeResults.from_query(view, request.GET) if is_large(view) else None
    results = view.recommendation.flows
    saved = whatif.evidence(assessment, answers, results)
    panels = [
        whatif.flow_panel(answers, result, i, request.GET if i == flow_run else None, saved[i])
        for i, result in enumerate(results)
    ]
    return render(
        request,
        "assessments/results.html",
        {
            "assessment": assessment,
            "view": view,
            "large": large,
            "diagram_flows": large.neighbourhood if large else view.flows,
            "profile_flows": large.profiled if large else view.flows,
            "result": view.recommendation,
            "figures": large.figures() if large else view.figures(),
            "factor_ids": FACTOR_IDS,
            "glossary": glossary.TERMS,
            "factor_colours": list(zip(FACTOR_IDS, charts.FACTOR_COLOURS, strict=True)),
            "owned": owned,
            "fresh": fresh,
            "stored": stored,
            "current_engine": ENGINE_VERSION,
            "share_url": assessment.share_url,
            "flows_and_whatifs": list(zip(view.flows, panels, strict=True)),
            "landscape_whatif": whatif.landscape_panel(
                answers, request.GET if landscape_run else None, view.recommendation
            ),
        },
    )


@require_POST
def rotate_view_link(request: HtmxHttpRequest, edit_token: str) -> HttpResponse:
    assessment = get_object_or_404(Assessment, edit_token=edit_token)
    # Each new link renders a new PDF: sixty clicks must not queue sixty renders.
    if wait := wait_to_rotate(request, edit_token):
        return too_many(request, wait)
    assessment.view_token = new_token()
    assessment.save(update_fields=["view_token"])
    store.queue_report(assessment)  # the report shows the share link: the new one needs its own
    messages.success(request, "New share link created. The old link no longer works.")
    return redirect(assessment.edit_url)


@require_POST
def fork(request: HtmxHttpRequest, edit_token: str) -> HttpResponse:
    assessment = get_object_or_404(Assessment, edit_token=edit_token)
    if wait := wait_to_create(request):
        return too_many(request, wait)
    copy = store.fork(assessment)
    _remember(request, copy)
    messages.success(request, f"This is a copy of “{assessment.name}”. The original is unchanged.")
    return redirect(copy.edit_url)


@require_POST
def rerun(request: HtmxHttpRequest, edit_token: str) -> HttpResponse:
    assessment = get_object_or_404(Assessment, edit_token=edit_token)
    if wait := wait_to_save(request):
        return too_many(request, wait)
    store.rerun(assessment)
    messages.success(request, f"Re-run with engine {ENGINE_VERSION}.")
    return redirect(assessment)


@require_http_methods(["GET", "HEAD", "POST"])
@private_page
def delete(request: HttpRequest, edit_token: str) -> HttpResponse:
    assessment = get_object_or_404(Assessment, edit_token=edit_token)
    if request.method in ("GET", "HEAD"):
        return render(request, "assessments/delete.html", {"assessment": assessment})
    _forget(request, assessment)
    assessment.delete()
    messages.success(request, f"Deleted “{assessment.name}”. Its links no longer work.")
    return redirect("assessments:start")
