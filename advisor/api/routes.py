"""The JSON API: POST inputs, get a recommendation (or a stored assessment's links)."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from ninja import NinjaAPI
from ninja.openapi.docs import Swagger

from advisor.assessments import store
from advisor.assessments.compare import comparison_to_dict
from advisor.assessments.compare_views import stored_comparison
from advisor.assessments.models import Assessment as StoredAssessment
from advisor.budget import OverBudget, within_budget
from advisor.clients import client_address
from advisor.engine import Assessment, InvalidAssessment, recommend, recommendation_to_dict
from advisor.htmx import HtmxHttpRequest
from advisor.inventory import MEDIA_TYPES, Loaded, UnreadableInventory, load_inventory, parse_inventory
from advisor.json_input import UnreadableJson, load_json
from advisor.limits import over_budget, too_many, wait_to_create, wait_to_recommend

from .models import IdempotentCreation
from .problems import problem, too_large, too_large_problem
from .schemas import AssessmentIn, ErrorOut, LinksOut, RecommendationOut
from .simulations import INPUT_MODELS as SIMULATION_INPUTS
from .simulations import router as simulations_router


def _definitions(model: Any) -> dict[str, Any]:
    """A request model and the models it uses, as components of the OpenAPI schema."""
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    return {model.__name__: {k: v for k, v in schema.items() if k != "$defs"}, **schema.get("$defs", {})}


_INPUT_DEFINITIONS = {k: v for model in (AssessmentIn, *SIMULATION_INPUTS) for k, v in _definitions(model).items()}
_EXAMPLE = {
    "landscape": {"systems": 4, "platform": "aws"},
    "flows": [
        {"name": "Customer lookup", "interaction": "query", "latency": "immediate"},
        {"name": "Order placed", "interaction": "event", "consumers": ["CRM", "Email", "Analytics"]},
    ],
}
_REQUEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            # The docs' example: without one, Swagger UI makes up names from the names' pattern.
            "application/json": {"schema": {"$ref": "#/components/schemas/AssessmentIn"}, "example": _EXAMPLE},
            # The same body in YAML, or a YAML list of flows; a CSV inventory has one row per flow.
            "application/yaml": {"schema": {"$ref": "#/components/schemas/AssessmentIn"}},
            "text/csv": {"schema": {"type": "string"}},
        },
    }
}
# Refusals list the first this many fields, and say how many more there are.
MAX_ERRORS_LISTED = 50
_ERRORS: dict[int, Any] = {400: ErrorOut, 413: ErrorOut, 415: ErrorOut, 422: ErrorOut}


class SiteSwagger(Swagger):
    """Swagger UI inside the site's own page (its language, landmarks and navigation), without deep links,
    whose anchors nested in each operation's button are controls inside a control, and without the
    syntax colours, which fail contrast on their dark background."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        openapi_url = self.get_openapi_url(api, kwargs)
        context = {
            "swagger_settings": json.dumps({**self.settings, "url": openapi_url}),
            "api": api,
            "openapi_url": openapi_url,
            "add_csrf": False,
        }
        return render(request, "api/docs.html", context)


class AdvisorAPI(NinjaAPI):
    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {}).update(_INPUT_DEFINITIONS)
        return schema


api = AdvisorAPI(
    title="Integration Pattern Advisor API",
    version="1",
    description="Recommends point-to-point, message queue or event-driven integration for each data flow.",
    urls_namespace="api",
    openapi_url="/v1/openapi.json",
    docs_url="/docs",
    docs=SiteSwagger(settings={"deepLinking": False, "syntaxHighlight": False, "defaultModelsExpandDepth": -1}),
)
api.add_router("/v1/simulations", simulations_router)


