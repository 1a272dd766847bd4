"""Home Office crime outcomes: which outcome may be recorded for a crime, and when.

Pure rules, no Django: the service refuses what `check` calls an error, and asks the officer to
confirm what it calls a warning. Codes and their meaning are in DOMAIN.md section 4; the labels
are `cases.models.OutcomeCode`.

One crime per victim (HOCR section D): each report made by a victim (or for one) is a crime with
its own outcome. Witness and organisation reports of the same content add no crime of their own;
a case with no victim's report at all is one crime, recorded against its first report
(`cases.selectors.crime_reports` applies this).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

# Where the Home Office outcome scheme applies (issue 15 s3). The Home Office Counting Rules and
# outcomes framework cover England and Wales; PSNI reports crime outcomes on the same framework.
# Scotland has none: Police Scotland reports to the Procurator Fiscal, who decides on prosecution.
OUTCOME_SCHEME = {
    "id": "home_office_outcomes",
    "name": "Home Office crime outcomes framework (outcomes 1-22)",
    "nations": ("england_wales", "northern_ireland"),
    "source": "DOMAIN.md s4 (Home Office outcome codes); s5a (Scotland: no Home Office outcome "
    "codes, prosecution by the Procurator Fiscal); PSNI outcomes of recorded crime statistics",
    "last_checked": "2026-12-05",
}
NOT_IN_SCOTLAND = (
    "Home Office outcome codes do not apply in Scotland: Police Scotland reports the case to the "
    "Procurator Fiscal, who decides on prosecution. Record the Fiscal's decision in the case."
)
TIME_LIMIT_EXPIRED = 17

NOT_YET_ASSIGNED = 0
FINAL_CODES = frozenset(range(1, 23))  # 1-22; 0 means no outcome has been assigned yet

# Outcomes that act on, or are about, a known suspect: charge, cautions, TIC, offender died,
# PND, cannabis/khat warning, community resolution, not in the public interest (9, 10, 21),
# prosecution prevented (11-13), evidential difficulties with a suspect (15, 16), time limit
# expired (17), diversionary activity (22).
NEEDS_IDENTIFIED_SUSPECT = frozenset({*range(1, 14), 15, 16, 17, 21, 22})
# Outcomes that say no suspect was identified.
NO_SUSPECT_IDENTIFIED = frozenset({14, 18})
NEEDS_NAMED_SUSPECT = frozenset({21})
NEEDS_RATIONALE = frozenset({21})
NEEDS_VICTIM_INFORMED = frozenset({21})
# Forces say outcome 21 is not normally used for hate crime: the officer must confirm it.
NOT_NORMALLY_FOR_HATE_CRIME = frozenset({21})

# The reporter roles whose report is a victim's crime.
VICTIM_ROLES = frozenset({"victim", "on_behalf"})


@dataclass(frozen=True)
class ProposedOutcome:
    code: int
    outcome_date: date
    suspect_identified: bool = False
    suspect_name: str = ""
    rationale: str = ""
    victim_informed: bool = False


@dataclass(frozen=True)
class TimeLimitDue:
    """A summary-only offence's time limit for this crime, shown before outcome 17 is recorded
    (issue 15 s4): when proceedings had to start by, and the rule with its source."""

    offence: str  # e.g. "Communications Act 2003 s127(1)"
    rule: str
    last_day: date
    source: str


def scheme_applies(nation: str) -> bool:
    return nation in OUTCOME_SCHEME["nations"]


@dataclass(frozen=True)
class Problem:
    field: str  # the form field it is about ("" for the outcome as a whole)
    message: str


@dataclass(frozen=True)
class Check:
    errors: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()

    def acceptable(self, *, warnings_confirmed: bool) -> bool:
        return not self.errors and (warnings_confirmed or not self.warnings)


def check(
    outcome: ProposedOutcome,
    *,
    reported_on: date,
    today: date,
    nation: str = "england_wales",
    time_limits: Iterable[TimeLimitDue] = (),
) -> Check:
    """The errors (refused) and warnings (to be confirmed) for recording `outcome` for a crime
    reported on `reported_on`, in `nation` (no Home Office outcomes in Scotland). For outcome 17
    (prosecution time limit expired), ``time_limits`` are the case's summary-only offences: the
    outcome needs one whose limit has passed, and the limits are shown for confirmation."""
    code = outcome.code
    errors: list[Problem] = []
    warnings: list[Problem] = []
    if not scheme_applies(nation):
        return Check((Problem("code", NOT_IN_SCOTLAND),))
    if code == NOT_YET_ASSIGNED:
        errors.append(Problem("code", "Outcome 0 means not yet assigned: choose the outcome"))
        return Check(tuple(errors))
    if code not in FINAL_CODES:
        errors.append(Problem("code", "Choose a Home Office outcome from 1 to 22"))
        return Check(tuple(errors))

    if outcome.outcome_date > today:
        errors.append(Problem("outcome_date", "Outcome date must be today or in the past"))
    elif outcome.outcome_date < reported_on:
        errors.append(
            Problem(
                "outcome_date",
                "Outcome date must be on or after the day the crime was reported "
                f"({reported_on.day} {reported_on:%B %Y})",
            )
        )

    name = outcome.suspect_name.strip()
    if code in NEEDS_IDENTIFIED_SUSPECT and not outcome.suspect_identified:
        errors.append(Problem("suspect_identified", f"Outcome {code} needs an identified suspect"))
    if code in NO_SUSPECT_IDENTIFIED and outcome.suspect_identified:
        errors.append(
            Problem(
                "suspect_identified",
                f"Outcome {code} means no suspect was identified: choose another outcome, "
                "or say the suspect was not identified",
            )
        )
    if name and not outcome.suspect_identified:
        errors.append(
            Problem("suspect_name", "Remove the suspect's name, or say the suspect was identified")
        )
    if code in NEEDS_NAMED_SUSPECT and not name:
        errors.append(Problem("suspect_name", f"Outcome {code} needs the suspect's name"))
    if code in NEEDS_RATIONALE and not outcome.rationale.strip():
        errors.append(Problem("rationale", f"Outcome {code} needs the rationale for the decision"))
    if code in NEEDS_VICTIM_INFORMED and not outcome.victim_informed:
        errors.append(
            Problem(
                "victim_informed",
                f"Outcome {code} can only be recorded once the victim has been told",
            )
        )
    if code == TIME_LIMIT_EXPIRED:
        errors_17, warnings_17 = _time_limit_problems(list(time_limits), outcome.outcome_date)
        errors += errors_17
        warnings += warnings_17
    if code in NOT_NORMALLY_FOR_HATE_CRIME:
        warnings.append(
            Problem(
                "confirm",
                f"Forces do not normally use outcome {code} for hate crime: confirm it is "
                "right for this crime",
            )
        )
    return Check(tuple(errors), tuple(warnings))


def all_final(codes: Iterable[int]) -> bool:
    """A case is finished when it has crimes and every one of them has a final outcome."""
    codes = list(codes)
    return bool(codes) and all(code in FINAL_CODES for code in codes)


def _time_limit_problems(limits: list[TimeLimitDue], on: date):
    """Outcome 17 only for a summary-only offence whose time limit had passed by ``on``; the
    officer confirms having seen each limit."""
    if not limits:
        return [Problem("code", "Outcome 17 means the prosecution time limit expired, but no "
                        "offence on this case has one: only summary-only offences (e.g. "
                        "Communications Act 2003 s127, Protection from Harassment Act 1997 s2, "
                        "Online Safety Act 2023 s179) have a time limit")], []  # fmt: skip
    passed = [limit for limit in limits if limit.last_day < on]
    if not passed:
        first = min(limits, key=lambda limit: limit.last_day)
        return [Problem("code", f"The time limit for {first.offence} runs until "
                        f"{first.last_day.day} {first.last_day:%B %Y} ({first.rule}): outcome 17 "
                        "cannot be recorded before it has passed")], []  # fmt: skip
    return [], [
        Problem(
            "confirm",
            f"Time limit for {limit.offence}: {limit.rule}. It passed on "
            f"{limit.last_day.day} {limit.last_day:%B %Y} (source: {limit.source}). Confirm "
            "no proceedings were started in time",
        )  # fmt: skip
        for limit in passed
    ]
