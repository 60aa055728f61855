"""The JSON API: POST inputs, get a recommendation (or a stored assessment's links)."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI, Status

from advisor.assessments import store
from advisor.engine import Assessment, InvalidAssessment, parse_assessment, recommend, recommendation_to_dict
from advisor.limits import may_create

from .schemas import AssessmentIn, ErrorOut, LinksOut, RecommendationOut

_INPUT_SCHEMA = AssessmentIn.model_json_schema(ref_template="#/components/schemas/{model}")
_INPUT_DEFINITIONS = {
    "AssessmentIn": {k: v for k, v in _INPUT_SCHEMA.items() if k != "$defs"},
    **_INPUT_SCHEMA["$defs"],
}
_REQUEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AssessmentIn"}}},
    }
}
_ERRORS: dict[int, Any] = {400: ErrorOut, 413: ErrorOut, 422: ErrorOut}


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
)


class BadRequest(Exception):
    def __init__(self, status: int, detail: str, errors: list[dict[str, str]] | None = None) -> None:
        super().__init__(detail)
        self.status = status
        self.body = {"detail": detail, "errors": errors or []}


@api.exception_handler(BadRequest)
def bad_request(request: HttpRequest, exc: BadRequest) -> HttpResponse:
    return api.create_response(request, exc.body, status=exc.status)


@api.exception_handler(RequestDataTooBig)
def too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    return api.create_response(request, _too_big_body(), status=413)


def _too_big_body() -> dict[str, Any]:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return {
        "detail": f"The request body is larger than {limit:,} bytes.",
        "errors": [{"field": "body", "message": f"must be at most {limit:,} bytes"}],
    }


def read_inputs(request: HttpRequest) -> Assessment:
    """The JSON body as a valid assessment, or a BadRequest that names what is wrong."""
    try:
        body = request.body
    except RequestDataTooBig:
        too_big = _too_big_body()
        raise BadRequest(413, too_big["detail"], too_big["errors"]) from None
    try:
        raw = json.loads(body)
    except (ValueError, UnicodeDecodeError) as error:
        raise BadRequest(
            400, "The request body is not valid JSON.", [{"field": "body", "message": f"not valid JSON: {error}"}]
        ) from None
    try:
        return parse_assessment(raw)
    except InvalidAssessment as invalid:
        raise BadRequest(
            422,
            "The assessment has invalid fields.",
            [{"field": e.field, "message": e.message} for e in invalid.errors],
        ) from None


@api.post(
    "/v1/recommendations",
    response={200: RecommendationOut, **_ERRORS},
    openapi_extra=_REQUEST_BODY,
    by_alias=True,
    summary="Recommend a pattern for each flow (nothing is stored)",
)
def recommendations(request: HttpRequest) -> HttpResponse:
    # The response model documents the shape; checking every response against it would cost more than
    # the recommendation itself, so a test checks the shape instead.
    body = recommendation_to_dict(recommend(read_inputs(request)))
    return HttpResponse(json.dumps(body, ensure_ascii=False), content_type="application/json; charset=utf-8")


@api.post(
    "/v1/assessments",
    response={201: LinksOut, 429: ErrorOut, **_ERRORS},
    openapi_extra=_REQUEST_BODY,
    summary="Store an assessment and get its share links",
)
def assessments(request: HttpRequest) -> Any:
    # Like the forms, the limit counts assessments created, not requests refused for bad input.
    inputs = read_inputs(request)
    if not may_create(request):
        return Status(429, {"detail": "Too many assessments created from your address; try again later.", "errors": []})
    return Status(201, store.create(inputs).links())
