import dataclasses
import functools
import re
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from . import geography, responsibility
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


def geography_dir() -> Path:
    """Where the geography files are read from: the copy `load_reference_data` made for this
    deployment (HUB_GEOGRAPHY_DIR), else the reference directory itself."""
    loaded = Path(settings.HUB_GEOGRAPHY_DIR)
    if (loaded / geography.FORCE_AREAS_FILE).is_file():
        return loaded
    return Path(settings.HUB_REFERENCE_DIR)


@functools.lru_cache(maxsize=1)
def force_areas() -> geography.ForceAreas:
    """The force-area index, built once per process (about a second): every lookup after the
    first is sub-millisecond. Call force_areas.cache_clear() after replacing the files."""
    return geography.ForceAreas.from_geojson(geography_dir() / geography.FORCE_AREAS_FILE)


@functools.lru_cache(maxsize=1)
def postcode_districts() -> geography.PostcodeDistricts:
    """The postcode districts, read once per process, located against force_areas()."""
    return geography.PostcodeDistricts.from_csv(
        geography_dir() / geography.POSTCODE_DISTRICTS_FILE, force_areas()
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


# -- responsible force --------------------------------------------------------------------------

_POSTCODE_IN_TEXT = re.compile(r"\b([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})?\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+")


def _choice(pfa_code: str | None, force_name: str | None) -> responsibility.ForceChoice | None:
    return responsibility.ForceChoice(pfa_code, force_name) if pfa_code and force_name else None


def _place(given: str, resolution: geography.Resolution, how: str) -> responsibility.Place:
    return responsibility.Place(
        given=given,
        force=_choice(resolution.pfa_code, resolution.force_name),
        alternatives=tuple(
            choice
            for alt in resolution.alternatives
            if (choice := _choice(alt.pfa_code, alt.force_name))
        ),
        abroad=resolution.method == geography.NONE,  # at sea, abroad or a Crown Dependency
        how=how,
    )


def place_from_text(text: str) -> responsibility.Place | None:
    """Where a free-text answer ("says he lives in Leeds", "CF10 1AA", "somewhere in the USA")
    puts someone: a postcode or district in it first, then a town named in it (longest name
    first), then a mention of another country. None when nothing in it is a place we know.
    An answer given with doubt ("I don't know, maybe Leeds") gives a place marked ``hedged``:
    a hint the officer sees, which the responsible-force rule does not treat as known."""
    text = " ".join((text or "").split())
    if not text:
        return None
    place = _place_in(text)
    doubt = responsibility.hedges(text)
    if place is None or not doubt:
        return place
    return dataclasses.replace(place, hedged=doubt)  # a hint for the officer, not a location


def _place_in(text: str) -> responsibility.Place | None:
    try:
        return _place(text, resolve_place(text), f"place {text}")
    except geography.GeographyError:
        pass
    for found in _POSTCODE_IN_TEXT.finditer(text):
        candidate = " ".join(part for part in found.groups() if part)
        try:
            return _place(text, resolve_place(candidate), f"postcode {candidate.upper()}")
        except geography.GeographyError:
            continue
    words = _WORD.findall(text)
    for size in (3, 2, 1):
        for start in range(len(words) - size + 1):
            name = " ".join(words[start : start + size])
            if size == 1 and not name[0].isupper():
                continue  # single lower-case words are too often ordinary words ("reading")
            try:
                resolution = geography.resolve(name, force_areas(), postcode_districts())
            except geography.GeographyError:
                continue
            return _place(text, resolution, f"town {name}")
    if responsibility.mentions_abroad(text):
        return responsibility.Place(given=text, abroad=True, how="outside the UK")
    return None


def responsible_force(report) -> responsibility.Decision:
    """The recommended recording and investigating force for one victim's report."""
    complainant = getattr(report, "complainant", None)
    victim_text = ""
    if complainant is not None:
        victim_text = complainant.victim_postcode or complainant.victim_town
    victim = place_from_text(victim_text) if victim_text else None
    suspect = place_from_text(report.poster_location) if report.poster_location else None
    return responsibility.decide(victim, suspect, rule=settings.HUB_RESPONSIBLE_FORCE_RULE)


def case_responsibility(case) -> responsibility.Decision | None:
    """The responsible-force decision for a case, from its first victim's report (a victim, or
    someone reporting for one), else its first report. None for a case with no reports."""
    reports = case.reports.select_related("complainant").order_by("submitted_at", "pk")
    report = reports.filter(reporter_role__in=["victim", "on_behalf"]).first() or reports.first()
    return responsible_force(report) if report is not None else None


def force_for(choice: responsibility.ForceChoice | None) -> Force | None:
    return Force.objects.filter(ons_code=choice.pfa_code).first() if choice else None
