"""How an officer's decision reads to people: offences and strands by their names from the rule
tables (never internal ids such as ``ca2003_s127_1``), and what the decision changed from the
recommendation. The case page, the evidence package and the supervisor's review page read it."""

import re
from dataclasses import dataclass, field
from typing import Any

from .models import Assessment, Classification
from .rules import Rules, load_rules

# The rule tables cite the project's own reference notes first ("DOMAIN.md s5: ...") and the
# public source after: a document that leaves the hub gives only the public part.
_INTERNAL_NOTE = re.compile(r"\bDOMAIN\.md\s+s\d+[a-z]?(?:\s*[-,]\s*s?\d+)*\s*:?\s*", re.IGNORECASE)


def public_source(source: str) -> str:
    """A rule's source without the hub's internal reference notes, e.g. "Protection from
    Harassment Act 1997 s2, s2A, s4, s4A" for "DOMAIN.md s5: Protection from ..."."""
    text = _INTERNAL_NOTE.sub("", source or "").strip(" ;:")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    return text


def classification_label(value: str, nation: str | None = None, rules: Rules | None = None) -> str:
    """A classification as people read it; a hate incident by the nation's name for it
    ("Police Scotland hate incident", "PSNI hate incident") when the nation is known."""
    if value == Classification.HATE_INCIDENT and nation:
        incident = (rules or load_rules()).nchi.hate_incidents.get(nation)
        if incident:
            return incident.name
    return Classification(value).label if value in Classification.values else value


def nation_of(recommendation: dict) -> str | None:
    """The nation whose law a stored recommendation applied (None before issue 15 s3)."""
    return ((recommendation or {}).get("nation") or {}).get("id")


def offence_label(offence_id: str, rules: Rules | None = None) -> str:
    """ "Name (Act section)" from the offence table; an id the table no longer holds (a rule
    removed since the decision) is shown as it was stored, marked so."""
    rules = rules or load_rules()
    for offence in rules.offences:
        if offence.id == offence_id:
            return f"{offence.name} ({offence.act} {offence.section})"
    return f"{offence_id} (no longer in the offence table)"


def strand_label(strand_id: str, rules: Rules | None = None) -> str:
    rules = rules or load_rules()
    strand = rules.strands.get(strand_id)
    return strand.name if strand else strand_id


@dataclass(frozen=True)
class Decision:
    """The officer's decision as people read it."""

    classification: str
    priority: int | None
    strands: list[str] = field(default_factory=list)
    offences: list[str] = field(default_factory=list)
    rationale: str = ""
    by: str = ""
    at: Any = None
    disagrees: bool = False
    differences: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """One line: classification, grade, strands and offences."""
        parts = [self.classification]
        if self.priority:
            parts.append(f"grade {self.priority}")
        parts.append("strands: " + (", ".join(self.strands) if self.strands else "none"))
        parts.append("offences: " + ("; ".join(self.offences) if self.offences else "none"))
        return ", ".join(parts)


def _changed(kind: str, recommended: list[str], decided: list[str], label) -> str | None:
    added = [label(item) for item in decided if item not in recommended]
    removed = [label(item) for item in recommended if item not in decided]
    if not added and not removed:
        return None
    said = []
    if added:
        said.append("added " + "; ".join(added))
    if removed:
        said.append("removed " + "; ".join(removed))
    return f"{kind}: " + ", ".join(said)


def differences(
    recommendation: dict,
    *,
    classification: str,
    strands: list[str],
    offences: list[str],
    priority: int | None,
    rules: Rules | None = None,
) -> list[str]:
    """What the decision changed from the recommendation, one line per kind, e.g.
    "Classification: recommended crime, decided non-crime hate incident"."""
    rules = rules or load_rules()
    lines = []
    recommended = recommendation.get("classification", "")
    nation = nation_of(recommendation)
    if classification != recommended:
        lines.append(
            f"Classification: recommended {classification_label(recommended, nation).lower()}, "
            f"decided {classification_label(classification, nation).lower()}"
        )
    recommended_grade = (recommendation.get("priority") or {}).get("grade")
    if priority is not None and priority != recommended_grade:
        lines.append(f"Priority: recommended grade {recommended_grade}, decided grade {priority}")
    for line in (
        _changed(
            "Strands",
            list(recommendation.get("strands", [])),
            list(strands),
            lambda s: strand_label(s, rules),
        ),
        _changed(
            "Offences",
            [offence["id"] for offence in recommendation.get("offences", [])],
            list(offences),
            lambda o: offence_label(o, rules),
        ),
    ):
        if line:
            lines.append(line)
    return lines


def decision_of(assessment: Assessment, rules: Rules | None = None) -> Decision | None:
    """The recorded decision of an assessment, or None if the officer has not decided."""
    if not assessment.decided:
        return None
    rules = rules or load_rules()
    who = assessment.decided_by
    return Decision(
        classification=classification_label(
            assessment.decided_classification, nation_of(assessment.recommendation), rules
        ),
        priority=assessment.decided_priority,
        strands=[strand_label(s, rules) for s in assessment.decided_strands],
        offences=[offence_label(o, rules) for o in assessment.decided_offences],
        rationale=assessment.rationale,
        by=(who.get_full_name() or who.username) if who else "",
        at=assessment.decided_at,
        disagrees=assessment.disagrees,
        differences=differences(
            assessment.recommendation,
            classification=assessment.decided_classification,
            strands=assessment.decided_strands,
            offences=assessment.decided_offences,
            priority=assessment.decided_priority,
            rules=rules,
        ),
    )
