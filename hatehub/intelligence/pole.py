"""The POLE graph of a set of intelligence reports, and its JSON and CSV forms (pure: no Django).

POLE (Person, Object, Location, Event) is the shape police intelligence systems take in
(DOMAIN.md section 7). The hub's entities map onto it so:

- person: an identified suspect (`suspects.Person`) linked to the report;
- object: an online account (`matching.OnlineAccount`) linked to the report;
- location: a police force area (`jurisdiction.Force`) or a place written on the report;
- event: a case the report was created from (an incident or a piece of content).

Relationships between them come from what the hub holds: a person believed to use an account,
an account involved in a case, a person living in a force area, a case allocated to a force.
Only entities in the export appear, and a relationship only when both of its ends do.

Source details never enter the graph: no complainant, reporter or report text, only the reviewed
sanitised text and the entities an officer linked. Output is ordered by id, so the same data
always gives the same document.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import grading as grading_rules


@dataclass(frozen=True)
class PersonNode:
    reference: str
    full_name: str
    other_names: tuple[str, ...] = ()
    date_of_birth: dt.date | None = None
    force: str | None = None  # police_uk_id of the force area they live in


@dataclass(frozen=True)
class AccountNode:
    key: int
    platform: str
    handle: str
    platform_user_id: str | None = None
    handles: tuple[str, ...] = ()  # every handle it has used


@dataclass(frozen=True)
class ForceNode:
    code: str  # police_uk_id
    name: str


@dataclass(frozen=True)
class CaseNode:
    reference: str
    opened_on: dt.date
    platforms: tuple[str, ...] = ()
    strands: tuple[str, ...] = ()
    force: str | None = None  # police_uk_id of the force it is allocated to
    accounts: tuple[int, ...] = ()  # keys of the accounts behind its reports


@dataclass(frozen=True)
class PersonAccount:
    person: str  # person reference
    account: int  # account key
    confidence: str
    source: str


@dataclass(frozen=True)
class ReportNode:
    reference: str
    title: str
    sanitised_text: str
    grading: grading_rules.Grading
    nim_level: int
    disseminated_at: dt.datetime
    legacy_grading: grading_rules.Grading | None = None
    persons: tuple[str, ...] = ()
    accounts: tuple[int, ...] = ()
    forces: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    cases: tuple[str, ...] = ()


@dataclass
class Graph:
    entities: list[dict[str, Any]] = field(default_factory=list)
    relationships: list[dict[str, Any]] = field(default_factory=list)
    intelligence_reports: list[dict[str, Any]] = field(default_factory=list)


# --------------------------------------------------------------------------- ids


def person_id(reference: str) -> str:
    return f"person:{reference}"


def account_id(key: int) -> str:
    return f"object:online-account:{key}"


def force_id(code: str) -> str:
    return f"location:force:{code}"


def place_id(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return f"location:place:{slug or 'unnamed'}"


def case_id(reference: str) -> str:
    return f"event:case:{reference}"


# --------------------------------------------------------------------------- building


def _grading(grading: grading_rules.Grading) -> dict[str, Any]:
    words = grading_rules.describe(grading)
    return {
        "scheme": grading.scheme,
        "code": grading.code,
        "source_evaluation": {
            "code": grading.source_evaluation,
            "meaning": words["source_evaluation"].split(": ", 1)[1],
        },
        "intelligence_assessment": {
            "code": grading.intelligence_assessment,
            "meaning": words["intelligence_assessment"].split(": ", 1)[1],
        },
        "handling_code": {
            "code": grading.handling_code,
            "meaning": words["handling_code"].split(": ", 1)[1],
        },
    }


def _report(report: ReportNode, entity_ids: list[str]) -> dict[str, Any]:
    handling = {
        "code": report.grading.handling_code,
        "meaning": grading_rules.describe(report.grading)["handling_code"].split(": ", 1)[1],
        "conditions": report.grading.conditions.strip() or None,
    }
    legacy = None
    if report.legacy_grading is not None:
        legacy = {
            **_grading(report.legacy_grading),
            "note": "Legacy grading recorded for reference; the 3x5x2 grading applies.",
        }
    return {
        "reference": report.reference,
        "title": report.title,
        "sanitised_text": report.sanitised_text,
        "disseminated_at": report.disseminated_at.isoformat(),
        "nim_level": report.nim_level,
        "nim_level_meaning": grading_rules.nim_level_words(report.nim_level),
        "grading": _grading(report.grading),
        "handling": handling,
        "legacy_grading": legacy,
        "entities": entity_ids,
    }


def build_graph(
    reports: Sequence[ReportNode],
    *,
    persons: Iterable[PersonNode] = (),
    accounts: Iterable[AccountNode] = (),
    forces: Iterable[ForceNode] = (),
    cases: Iterable[CaseNode] = (),
    person_accounts: Iterable[PersonAccount] = (),
) -> Graph:
    """The entities the reports link, the relationships among them, and the reports.

    `persons`, `accounts`, `forces` and `cases` are lookups: only those a report links (and the
    force areas they point to) become entities."""
    person_by = {person.reference: person for person in persons}
    account_by = {account.key: account for account in accounts}
    force_by = {force.code: force for force in forces}
    case_by = {case.reference: case for case in cases}
    entities: dict[str, dict[str, Any]] = {}

    def add_force(code: str | None) -> str | None:
        if not code:
            return None
        force = force_by.get(code)
        entities.setdefault(
            force_id(code),
            {
                "id": force_id(code),
                "type": "location",
                "kind": "police_force_area",
                "code": code,
                "name": force.name if force else code,
            },
        )
        return force_id(code)

    report_dicts = []
    for report in sorted(reports, key=lambda r: r.reference):
        linked: list[str] = []
        for reference in report.persons:
            person = person_by.get(reference)
            if person is None:
                continue
            entities[person_id(reference)] = {
                "id": person_id(reference),
                "type": "person",
                "reference": person.reference,
                "full_name": person.full_name,
                "other_names": list(person.other_names),
                "date_of_birth": person.date_of_birth.isoformat() if person.date_of_birth else None,
                "force_area": person.force,
            }
            add_force(person.force)
            linked.append(person_id(reference))
        for key in report.accounts:
            account = account_by.get(key)
            if account is None:
                continue
            entities[account_id(key)] = {
                "id": account_id(key),
                "type": "object",
                "kind": "online_account",
                "platform": account.platform,
                "handle": account.handle,
                "platform_user_id": account.platform_user_id,
                "handles": sorted(set(account.handles) | {account.handle}),
            }
            linked.append(account_id(key))
        for code in report.forces:
            if (added := add_force(code)) is not None:
                linked.append(added)
        for place in report.places:
            if not place.strip():
                continue
            entities.setdefault(
                place_id(place),
                {"id": place_id(place), "type": "location", "kind": "place", "name": place},
            )
            linked.append(place_id(place))
        for reference in report.cases:
            case = case_by.get(reference)
            if case is None:
                continue
            entities[case_id(reference)] = {
                "id": case_id(reference),
                "type": "event",
                "kind": "online_hate_case",
                "reference": case.reference,
                "opened_on": case.opened_on.isoformat(),
                "platforms": sorted(case.platforms),
                "strands": sorted(case.strands),
                "force_area": case.force,
            }
            add_force(case.force)
            linked.append(case_id(reference))
        report_dicts.append(_report(report, sorted(set(linked))))

    relationships: set[tuple[str, str, str]] = set()
    extra: dict[tuple[str, str, str], dict[str, str]] = {}
    for link in person_accounts:
        ends = (person_id(link.person), account_id(link.account))
        if all(end in entities for end in ends):
            relationship = (*ends, "uses_account")
            relationships.add(relationship)
            extra[relationship] = {"confidence": link.confidence, "source": link.source}
    for case in case_by.values():
        if case_id(case.reference) not in entities:
            continue
        for key in case.accounts:
            if account_id(key) in entities:
                relationships.add((account_id(key), case_id(case.reference), "involved_in"))
        if case.force:
            relationships.add((case_id(case.reference), force_id(case.force), "allocated_to"))
    for person in person_by.values():
        if person_id(person.reference) in entities and person.force:
            relationships.add((person_id(person.reference), force_id(person.force), "lives_in"))
    return Graph(
        entities=[entities[key] for key in sorted(entities)],
        relationships=[
            {"from": start, "to": end, "type": kind, **extra.get((start, end, kind), {})}
            for start, end, kind in sorted(relationships)
        ],
        intelligence_reports=report_dicts,
    )


def export_document(
    graph: Graph, *, generated_at: dt.datetime, recipient: str, criteria: dict[str, Any]
) -> dict[str, Any]:
    """The JSON export: who it is for, what was asked for, and the graph."""
    return {
        "generated_at": generated_at.isoformat(),
        "recipient": recipient,
        "criteria": criteria,
        "grading_scheme": grading_rules.CURRENT,
        "entities": graph.entities,
        "relationships": graph.relationships,
        "intelligence_reports": graph.intelligence_reports,
    }


# --------------------------------------------------------------------------- CSV

CSV_COLUMNS = (
    "intelligence_report",
    "title",
    "disseminated_at",
    "nim_level",
    "grading",
    "source_evaluation",
    "intelligence_assessment",
    "handling_code",
    "handling_conditions",
    "sanitised_text",
    "entity_id",
    "entity_type",
    "entity_label",
    "entity_relationships",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def entity_label(entity: dict[str, Any]) -> str:
    if entity["type"] == "person":
        return f"{entity['full_name']} ({entity['reference']})"
    if entity["type"] == "object":
        return f"{entity['platform']} account {entity['handle']}"
    if entity["type"] == "event":
        return f"Case {entity['reference']} opened {entity['opened_on']}"
    return entity["name"]


def to_csv(document: dict[str, Any]) -> str:
    """One row per intelligence report and POLE entity it links (a report with none: one row),
    each carrying the report's grading, handling code and conditions, so a row never travels
    without its handling instructions."""
    entities = {entity["id"]: entity for entity in document["entities"]}
    outgoing: dict[str, list[str]] = {}
    for link in document["relationships"]:
        outgoing.setdefault(link["from"], []).append(f"{link['type']} {link['to']}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for report in document["intelligence_reports"]:
        grading = report["grading"]
        common = [
            report["reference"],
            report["title"],
            report["disseminated_at"],
            report["nim_level"],
            f"{grading['scheme']} {grading['code']}",
            grading["source_evaluation"]["code"],
            grading["intelligence_assessment"]["code"],
            report["handling"]["code"],
            report["handling"]["conditions"] or "",
            report["sanitised_text"],
        ]
        linked = [entities[entity_id] for entity_id in report["entities"] if entity_id in entities]
        for entity in linked or [None]:
            tail = (
                [
                    entity["id"],
                    entity["type"],
                    entity_label(entity),
                    "; ".join(outgoing.get(entity["id"], [])),
                ]
                if entity
                else ["", "", "", ""]
            )
            writer.writerow([safe_cell(value) for value in common + tail])
    return buffer.getvalue()
