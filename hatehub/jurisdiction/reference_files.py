"""Reading the force list from the files a deployment is given (pure: no Django).

Two layouts are accepted: the hub's reference list (`uk_police_forces.csv`: pfa_code, pfa_name,
force_name, police_uk_id, country, territorial) and the ONS Open Geography "Police Force Areas
... Names and Codes" CSV (PFAyyCD, PFAyyNM), where the area name is also the force's name.
"""

import csv
import io
import re
from dataclasses import dataclass

ONS_CODE = re.compile(r"^[ENSWK]\d{8}$")
_COUNTRY_BY_PREFIX = {"E": "England", "W": "Wales", "S": "Scotland", "N": "Northern Ireland"}


class ReferenceFileError(ValueError):
    """The file is not a force list we understand; the message says what is wrong and where."""


@dataclass(frozen=True)
class ForceRow:
    ons_code: str  # empty for special forces that have no police force area
    short_name: str
    name: str
    police_uk_id: str
    country: str
    territorial: bool


def _ons_columns(header: list[str]) -> tuple[str, str] | None:
    code = next((h for h in header if re.fullmatch(r"PFA\d{2}CD", h, re.I)), None)
    name = next((h for h in header if re.fullmatch(r"PFA\d{2}NM", h, re.I)), None)
    return (code, name) if code and name else None


def parse_forces(text: str) -> list[ForceRow]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in (reader.fieldnames or [])]
    reader.fieldnames = header
    ons = _ons_columns(header)
    if not ons and not {"pfa_code", "force_name"} <= set(header):
        raise ReferenceFileError(
            "Not a force list: expected columns pfa_code and force_name, or ONS PFAyyCD and "
            f"PFAyyNM; found {', '.join(header) or 'no header'}."
        )
    rows: list[ForceRow] = []
    seen: set[str] = set()
    for line_number, raw in enumerate(reader, start=2):
        row = {k: (v or "").strip() for k, v in raw.items() if k}
        if ons:
            code, short = row[ons[0]], row[ons[1]]
            name, police_uk_id, territorial = short, "", True
            country = _COUNTRY_BY_PREFIX.get(code[:1], "")
        else:
            code, short = row["pfa_code"], row.get("pfa_name") or row["force_name"]
            name, police_uk_id = row["force_name"], row.get("police_uk_id", "")
            country = row.get("country", "")
            territorial = not row.get("territorial", "yes").lower().startswith(("no", "false", "0"))
        if not code and not territorial and police_uk_id:
            code = ""  # a special force (British Transport Police) has no police force area
        elif not ONS_CODE.match(code):
            raise ReferenceFileError(f"Line {line_number}: {code!r} is not an ONS area code.")
        if not name:
            raise ReferenceFileError(f"Line {line_number}: force {code} has no name.")
        key = code or police_uk_id
        if key in seen:
            raise ReferenceFileError(f"Line {line_number}: force {key} appears twice.")
        seen.add(key)
        rows.append(ForceRow(code, short, name, police_uk_id, country, territorial))
    if not rows:
        raise ReferenceFileError("The force list has no rows.")
    return rows
