"""``manage.py victims_deadline`` prints the Victims' Code deadline (DOMAIN.md s8) as JSON."""

import io
import json

import pytest
from django.core.management import CommandError, call_command


def run(*args: str) -> dict:
    out = io.StringIO()
    call_command("victims_deadline", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.parametrize(
    ("nation", "due"),
    [
        ("england-and-wales", "2026-09-01"),
        ("scotland", "2026-08-31"),
        ("northern-ireland", "2026-09-01"),
    ],
)
def test_issue_example(nation, due):
    result = run(
        "--event", "decision_not_to_investigate",
        "--at", "2026-08-28T15:00:00+01:00",
        "--nation", nation,
        "--enhanced",
    )  # fmt: skip
    assert set(result) == {"due", "working_days", "rule"}
    assert result["due"] == due
    assert result["working_days"] == 1
    assert "DOMAIN.md s8" in result["rule"]


def test_without_enhanced_is_5_working_days():
    result = run("--event", "suspect_arrested", "--at", "2026-08-28T15:00", "--nation", "scotland")
    assert (result["due"], result["working_days"]) == ("2026-09-04", 5)


@pytest.mark.parametrize(
    "at", ["2026-08-28T00:30", "2026-08-27T23:30:00+00:00", "2026-08-27T23:30:00Z"]
)
def test_naive_is_london_time_and_offsets_are_converted(at):
    result = run("--event", "outcome", "--at", at, "--nation", "england-and-wales", "--enhanced")
    assert result["due"] == "2026-09-01"


def test_support_referral_and_right_to_review():
    at = ["--at", "2026-08-28T10:00", "--nation", "england-and-wales"]
    assert run("--event", "support_referral", *at)["due"] == "2026-09-02"
    assert run("--event", "right_to_review_acknowledge", *at)["working_days"] == 10
    assert run("--event", "right_to_review_decision", *at)["due"] == "2026-10-12"


def test_closures_are_repeatable():
    result = run(
        "--event", "outcome", "--at", "2026-08-28T10:00", "--nation", "scotland", "--enhanced",
        "--closure", "2026-08-31", "--closure", "2026-09-01",
    )  # fmt: skip
    assert result["due"] == "2026-09-02"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--event", "sentenced", "--at", "2026-08-28", "--nation", "scotland"], "known events"),
        (["--event", "outcome", "--at", "2026-08-28", "--nation", "wales"], "Unknown nation"),
        (["--event", "outcome", "--at", "28/08/2026", "--nation", "scotland"], "ISO 8601"),
        (
            ["--event", "outcome", "--at", "2026-08-28", "--nation", "scotland", "--closure", "x"],
            "YYYY-MM-DD",
        ),
        (["--at", "2026-08-28", "--nation", "scotland"], "--event"),
    ],
)
def test_bad_input_is_a_command_error(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("victims_deadline", *args, stdout=io.StringIO())
