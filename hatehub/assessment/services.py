"""Assessing a case: the engine's recommendation from the reports' words and the officer's
answers, kept beside the officer's own decision; re-assessed (with history) as reports join.

The officer decides; the software recommends and records (DOMAIN.md sections 2-6).
"""

import hashlib
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from hatehub.audit.services import Action, record
from hatehub.cases import signals
from hatehub.cases.models import Case, CaseEvent, Urgency
from hatehub.cases.services import add_event, set_urgency

from .decisions import classification_label, nation_of
from .engine import AnswerError, Answers, FiredRule, recommend, strand_names
from .inference import infer, to_answers
from .models import DECISIONS, Assessment, Classification
from .rules import NATION_NAMES, load_rules
from .safety import fail_safe

# The reporter's role in the report journey, as the routing rule names it (DOMAIN.md s2).
REPORTER_OF_ROLE = {
    "victim": "victim",
    "witness": "witness",
    "on_behalf": "third_party",
    "organisation": "organisation",
}
# The Victims' Code event an officer's decision is (hatehub.victims.clocks.RULES): a crime is
# recorded; a non-crime hate incident or something not about hate is not recorded as a crime;
# a matter that is not for the police is not investigated.
VICTIMS_CODE_EVENT: dict[str, str] = {
    Classification.CRIME: "decision_to_record",
    Classification.NCHI: "decision_not_to_record",
    Classification.HATE_INCIDENT: "decision_not_to_record",
    Classification.NOT_HATE: "decision_not_to_record",
    Classification.NOT_POLICE_MATTER: "decision_not_to_investigate",
}
RULES_DIR = Path(__file__).resolve().parent / "rules"
# How much of a big case's text is read: the first reports say what the content is.
TEXT_REPORTS = 20


class DecisionRefused(ValueError):
    """The decision cannot be recorded as given; the message says why."""


def content_signals(text: str) -> tuple[Any, dict]:
    """The content signals for the text, or (None, {}) when the model cannot score: signals only
    add inferred answers and order the queue; an assessment never waits on them."""
    try:
        from . import classifier
    except ImportError:
        return None, {}
    try:
        result = classifier.score(text)
    except Exception as error:  # an optional aid must not block an assessment
        return None, {"error": str(error)}
    names = ("hate", "threat", "dehumanising", "derogatory", "slur", "targets", "evidence")
    return result, {name: getattr(result, name) for name in names if hasattr(result, name)}


REPORTED_KEYS = ("strands", "occurred_on", "future_event", "poster_identity_known")


def reported_answers(reported: dict, known_strands: tuple[str, ...]) -> tuple[tuple, dict]:
    """What the reporter said in the form or the API, as (perceived strands, answers): the
    strands they ticked are their perception (College of Policing: perceived by the victim or
    any other person); the date they give is the conduct date; a future event they say yes to,
    and a poster they know, are the True Vision routing answers. Raises AnswerError."""
    unknown = set(reported) - set(REPORTED_KEYS)
    if unknown:
        raise AnswerError(f"unknown reported key(s) {', '.join(sorted(unknown))}")
    strands = reported.get("strands") or []
    if not isinstance(strands, list | tuple) or any(
        s not in (*known_strands, "not_sure") for s in strands
    ):
        raise AnswerError(f"reported 'strands' must be a list from {', '.join(known_strands)}")
    answers: dict[str, Any] = {}
    if reported.get("occurred_on"):
        answers["conduct_date"] = reported["occurred_on"]
    if reported.get("future_event") in (True, "yes"):
        answers["future_event"] = True
    if reported.get("poster_identity_known") is True:
        answers["poster_identity_known"] = True
    perceived = tuple(s for s in strands if s in known_strands)
    if perceived:
        answers["hostility_based_on_characteristic"] = True
    return perceived, answers


