"""Service-norm clocks as tables: (received at, norm, pauses, holidays, office hours) -> expected due time."""

from datetime import datetime, time, timedelta

import pytest

from triage.kernel.time import LOCAL_TIME_ZONE
from triage.norms.calendar import BusinessCalendar, OfficeHours
from triage.norms.clock import Norm, due_at, timer, working_time_between

CALENDAR = BusinessCalendar()


def at(text: str) -> datetime:
    """Amsterdam wall-clock time, as staff and residents read it."""
    return datetime.fromisoformat(text).replace(tzinfo=LOCAL_TIME_ZONE)


DUE_TIMES = [
    # received,              norm (days, calendar?), expected due,       why
    ("2026-11-23 10:00", 3, False, "2026-11-26 10:00", "three working days, same time of day"),
    ("2026-11-27 18:00", 1, False, "2026-11-30 17:00", "after hours on Friday: the clock starts Monday 08:30"),
    ("2026-11-28 11:00", 1, False, "2026-11-30 17:00", "on Saturday: the clock starts Monday 08:30"),
    ("2026-11-23 07:00", 1, False, "2026-11-23 17:00", "before opening: the clock starts at 08:30"),
    ("2026-12-24 10:00", 2, False, "2026-12-29 10:00", "Christmas (Friday) and the weekend do not count"),
    ("2026-04-24 12:00", 1, False, "2026-04-28 12:00", "King's Day, Monday 27 April 2026"),
    ("2026-04-02 12:00", 1, False, "2026-04-03 12:00", "Good Friday is a working day"),
    ("2026-04-03 12:00", 1, False, "2026-04-07 12:00", "Easter Monday"),
    ("2026-05-13 12:00", 1, False, "2026-05-15 12:00", "Ascension Day"),
    ("2026-05-22 12:00", 1, False, "2026-05-26 12:00", "Whit Monday"),
    ("2025-12-31 12:00", 1, False, "2026-01-02 12:00", "New Year's Day"),
    ("2025-05-02 12:00", 1, False, "2025-05-06 12:00", "Liberation Day 2025, a fifth year"),
    ("2026-05-04 12:00", 1, False, "2026-05-05 12:00", "Liberation Day 2026 is not a day off every fifth year"),
    ("2026-03-27 12:00", 1, False, "2026-03-30 12:00", "summer time starts on Sunday: still 12:00 local"),
    ("2026-11-28 10:00", 3, True, "2026-12-01 10:00", "calendar days count weekends"),
    ("2026-10-23 12:00", 3, True, "2026-10-26 12:00", "calendar days keep the time of day across winter time"),
]


@pytest.mark.parametrize(("received", "days", "calendar_days", "expected", "why"), DUE_TIMES)
def test_due_time(received, days, calendar_days, expected, why):
    assert due_at(CALENDAR, at(received), Norm(days, calendar_days)) == at(expected), why


def test_liberation_day_every_year_when_configured():
    calendar = BusinessCalendar(liberation_day="every_year")
    assert due_at(calendar, at("2026-05-04 12:00"), Norm(1)) == at("2026-05-06 12:00")


def test_office_hours_are_configurable():
    calendar = BusinessCalendar(office_hours=OfficeHours(time(9, 0), time(12, 0)))
    assert due_at(calendar, at("2026-11-23 10:00"), Norm(1)) == at("2026-11-24 10:00")
    assert due_at(calendar, at("2026-11-23 13:00"), Norm(1)) == at("2026-11-24 12:00")


PAUSES = [
    # received, days, pauses (from, until), expected due, why
    (
        "2026-11-23 10:00",
        3,
        [("2026-11-24 10:00", "2026-11-25 10:00")],
        "2026-11-27 10:00",
        "a full working day waiting for the resident moves the due time a working day",
    ),
    (
        "2026-11-23 10:00",
        3,
        [("2026-11-27 17:30", "2026-11-30 08:00")],
        "2026-11-26 10:00",
        "a pause outside office hours changes nothing",
    ),
    (
        "2026-11-23 10:00",
        1,
        [("2026-11-23 12:00", "2026-11-23 14:00"), ("2026-11-24 09:00", "2026-11-24 10:00")],
        "2026-11-24 13:00",
        "two pauses add up",
    ),
]


@pytest.mark.parametrize(("received", "days", "pauses", "expected", "why"), PAUSES)
def test_clock_stops_while_waiting(received, days, pauses, expected, why):
    pause_times = [(at(start), at(end)) for start, end in pauses]
    assert due_at(CALENDAR, at(received), Norm(days), pause_times) == at(expected), why


def test_open_pause_projects_the_due_time_from_now():
    pauses = [(at("2026-11-24 10:00"), None)]
    projected = due_at(CALENDAR, at("2026-11-23 10:00"), Norm(3), pauses, now=at("2026-11-25 10:00"))
    assert projected == at("2026-11-27 10:00")


def test_working_time_counts_only_office_hours():
    assert working_time_between(CALENDAR, at("2026-11-27 16:00"), at("2026-11-30 09:30")) == timedelta(hours=2)
    assert working_time_between(CALENDAR, at("2026-11-30 09:30"), at("2026-11-27 16:00")) == -timedelta(hours=2)


@pytest.mark.parametrize(
    ("now", "remaining", "share", "overdue"),
    [
        ("2026-11-23 10:00", timedelta(hours=25.5), 0.0, False),
        ("2026-11-25 14:15", timedelta(hours=4.25), 5 / 6, False),
        ("2026-11-26 10:00", timedelta(0), 1.0, False),
        ("2026-11-27 10:00", -timedelta(hours=8.5), 4 / 3, True),
    ],
)
def test_timer_tells_working_time_left_or_overdue(now, remaining, share, overdue):
    state = timer(CALENDAR, at("2026-11-23 10:00"), Norm(3), at(now))
    assert state.due == at("2026-11-26 10:00")
    assert state.remaining == remaining
    assert state.used_share == pytest.approx(share)
    assert state.overdue is overdue


def test_bad_calendar_settings_are_refused():
    with pytest.raises(ValueError):
        OfficeHours(time(17, 0), time(8, 0))
    with pytest.raises(ValueError):
        BusinessCalendar(liberation_day="sometimes")


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("2025-12-20", "2026-01-10"),
        ("2026-04-01", "2026-06-01"),
        ("2024-11-01", "2026-11-30"),
        ("2026-11-23", "2026-11-24"),
    ],
)
def test_counting_working_days_by_weeks_matches_counting_day_by_day(first, last):
    from datetime import date

    start, end = date.fromisoformat(first), date.fromisoformat(last)
    by_day = sum(CALENDAR.is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days))
    assert CALENDAR.working_days_between(start, end) == by_day
