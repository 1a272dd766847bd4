"""The demo's history has the shape real reporting has: weeks of it, evenings and weekends
busier, shared posts reported over a day or two, and one match-day burst."""

from collections import Counter
from datetime import datetime, timedelta

from hatehub.demo import timeline

END = datetime(2026, 12, 5, 9, 0)


def _plan(count=600, seed=2017):
    return timeline.plan(count, end=END, seed=seed)


def test_reports_are_spread_over_the_weeks_not_bunched_in_one_hour():
    planned = _plan()
    times = [arrival.at for arrival in planned.arrivals]
    assert len(times) == 600
    assert times == sorted(times)
    assert min(times) >= END - timedelta(weeks=6) and max(times) < END
    weeks = Counter((moment - planned.start).days // 7 for moment in times)
    assert set(weeks) == set(range(6))
    # No week holds more than a third of the reports; none is nearly empty.
    assert max(weeks.values()) < 600 / 3 and min(weeks.values()) > 600 / 12
    busiest_hour = Counter(moment.replace(minute=0, second=0) for moment in times).most_common(1)
    assert busiest_hour[0][1] < 25  # the match-day hour, not 600 at once


def test_evenings_are_busier_than_nights_and_weekends_than_weekdays():
    background = [a.at for a in _plan().arrivals if a.kind == timeline.BACKGROUND]
    by_hour = Counter(moment.hour for moment in background)
    evening = sum(by_hour[h] for h in range(18, 23))
    small_hours = sum(by_hour[h] for h in range(1, 6))
    assert evening > 5 * small_hours
    by_day = Counter(moment.weekday() for moment in background)
    weekday_mean = sum(by_day[d] for d in range(5)) / 5
    weekend_mean = (by_day[5] + by_day[6]) / 2
    assert weekend_mean > 1.15 * weekday_mean


def test_a_shared_post_is_reported_over_a_day_or_two_after_it_appears():
    planned = _plan()
    for post in range(6):
        times = sorted(a.at for a in planned.arrivals if a.post == post)
        assert len(times) >= 10
        within_two_days = [t for t in times if t - times[0] <= timedelta(days=2)]
        assert len(within_two_days) >= 0.7 * len(times)


def test_the_match_day_burst_follows_the_final_whistle_on_a_saturday():
    planned = _plan()
    whistle = planned.match_final_whistle
    assert whistle.weekday() == 5 and END - whistle >= timedelta(days=6)
    match = [a.at for a in planned.arrivals if a.kind == timeline.MATCH]
    assert len(match) == 22
    assert all(whistle <= moment for moment in match)
    first_hour = [moment for moment in match if moment - whistle <= timedelta(minutes=65)]
    assert len(first_hour) >= 15


def test_the_match_comes_after_the_surge_checks_baseline_whatever_the_hour_the_demo_is_made():
    # The surge check learns from 4 weeks of history: a match before that is never an alert.
    for hours in range(0, 7 * 24, 5):
        end = END + timedelta(hours=hours)
        planned = timeline.plan(150, end=end, seed=1, weeks=6)
        whistle = planned.match_final_whistle
        assert whistle.weekday() == 5
        assert whistle.replace(minute=0) >= planned.start + timedelta(weeks=4), end
        assert end - whistle >= timedelta(days=6), end


def test_the_same_seed_gives_the_same_history():
    assert _plan(seed=7).arrivals == _plan(seed=7).arrivals
    assert _plan(seed=7).arrivals != _plan(seed=8).arrivals


def test_a_small_demo_leaves_the_match_day_out():
    planned = _plan(count=40)
    assert len(planned.arrivals) == 40
    assert not [a for a in planned.arrivals if a.kind == timeline.MATCH]