def evaluate(
    text: str,
    reporter: str,
    given: dict,
    *,
    use_signals: bool = True,
    today=None,
    reported: dict | None = None,
) -> dict:
    """The recommendation as JSON-ready data: inferred answers (and which the officer
    overrode), the answers used, the recommendation with its rules, and the signals.

    ``reported``: what the reporter said in the form or the API (``REPORTED_KEYS``); it comes
    between what the text suggests and what the officer answers, who can still decide
    otherwise. Raises engine.AnswerError for answers that are not valid."""
    rules = load_rules()
    given_answers = Answers.from_mapping(given, tuple(rules.strands))
    perceived, from_reporter = reported_answers(reported or {}, tuple(rules.strands))
    reporter_answers = Answers.from_mapping(from_reporter, tuple(rules.strands))
    signals_obj, signals_out = content_signals(text) if use_signals else (None, {})
    inferred = infer(
        text,
        reporter,
        rules=rules,
        signals=signals_obj,
        perceived_strands=perceived,
        said_on=reporter_answers.conduct_date,
        today=today or timezone.localdate(),
    )
    answers = to_answers(inferred, reporter).merged(reporter_answers).merged(given_answers)
    rec = fail_safe(recommend(answers, rules, today=today), answers, inferred, rules, given=given)
    rec_fired = [fired.to_dict() for fired in rec.rules_fired]
    if perceived:
        ref = rules.ref("crime.perceived_by_reporter")
        perception = FiredRule(
            ref.id, ref.text, ref.source, ref.last_checked, strand_names(perceived, rules)
        )
        rec_fired.insert(0, perception.to_dict())
    return {
        "classification": rec.classification,
        # as people read it: "Police Scotland hate incident", "PSNI hate incident"
        "classification_label": classification_label(rec.classification, rec.nation, rules),
        "strands": list(rec.strands),
        "offences": [offence.to_dict() for offence in rec.offences],
        "priority": rec.priority_dict(),
        "route_to_local_force": rec.route_to_local_force,
        "urgent": rec.urgent,
        "enhanced_rights": rec.enhanced_rights,
        "inferred": {
            name: {**item.to_dict(), "overridden": name in given} for name, item in inferred.items()
        },
        "rules_fired": rec_fired,
        "signals": signals_out,
        "answers": _jsonable(answers.known()),
        "nchi_personal_data": rec.nchi_personal_data,
        "nation": rec.nation_dict(),  # the law applied (issue 15 s3)
        "nchi_code": rec.nchi_code,
        "explanation": list(rec.explanation),
        "conduct_date": rec.conduct_date.isoformat(),
        "conduct_date_assumed": rec.conduct_date_assumed,
    }


def _jsonable(values: dict) -> dict:
    """Answers as JSON: tuples as lists, dates as ISO text."""

    def plain(value):
        if isinstance(value, tuple):
            return list(value)
        return value.isoformat() if hasattr(value, "isoformat") else value

    return {name: plain(value) for name, value in values.items()}