class BadRequest(Exception):
    def __init__(
        self,
        status: int,
        detail: str,
        errors: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors or []
        self.headers = headers or {}


@api.exception_handler(BadRequest)
def bad_request(request: HttpRequest, exc: BadRequest) -> HttpResponse:
    return problem(exc.status, exc.detail, exc.errors, exc.headers)


@api.exception_handler(RequestDataTooBig)
def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return too_large_problem()


def _is_json(request: HttpRequest) -> bool:
    media_type = request.content_type or ""
    return media_type == "application/json" or (media_type.startswith("application/") and media_type.endswith("+json"))


def read_body(request: HttpRequest) -> tuple[bytes, object]:
    """The JSON body as sent and as parsed, or a BadRequest (415, 413, 400) that says what is wrong.

    Only JSON is read: a form or text/plain post is what another site can make a visitor's browser
    send, and it would spend that visitor's quota.
    """
    if not _is_json(request):
        raise BadRequest(
            415,
            "The request body must be JSON (Content-Type: application/json), YAML (application/yaml) or CSV "
            "(text/csv).",
            [
                {
                    "field": "Content-Type",
                    "message": "must be application/json, application/yaml or text/csv, "
                    f"not {request.content_type or 'none'}",
                }
            ],
            {"Accept-Post": "application/json, application/yaml, text/csv"},
        )
    try:
        body = request.body
    except RequestDataTooBig:
        raise BadRequest(413, *too_large()) from None
    try:
        return body, load_json(body)
    except UnreadableJson as error:
        detail = "The request body cannot be read as JSON."
        raise BadRequest(400, detail, [{"field": "body", "message": str(error)}]) from None


def read_inputs(request: HttpRequest) -> Assessment:
    """The body (JSON, YAML or CSV) as a valid assessment, or a BadRequest that names what is wrong."""
    return parse_loaded(read_inventory_body(request)[1])


def read_inventory_body(request: HttpRequest) -> tuple[bytes, Loaded]:
    """A JSON body as read_body reads it; a YAML or CSV inventory (application/yaml, text/csv) too."""
    kind = MEDIA_TYPES.get(request.content_type or "")
    if kind is None or kind == "json":
        body, raw = read_body(request)
        return body, Loaded(raw)
    try:
        body = request.body
    except RequestDataTooBig:
        raise BadRequest(413, *too_large()) from None
    try:
        return body, load_inventory(body, kind)
    except UnreadableInventory as error:
        detail = f"The request body cannot be read as {kind.upper()}."
        raise BadRequest(400, detail, [{"field": "body", "message": str(error)}]) from None


def parse_loaded(loaded: Loaded) -> Assessment:
    try:
        return parse_inventory(loaded)
    except InvalidAssessment as invalid:
        errors = invalid.errors
        detail = "The assessment has invalid fields."
        if len(errors) > MAX_ERRORS_LISTED:
            # 90,000 unknown keys must not answer 10 MB: the first ones show what is wrong.
            detail = (
                f"The assessment has {len(errors):,} invalid fields; the first {MAX_ERRORS_LISTED} are listed "
                f"and {len(errors) - MAX_ERRORS_LISTED:,} more are not."
            )
        listed = [{"field": e.field, "message": e.message} for e in errors[:MAX_ERRORS_LISTED]]
        raise BadRequest(422, detail, listed) from None


@api.post(
    "/v1/recommendations",
    tags=["recommendations"],
    response={200: RecommendationOut, 429: ErrorOut, 503: ErrorOut, **_ERRORS},
    openapi_extra=_REQUEST_BODY,
    by_alias=True,
    summary="Recommend a pattern for each flow (nothing is stored)",
)
def recommendations(request: HtmxHttpRequest) -> HttpResponse:
    inputs = read_inputs(request)
    # Like creation, the limits count what reaches the engine, not bodies refused for bad input.
    if wait := wait_to_recommend(request):
        return too_many(request, wait)
    try:
        body = within_budget(
            request, lambda: json.dumps(recommendation_to_dict(recommend(inputs)), ensure_ascii=False).encode()
        )
    except OverBudget as over:
        return over_budget(request, over)
    # The response model documents the shape; checking every response against it would cost more than
    # the recommendation itself, so a test checks the shape instead.
    return HttpResponse(body, content_type="application/json; charset=utf-8")


IDEMPOTENCY_HOURS = 24
_IDEMPOTENCY_HEADER = {
    "parameters": [
        {
            "name": "Idempotency-Key",
            "in": "header",
            "required": False,
            "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[\\x21-\\x7e]+$"},
            "description": (
                f"Retries with the same key and body within {IDEMPOTENCY_HOURS} hours get the first answer and create "
                "nothing; the same key with a different body is refused with a 422."
            ),
        }
    ]
}


