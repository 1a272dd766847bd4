"""Working-day calendar per UK nation (DOMAIN.md s8: working days exclude weekends and the bank
holidays of the relevant UK nation)."""

import datetime as dt

import holidays
import pytest

from hatehub.victims.calendar import Nation, WorkingCalendar

D = dt.date
EW = Nation.ENGLAND_AND_WALES
SCT = Nation.SCOTLAND
NIR = Nation.NORTHERN_IRELAND


@pytest.mark.parametrize("nation", list(Nation))
def test_weekends_are_not_working_days(nation):
    calendar = WorkingCalendar(nation)
    assert calendar.is_working_day(D(2026, 8, 7))  # Friday
    assert not calendar.is_working_day(D(2026, 8, 8))  # Saturday
    assert not calendar.is_working_day(D(2026, 8, 9))  # Sunday
    assert calendar.add_working_days(D(2026, 8, 7), 1) == D(2026, 8, 10)  # Fri -> Mon
    assert calendar.add_working_days(D(2026, 8, 8), 1) == D(2026, 8, 10)  # Sat -> Mon
    assert calendar.add_working_days(D(2026, 8, 9), 1) == D(2026, 8, 10)  # Sun -> Mon
    assert calendar.add_working_days(D(2026, 8, 5), 5) == D(2026, 8, 12)  # Wed -> next Wed


def test_event_day_never_counts_and_zero_days_is_the_same_day():
    calendar = WorkingCalendar(EW)
    assert calendar.add_working_days(D(2026, 8, 4), 1) == D(2026, 8, 5)
    assert calendar.add_working_days(D(2026, 8, 4), 0) == D(2026, 8, 4)
    with pytest.raises(ValueError):
        calendar.add_working_days(D(2026, 8, 4), -1)


@pytest.mark.parametrize(
    ("nation", "due"),
    [
        (EW, D(2026, 9, 1)),  # Mon 31 Aug 2026 is the late summer bank holiday
        (NIR, D(2026, 9, 1)),
        (SCT, D(2026, 8, 31)),  # Scotland's summer holiday was Mon 3 Aug
    ],
)
def test_friday_before_the_august_bank_holiday(nation, due):
    assert WorkingCalendar(nation).add_working_days(D(2026, 8, 28), 1) == due


@pytest.mark.parametrize(("nation", "due"), [(SCT, D(2026, 8, 4)), (EW, D(2026, 8, 3))])
def test_scotlands_summer_bank_holiday_is_the_first_monday_of_august(nation, due):
    assert WorkingCalendar(nation).add_working_days(D(2026, 7, 31), 1) == due


@pytest.mark.parametrize(("nation", "due"), [(EW, D(2026, 4, 7)), (NIR, D(2026, 4, 7))])
def test_good_friday_and_easter_monday(nation, due):
    assert WorkingCalendar(nation).add_working_days(D(2026, 4, 2), 1) == due


def test_easter_monday_is_a_working_day_in_scotland():
    calendar = WorkingCalendar(SCT)
    assert not calendar.is_working_day(D(2026, 4, 3))  # Good Friday
    assert calendar.add_working_days(D(2026, 4, 2), 1) == D(2026, 4, 6)


@pytest.mark.parametrize("nation", list(Nation))
def test_christmas_with_a_boxing_day_substitute(nation):
    # 2026: Christmas Fri 25, Boxing Day Sat 26 -> substitute Mon 28 December.
    calendar = WorkingCalendar(nation)
    assert not calendar.is_working_day(D(2026, 12, 28))
    assert calendar.add_working_days(D(2026, 12, 24), 1) == D(2026, 12, 29)


@pytest.mark.parametrize("nation", list(Nation))
def test_christmas_and_boxing_day_both_substituted(nation):
    # 2021: Christmas Sat 25 and Boxing Day Sun 26 -> substitutes Mon 27 and Tue 28 December.
    calendar = WorkingCalendar(nation)
    assert calendar.add_working_days(D(2021, 12, 24), 1) == D(2021, 12, 29)
    assert calendar.closure_reason(D(2021, 12, 27)) == "Christmas Day (observed)"


