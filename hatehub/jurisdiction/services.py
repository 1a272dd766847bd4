from django.db import transaction
from django.utils.text import slugify

from .models import Force
from .reference_files import ForceRow


def _existing(row: ForceRow) -> Force | None:
    if row.ons_code:
        found = Force.objects.filter(ons_code=row.ons_code).first()
        if found:
            return found
    if row.police_uk_id:
        return Force.objects.filter(police_uk_id=row.police_uk_id).first()
    return None


@transaction.atomic
def load_forces(rows: list[ForceRow], *, source: str) -> tuple[int, int]:
    """Create or update forces, matched by ONS code or data.police.uk id; returns
    (created, updated). Never deletes a force that cases may point to."""
    created = updated = 0
    for row in rows:
        force = _existing(row) or Force(police_uk_id=row.police_uk_id or slugify(row.short_name))
        created += force.pk is None
        updated += force.pk is not None
        force.ons_code = row.ons_code or force.ons_code
        force.short_name = row.short_name
        force.name = row.name
        force.police_uk_id = row.police_uk_id or force.police_uk_id
        force.country = row.country or force.country
        force.territorial = row.territorial
        force.source = source[:200]
        force.save()
    return created, updated