def _idempotency_key(request: HttpRequest) -> str | None:
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return None
    if not 1 <= len(key) <= 255 or not all("!" <= c <= "~" for c in key):
        raise BadRequest(
            400,
            "The Idempotency-Key header is not usable.",
            [{"field": "Idempotency-Key", "message": "must be 1 to 255 visible ASCII characters, e.g. a UUID"}],
        )
    return key


def _created(assessment: StoredAssessment, replayed: bool = False) -> HttpResponse:
    links = assessment.links()
    response = HttpResponse(json.dumps(links), status=201, content_type="application/json")
    response["Location"] = settings.PUBLIC_URL + links["view_url"]
    if replayed:
        response["Idempotent-Replayed"] = "true"
    return response


def _replay(client: str, key: str, digest: str) -> HttpResponse | None:
    """The first answer for this client's key, if there is one; a 422 if it was for another body."""
    since = timezone.now() - timedelta(hours=IDEMPOTENCY_HOURS)
    earlier = IdempotentCreation.objects.filter(client=client, key=key).select_related("assessment").first()
    if earlier is None:
        return None
    if earlier.created < since:
        earlier.delete()
        return None
    if earlier.body_digest != digest:
        raise BadRequest(
            422,
            "This Idempotency-Key was used with a different body; use a new key for a new assessment.",
            [{"field": "Idempotency-Key", "message": "already used with a different body"}],
        )
    return _created(earlier.assessment, replayed=True)


@api.post(
    "/v1/assessments",
    tags=["assessments"],
    response={201: LinksOut, 429: ErrorOut, **_ERRORS},
    openapi_extra={**_REQUEST_BODY, **_IDEMPOTENCY_HEADER},
    summary="Store an assessment and get its share links",
)
def assessments(request: HtmxHttpRequest) -> HttpResponse:
    body, loaded = read_inventory_body(request)
    key = _idempotency_key(request)
    client, digest = client_address(request), hashlib.sha256(body).hexdigest()
    if key is not None and (replay := _replay(client, key, digest)) is not None:
        return replay
    inputs = parse_loaded(loaded)
    # Like the forms, the limit counts assessments created, not requests refused for bad input or replayed.
    if wait := wait_to_create(request):
        return too_many(request, wait)
    if key is None:
        return _created(store.create(inputs))
    try:
        with transaction.atomic():
            assessment = store.create(inputs)
            IdempotentCreation.objects.create(client=client, key=key, body_digest=digest, assessment=assessment)
    except IntegrityError:
        # The same retry raced this one and won: answer as it did.
        replay = _replay(client, key, digest)
        if replay is None:
            raise
        return replay
    return _created(assessment)


_COMPARE_PARAMETERS = {
    "parameters": [
        {
            "name": name,
            "in": "query",
            "required": True,
            "schema": {"type": "string", "minLength": 1, "maxLength": 64},
            "description": f"The view token of the {which} assessment (the last part of its share link /r/<token>/).",
        }
        for name, which in (("a", "earlier"), ("b", "later"))
    ]
}


@api.get(
    "/v1/compare",
    tags=["assessments"],
    response={200: dict[str, Any], 400: ErrorOut, 404: ErrorOut},
    openapi_extra=_COMPARE_PARAMETERS,
    summary="What changed from one stored assessment (a) to another (b)",
)
def compare_assessments(request: HttpRequest) -> HttpResponse:
    tokens = {name: request.GET.get(name, "") for name in ("a", "b")}
    missing = [{"field": name, "message": "is required: a view token"} for name, token in tokens.items() if not token]
    if missing:
        raise BadRequest(400, "Name both assessments by their view tokens: ?a=<earlier>&b=<later>.", missing)
    found = {a.view_token: a for a in StoredAssessment.objects.filter(view_token__in=tokens.values())}
    unknown = [
        {"field": name, "message": "names no assessment"} for name, token in tokens.items() if token not in found
    ]
    if unknown:
        raise BadRequest(404, "No assessment has this view token.", unknown)
    comparison = stored_comparison(found[tokens["a"]], found[tokens["b"]])
    body = {"a": tokens["a"], "b": tokens["b"], **comparison_to_dict(comparison)}
    return HttpResponse(json.dumps(body, ensure_ascii=False), content_type="application/json; charset=utf-8")
