"""The rule of issue 18, checked while the whole suite runs: a case's status is changed only by
`hatehub.cases` (its services), never by another app writing the row itself. Tests may set up
any state they like; the hub's own code outside `hatehub/cases/` may not."""

import sys
from pathlib import Path

from django.db.models.signals import post_init, pre_save

import hatehub

HUB = str(Path(hatehub.__file__).parent) + "/"
CASES = HUB + "cases/"
MODELS = CASES + "models.py"


class CaseWrittenOutsideCases(AssertionError):
    pass


def writer_outside_cases() -> str | None:
    """Where in the hub, outside `hatehub/cases/`, the save being made was called from (None
    when the nearest hub code is in `cases`, or the save comes from a test)."""
    frame = sys._getframe(1)
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename.startswith(HUB) and filename != MODELS and "/tests/" not in filename:
            if filename.startswith(CASES):
                return None
            return f"{filename.removeprefix(HUB)}:{frame.f_lineno} ({frame.f_code.co_name})"
        frame = frame.f_back
    return None


def _remember_status(sender, instance, **kwargs):
    instance._status_as_loaded = instance.__dict__.get("status")


def _check_status_write(sender, instance, update_fields=None, **kwargs):
    if update_fields is not None and "status" not in update_fields:
        return
    adding = instance._state.adding
    if not adding and instance.__dict__.get("status") == getattr(
        instance, "_status_as_loaded", None
    ):
        return
    writer = writer_outside_cases()
    if writer is not None:
        raise CaseWrittenOutsideCases(
            f"Case.status written by {writer}: change a case through hatehub.cases.services"
        )


def watch() -> None:
    from hatehub.cases.models import Case

    post_init.connect(_remember_status, sender=Case, dispatch_uid="tests.case_writes.init")
    pre_save.connect(_check_status_write, sender=Case, dispatch_uid="tests.case_writes.save")
