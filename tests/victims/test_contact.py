"""Times to avoid: the hub waits for a time the complainant allows (Europe/London)."""

import datetime as dt

import pytest

from hatehub.victims.contact import WindowError, allowed, check_windows, next_allowed

UTC = dt.UTC


def test_no_windows_means_now():
    at = dt.datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
    assert next_allowed(at, []) == at


def test_avoiding_mornings_waits_until_noon_local_time():
    at = dt.datetime(2026, 7, 1, 8, 15, tzinfo=UTC)  # 09:15 BST on a Wednesday
    assert not allowed(at, ["weekday_mornings"])
    when = next_allowed(at, ["weekday_mornings"])
    assert when.astimezone(UTC) == dt.datetime(2026, 7, 1, 11, 0, tzinfo=UTC)  # 12:00 BST


def test_avoiding_evenings_and_weekends_waits_for_monday_morning():
    at = dt.datetime(2026, 11, 27, 18, 0, tzinfo=UTC)  # Friday 18:00 GMT
    when = next_allowed(at, ["weekday_evenings", "weekends"])
    assert when.astimezone(UTC) == dt.datetime(2026, 11, 30, 0, 0, tzinfo=UTC)  # Monday 00:00
    when = next_allowed(at, ["weekday_evenings", "weekends", "weekday_mornings"])
    assert when.astimezone(UTC) == dt.datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def test_every_time_avoided_is_refused():
    with pytest.raises(WindowError):
        check_windows(["weekday_mornings", "weekday_afternoons", "weekday_evenings", "weekends"])
    with pytest.raises(WindowError):
        check_windows(["never"])
