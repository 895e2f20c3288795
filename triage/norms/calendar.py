"""The Dutch business calendar that service norms are counted in.

Working days are Monday to Friday minus the public holidays municipalities close on: New Year, Easter
(Sunday and Monday), King's Day, Ascension, Whitsun (Sunday and Monday) and Christmas (both days).
Good Friday is not a day off. Liberation Day (5 May) is a day off every year or only every fifth year
(2025, 2030, ...), as the municipality's collective agreement says. Office hours bound the clock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo

import holidays

from triage.kernel.time import LOCAL_TIME_ZONE

NOT_A_DAY_OFF = {"Good Friday"}
LIBERATION_DAY_RULES = ("every_year", "every_fifth_year")


@cache
def _dutch_holidays(year: int) -> dict[date, str]:
    return dict(holidays.country_holidays("NL", years=year))


@dataclass(frozen=True)
class OfficeHours:
    opens: time = time(8, 30)
    closes: time = time(17, 0)

    def __post_init__(self) -> None:
        if self.closes <= self.opens:
            raise ValueError("office hours must close after they open")

    @property
    def length(self) -> timedelta:
        return datetime.combine(date.min, self.closes) - datetime.combine(date.min, self.opens)


@dataclass(frozen=True)
class BusinessCalendar:
    office_hours: OfficeHours = field(default_factory=OfficeHours)
    liberation_day: str = "every_fifth_year"
    zone: ZoneInfo = LOCAL_TIME_ZONE

    def __post_init__(self) -> None:
        if self.liberation_day not in LIBERATION_DAY_RULES:
            raise ValueError(f"liberation_day must be one of {LIBERATION_DAY_RULES}")

    def holidays(self, year: int) -> dict[date, str]:
        return _days_off(year, self.liberation_day)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in _days_off(day.year, self.liberation_day)

    def working_days_between(self, first: date, last: date) -> int:
        """Working days strictly after `first` and before `last`, counted by weeks rather than day by day."""
        start, days = first + timedelta(days=1), (last - first).days - 1
        if days <= 0:
            return 0
        weeks, rest = divmod(days, 7)
        weekdays = weeks * 5 + sum((start + timedelta(days=i)).weekday() < 5 for i in range(rest))
        off = sum(
            1
            for year in range(start.year, last.year + 1)
            for day in _days_off(year, self.liberation_day)
            if start <= day < last and day.weekday() < 5
        )
        return weekdays - off

    def office_interval(self, day: date) -> tuple[datetime, datetime] | None:
        """The office hours of one day as aware datetimes, or None on a day off."""
        if not self.is_working_day(day):
            return None
        opens = datetime.combine(day, self.office_hours.opens, tzinfo=self.zone)
        return opens, datetime.combine(day, self.office_hours.closes, tzinfo=self.zone)


@cache
def _days_off(year: int, liberation_rule: str) -> dict[date, str]:
    """The days off of one year under one Liberation Day rule; computed once, asked for on every clock tick."""
    days = {d: name for d, name in _dutch_holidays(year).items() if name not in NOT_A_DAY_OFF}
    liberation = date(year, 5, 5)
    if liberation_rule == "every_year" or year % 5 == 0:
        days[liberation] = "Liberation Day"
    else:
        days.pop(liberation, None)
    return days
