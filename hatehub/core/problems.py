"""RFC 9457 problem details for API errors: one shape for every failure a client can get."""

from typing import Any

from django.http import HttpResponse, JsonResponse
from ninja import Schema
from pydantic import Field

PROBLEM_CONTENT_TYPE = "application/problem+json"
VALIDATION_FAILED = "urn:hatehub:problem:validation-failed"


def problem(
    status: int,
    title: str,
    *,
    detail: str = "",
    type_: str = "about:blank",
    errors: list[dict] | None = None,
    headers: dict[str, str] | None = None,
    **extra,
) -> JsonResponse:
    body: dict = {"type": type_, "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    body.update(extra)
    response = JsonResponse(body, status=status, content_type=PROBLEM_CONTENT_TYPE)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


# --- The API's problem shapes and the exception its views raise (every router uses them) ---


class FieldError(Schema):
    field: str = Field(examples=["strands[1]"])
    message: str


class Problem(Schema):
    """RFC 9457 problem details, served as application/problem+json. `errors` lists the fields
    to correct when the request is not valid."""

    type: str
    title: str
    status: int
    detail: str = ""
    errors: list[FieldError] | None = None


class ApiProblem(Exception):
    """Raised anywhere in a view to answer with a problem."""

    def __init__(self, status: int, title: str, detail: str = "", **kwargs: Any):
        super().__init__(detail or title)
        self.status, self.title, self.detail, self.kwargs = status, title, detail, kwargs

    def response(self) -> HttpResponse:
        return problem(self.status, self.title, detail=self.detail, **self.kwargs)


def field_problem(errors: list[tuple[str, str]]) -> ApiProblem:
    count = f"{len(errors)} field{'s' if len(errors) != 1 else ''}"
    return ApiProblem(
        422,
        "The request is not valid",
        f"{count} to correct: see errors",
        type_=VALIDATION_FAILED,
        errors=[{"field": field, "message": message} for field, message in errors],
    )


def problems(*codes: int) -> dict[int, type[Problem]]:
    return dict.fromkeys(codes, Problem)
