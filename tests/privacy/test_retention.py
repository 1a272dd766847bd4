"""The retention schedule: parsing, validation (and the start-up check), due dates."""

from datetime import date

import pytest
import yaml

from hatehub.privacy import checks, conf
from hatehub.privacy.retention import (
    Period,
    RecordFacts,
    ScheduleError,
    due,
    parse_schedule,
)


def rule(**overrides):
    values = {
        "id": "crime",
        "record_type": "case",
        "starts": "closed",
        "review_after": {"years": 6},
        "action": "review",
        "reason": "Review after 6 years",
        "source": "Police information and records management Code (2023)",
        "last_checked": "2026-11-01",
    }
    values.update(overrides)
    return {k: v for k, v in values.items() if v is not None}


def facts(**overrides):
    values = {
        "record_type": "case",
        "record_id": 1,
        "classification": "crime",
        "status": "closed",
        "opened_on": date(2020, 1, 10),
        "closed_on": date(2020, 2, 29),
    }
    values.update(overrides)
    return RecordFacts(**values)


def test_the_hub_schedule_is_valid_and_covers_every_classification():
    schedule = conf.load_schedule()
    assert schedule.rules
    for rule_ in schedule.rules:
        assert rule_.source and rule_.reason and rule_.last_checked <= date.today()
    for classification in ("crime", "nchi", "not_hate", "not_police_matter", "unassessed"):
        assert schedule.rule_for(facts(classification=classification)) is not None
    assert all(rule_.action == "review" for rule_ in schedule.rules)  # nothing automatic


def test_periods_add_calendar_years_and_months():
    assert Period(years=6).after(date(2020, 2, 29)) == date(2026, 2, 28)
    assert Period(months=1).after(date(2021, 1, 31)) == date(2021, 2, 28)
    assert Period(months=13, days=2).after(date(2021, 12, 30)) == date(2023, 2, 1)
    assert str(Period(years=1, months=2)) == "1 year, 2 months"


def test_due_date_follows_the_first_matching_rule_and_its_start():
    schedule = parse_schedule(
        {
            "rules": [
                rule(id="nchi", classification="nchi", review_after={"years": 2}),
                rule(id="other"),
            ]
        }
    )
    assert due(schedule, facts(classification="nchi")).due_on == date(2022, 2, 28)
    found = due(schedule, facts())
    assert (found.rule.id, found.due_on) == ("other", date(2026, 2, 28))
    assert found.is_due(date(2026, 2, 28)) and not found.is_due(date(2026, 2, 27))
    # An open case has no closing date: a rule counting from closing is not due yet.
    assert due(schedule, facts(status="allocated", closed_on=None)) is None


def test_keep_until_moves_the_due_date_later_only():
    schedule = parse_schedule({"rules": [rule()]})
    kept = due(schedule, facts(keep_until=date(2030, 1, 1)))
    assert (kept.due_on, kept.scheduled_on, kept.kept) == (
        date(2030, 1, 1),
        date(2026, 2, 28),
        True,
    )
    earlier = due(schedule, facts(keep_until=date(2021, 1, 1)))
    assert (earlier.due_on, earlier.kept) == (date(2026, 2, 28), False)


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (rule(source=None), "source is required"),
        (rule(reason="  "), "reason is required"),
        (rule(classification="hate"), "unknown value 'hate'"),
        (rule(record_type="complainant"), "record_type must be one of"),
        (rule(review_after={"years": -1}), "whole number"),
        (rule(review_after={"weeks": 2}), "unknown units"),
        (rule(review_after={}), "review_after must be"),
        (rule(action="delete"), "action must be one of"),
        (rule(starts="reported"), "starts must be one of"),
        (rule(last_checked="last year"), "last_checked must be a date"),
        (rule(last_checked="2999-01-01"), "last_checked is in the future"),
        (rule(colour="red"), "unknown keys"),
    ],
)
def test_each_problem_is_reported(bad, message):
    with pytest.raises(ScheduleError) as error:
        parse_schedule({"rules": [bad]}, today=date(2026, 11, 26))
    assert any(message in problem for problem in error.value.problems), error.value.problems


def test_duplicate_ids_and_uncovered_classifications_are_refused():
    with pytest.raises(ScheduleError) as error:
        parse_schedule({"rules": [rule(classification="crime"), rule(classification="nchi")]})
    problems = " | ".join(error.value.problems)
    assert "the id is used twice" in problems
    assert "no rule covers cases classified 'not_hate'" in problems
    with pytest.raises(ScheduleError):
        parse_schedule({"rules": []})
    with pytest.raises(ScheduleError):
        parse_schedule(["not", "a", "mapping"])


def test_a_broken_schedule_fails_the_system_check(settings, tmp_path):
    assert checks.check_retention_schedule() == []
    broken = tmp_path / "retention.yaml"
    broken.write_text(yaml.safe_dump({"rules": [rule(source=None)]}))
    settings.HUB_RETENTION_SCHEDULE = str(broken)
    errors = checks.check_retention_schedule()
    assert [e.id for e in errors] and {e.id for e in errors} == {"privacy.E001"}
    assert any("source is required" in e.msg for e in errors)
    unreadable = tmp_path / "bad.yaml"
    unreadable.write_text("rules: [: :")
    settings.HUB_RETENTION_SCHEDULE = str(unreadable)
    assert [e.id for e in checks.check_retention_schedule()] == ["privacy.E002"]


def test_the_schedule_is_shown_to_supervisors_in_words():
    from hatehub.privacy.selectors import schedule_rows

    schedule = parse_schedule(
        {
            "version": "1",
            "rules": [
                rule(
                    id="no-police-matter",
                    classification=["not_hate", "not_police_matter", "unassessed"],
                    status="closed",
                    review_after={"years": 1},
                ),
                rule(id="any-open", starts="opened", review_after={"months": 18}, action="erase"),
            ],
        }
    )
    rows = [(row.id, row.applies_to, row.when) for row in schedule_rows(schedule)]
    assert rows == [
        (
            "no-police-matter",
            "Cases: Not a hate matter, Not a police matter, No decision yet (closed)",
            "Review 1 year after the case closed",
        ),
        ("any-open", "Cases", "Erase 18 months after the case was opened"),
    ]
