"""Cases in the states retention cares about, made through the real services where they exist."""

from datetime import timedelta

from django.apps import apps
from django.db import models
from django.utils import timezone

from hatehub.assessment.models import Assessment
from hatehub.cases.models import Case, CaseEvent
from hatehub.cases.services import add_event
from hatehub.core.extensions import app_modules


def close(case: Case, *, ago_days: int = 0) -> Case:
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLOSED)
    event = add_event(case, CaseEvent.Kind.CLOSED, "Case closed")
    CaseEvent.objects.filter(pk=event.pk).update(at=timezone.now() - timedelta(days=ago_days))
    return Case.objects.get(pk=case.pk)


def decide(case: Case, classification: str, *, nchi_personal_data=None, by=None) -> Assessment:
    """An officer's decision (as `assessment.services.record_decision` stores it)."""
    number = case.assessments.count() + 1
    now = timezone.now()
    return Assessment.objects.create(
        case=case,
        number=number,
        reason="[SYNTHETIC] test",
        created_at=now,
        answers={"quoted": "[SYNTHETIC] inferred words"},
        recommendation={
            "classification": classification,
            "strands": ["race"],
            "offences": [],
            "priority": {"grade": 3},
            "nchi_personal_data": nchi_personal_data,
            "explanation": ["[SYNTHETIC] because of the words"],
        },
        rules_version="test",
        decided_classification=classification,
        decided_strands=["race"],
        decided_by=by,
        decided_at=now,
        rationale="[SYNTHETIC] rationale",
    )


TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField, models.EmailField)


def tables_containing(*needles: str) -> dict[str, list[str]]:
    """Every model's text and JSON columns, read through the ORM (so encrypted fields are read
    decrypted), searched for each needle: {"app.Model.field": [needle, ...]}."""
    found: dict[str, list[str]] = {}
    lowered = [n.casefold() for n in needles if n]
    for model in apps.get_models(include_auto_created=True):
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS)]
        if not names:
            continue
        for row in model._default_manager.values_list(*names).iterator():
            for name, value in zip(names, row, strict=True):
                text = str(value).casefold() if value is not None else ""
                hits = [n for n in lowered if n in text]
                if hits:
                    found.setdefault(f"{model._meta.label}.{name}", []).extend(hits)
    return found


def apps_without_personal_data_module() -> set[str]:
    """Hub apps holding case data whose `personal_data.py` is still to be written by their
    owners (see docs/privacy.md): their tables are reported separately."""
    have = {m.__name__.split(".")[1] for m in app_modules("personal_data")}
    return {"victims", "platforms", "volunteers"} - have
