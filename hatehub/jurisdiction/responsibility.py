"""Which force records a crime and which investigates it, decided by a configurable rule that
explains itself (DOMAIN.md section 4). Pure: the places come in already resolved.

Home Office Counting Rules section G is uncertain on online crime. A practitioner account gives
"the suspect's force if the suspect's location is known, otherwise the victim's", and the hubs'
2017 announcement makes it the hub's decision. So the rule is a deployment setting:

- `suspect_else_victim` (default): both recording and investigating force are the suspect's force
  where the suspect's location is known and in the UK, otherwise the victim's.
- `victim_records`: the victim's force always records (and keeps victim care); the suspect's
  force, where known, investigates.

Whatever the rule, a suspect abroad is flagged for international routing (the victim's force
records), and a case with neither location known stays with the hub.

A place given with doubt ("I don't know, maybe Leeds", "somewhere near Hull?") is a hint for
the officer, shown as such, never a known location: the rule decides as if it were not given.
"""

import re
from dataclasses import dataclass, field

RULES = {
    "suspect_else_victim": "Suspect's force where the suspect's location is known, "
    "otherwise the victim's",
    "victim_records": "The victim's force records; the suspect's force, where known, investigates",
}
DEFAULT_RULE = "suspect_else_victim"

# Words that put a suspect outside the UK's police areas (checked before any place lookup).
_ABROAD = re.compile(
    r"\b(abroad|overseas|outside the uk|usa|u\.s\.a?|united states|america|canada|australia|"
    r"ireland|france|germany|spain|portugal|italy|netherlands|poland|romania|russia|ukraine|"
    r"turkey|india|pakistan|bangladesh|nigeria|israel|dubai|uae|qatar|saudi)\b",
    re.IGNORECASE,
)


# Words that say the reporter is not sure where someone is. "says he lives in" is reported
# speech, not doubt; "somewhere in the USA" is sure of the country, so only "somewhere near".
_HEDGES = re.compile(
    r"(\b(maybe|perhaps|possibly|probably|might be|could be|i think|i guess|i believe|not sure|"
    r"unsure|not certain|no idea|don'?t know|do not know|dunno|somewhere near|somewhere around)\b"
    r"|\?)",
    re.IGNORECASE,
)


def hedges(text: str) -> tuple[str, ...]:
    """The words in ``text`` that express doubt, lower-cased, in order; () when none."""
    found = []
    for match in _HEDGES.finditer((text or "").replace("’", "'")):
        word = match.group(0).lower()
        if word not in found:
            found.append(word)
    return tuple(found)


@dataclass(frozen=True)
class ForceChoice:
    pfa_code: str
    force_name: str


@dataclass(frozen=True)
class Place:
    """Where the victim or suspect is, as far as the hub knows."""

    given: str  # what was reported, e.g. "LS1 4AP" or "says he lives in Cardiff"
    force: ForceChoice | None = None
    alternatives: tuple[ForceChoice, ...] = ()
    abroad: bool = False
    how: str = ""  # e.g. "postcode district LS1", "town Cardiff"
    hedged: tuple[str, ...] = ()  # words of doubt in what was given: then only a hint

    @property
    def known(self) -> bool:
        return self.force is not None and not self.hedged

    @property
    def hint(self) -> str:
        """For the officer, when the place was given with doubt: where it may be."""
        if not self.hedged or not (self.force or self.abroad):
            return ""
        where = f"the {self.force.force_name} area" if self.force else "outside the UK"
        doubt = ", ".join(f"“{word}”" for word in self.hedged)
        return (
            f"“{self.given}” may put them in {where} ({doubt}): a hint to check, not a known "
            "location, so the rule does not use it"
        )


@dataclass(frozen=True)
class Decision:
    rule: str
    rule_text: str
    recording: ForceChoice | None
    investigating: ForceChoice | None
    reason: str
    stays_with_hub: bool = False
    international: bool = False
    alternatives: tuple[ForceChoice, ...] = ()
    inputs: dict = field(default_factory=dict)
    # Places given with doubt, for the officer to check: ("Victim" or "Suspect", the hint).
    hints: tuple[tuple[str, str], ...] = ()


