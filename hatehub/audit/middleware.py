from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from .context import Actor, reset_actor, set_actor


def client_ip(request: HttpRequest) -> str:
    """The visitor's address. Behind HUB_TRUSTED_PROXIES proxies, each appends the address it
    saw to X-Forwarded-For, so the visitor is that many entries from the end; anything further
    left was written by the visitor and is not trusted. Without proxies, REMOTE_ADDR."""
    proxies = settings.HUB_TRUSTED_PROXIES
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def actor_for(request: HttpRequest) -> Actor:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        label = f"user:{user.username}"
    else:
        user, label = None, "public"
    return Actor(
        label=label,
        user=user,
        ip_address=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:300],
        request_path=request.path[:300],
    )


class RequestContextMiddleware:
    """Makes the signed-in person (or "public") the actor of every audit entry in this request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = set_actor(actor_for(request))
        try:
            return self.get_response(request)
        finally:
            reset_actor(token)
