"""Service-norm clocks: when a report is due, how much working time is left, and pauses that stop the clock.

A norm of N working days is N office days of office time, counted from when the report entered its queue
(or from the next opening, outside office hours). A norm in calendar days ends N days later at the same local
time of day (wall-clock arithmetic, also across a change to or from summer time). While a report
waits for the resident the clock stops: paused time is not counted. Time is always an argument.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from triage.norms.calendar import BusinessCalendar

Pause = tuple[datetime, datetime | None]  # from, until (None: still paused)
MAX_DAYS_AHEAD = 3660


@dataclass(frozen=True)
class Norm:
    days: int
    calendar_days: bool = False


def _counting_intervals(calendar: BusinessCalendar, start: datetime, calendar_days: bool):
    """The stretches of time in which the clock may run, from `start` on."""
    if calendar_days:
        yield start, start + timedelta(days=MAX_DAYS_AHEAD)
        return
    day = start.astimezone(calendar.zone).date()
    for offset in range(MAX_DAYS_AHEAD):
        interval = calendar.office_interval(day + timedelta(days=offset))
        if interval and interval[1] > start:
            yield max(interval[0], start), interval[1]


def due_at(
    calendar: BusinessCalendar, start: datetime, norm: Norm, pauses: Iterable[Pause] = (), now: datetime | None = None
) -> datetime:
    """When the norm's time is used up, counting only unpaused time inside the counting intervals."""
    pauses = sorted(pauses, key=lambda p: p[0])
    needed = timedelta(days=norm.days) if norm.calendar_days else norm.days * calendar.office_hours.length
    for begin, end in _counting_intervals(calendar, start, norm.calendar_days):
        for piece_start, piece_end in _unpaused_pieces(begin, end, pauses, now):
            if piece_end - piece_start >= needed:  # an open pause counts as ending now: a projected due time
                return (piece_start + needed).astimezone(start.tzinfo)
            needed -= piece_end - piece_start
    raise ValueError("norm does not end within ten years")


def _unpaused_pieces(begin: datetime, end: datetime, pauses: list[Pause], now: datetime | None):
    cursor = begin
    for paused_from, paused_until in pauses:
        until = paused_until or now or datetime.max.replace(tzinfo=begin.tzinfo)
        if until <= cursor or paused_from >= end:
            continue
        if paused_from > cursor:
            yield cursor, paused_from
        cursor = max(cursor, until)
        if cursor >= end:
            return
    if cursor < end:
        yield cursor, end


def working_time_between(
    calendar: BusinessCalendar,
    start: datetime,
    end: datetime,
    calendar_days: bool = False,
    pauses: Iterable[Pause] = (),
    now: datetime | None = None,
) -> timedelta:
    """Counted clock time from start to end (negative when end is before start)."""
    if end < start:
        return -working_time_between(calendar, end, start, calendar_days, pauses, now)
    pauses = sorted(pauses, key=lambda p: p[0])
    if not pauses and not calendar_days:
        return _office_time_between(calendar, start, end)
    total = timedelta(0)
    for begin, finish in _counting_intervals(calendar, start, calendar_days):
        if begin >= end:
            break
        for piece_start, piece_end in _unpaused_pieces(begin, min(finish, end), pauses, now):
            total += piece_end - piece_start
    return total


def _office_time_between(calendar: BusinessCalendar, start: datetime, end: datetime) -> timedelta:
    """Office time without pauses: exact on the first and last day, whole office days counted in between,
    so a report overdue for months is labelled without walking every hour."""
    first, last = start.astimezone(calendar.zone).date(), end.astimezone(calendar.zone).date()
    if first == last:
        return _office_overlap(calendar, first, start, end)
    total = _office_overlap(calendar, first, start, end) + _office_overlap(calendar, last, start, end)
    return total + calendar.working_days_between(first, last) * calendar.office_hours.length


def _office_overlap(calendar: BusinessCalendar, day, start: datetime, end: datetime) -> timedelta:
    interval = calendar.office_interval(day)
    if interval is None:
        return timedelta(0)
    overlap = min(interval[1], end) - max(interval[0], start)
    return max(overlap, timedelta(0))


@dataclass(frozen=True)
class Timer:
    """Where a report stands against its norm at `now`, for the team views and escalation."""

    due: datetime
    remaining: timedelta  # counted time left; negative when overdue
    used_share: float  # 0.0 at the start, 1.0 at the due time

    @property
    def overdue(self) -> bool:
        return self.remaining < timedelta(0)


def timer(
    calendar: BusinessCalendar, start: datetime, norm: Norm, now: datetime, pauses: Iterable[Pause] = ()
) -> Timer:
    pauses = list(pauses)
    due = due_at(calendar, start, norm, pauses, now)
    total = working_time_between(calendar, start, due, norm.calendar_days, pauses, now)
    used = working_time_between(calendar, start, now, norm.calendar_days, pauses, now)
    remaining = (
        total - used if now <= due else -working_time_between(calendar, due, now, norm.calendar_days, pauses, now)
    )
    share = used / total if total > timedelta(0) else 1.0
    return Timer(due, remaining, share)
