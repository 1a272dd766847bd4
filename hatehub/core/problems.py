"""RFC 9457 problem details for API errors: one shape for every failure a client can get."""

from django.http import JsonResponse

PROBLEM_CONTENT_TYPE = "application/problem+json"


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
