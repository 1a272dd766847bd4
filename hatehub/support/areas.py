"""Postcode areas and districts a local support service covers (pure: no Django).

A service lists areas ("L", "CH") or districts ("WA1") separated by commas or spaces. A victim's
postcode ("L1 8JQ", "l18jq") or district ("L1") is covered when its area (the leading letters)
or its district (the outward code) is listed.
"""

import re

_ENTRY = re.compile(r"^[A-Z]{1,2}([0-9][A-Z0-9]?)?$")
_OUTWARD = re.compile(r"^([A-Z]{1,2})([0-9][A-Z0-9]?)")
_FULL = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")


class AreaError(ValueError):
    pass


def parse_areas(text: str) -> list[str]:
    """The listed areas and districts, upper-cased and de-duplicated in order; raises
    AreaError naming the first entry that is not a postcode area or district."""
    entries: dict[str, None] = {}
    for raw in re.split(r"[\s,;]+", (text or "").strip()):
        if not raw:
            continue
        entry = raw.upper()
        if not _ENTRY.match(entry):
            raise AreaError(
                f"{raw!r} is not a postcode area or district: use letters like L or CH, "
                "or a district like WA1"
            )
        entries[entry] = None
    return list(entries)


def outward_code(postcode: str) -> str | None:
    """The district (outward code) of a full postcode or a district; None if it is neither."""
    compact = re.sub(r"\s+", "", (postcode or "").upper())
    if not compact:
        return None
    full = _FULL.match(compact)
    if full:
        return full.group(1)
    if _OUTWARD.fullmatch(compact):
        return compact
    return None


def covers(areas: list[str], postcode: str) -> bool:
    """Whether a postcode (or district) falls in one of the listed areas or districts."""
    district = outward_code(postcode)
    if district is None:
        return False
    area = _OUTWARD.match(district).group(1)
    return district in areas or area in areas
