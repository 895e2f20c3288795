"""Counting a period's sets from the day rows where they are fresh, and from the reports on the other days.

Only views without filters read the day rows (the rows are per group of one dimension, not per combination);
a filtered view counts its reports, which are a part of the whole. The rows of a period are summed once per
dashboard (`reading_days`) and every figure picks its sets from that.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select, union_all
from sqlalchemy.orm import Session

from models import DAY_COUNTS, Category, DashboardBuiltDay, DashboardDay, DashboardMonth
from triage.monitoring.daily_rows import STORED_KEYS, month_days, runs, stale_days
from triage.monitoring.dimensions import DIMENSIONS, Dimension, time_buckets
from triage.monitoring.filters import Filters, Period

MAX_COUNTED_RUNS = 12  # more runs of days to count than this (many days changed since): count the whole period
TIME_DIMENSIONS = ("day", "week")
KEY_COLUMNS = [column for column in STORED_KEYS.values() if column]
Counts = dict[object, dict[str, int]]


@dataclass
class PeriodSums:
    """The fresh days' rows of one period, summed: per stored group and per day; the other days, as periods."""

    groups: dict[tuple[str, object], dict[str, int]]
    days: dict[date, dict[str, int]]
    counted: list[Period]  # runs of days the rows do not answer
    by_dimension: dict[str, Counts] = field(default_factory=dict)  # the rows regrouped, once per dimension


_cache: ContextVar[dict | None] = ContextVar("dashboard_period_sums", default=None)


@contextmanager
def reading_days() -> Iterator[None]:
    """Sum each period's rows once while the block runs (one dashboard), however many figures ask."""
    token = _cache.set({})
    try:
        yield
    finally:
        _cache.reset(token)


def answers(filters: Filters, names: list[str]) -> bool:
    """Whether the day rows can answer these sets for this view: only stored sets, only without filters."""
    return filters == Filters(filters.period) and all(name in DAY_COUNTS for name in names)


def day_counts(session: Session, dimension: Dimension, names: list[str], filters: Filters, count_rows: Callable):
    """The sets per group of the dimension: fresh days from the rows, other days by `count_rows` (counting)."""
    sums = _period_sums(session, filters.period)
    if sums is None:
        return count_rows(dimension, names, filters)
    found: Counts = defaultdict(lambda: dict.fromkeys(names, 0))
    if dimension.name not in sums.by_dimension:
        sums.by_dimension[dimension.name] = _from_rows(session, sums, dimension, filters.period)
    for key, by_set in sums.by_dimension[dimension.name].items():
        _add(found[key], by_set, names)
    for run in sums.counted:
        narrowed = filters.narrowed(period=run)
        if dimension.name in TIME_DIMENSIONS:
            place = _placing(dimension.name, filters.period)
            for index, by_set in count_rows(DIMENSIONS["day"], names, narrowed).items():
                if isinstance(index, int) and 1 <= index <= run.days:
                    _add(found[place[run.first + timedelta(days=index - 1)]], by_set, names)
        else:
            for key, by_set in count_rows(dimension, names, narrowed).items():
                _add(found[key], by_set, names)
    return found


def _add(into: dict[str, int], by_set: dict, names: list[str]) -> None:
    for name in names:
        into[name] += by_set.get(name, 0) or 0


def _period_sums(session: Session, period: Period) -> PeriodSums | None:
    cache = _cache.get()
    if cache is not None and period in cache:
        return cache[period]
    sums = _read_sums(session, period)
    if cache is not None:
        cache[period] = sums
    return sums


def _read_sums(session: Session, period: Period) -> PeriodSums | None:
    """None when too many days must be counted for the rows to help."""
    fresh = _fresh_days(session, period)
    counted = list(runs([day for day in period.day_starts() if day not in fresh]))
    if len(counted) > MAX_COUNTED_RUNS or len(counted) and not fresh:
        return None
    months = _whole_months(session, period, fresh)
    from_days = sorted(day for day in fresh if day.replace(day=1) not in months)
    return PeriodSums(_group_sums(session, from_days, sorted(months)), _day_sums(session, sorted(fresh)), counted)


