import dataclasses
import functools
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from . import geography
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


# -- reference geography ------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def force_areas() -> geography.ForceAreas:
    """The force-area index, built once per process (about a second): every lookup after the
    first is sub-millisecond. Call force_areas.cache_clear() after replacing the files."""
    return geography.ForceAreas.from_geojson(
        Path(settings.HUB_REFERENCE_DIR) / geography.FORCE_AREAS_FILE
    )


@functools.lru_cache(maxsize=1)
def postcode_districts() -> geography.PostcodeDistricts:
    """The postcode districts, read once per process, located against force_areas()."""
    return geography.PostcodeDistricts.from_csv(
        Path(settings.HUB_REFERENCE_DIR) / geography.POSTCODE_DISTRICTS_FILE, force_areas()
    )


def resolve_place(query: str | tuple[float, float]) -> geography.Resolution:
    """geography.resolve() with the Force row attached (Force.ons_code == pfa_code), or None
    when the answer is "none" or the force list has not been loaded. Raises GeographyError for
    input we cannot answer (the message is fit to show)."""
    resolution = geography.resolve(query, force_areas(), postcode_districts())
    if not resolution.pfa_code:
        return resolution
    force = Force.objects.filter(ons_code=resolution.pfa_code).first()
    return dataclasses.replace(resolution, force=force)
