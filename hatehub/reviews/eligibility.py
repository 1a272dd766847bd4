"""Whether the Police Victims' Right to Review applies to a decision, and whether a request is
in time (pure: no Django).

DOMAIN.md s8: "Police Victims' Right to Review (where a suspect was interviewed under caution and
police decide not to proceed): request within 3 months; acknowledge in 10 working days; decide
in 30 working days." So the scheme covers a POLICE decision not to proceed (no further action,
not to charge, not to refer to the CPS, or to stop investigating) AFTER a suspect was interviewed
under caution. Where it does not apply, the reason says so and where the victim can go instead:
- a decision not to record a crime: not a decision about a suspect; the Force Crime Registrar
  has the final say on recording (DOMAIN.md s4), and the victim can complain (Victims' Code);
- a decision with no suspect interviewed under caution: outside the scheme by its own terms;
- a CPS decision (e.g. outcome 9, not in the public interest, CPS decision): the police scheme
  does not review it; the CPS has its own Victims' Right to Review scheme;
- the victim withdrew support (outcome 16: evidential difficulties, suspect identified, the
  victim does not support further action): not a police decision not to proceed;
- Scotland: there is no police Victims' Right to Review (DOMAIN.md s5a); the Crown Office and
  Procurator Fiscal Service reviews its own decisions not to prosecute on a victim's request
  (Victims and Witnesses (Scotland) Act 2014 s4).
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from hatehub.victims.clocks import right_to_review_request_closes


class DecisionKind(StrEnum):
    NOT_TO_RECORD = "not_to_record"
    NOT_TO_INVESTIGATE = "not_to_investigate"
    NO_FURTHER_ACTION = "no_further_action"
    CPS_DECISION = "cps_decision"
    VICTIM_WITHDREW = "victim_withdrew"


DECISION_LABELS = {
    DecisionKind.NO_FURTHER_ACTION: "Police decision to take no further action or not to charge",
    DecisionKind.NOT_TO_INVESTIGATE: "Police decision not to investigate further",
    DecisionKind.NOT_TO_RECORD: "Decision not to record a crime",
    DecisionKind.CPS_DECISION: "Crown Prosecution Service decision not to charge or to stop",
    DecisionKind.VICTIM_WITHDREW: "No further action because the victim withdrew support "
    "(outcome 16)",
}

#: Home Office outcome codes that are a police decision not to proceed against an identified
#: suspect (DOMAIN.md s4): 10 formal action not in the public interest (police), 15
#: evidential difficulties with a suspect identified (victim supports action), 21 further
#: investigation not in the public interest. Code 9 is the CPS's decision; 14 and 18 have no
#: suspect identified; 16 is the victim's withdrawal, not a police decision.
POLICE_NOT_TO_PROCEED_OUTCOMES = frozenset({10, 15, 21})
CPS_OUTCOMES = frozenset({9})
VICTIM_WITHDREW_OUTCOMES = frozenset({16})
NO_RIGHT_TO_REVIEW_NATIONS = frozenset({"scotland"})


class Eligibility(StrEnum):
    ELIGIBLE = "eligible"
    OUT_OF_TIME = "out_of_time"
    NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class Check:
    result: Eligibility
    reason: str
    window_closes: dt.date | None


def applies(
    kind: str, suspect_interviewed_under_caution: bool, nation: str = "england-and-wales"
) -> tuple[bool, str]:
    """(True, "") when the Police Victims' Right to Review covers the decision, else (False,
    why not and where the victim can go instead)."""
    kind = DecisionKind(kind)
    if nation.replace("-", "_") in NO_RIGHT_TO_REVIEW_NATIONS:
        return False, (
            "There is no police Victims' Right to Review in Scotland. A victim can ask the Crown "
            "Office and Procurator Fiscal Service to review a decision not to prosecute "
            "(Victims and Witnesses (Scotland) Act 2014 s4), and can complain to Police "
            "Scotland about the police's handling."
        )
    if kind == DecisionKind.VICTIM_WITHDREW:
        return False, (
            "The Right to Review covers a police decision not to proceed; here no further "
            "action followed the victim's own withdrawal of support (outcome 16), so the "
            "scheme does not apply. If the victim now supports action, the investigation can "
            "be reconsidered; the victim can complain under the Victims' Code."
        )
    if kind == DecisionKind.NOT_TO_RECORD:
        return False, (
            "The Right to Review does not cover a decision not to record a crime: it covers a "
            "police decision not to proceed after a suspect was interviewed under caution "
            "(Victims' Code). The Force Crime Registrar has the final say on recording; the "
            "victim can ask for that and can complain under the Victims' Code."
        )
    if kind == DecisionKind.CPS_DECISION:
        return False, (
            "A Crown Prosecution Service decision is not reviewed under the police scheme: "
            "the victim should ask the CPS under its own Victims' Right to Review scheme."
        )
    if not suspect_interviewed_under_caution:
        return False, (
            "The Right to Review applies only where a suspect was interviewed under caution "
            "and police decided not to proceed (Victims' Code); no suspect was interviewed "
            "under caution. The victim can still complain under the Victims' Code."
        )
    return True, ""


def check(
    kind: str,
    suspect_interviewed_under_caution: bool,
    decision_date: dt.date,
    received_on: dt.date,
    nation: str = "england-and-wales",
) -> Check:
    """Does the scheme apply (not in Scotland), and was the request made within 3 calendar
    months of the decision (by the end of the day `right_to_review_request_closes` gives)?"""
    if received_on < decision_date:
        raise ValueError("The request cannot be received before the decision was made")
    ok, why_not = applies(kind, suspect_interviewed_under_caution, nation)
    closes = right_to_review_request_closes(decision_date)
    if not ok:
        return Check(Eligibility.NOT_APPLICABLE, why_not, closes)
    if received_on > closes:
        return Check(
            Eligibility.OUT_OF_TIME,
            f"Received on {received_on:%d %B %Y}, after the 3-month window closed on "
            f"{closes:%d %B %Y} (decision on {decision_date:%d %B %Y}).",
            closes,
        )
    return Check(
        Eligibility.ELIGIBLE,
        f"Received on {received_on:%d %B %Y}, within 3 months of the decision on "
        f"{decision_date:%d %B %Y} (the window closes on {closes:%d %B %Y}).",
        closes,
    )


def suggested_kind(outcome_code: int | None) -> DecisionKind | None:
    """The decision kind a recorded Home Office outcome implies, if any."""
    if outcome_code in POLICE_NOT_TO_PROCEED_OUTCOMES:
        return DecisionKind.NO_FURTHER_ACTION
    if outcome_code in CPS_OUTCOMES:
        return DecisionKind.CPS_DECISION
    if outcome_code in VICTIM_WITHDREW_OUTCOMES:
        return DecisionKind.VICTIM_WITHDREW
    return None
