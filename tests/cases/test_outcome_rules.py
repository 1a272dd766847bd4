"""The Home Office outcome rules (`hatehub.cases.outcomes`): pure, no database."""

import ast
from datetime import date
from pathlib import Path

import pytest

from hatehub.cases import outcomes
from hatehub.cases.models import OutcomeCode
from hatehub.cases.outcomes import ProposedOutcome, check

REPORTED = date(2025, 3, 1)
TODAY = date(2025, 6, 1)


def _check(**values):
    values = {"outcome_date": date(2025, 5, 1), **values}
    return check(ProposedOutcome(**values), reported_on=REPORTED, today=TODAY)


def _fields(result) -> set[str]:
    return {problem.field for problem in result.errors}


def test_every_code_from_0_to_22_has_a_home_office_label():
    assert [code.value for code in OutcomeCode] == list(range(23))
    assert OutcomeCode(0).label == "Not yet assigned"
    assert outcomes.FINAL_CODES == frozenset(range(1, 23))


def test_a_plain_outcome_with_no_suspect_is_acceptable():
    result = _check(code=18)

    assert result.errors == () and result.warnings == ()
    assert result.acceptable(warnings_confirmed=False)


def test_outcome_0_cannot_be_recorded_as_final():
    result = _check(code=0)

    assert _fields(result) == {"code"}
    assert "not yet assigned" in result.errors[0].message


@pytest.mark.parametrize("code", [-1, 23, 99])
def test_a_code_outside_0_to_22_is_refused(code):
    assert _fields(_check(code=code)) == {"code"}


@pytest.mark.parametrize("code", [15, 16])
def test_15_and_16_need_an_identified_suspect(code):
    refused = _check(code=code, suspect_identified=False)
    accepted = _check(code=code, suspect_identified=True)

    assert _fields(refused) == {"suspect_identified"}
    assert refused.errors[0].message == f"Outcome {code} needs an identified suspect"
    assert accepted.acceptable(warnings_confirmed=False)


@pytest.mark.parametrize("code", [1, 3, 8, 22])
def test_sanctions_need_an_identified_suspect(code):
    assert _fields(_check(code=code)) == {"suspect_identified"}
    assert _check(code=code, suspect_identified=True).errors == ()


@pytest.mark.parametrize("code", [14, 18])
def test_14_and_18_contradict_an_identified_suspect(code):
    result = _check(code=code, suspect_identified=True)

    assert _fields(result) == {"suspect_identified"}
    assert "no suspect was identified" in result.errors[0].message


@pytest.mark.parametrize("code", [19, 20])
def test_19_and_20_do_not_depend_on_a_suspect(code):
    assert _check(code=code).errors == ()
    assert _check(code=code, suspect_identified=True).errors == ()


def test_a_name_without_an_identified_suspect_is_a_contradiction():
    assert _fields(_check(code=18, suspect_name="A Person")) == {"suspect_name"}


def test_21_needs_a_named_suspect_a_rationale_and_the_victim_informed():
    result = _check(code=21)

    assert _fields(result) == {"suspect_identified", "suspect_name", "rationale", "victim_informed"}


def test_21_complete_still_warns_that_it_is_not_normally_for_hate_crime():
    result = _check(
        code=21,
        suspect_identified=True,
        suspect_name="A Person",
        rationale="Suspect has since been convicted of a more serious offence",
        victim_informed=True,
    )

    assert result.errors == ()
    assert [w.field for w in result.warnings] == ["confirm"]
    assert "not normally use outcome 21 for hate crime" in result.warnings[0].message
    assert not result.acceptable(warnings_confirmed=False)
    assert result.acceptable(warnings_confirmed=True)


def test_a_blank_name_or_rationale_does_not_count():
    result = _check(
        code=21, suspect_identified=True, suspect_name="  ", rationale="\n", victim_informed=True
    )

    assert _fields(result) == {"suspect_name", "rationale"}


def test_confirming_a_warning_does_not_excuse_an_error():
    assert not _check(code=21).acceptable(warnings_confirmed=True)


@pytest.mark.parametrize(
    ("outcome_date", "accepted"),
    [
        (TODAY, True),
        (REPORTED, True),
        (date(2025, 6, 2), False),  # tomorrow
        (date(2025, 2, 28), False),  # the day before the report
    ],
)
def test_the_date_is_not_in_the_future_nor_before_the_report(outcome_date, accepted):
    result = _check(code=18, outcome_date=outcome_date)

    assert (result.errors == ()) is accepted
    if not accepted:
        assert _fields(result) == {"outcome_date"}


def test_the_message_for_a_date_before_the_report_names_the_day():
    result = _check(code=18, outcome_date=date(2025, 1, 1))

    assert result.errors[0].message == (
        "Outcome date must be on or after the day the crime was reported (1 March 2025)"
    )


@pytest.mark.parametrize(
    ("codes", "finished"),
    [([], False), ([0], False), ([8, 0], False), ([8], True), ([8, 18, 21], True)],
)
def test_a_case_is_finished_when_every_crime_has_a_final_outcome(codes, finished):
    assert outcomes.all_final(codes) is finished


def test_the_rules_module_does_not_import_django():
    tree = ast.parse(Path(outcomes.__file__).read_text())
    imported = {
        name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in (
            [node.module] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
        )
    }

    assert not {name for name in imported if name and name.split(".")[0] in {"django", "hatehub"}}