def test_scotland_has_2_january_and_its_substitute():
    # 2027: 1 Jan Friday, 2 Jan Saturday -> Scotland's substitute is Monday 4 January.
    assert WorkingCalendar(SCT).add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 5)
    assert WorkingCalendar(EW).add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)
    # 2026: 2 January is a Friday holiday in Scotland only.
    assert WorkingCalendar(SCT).add_working_days(D(2025, 12, 31), 1) == D(2026, 1, 5)
    assert WorkingCalendar(EW).add_working_days(D(2025, 12, 31), 1) == D(2026, 1, 2)


@pytest.mark.parametrize(
    ("nation", "due"), [(NIR, D(2026, 3, 18)), (EW, D(2026, 3, 17)), (SCT, D(2026, 3, 17))]
)
def test_st_patricks_day_only_in_northern_ireland(nation, due):
    assert WorkingCalendar(nation).add_working_days(D(2026, 3, 16), 1) == due


@pytest.mark.parametrize(
    ("nation", "due"), [(SCT, D(2026, 12, 1)), (EW, D(2026, 11, 30)), (NIR, D(2026, 11, 30))]
)
def test_st_andrews_day_only_in_scotland(nation, due):
    assert WorkingCalendar(nation).add_working_days(D(2026, 11, 27), 1) == due


@pytest.mark.parametrize(
    ("start", "nation", "due"),
    [
        (D(2026, 7, 10), NIR, D(2026, 7, 14)),  # 12 July 2026 is a Sunday -> Mon 13 substitute
        (D(2026, 7, 10), EW, D(2026, 7, 13)),
        (D(2027, 7, 9), NIR, D(2027, 7, 13)),  # 12 July 2027 is a Monday
        (D(2027, 7, 9), SCT, D(2027, 7, 12)),
    ],
)
def test_the_twelfth_only_in_northern_ireland(start, nation, due):
    assert WorkingCalendar(nation).add_working_days(start, 1) == due


def test_extra_closure_days():
    calendar = WorkingCalendar(EW, extra_closures=frozenset({D(2026, 8, 10), D(2026, 8, 11)}))
    assert not calendar.is_working_day(D(2026, 8, 10))
    assert calendar.closure_reason(D(2026, 8, 10)) == "extra closure day"
    assert calendar.add_working_days(D(2026, 8, 7), 1) == D(2026, 8, 12)
    # A calendar without the closures is unaffected.
    assert WorkingCalendar(EW).add_working_days(D(2026, 8, 7), 1) == D(2026, 8, 10)


def test_extra_closures_must_be_dates():
    with pytest.raises(TypeError):
        WorkingCalendar(EW, extra_closures={dt.datetime(2026, 8, 10, 9, 0)})


def test_working_days_between_is_the_inverse_of_add_working_days():
    ew, sct = WorkingCalendar(EW), WorkingCalendar(SCT)
    friday = D(2026, 8, 28)
    assert ew.working_days_between(friday, D(2026, 9, 1)) == 1
    assert sct.working_days_between(friday, D(2026, 9, 1)) == 2
    assert ew.working_days_between(friday, friday) == 0
    assert ew.working_days_between(D(2026, 9, 1), friday) == -1
    for n in range(0, 40):
        for calendar in (ew, sct, WorkingCalendar(NIR)):
            due = calendar.add_working_days(D(2026, 12, 20), n)
            assert calendar.working_days_between(D(2026, 12, 20), due) == n


def test_datetimes_are_rejected_so_the_london_date_is_chosen_deliberately():
    with pytest.raises(TypeError):
        WorkingCalendar(EW).is_working_day(dt.datetime(2026, 8, 28, 23, 30))


def test_nation_parsing():
    assert Nation.parse("england-and-wales") is EW
    assert Nation.parse(" Scotland ") is SCT
    assert Nation.parse(NIR) is NIR
    with pytest.raises(ValueError, match="england-and-wales, scotland, northern-ireland"):
        Nation.parse("wales")
    assert [n.holidays_subdivision for n in Nation] == ["ENG", "SCT", "NIR"]


def test_library_treats_england_and_wales_identically():
    """Pins the documented choice of subdiv ENG for England and Wales: if the library ever gives
    Wales a different date this fails and the mapping must be revisited."""
    years = range(2020, 2036)
    england = holidays.country_holidays("GB", subdiv="ENG", years=years)
    wales = holidays.country_holidays("GB", subdiv="WLS", years=years)
    assert set(england) == set(wales)
