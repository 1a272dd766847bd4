"""Platforms report what they did with a referral: POST /api/v1/platforms/<slug>/status.

Not the partner API key: each platform signs its callback with its own key (issued by a hub
supervisor, shown once). Headers: `X-Hub-Timestamp` (Unix seconds) and
`X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`. Body:

    {"event_id": "evt-123", "referral": "TR-2026-000042",
     "items": [{"item": 1, "status": "removed"},
               {"item": 2, "status": "refused", "reason": "Not against our terms"}]}

`status` is acknowledged, removed, geo_blocked (restricted in the UK) or refused (with a
reason). `event_id` is unique per event: a repeat is refused as a replay. Every refusal is an
RFC 9457 problem and is written to the audit log.
"""

from __future__ import annotations

import json
import time
from typing import Literal

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import Router
from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticError

from hatehub.audit.services import acting_as
from hatehub.core.problems import problem, problems

from . import services, signing
from .models import Platform

router = Router(tags=["Platforms"])
PROBLEM = "urn:hatehub:problem:"
MAX_BODY = 256 * 1024


class ItemUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    item: int = Field(ge=1, le=10000)
    status: Literal["acknowledged", "removed", "geo_blocked", "refused"]
    reason: str = Field(default="", max_length=500)


class StatusReport(BaseModel):
    model_config = ConfigDict(extra="forbid")
    event_id: str = Field(min_length=1, max_length=200)
    referral: str = Field(min_length=1, max_length=20)
    items: list[ItemUpdate] = Field(min_length=1, max_length=500)


def _refuse(slug: str, status: int, title: str, detail: str, kind: str, **details) -> HttpResponse:
    services.status.record_refused_callback(
        slug, f"{title}: {detail}", details={"status": status, "problem": kind, **details}
    )
    headers = {"WWW-Authenticate": 'HMAC realm="hatehub-platforms"'} if status == 401 else None
    return problem(status, title, detail=detail, type_=PROBLEM + kind, headers=headers)


def _field(loc: tuple) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else f".{part}" if name else str(part)
    return name


@router.post(
    "/{slug}/status",
    auth=None,
    url_name="callback",
    summary="A platform reports what it did with referred items",
    description=__doc__,
    response={200: dict, **problems(400, 401, 404, 409, 413, 422)},
)
def status_callback(request: HttpRequest, slug: str) -> HttpResponse:
    body = request.body
    platform = Platform.objects.filter(slug=slug[:40], active=True).first()
    with acting_as(f"platform:{slug[:40]}", user=None):
        if platform is None or not platform.callback_secret_salt:
            return _refuse(
                slug,
                401,
                "Not authenticated",
                "Unknown platform, or it has no callback key",
                "callback-unauthenticated",
            )
        try:
            signing.verify(
                services.directory.callback_secret(platform),
                timestamp=request.headers.get("X-Hub-Timestamp"),
                signature_header=request.headers.get("X-Hub-Signature-256"),
                body=body,
                now=time.time(),
                window=getattr(settings, "HUB_CALLBACK_WINDOW_SECONDS", 300),
            )
        except signing.SignatureProblem as refused:
            return _refuse(slug, 401, "Not authenticated", str(refused), "callback-unauthenticated")
        if len(body) > MAX_BODY:
            return _refuse(slug, 413, "Too large", "The body is over 256 KB", "callback-too-large")
        try:
            report = StatusReport.model_validate(json.loads(body))
        except (json.JSONDecodeError, UnicodeDecodeError):
            return _refuse(slug, 400, "Malformed body", "The body is not JSON", "malformed-body")
        except PydanticError as invalid:
            errors = [
                {"field": _field(error["loc"]), "message": error["msg"]}
                for error in invalid.errors()
            ]
            services.status.record_refused_callback(
                slug, "Invalid status report", details={"status": 422, "errors": errors[:10]}
            )
            return problem(
                422,
                "The status report is not valid",
                detail=f"{len(errors)} field(s) to correct: see errors",
                type_=PROBLEM + "validation-failed",
                errors=errors,
            )
        try:
            items = services.status.record_callback(
                platform,
                event_id=report.event_id,
                referral_reference=report.referral,
                updates=[
                    services.status.CallbackUpdate(u.item, u.status, u.reason) for u in report.items
                ],
                body=body,
            )
        except services.CallbackReplay as replay:
            return _refuse(
                slug,
                409,
                "Replayed event",
                str(replay),
                "callback-replay",
                event_id=report.event_id,
            )
        except services.ReferralRefused as refused:
            status = getattr(refused, "status", 422)
            kind = "unknown-referral" if status == 404 else "callback-rejected"
            return _refuse(
                slug, status, "Not applied", str(refused), kind, referral=report.referral
            )
    return JsonResponse(
        {
            "referral": report.referral,
            "event_id": report.event_id,
            "items": [{"item": item.number, "status": item.status} for item in items],
        }
    )