def _whole_months(session: Session, period: Period, fresh: set[date]) -> set[date]:
    """The months inside the period with every day fresh that have been added up."""
    whole = {
        day.replace(day=1)
        for day in fresh
        if day.day == 1 and all(other in fresh for other in month_days(day)) and month_days(day)[-1] <= period.last
    }
    if not whole:
        return set()
    added = select(DashboardMonth.month).where(
        DashboardMonth.dimension == "total", DashboardMonth.month.in_(sorted(whole))
    )
    return set(session.scalars(added))


def _group_sums(session: Session, days: list[date], months: list[date]) -> dict:
    """Per stored group: the sets summed over the days' rows and the months' rows."""
    parts = [
        select(table.dimension, *_keys(table), *[getattr(table, name) for name in DAY_COUNTS]).where(chosen)
        for table, chosen in (
            (DashboardDay, DashboardDay.day.in_(days)),
            (DashboardMonth, DashboardMonth.month.in_(months)),
        )
    ]
    rows = union_all(*parts).subquery()
    keys = [rows.c[column] for column in KEY_COLUMNS]
    sums = [func.sum(rows.c[name]) for name in DAY_COUNTS]
    groups: dict = {}
    for row in session.execute(select(rows.c.dimension, *keys, *sums).group_by(rows.c.dimension, *keys)):
        column = STORED_KEYS[row[0]]
        key = row[1 + KEY_COLUMNS.index(column)] if column else "total"
        groups[(row[0], key)] = dict(zip(DAY_COUNTS, row[1 + len(keys) :], strict=True))
    return groups


def _keys(table) -> list:
    return [getattr(table, column) for column in KEY_COLUMNS]


def _day_sums(session: Session, days: list[date]) -> dict:
    """Each day's totals, for the figures by day and week."""
    query = select(DashboardDay.day, *[getattr(DashboardDay, name) for name in DAY_COUNTS]).where(
        DashboardDay.dimension == "total", DashboardDay.day.in_(days)
    )
    return {row[0]: dict(zip(DAY_COUNTS, row[1:], strict=True)) for row in session.execute(query)}


def _fresh_days(session: Session, period: Period) -> set[date]:
    built = set(
        session.scalars(
            select(DashboardBuiltDay.day).where(
                DashboardBuiltDay.day >= period.first, DashboardBuiltDay.day <= period.last
            )
        )
    )
    if not built:
        return set()
    return built - stale_days(session, period.first, period.last)


def _placing(unit: str, period: Period) -> dict[date, int]:
    """Each day of the period with the index of its day or week group (1-based, as counting numbers them)."""
    place = {}
    for index, bucket in enumerate(time_buckets(unit, period), start=1):
        for day in bucket.day_starts():
            place[day] = index
    return place


def _from_rows(session: Session, sums: PeriodSums, dimension: Dimension, period: Period) -> Counts:
    found: Counts = defaultdict(lambda: dict.fromkeys(DAY_COUNTS, 0))
    if dimension.name in TIME_DIMENSIONS:
        place = _placing(dimension.name, period)
        for day, by_set in sums.days.items():
            _add(found[place[day]], by_set, list(DAY_COUNTS))
        return found
    if dimension.name in ("team", "category"):
        regroup = _category_regrouping(session, dimension.name)
        for (stored, key), by_set in sums.groups.items():
            if stored == "category":
                _add(found[regroup.get(key)], by_set, list(DAY_COUNTS))
        return found
    for (stored, key), by_set in sums.groups.items():
        if stored == dimension.name:
            _add(found[key], by_set, list(DAY_COUNTS))
    return found


def _category_regrouping(session: Session, name: str) -> dict:
    """A report's own category to its group: the owning team, or the main category (as counting joins them)."""
    rows = session.execute(select(Category.id, Category.parent_id, Category.team_id))
    if name == "team":
        return {category_id: team_id for category_id, _, team_id in rows}
    return {category_id: parent_id if parent_id is not None else category_id for category_id, parent_id, _ in rows}
