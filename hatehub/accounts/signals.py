"""Sign-ins and failed sign-ins go in the audit log (they are who-accessed-what evidence)."""

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from hatehub.audit.context import Actor
from hatehub.audit.middleware import actor_for
from hatehub.audit.services import Action, record


@receiver(user_logged_in)
def log_sign_in(sender, request, user, **kwargs) -> None:
    actor = Actor(label=f"user:{user.username}", user=user, **_where(request))
    record(Action.SIGN_IN, "user", user.pk, summary=f"{user.username} signed in", actor=actor)


@receiver(user_login_failed)
def log_failed_sign_in(sender, credentials, request=None, **kwargs) -> None:
    username = str(credentials.get("username", ""))[:150]
    actor = Actor(label="public", **(_where(request) if request else {}))
    record(
        Action.SIGN_IN_FAILED,
        "user",
        "",
        summary=f"Failed sign-in for username {username!r}",
        actor=actor,
    )


def _where(request) -> dict:
    actor = actor_for(request)
    return {
        "ip_address": actor.ip_address,
        "user_agent": actor.user_agent,
        "request_path": actor.request_path,
    }
