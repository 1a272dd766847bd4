"""Surge detection on seeded synthetic traffic, without a database: a normal week raises no
alert; the same week with a surge raises one in the hour it starts."""

from datetime import datetime, timedelta

import pytest

from hatehub.analytics import surges

from .generator import Traffic

START = datetime(2026, 9, 7)  # a Monday; five weeks: four of baseline, then the week tested
TESTED_WEEK = START + timedelta(weeks=4)
CONTENT_MINIMUM = {"content": 10}


def histories(events) -> dict[surges.Series, surges.History]:
    found: dict[surges.Series, surges.History] = {}

    def add(kind: str, key: str, at: datetime) -> None:
        series = surges.Series(kind, key, key)
        found.setdefault(series, surges.History()).add(surges.hour_start(at))

    for event in events:
        add("all", "all", event.at)
        add("platform", event.platform, event.at)
        add("strand", event.strand, event.at)
        add("content", str(event.content), event.at)
    return found


def week_hours(start: datetime) -> list[datetime]:
    return [start + timedelta(hours=h) for h in range(168)]


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_a_normal_week_raises_no_alert(seed):
    events = Traffic(seed).normal(START, 5 * 168)
    assert len(events) > 1000  # the traffic is not trivially small
    found = surges.detect(histories(events), week_hours(TESTED_WEEK), min_counts=CONTENT_MINIMUM)
    assert found == []


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_surge_raises_an_alert_in_the_hour_it_starts(seed):
    traffic = Traffic(seed)
    events = traffic.normal(START, 5 * 168)
    surge_start = TESTED_WEEK + timedelta(days=2, hours=14, minutes=5)  # Wednesday 14:05
    events += traffic.surge(surge_start, 40, 25, platform="tiktok", strand="religion")

    found = surges.detect(histories(events), week_hours(TESTED_WEEK), min_counts=CONTENT_MINIMUM)

    hour = surges.hour_start(surge_start)
    assert found, "the surge was not detected"
    assert {surge.window_start for surge in found} == {hour}
    by_kind = {surge.series.kind: surge for surge in found}
    assert set(by_kind) >= {"content", "platform"}
    assert by_kind["platform"].series.key == "tiktok"
    assert by_kind["content"].count == 40
    platform = by_kind["platform"]
    assert platform.count >= 40 and platform.expected < 5 and platform.p_value < 1e-4


def test_a_surge_is_caught_from_the_first_part_of_its_hour():
    """The check every quarter hour sees the hour so far: 15 minutes of a surge is enough."""
    traffic = Traffic(7)
    events = [e for e in traffic.normal(START, 4 * 168 + 60)]
    surge_start = START + timedelta(weeks=4, hours=59)
    events = [e for e in events if e.at < surge_start + timedelta(minutes=15)]
    events += traffic.surge(surge_start, 20, 15, platform="x", strand="race")
    found = surges.detect(histories(events), [surge_start], min_counts=CONTENT_MINIMUM)
    assert {surge.series.kind for surge in found} >= {"content"}


def test_the_expected_level_follows_the_hour_of_the_week():
    history = surges.History()
    monday = datetime(2026, 9, 7)
    for week in range(4):
        for day in range(7):
            history.add(monday + timedelta(weeks=week, days=day, hours=20), 12)  # evenings
            history.add(monday + timedelta(weeks=week, days=day, hours=4), 1)  # nights
    settings = surges.Settings(neighbour_hours=0, prior_hours=0, shape_weight=0)
    tested = monday + timedelta(weeks=4)
    assert surges.expected_level(history, tested + timedelta(hours=20), settings).level == 12
    assert surges.expected_level(history, tested + timedelta(hours=4), settings).level == 1
    # Twelve in the small hours is a surge; twelve in the evening is a normal evening.
    history.add(tested + timedelta(hours=4), 11)
    history.add(tested + timedelta(hours=20), 12)
    series = surges.Series("all", "all", "All")
    found = surges.detect(
        {series: history}, [tested + timedelta(hours=h) for h in (4, 20)], settings
    )
    assert [surge.window_start for surge in found] == [tested + timedelta(hours=4)]


def test_the_window_is_never_part_of_its_own_baseline():
    history = surges.History()
    tested = datetime(2026, 10, 5, 12)
    history.add(tested, 50)
    expected = surges.expected_level(history, tested, surges.Settings())
    assert expected.level == surges.Settings().min_expected


def test_poisson_tail_matches_the_formula():
    expected = surges.Expected(level=2.0, dispersion=1.0)
    by_hand = 1 - sum(
        2.0**k * 2.718281828459045**-2.0 / __import__("math").factorial(k) for k in range(5)
    )
    assert surges.upper_tail(5, expected) == pytest.approx(by_hand, rel=1e-9)
    assert surges.upper_tail(0, expected) == 1.0


def test_bursty_history_widens_the_tail():
    """With overdispersed history the same count is less surprising than under Poisson."""
    poisson = surges.upper_tail(10, surges.Expected(3.0, 1.0))
    negative_binomial = surges.upper_tail(10, surges.Expected(3.0, 3.0))
    assert negative_binomial > poisson * 10


def test_minimum_count_holds_back_small_numbers():
    history = surges.History()
    tested = datetime(2026, 10, 5, 3)
    history.add(tested, 4)  # four reports where none are expected: p tiny, but only four
    series = surges.Series("strand", "disability", "Disability")
    assert surges.detect({series: history}, [tested]) == []
    assert surges.detect({series: history}, [tested], surges.Settings(min_count=4, p_value=1e-4))