def mentions_abroad(text: str) -> bool:
    return bool(_ABROAD.search(text or ""))


def decide(victim: Place | None, suspect: Place | None, *, rule: str = DEFAULT_RULE) -> Decision:
    if rule not in RULES:
        raise ValueError(f"Unknown responsible-force rule {rule!r}; choose one of {sorted(RULES)}")
    inputs = {
        "victim": _describe(victim),
        "suspect": _describe(suspect),
    }
    victim_force = victim.force if victim and victim.known else None
    suspect_force = suspect.force if suspect and suspect.known and not suspect.abroad else None
    abroad = bool(suspect and suspect.abroad and not suspect.hedged)
    alternatives = _alternatives(victim, suspect)
    hints = tuple(
        (who, place.hint)
        for who, place in (("Victim", victim), ("Suspect", suspect))
        if place is not None and place.hint
    )

    def made(recording, investigating, reason, **flags) -> Decision:
        others = tuple(
            choice for choice in alternatives if choice not in (recording, investigating)
        )
        return Decision(
            rule=rule,
            rule_text=RULES[rule],
            recording=recording,
            investigating=investigating,
            reason=reason,
            alternatives=others,
            inputs=inputs,
            hints=hints,
            **flags,
        )

    if abroad:
        if victim_force:
            return made(
                victim_force,
                victim_force,
                "The suspect appears to be outside the UK: the victim's force records, and the "
                "hub routes the case internationally.",
                international=True,
            )
        return made(
            None,
            None,
            "The suspect appears to be outside the UK and the victim's location is not known: "
            "the hub keeps the case and routes it internationally.",
            stays_with_hub=True,
            international=True,
        )
    if victim_force is None and suspect_force is None:
        return made(
            None,
            None,
            "Neither the victim's nor the suspect's location is known"
            + (" (a place given with doubt is only a hint)" if hints else "")
            + ": the hub keeps the case until one is.",
            stays_with_hub=True,
        )
    if rule == "victim_records" and victim_force is not None:
        investigating = suspect_force or victim_force
        reason = f"The victim's force ({victim_force.force_name}) records" + (
            f"; the suspect's force ({suspect_force.force_name}) investigates."
            if suspect_force and suspect_force != victim_force
            else " and investigates."
        )
        return made(victim_force, investigating, reason)
    if suspect_force is not None:
        assert suspect is not None  # noqa: S101 (a suspect's force comes from their place)
        reason = f"The suspect's location is known ({suspect.how or suspect.given}): "
        reason += f"{suspect_force.force_name} records and investigates."
        if victim_force and victim_force != suspect_force:
            reason += f" The victim lives in the {victim_force.force_name} area."
        return made(suspect_force, suspect_force, reason)
    assert victim_force is not None  # noqa: S101 (narrowing: neither known was answered above)
    return made(
        victim_force,
        victim_force,
        "The suspect's location is not known"
        + (" (only a hint, given with doubt)" if suspect and suspect.hedged else "")
        + f": the victim's force ({victim_force.force_name}) records and investigates.",
    )


def _alternatives(victim: Place | None, suspect: Place | None) -> tuple[ForceChoice, ...]:
    """Forces that could also be right: the other party's force, and any force a place's
    boundary is close to (the areas are generalised, and a district can straddle two)."""
    seen: list[ForceChoice] = []
    for place in (victim, suspect):
        if place is None:
            continue
        for choice in (place.force, *place.alternatives):
            if choice is not None and not place.abroad and choice not in seen:
                seen.append(choice)
    return tuple(seen)


def _describe(place: Place | None) -> dict:
    if place is None:
        return {"given": "", "force": None}
    return {
        "given": place.given,
        "how": place.how,
        "force": place.force.force_name if place.force else None,
        "alternatives": [choice.force_name for choice in place.alternatives],
        "abroad": place.abroad,
        "hedged": list(place.hedged),
    }