def rules_version() -> str:
    """A short fingerprint of the rule tables in force, stored with each assessment so a
    recommendation can be traced to the rules that made it."""
    digest = hashlib.sha256()
    for path in sorted(RULES_DIR.glob("*.yaml")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def _case_text(case: Case) -> tuple[str, str]:
    """What the reports say (quoted words first, then descriptions) and who is reporting (the
    first victim's role if any)."""
    reports = list(case.reports.order_by("submitted_at", "pk")[:TEXT_REPORTS])
    parts = [r.quoted_text for r in reports if r.quoted_text]
    parts += [r.description for r in reports]
    roles = [r.reporter_role for r in reports]
    role = next((r for r in roles if r in ("victim", "on_behalf")), roles[0] if roles else "")
    return "\n".join(parts), REPORTER_OF_ROLE.get(role, "witness")


def _report_answers(case: Case) -> dict:
    """What the reporters said in the form or the API (``evaluate``'s ``reported``): the
    strands any of them ticked (their perception), the earliest date they give for the
    conduct, a future event, a poster they know."""
    reports = list(case.reports.prefetch_related("strands").order_by("submitted_at", "pk"))
    strands = dict.fromkeys(s.code for r in reports for s in r.strands.all())
    dates = [r.occurred_on for r in reports if r.occurred_on]
    reported: dict[str, Any] = {"strands": list(strands)}
    if dates:
        reported["occurred_on"] = min(dates).isoformat()
    if any(r.poster_identity_known for r in reports):
        reported["poster_identity_known"] = True
    if any(r.future_event == "yes" for r in reports):
        reported["future_event"] = True
    return reported


def _differs(rec: dict, classification: str, strands, offences, priority) -> bool:
    """Whether a decision differs from a recommendation (then it needs a rationale)."""
    return (
        classification != rec["classification"]
        or set(strands) != set(rec["strands"])
        or set(offences) != {offence["id"] for offence in rec["offences"]}
        or (priority is not None and priority != rec["priority"]["grade"])
    )


def _decision_of(assessment: Assessment) -> tuple:
    return (
        assessment.decided_classification,
        assessment.decided_strands,
        assessment.decided_offences,
        assessment.decided_priority,
    )


def _carried_decision(last: Assessment | None, rec: dict, new_reports: int) -> dict:
    """The officer's decision on the last assessment, carried to the new one: a new report
    never drops it. It waits for the officer to confirm it when new reports joined, or when
    the new recommendation differs from it."""
    if last is None or not last.decided:
        return {}
    return {
        "decided_classification": last.decided_classification,
        "decided_strands": list(last.decided_strands),
        "decided_offences": list(last.decided_offences),
        "decided_priority": last.decided_priority,
        "rationale": last.rationale,
        "decided_by": last.decided_by,
        "decided_at": last.decided_at,
        "disagrees": last.disagrees,
        "reviewed_by": last.reviewed_by,
        "reviewed_at": last.reviewed_at,
        "review_note": last.review_note,
        "decision_carried_from": last.decision_carried_from or last,
        "decision_to_confirm": bool(new_reports)
        or last.decision_to_confirm
        or _differs(rec, *_decision_of(last)),
    }


def urgency_of(assessment: Assessment) -> tuple[int, str]:
    """The case urgency an assessment gives, with the reason the queue shows. The officer's
    decided priority governs once confirmed; until then (no decision, or one carried to a
    re-assessment) the recommendation does, and a carried decision never makes it less
    urgent than the new recommendation."""
    rec = assessment.recommendation
    grade = rec["priority"]["grade"]
    level = Urgency.URGENT if rec["urgent"] or grade == 1 else Urgency.ROUTINE
    if level != Urgency.URGENT and (grade == 2 or rec["route_to_local_force"]):
        level = Urgency.PRIORITY
    parts = [
        f"Assessment {assessment.number}: grade {grade} ({rec['priority']['name']}, "
        f"{rec['priority']['response_time']})"
    ]
    if rec["route_to_local_force"]:
        routing = next((f for f in rec["rules_fired"] if f["id"].startswith("routing.")), None)
        parts.append("Route to the local force now" + (f": {routing['text']}" if routing else ""))
    decided = assessment.decided_priority
    if assessment.decided and decided:
        officer = {1: Urgency.URGENT, 2: Urgency.PRIORITY}.get(decided, Urgency.ROUTINE)
        if not assessment.decision_to_confirm:
            level = officer
            parts = [f"Officer's decision: grade {decided}", *parts[1:]]
        else:
            level = min(level, officer)
            parts.append(assessment.confirm_label)
    return level, ". ".join(parts)


def _follow(assessment: Assessment) -> None:
    level, reason = urgency_of(assessment)
    set_urgency(assessment.case, urgency=level, reason=reason)


# The nation whose law applies, from the force area's country (issue 15 s3). The
# ONS police force area code's first letter says the same (E, W, S, N), used when the force list
# has not been loaded.
NATION_OF_COUNTRY = {
    "England": "england_wales",
    "Wales": "england_wales",
    "Scotland": "scotland",
    "Northern Ireland": "northern_ireland",
}
NATION_OF_PFA_PREFIX = {"E": "england_wales", "W": "england_wales", "S": "scotland",
                        "N": "northern_ireland"}  # fmt: skip


def case_nation(case: Case) -> str:
    """The nation whose law applies to the case: where a victim is, else where the poster is,
    found through the jurisdiction app's place lookup (postcode or town -> force area -> the
    force's country); a place given with doubt ("maybe Glasgow") does not count. "unknown" when
    no report says where either is; the engine then shows the law of England and Wales as an
    assumption and says so."""
    from hatehub.jurisdiction import geography
    from hatehub.jurisdiction.services import force_for, place_from_text

    reports = list(case.reports.select_related("complainant").order_by("submitted_at", "pk"))
    victims = [r for r in reports if r.reporter_role in ("victim", "on_behalf")] or reports
    texts = []
    for report in victims:
        complainant = getattr(report, "complainant", None)
        if complainant is not None:
            texts.append(complainant.victim_postcode or complainant.victim_town)
    texts += [r.poster_location for r in reports]
    for text in filter(None, texts):
        try:
            place = place_from_text(text)
        except (geography.GeographyError, OSError):
            continue
        if place is None or place.force is None or place.hedged:
            continue  # a place given with doubt is a hint for the officer, not the law's nation
        force = force_for(place.force)
        nation = NATION_OF_COUNTRY.get(force.country if force else "")
        nation = nation or NATION_OF_PFA_PREFIX.get(place.force.pfa_code[:1])
        if nation:
            return nation
    return "unknown"


@transaction.atomic
def assess_case(
    case: Case,
    *,
    by=None,
    reason: str,
    confirmed: dict | None = None,
    new_reports: int = 0,
) -> Assessment:
    """A new assessment of the case, numbered after the last; the officer's confirmed answers
    and decision carry forward from the last assessment (``new_reports``: how many reports
    joined since, which puts the carried decision up for the officer to confirm). The case's
    urgency follows the new assessment."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    last = case.assessments.order_by("-number").first()
    if confirmed is None:
        confirmed = dict(last.confirmed) if last else {}
    text, reporter = _case_text(case)
    given = {"nation": case_nation(case), **confirmed}
    result = evaluate(text, reporter, given, reported=_report_answers(case))
    number = (case.assessments.aggregate(n=Max("number"))["n"] or 0) + 1
    assessment = Assessment.objects.create(
        case=case,
        number=number,
        reason=reason,
        created_at=timezone.now(),
        created_by=by,
        answers=result.pop("answers"),
        confirmed=confirmed,
        inferred=result["inferred"],
        signals=_plain(result["signals"]),
        recommendation=result,
        rules_version=rules_version(),
        **_carried_decision(last, result, new_reports),
    )
    carried = (
        f"; the officer's decision ({_label(assessment.decided_classification)}) carried "
        "forward: confirm it"
        if assessment.decision_to_confirm
        else ""
    )
    add_event(
        case,
        CaseEvent.Kind.ASSESSED,
        f"Assessment {number} ({reason}): recommends {_label(result['classification'])}"
        + (", urgent" if result["urgent"] else "")
        + carried,
        details={"assessment": assessment.pk},
    )
    record(
        Action.CREATE,
        "assessment",
        assessment.pk,
        summary=f"Case {case.reference} assessed ({reason})",
        details={
            "case": case.reference,
            "classification": result["classification"],
            "decision_carried_forward": bool(assessment.decision_carried_from_id),
        },
    )
    _follow(assessment)
    return assessment


def _plain(value):
    """Signals as JSON: floats rounded, tuples as lists."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, float):
        return round(value, 3)
    return value


def _label(classification: str) -> str:
    return Classification(classification).label.lower()


def reassess_if_new_reports(case: Case) -> Assessment | None:
    """Re-THRIVE when new reports have joined a case that has been assessed: a new assessment
    with the officer's confirmed answers carried forward; the earlier ones stay as history."""
    last = case.assessments.order_by("-number").first()
    if last is None:
        return None
    # Recorded since, not sent since: in a surge a report sent before the assessment may be
    # recorded after it.
    new = case.reports.filter(receipt__recorded_at__gt=last.created_at).count()
    if not new:
        return None
    return assess_case(case, reason=f"Re-assessment: {new} new report(s) joined", new_reports=new)


def nation_refuses(classification: str, recommendation: dict) -> str:
    """Why the law of the case's nation refuses this decision, or "": an NCHI is recorded in
    England and Wales only (the NCHI Code of Practice); a Police Scotland or PSNI hate incident
    only in Scotland or Northern Ireland (issue 15 s3). An assumed nation refuses nothing."""
    nation = nation_of(recommendation)
    assumed = ((recommendation or {}).get("nation") or {}).get("assumed", True)
    if not nation or assumed:
        return ""
    rules = load_rules()
    if classification == Classification.NCHI and nation not in rules.nchi.nations:
        incident = rules.nchi.hate_incidents.get(nation)
        instead = f": record a {incident.name} instead" if incident else ""
        where = NATION_NAMES.get(nation, nation)
        return (
            "A non-crime hate incident is recorded in England and Wales only (NCHI Code of "
            f"Practice); this case is under the law of {where}{instead}"
        )
    if classification == Classification.HATE_INCIDENT and nation not in rules.nchi.hate_incidents:
        return (
            "A Police Scotland or PSNI hate incident is recorded in Scotland or Northern "
            f"Ireland only; this case is under the law of {NATION_NAMES.get(nation, nation)}: "
            "record a non-crime hate incident instead if the NCHI Code's test is met"
        )
    return ""


@transaction.atomic
def record_decision(
    assessment: Assessment,
    *,
    classification: str,
    strands: list[str],
    offences: list[str],
    priority: int | None,
    rationale: str,
    by,
) -> Assessment:
    """The officer's decision beside the recommendation. Where it differs, a rationale is
    required, and the decision is flagged for a supervisor's review."""
    if classification not in dict(DECISIONS):
        raise DecisionRefused(f"Choose a decision: {classification!r} is not one")
    rec = assessment.recommendation
    refused = nation_refuses(classification, rec)
    if refused:
        raise DecisionRefused(refused)
    differs = _differs(rec, classification, strands, offences, priority)
    if differs and not rationale.strip():
        raise DecisionRefused(
            "Explain why your decision differs from the recommendation (rationale)"
        )
    assessment.decided_classification = classification
    assessment.decided_strands = list(strands)
    assessment.decided_offences = list(offences)
    assessment.decided_priority = priority
    assessment.rationale = rationale.strip()
    assessment.decided_by = by
    assessment.decided_at = timezone.now()
    assessment.disagrees = differs
    assessment.decision_to_confirm = False  # a new decision is the officer's confirmation
    assessment.reviewed_by = assessment.reviewed_at = None
    assessment.review_note = ""
    assessment.save()
    case = assessment.case
    add_event(
        case,
        CaseEvent.Kind.ASSESSED,
        f"Officer decided: {_label(classification)}"
        + (" (differs from the recommendation)" if differs else " (as recommended)"),
        details={"assessment": assessment.pk},
    )
    record(
        Action.CHANGE,
        "assessment",
        assessment.pk,
        summary=f"Decision recorded on case {case.reference}",
        details={"classification": classification, "differs": differs},
    )
    signals.victims_code_event.send(  # Victims' Code: tell the complainants of the decision
        sender=Case,
        case=case,
        event=VICTIMS_CODE_EVENT.get(classification, "decision_not_to_record"),
        at=assessment.decided_at,
        details={"classification": classification, "assessment": assessment.pk},
        by=by,
    )
    _follow(assessment)
    return assessment


@transaction.atomic
def confirm_decision(assessment: Assessment, *, by) -> Assessment:
    """The officer confirms the decision carried forward to a re-assessment after new reports
    joined ("New report: confirm your decision"). A decision that now differs from the
    recommendation needs a rationale: the officer records it again, with one."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if not assessment.decision_to_confirm:
        raise DecisionRefused("There is no carried-forward decision to confirm")
    latest = assessment.case.assessments.order_by("-number").first()
    if latest is None or latest.pk != assessment.pk:
        raise DecisionRefused("A newer assessment exists: confirm the decision on that one")
    differs = _differs(assessment.recommendation, *_decision_of(assessment))
    if differs and not assessment.rationale.strip():
        raise DecisionRefused(
            "Your decision differs from the new recommendation: record your decision again, "
            "with your rationale"
        )
    if differs and not assessment.disagrees:
        assessment.reviewed_by = assessment.reviewed_at = None
        assessment.review_note = ""
    assessment.disagrees = differs
    assessment.decision_to_confirm = False
    assessment.decision_confirmed_by = by
    assessment.decision_confirmed_at = timezone.now()
    assessment.save()
    case = assessment.case
    add_event(
        case,
        CaseEvent.Kind.ASSESSED,
        f"Officer confirmed their decision ({_label(assessment.decided_classification)}) "
        f"after new reports (assessment {assessment.number})",
        details={"assessment": assessment.pk},
    )
    record(
        Action.CHANGE,
        "assessment",
        assessment.pk,
        summary=f"Decision confirmed on case {case.reference} after new reports",
        details={"classification": assessment.decided_classification, "differs": differs},
    )
    _follow(assessment)
    return assessment


@transaction.atomic
def review_disagreement(assessment: Assessment, *, by, note: str) -> Assessment:
    if not assessment.disagrees:
        raise DecisionRefused("Only decisions that differ from the recommendation are reviewed")
    if not note.strip():
        raise DecisionRefused("Enter your review note")
    assessment.reviewed_by, assessment.reviewed_at = by, timezone.now()
    assessment.review_note = note.strip()
    assessment.save(update_fields=["reviewed_by", "reviewed_at", "review_note"])
    record(
        Action.CHANGE,
        "assessment",
        assessment.pk,
        summary=f"Disagreement on case {assessment.case.reference} reviewed",
    )
    return assessment
