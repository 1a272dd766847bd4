"""Recommendation engine: from the answers about a report, recommend what the hub officer decides.

Why: the hub's first job is to assess whether a report is a crime, a non-crime hate incident
(NCHI) or neither (DOMAIN.md s1 item 1), which strands it carries (s3), which offences it may
engage and which of their elements are still missing (s5), how urgent it is (THRIVE and the
force's priority grades, s6), whether the True Vision rule sends it to the local force (s2), and
whether the victim gets Victims' Code enhanced rights (s8). The engine only RECOMMENDS: the
officer (and, for crime recording, the Force Crime Registrar, s4) decides. So every
recommendation lists the rules that fired with their sources, and an unknown answer is never
treated as a "yes".

PURE: no Django import. All legal content comes from the validated tables in ``rules.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from hatehub.assessment.rules import NATION_NAMES, NATIONS, Offence, Priority, RuleRef, Rules

THREAT_SERIOUSNESS = ("death", "serious_harm", "violence", "none")
AIMED_AT = ("person", "group")
REPORTERS = ("victim", "witness", "third_party", "organisation")
FIVE_STRANDS = ("race", "religion", "sexual_orientation", "disability", "transgender")
NATION_CHOICES = (*NATIONS, "unknown")


ARTICLE_10_ELEMENT = "not_protected_expression"  # the Article 10 element id in offences.yaml


# A classification as the explanation names it (the same words as the model's choices; a hate
# incident is named for its nation's standard).
CLASSIFICATION_NAMES = {
    "crime": "Crime",
    "nchi": "Non-crime hate incident",
    "not_hate": "Not a hate matter",
    "not_police_matter": "Not a police matter",
}


def strand_names(strands: Iterable[str], rules: Rules) -> str:
    """Strands as people read them ("Race, Religion or belief"), never their ids."""
    return ", ".join(rules.strands[s].name if s in rules.strands else s for s in strands)


def _classification_name(classification: str, rules: Rules, nation: str) -> str:
    if classification == "hate_incident":
        incident = rules.nchi.hate_incidents.get(nation)
        return incident.name if incident else "Hate incident"
    return CLASSIFICATION_NAMES.get(classification, classification)


class AnswerError(ValueError):
    """An answer with the wrong name or type; the message names the answer."""


@dataclass(frozen=True)
class Answers:
    """What the officer knows about a report. ``None`` always means "not known yet".

    The names are the vocabulary of the rule tables: a condition in a YAML file may only name a
    field of this class (``rules.py`` checks this at start-up).
    """

    reporter: str | None = None  # victim | witness | third_party | organisation (DOMAIN.md s2)
    # Threats (s5 OSA 2023 s181, PHA s4; s6 THRIVE threat)
    threat_of_violence: bool | None = None
    threat_seriousness: str | None = None  # death | serious_harm | violence | none
    immediate_danger: bool | None = None  # someone named in immediate danger (s2 routing)
    # Target and repetition
    aimed_at: str | None = None  # person | group
    course_of_conduct: bool | None = None  # 2+ occasions (s5 PHA 1997)
    stalking_behaviour: bool | None = None
    # Hostility and strands (s3)
    hostility_based_on_characteristic: bool | None = None  # perceived hostility (victim/other)
    intentional_hostility_basis: bool | None = None  # content shows it (NCHI Code test, s3)
    strands: tuple[str, ...] | None = None
    perceiver_has_real_knowledge: bool | None = None  # "any other person" test (s3)
    stirs_up_hatred: bool | None = None  # s5 POA 1986 Parts 3, 3A
    # Content and means (s5)
    sent_by_communication: bool | None = None
    publication: bool | None = None
    grossly_offensive: bool | None = None
    abusive_or_insulting: bool | None = None
    intended_harm: bool | None = None  # the sender's intent/purpose element
    caused_distress: bool | None = None
    false_information: bool | None = None
    flashing_images: bool | None = None
    encourages_self_harm: bool | None = None
    offline_conduct: bool | None = None
    # Danger first (issue 15 s2): a published address or other locating details of a person.
    doxxing: bool | None = None
    conduct_date: dt.date | None = None
    # Routing and risk (s2, s6)
    poster_identity_known: bool | None = None
    future_event: bool | None = None
    victim_vulnerable: bool | None = None
    victim_under_18: bool | None = None
    # Not a police matter (s5 Article 10; s10 no UK link)
    uk_link: bool | None = None
    lawful_expression: bool | None = None
    # NCHI Code tests (s3)
    report_trivial: bool | None = None
    report_irrational: bool | None = None
    report_malicious: bool | None = None
    risk_significant_harm: bool | None = None
    risk_future_offence: bool | None = None
    # ---- the law of the nation, the offences added in issue 15, Victims' Code rights
    nation: str | None = None  # england_wales | scotland | northern_ireland | unknown
    threat_to_property: bool | None = None  # threat to destroy/damage property (CDA 1971 s2)
    encourages_offence: bool | None = None  # act capable of encouraging an offence (SCA 2007)
    encourages_suicide: bool | None = None  # Suicide Act 1961 s2
    shares_recording: bool | None = None  # distributes/shows/plays a recording (POA s21)
    possesses_material: bool | None = None  # holds material to publish (POA s23, s29E)
    sends_genital_image: bool | None = None  # cyberflashing (SOA 2003 s66A)
    shares_intimate_image: bool | None = None  # intimate image shared (SOA 2003 s66B)
    abusive: bool | None = (
        None  # threatening or abusive, not merely insulting (Scotland s4(2), s38)
    )
    persistently_targeted: bool | None = None  # Victims' Code enhanced rights
    victim_intimidated: bool | None = None  # Victims' Code enhanced rights
    # Offence elements the officer has confirmed directly, as "offence_id.element_id"
    elements_confirmed: tuple[str, ...] = ()

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], known_strands: tuple[str, ...] = ()) -> Answers:
        """Build from JSON-like data, checking names and types (AnswerError names the field)."""
        if not isinstance(data, Mapping):
            raise AnswerError("answers must be an object")
        return cls(**_coerce_answers(data, known_strands or (*FIVE_STRANDS, "other")))

    def known(self) -> dict[str, Any]:
        """The answers that are not None (and not empty), for display and merging."""
        return {
            f.name: getattr(self, f.name)
            for f in fields(self)
            if getattr(self, f.name) is not None and getattr(self, f.name) != ()
        }

    def merged(self, override: Answers) -> Answers:
        """These answers, with every known answer in ``override`` taking precedence (DOMAIN.md:
        the officer confirms or corrects inferred answers)."""
        changes = override.known()
        if "threat_seriousness" in changes and "threat_of_violence" not in changes:
            # threat_of_violence follows from a corrected seriousness, not from the old inference
            changes["threat_of_violence"] = changes["threat_seriousness"] != "none"
        return replace(self, **changes)


ANSWER_FIELDS = tuple(f.name for f in fields(Answers))
_BOOL_FIELDS = {
    f.name for f in fields(Answers) if f.type in ("bool | None",)
}  # annotations are strings (from __future__)
_CHOICE_FIELDS = {
    "reporter": REPORTERS,
    "threat_seriousness": THREAT_SERIOUSNESS,
    "aimed_at": AIMED_AT,
    "nation": NATION_CHOICES,
}


def _coerce_answers(data: Mapping[str, Any], known_strands: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, value in data.items():
        if name not in ANSWER_FIELDS:
            raise AnswerError(f"unknown answer {name!r} (known: {', '.join(ANSWER_FIELDS)})")
        if value is None:
            out[name] = None
        elif name in _BOOL_FIELDS:
            if not isinstance(value, bool):
                raise AnswerError(f"answer {name!r} must be true, false or null, got {value!r}")
            out[name] = value
        elif name in _CHOICE_FIELDS:
            if value not in _CHOICE_FIELDS[name]:
                choices = ", ".join(_CHOICE_FIELDS[name])
                raise AnswerError(f"answer {name!r} must be one of {choices}, got {value!r}")
            out[name] = value
        elif name == "strands":
            if not isinstance(value, list | tuple) or any(s not in known_strands for s in value):
                raise AnswerError(
                    f"answer 'strands' must be a list from {', '.join(known_strands)}, "
                    f"got {value!r}"
                )
            out[name] = tuple(dict.fromkeys(value))
        elif name == "conduct_date":
            if isinstance(value, dt.date):
                out[name] = value
            else:
                try:
                    out[name] = dt.date.fromisoformat(str(value))
                except ValueError as exc:
                    raise AnswerError(
                        f"answer 'conduct_date' must be YYYY-MM-DD, got {value!r}"
                    ) from exc
        elif name == "elements_confirmed":
            if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
                raise AnswerError("answer 'elements_confirmed' must be a list of strings")
            out[name] = tuple(value)
    return out


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class FiredRule:
    """One rule that contributed, with its source (DOMAIN.md preamble: no rule without one)."""

    id: str
    text: str
    source: str
    last_checked: dt.date
    detail: str = ""

    def to_dict(self) -> dict[str, str]:
        out = {"id": self.id, "text": self.text, "source": self.source,
               "last_checked": self.last_checked.isoformat()}  # fmt: skip
        if self.detail:
            out["detail"] = self.detail
        return out


@dataclass(frozen=True)
class OffenceMatch:
    """A candidate offence with the elements the answers meet and those still missing."""

    id: str
    name: str
    act: str
    section: str
    elements_met: tuple[str, ...]
    elements_missing: tuple[str, ...]
    ag_consent: bool
    source: str
    notes: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "act": self.act,
            "section": f"{self.act} {self.section}",
            "elements_met": list(self.elements_met),
            "elements_missing": list(self.elements_missing),
            "ag_consent": self.ag_consent,
            "source": self.source,
        }


@dataclass(frozen=True)
class Recommendation:
    classification: str  # crime | nchi | hate_incident | not_hate | not_police_matter
    hate_crime: bool
    strands: tuple[str, ...]
    offences: tuple[OffenceMatch, ...]
    nchi_personal_data: bool | None  # only for nchi: record the subject's personal data?
    thrive: dict[str, str]  # factor -> low | medium | high
    priority: Priority
    route_to_local_force: bool
    urgent: bool
    enhanced_rights: bool
    update_working_days: int | None  # Victims' Code: tell the victim of key decisions within
    conduct_date: dt.date
    conduct_date_assumed: bool
    rules_fired: tuple[FiredRule, ...]
    explanation: tuple[str, ...] = field(default=())
    nation: str = "england_wales"  # the nation whose law was applied
    nation_assumed: bool = False  # True: the nation is unknown and E&W was assumed
    nchi_code: str | None = None  # the NCHI Code version applied, if any

    def nation_dict(self) -> dict[str, Any]:
        return {"id": self.nation, "name": NATION_NAMES[self.nation],
                "assumed": self.nation_assumed}  # fmt: skip

    def priority_dict(self) -> dict[str, Any]:
        return {
            "grade": self.priority.grade,
            "name": self.priority.name,
            "response_time": self.priority.response_time,
            "response_minutes": self.priority.response_minutes,
            "thrive": dict(self.thrive),
        }


# --------------------------------------------------------------------------- the engine


def normalise(answers: Answers) -> Answers:
    """Fill answers that follow from others (a death threat is a threat of violence), so the
    tables need not repeat the implication."""
    changes: dict[str, Any] = {}
    seriousness = answers.threat_seriousness
    if answers.threat_of_violence is None and seriousness is not None:
        changes["threat_of_violence"] = seriousness != "none"
    if answers.strands is not None:
        changes["strands"] = tuple(dict.fromkeys(answers.strands))
    return replace(answers, **changes) if changes else answers


class _Trace:
    def __init__(self, rules: Rules):
        self.rules = rules
        self.fired: list[FiredRule] = []
        self.lines: list[str] = []

    def fire(self, ref: RuleRef | str, detail: str = "") -> None:
        r = self.rules.ref(ref) if isinstance(ref, str) else ref
        if any(f.id == r.id and f.detail == detail for f in self.fired):
            return
        self.fired.append(FiredRule(r.id, r.text, r.source, r.last_checked, detail))

    def say(self, line: str) -> None:
        self.lines.append(line)


def _evaluate_offence(
    offence: Offence, a: Answers, lookup
) -> tuple[bool, list[str], list[str], list[str]]:
    """(candidate?, met, missing, contradicted) as element texts prefixed by element id."""
    met, missing, contra = [], [], []
    gates_met = True
    for el in offence.elements:
        label = f"{el.id}: {el.text}"
        if f"{offence.id}.{el.id}" in a.elements_confirmed:
            result = True
        elif el.when is None:
            result = None
        else:
            result = el.when.evaluate(lookup)
        if result is True:
            met.append(label)
        elif result is False:
            contra.append(label)
        else:
            missing.append(label)
        if el.gate and result is not True:
            gates_met = False
    return gates_met and not contra, met, missing, contra


def recommend(answers: Answers, rules: Rules, *, today: dt.date | None = None) -> Recommendation:
    """Recommend classification, offences, strands, THRIVE/priority, routing and Victims' Code
    rights from ``answers`` using ``rules`` (DOMAIN.md s2-s6, s8). Deterministic and pure."""
    a = normalise(answers)
    trace = _Trace(rules)
    today = today or dt.date.today()
    conduct_day = a.conduct_date or today
    if a.conduct_date is None:
        trace.fire("offence.conduct_date_assumed", f"checked as at {conduct_day.isoformat()}")

    state: dict[str, Any] = {"classification": None, "thrive": {}}

    # ---- the nation whose law applies (issue 15 s3): never assumed silently
    nation_assumed = a.nation is None or a.nation not in NATIONS
    nation: str = "england_wales" if a.nation is None or nation_assumed else a.nation
    if nation_assumed:
        trace.fire("nation.unknown", "assumed England and Wales: confirm the victim's or "
                   "suspect's location")  # fmt: skip
        trace.say("Nation unknown: the law of England and Wales is shown as an assumption.")
    else:
        trace.fire(f"nation.{nation}")

    def lookup(op: str, name: str) -> Any:
        if op == "answer":
            return getattr(a, name)
        if op == "thrive":
            return state["thrive"].get(name)
        return state["classification"]

    # ---- strands and hostility (s3)
    strands = tuple(s for s in (a.strands or ()) if s in rules.strands)
    foreign = [s for s in strands if nation not in rules.strands[s].nations]
    if foreign:  # e.g. sectarian outside NI, age outside Scotland
        trace.fire("strand.not_in_nation", f"{strand_names(foreign, rules)} not a hate strand in "
                   f"{NATION_NAMES[nation]}")  # fmt: skip
        strands = tuple(s for s in strands if s not in foreign)
    if a.hostility_based_on_characteristic is False:
        if strands:
            trace.say("Strands named but hostility on them is answered 'no': not a hate matter.")
        strands = ()
    elif (
        strands
        and a.reporter not in (None, "victim")
        and a.perceiver_has_real_knowledge is False
        and a.intentional_hostility_basis is not True
    ):
        trace.fire("crime.perceiver_knowledge", "the reporter reacts to media coverage only")
        trace.say("The only perception is from someone without real knowledge: strands dropped.")
        strands = ()
    hate = bool(strands)

    # ---- not a police matter (s5 Article 10; s10 no UK link)
    not_police = None
    if a.uk_link is False:
        not_police = "not_police.no_uk_link"
    elif a.lawful_expression is True:
        not_police = "not_police.lawful_expression"

    # ---- offences (s5), never a limb not in force at the conduct date
    candidates: list[tuple[tuple, OffenceMatch]] = []
    article10_offences: list[str] = []
    if not_police is None:
        for index, offence in enumerate(rules.offences):
            if offence.kind != "offence" or not offence.fits_strands(strands):
                continue
            if not offence.applies_in(nation):
                continue
            ok, met, missing, _contra = _evaluate_offence(offence, a, lookup)
            if not ok:
                continue
            if any(m.startswith(ARTICLE_10_ELEMENT + ":") for m in missing):
                article10_offences.append(f"{offence.act} {offence.section}")
            if not offence.in_force_on(conduct_day):
                why = (
                    f"{offence.act} {offence.section} repealed on {offence.repealed_on.isoformat()}"
                    if offence.repealed_on and conduct_day >= offence.repealed_on
                    else f"{offence.act} {offence.section} not in force until "
                    f"{offence.in_force_from.isoformat() if offence.in_force_from else '?'}"
                )
                trace.fire("offence.repealed", f"{why}; conduct date {conduct_day.isoformat()}")
                continue
            match = OffenceMatch(offence.id, offence.name, offence.act, offence.section,
                                 tuple(met), tuple(missing), offence.ag_consent, offence.source,
                                 offence.notes)  # fmt: skip
            rank = (not offence.primary, len(missing), -len(met), index)  # primary charge first
            candidates.append((rank, match))
    offences = tuple(m for _k, m in sorted(candidates, key=lambda c: c[0]))

    # ---- classification (s3, s4)
    nchi_personal_data = None
    nchi_code = None
    if not_police:
        classification = "not_police_matter"
        trace.fire(not_police)
        offences = ()
    elif offences:
        classification = "crime"
        trace.fire("crime.ncrs")
        if a.sent_by_communication:
            trace.fire("crime.online_flag")
        for m in offences:
            trace.fire(rules.ref(m.id), f"elements missing: {len(m.elements_missing)}")
            if m.ag_consent:
                trace.fire("offence.ag_consent", f"{m.act} {m.section}")
        if hate:
            trace.fire("crime.hate_crime_definition", f"strands: {strand_names(strands, rules)}")
            # the aggravation of the nation (SA 2020 s66; HCPO(S)A 2021 s1; CJ(No.2)(NI)O art 2)
            for agg in rules.offences:
                if (
                    agg.kind == "aggravation"
                    and agg.applies_in(nation)
                    and agg.fits_strands(strands)
                    and agg.in_force_on(conduct_day)
                ):
                    if agg.id == "sa2020_s66":
                        trace.fire("crime.sentencing_uplift")
                    trace.fire(agg.id)  # fmt: skip
        else:
            trace.fire("crime.not_hate_motivated")
    elif hate:
        classification, nchi_personal_data, nchi_code = _nchi(
            a, rules, trace, lookup, nation, today
        )
    else:
        classification = "not_hate"
        trace.fire("not_hate.no_characteristic")
    state["classification"] = classification
    if a.lawful_expression is None and (
        classification in ("nchi", "hate_incident")
        or (classification == "crime" and article10_offences)
    ):  # Article 10 before any Public Order Act / stirring-up, NCHI or hate incident outcome
        what = (
            ", ".join(article10_offences)
            if classification == "crime"
            else {"nchi": "NCHI", "hate_incident": "a hate incident"}[classification]
        )
        trace.fire("article10.question", f"before {what}")
        trace.say("Question for the officer: is this lawful expression or legitimate debate?")
    trace.say(
        f"Classification: {_classification_name(classification, rules, nation)}"
        + (f" ({strand_names(strands, rules)})" if hate else "")
    )

    # ---- True Vision routing (s2) and the threat-to-life rule (s6)
    route = urgent = False
    for rule in rules.routing:
        if classification in ("not_hate", "not_police_matter") and not rule.urgent:
            continue  # routing is for hate reports; danger to life is always passed on
        if rule.when.evaluate(lookup) is True:
            route = route or rule.route_to_local_force
            urgent = urgent or rule.urgent
            trace.fire(rule.id)

    # ---- THRIVE and priority (s6)
    thrive: dict[str, str] = {}
    for factor in rules.thrive_factors:
        level = factor.default
        for candidate_level, cond in factor.levels:
            if cond.evaluate(lookup) is True:
                level = candidate_level
                break
        thrive[factor.factor] = level
        if level != "low":
            trace.fire(factor.id, level)
    state["thrive"] = thrive
    grade_rule = next(g for g in rules.grading if g.when is None or g.when.evaluate(lookup))
    priority = rules.priorities[grade_rule.grade]
    trace.fire(grade_rule.id)
    trace.fire(priority.id, priority.response_time)
    if priority.grade == 1:
        urgent = True
    trace.say(f"Priority: grade {priority.grade} ({priority.name}, {priority.response_time}).")

    # ---- Victims' Code (s8): rights attach to victims of crime
    # per nation; enhanced for hate crime, persistently targeted, vulnerable or
    # intimidated victims (every under-18)
    enhanced = False
    days = None
    if classification == "crime":
        entries = [v for v in rules.victims_code if v.enabled and nation in v.nations]
        for vc in entries:
            if vc.applies_to == "hate_crime":
                applies = hate
            elif vc.applies_to == "victim":
                applies = vc.when is not None and vc.when.evaluate(lookup) is True
            else:
                continue
            if applies:
                enhanced = enhanced or vc.enhanced
                if vc.update_working_days is not None:
                    days = min(days or vc.update_working_days, vc.update_working_days)
                trace.fire(vc.id)
        standard = next((v for v in entries if v.applies_to == "crime"), None)
        if standard and (days is None or not enhanced):
            days = days or standard.update_working_days
            trace.fire(standard.id)
    if route:
        trace.say("Route to the local force (True Vision rule).")
    if urgent:
        trace.say("Urgent: the hub is not an emergency service - tell the reporter to call 999.")

    return Recommendation(
        classification=classification,
        hate_crime=classification == "crime" and hate,
        strands=strands,
        offences=offences,
        nchi_personal_data=nchi_personal_data,
        thrive=thrive,
        priority=priority,
        route_to_local_force=route,
        urgent=urgent,
        enhanced_rights=enhanced,
        update_working_days=days,
        conduct_date=conduct_day,
        conduct_date_assumed=a.conduct_date is None,
        rules_fired=tuple(trace.fired),
        explanation=tuple(trace.lines),
        nation=nation,
        nation_assumed=nation_assumed,
        nchi_code=nchi_code,
    )


def _nchi(
    a: Answers, rules: Rules, trace: _Trace, lookup, nation: str, today: dt.date
) -> tuple[str, bool | None, str | None]:
    """NCHI Code of Practice (DOMAIN.md s3): record only if every test of the Code in force
    holds; the subject's personal data only on a real risk of significant harm or of a future
    offence. England and Wales only; the Code version is the one in force on the assessment
    date (recording is now) unless the force fixes one, and is named in rules_fired."""
    nchi = rules.nchi
    if nation not in nchi.nations:
        # Scotland and NI: never an NCHI; the nation's own hate incident, recorded on the
        # perception of the victim or any other person (issue 15 s3)
        trace.fire(nchi.outcomes["nchi.not_in_nation"], NATION_NAMES[nation])
        incident = nchi.hate_incidents.get(nation)
        if incident is None:
            return "not_police_matter", None, None
        trace.fire(incident.ref)
        trace.say(f"Recommend: {incident.name} (the NCHI Code does not apply here).")
        return "hate_incident", None, None
    if not nchi.enabled:
        trace.fire(nchi.outcomes["nchi.disabled"])
        return "not_police_matter", None, None
    code = nchi.version_for(today)
    if code is None:
        trace.fire(nchi.outcomes["nchi.no_code_in_force"], today.isoformat())
        return "not_police_matter", None, None
    how = "selected by the force" if nchi.selected else f"in force on {today.isoformat()}"
    trace.fire(code.id, how)
    failed = [t for t in code.record_tests if t.when.evaluate(lookup) is not True]
    if failed:
        for t in failed:
            trace.fire(t.id, "not shown")
        trace.fire(nchi.outcomes["nchi.not_recordable"])
        trace.fire("not_police.nchi_test_failed")
        return "not_police_matter", None, code.id
    for t in code.record_tests:
        trace.fire(t.id)
    risks = [t for t in code.personal_data_tests if t.when.evaluate(lookup) is True]
    for t in risks:
        trace.fire(t.id)
    key = "nchi.record_with_personal_data" if risks else "nchi.record_without_personal_data"
    trace.fire(nchi.outcomes[key])
    return "nchi", bool(risks), code.id
