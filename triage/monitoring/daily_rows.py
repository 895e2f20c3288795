"""Keeping the dashboard's day rows: each built day counted from the reports with the figures' own set
definitions, and rebuilt once database triggers have marked one of its moments as changed.

The rows are never adjusted by a difference, only counted again, so they are the numbers counting gives. A
day is fresh when it was built and no stale moment has fallen on it since; the dashboard reads fresh days
from the rows and counts every other day (today, a day changed since) from the reports. The marks a rebuild
saw are removed after it: a change committed meanwhile leaves a mark it did not see, so that day stays stale.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from sqlalchemy import Date, delete, func, insert, literal, or_, select, tuple_
from sqlalchemy.orm import Session

from models import (
    DAY_COUNTS,
    Correction,
    DashboardBuiltDay,
    DashboardDay,
    DashboardMonth,
    DashboardStaleMoment,
    Feedback,
    Proposal,
    Report,
)
from triage.kernel.time import LOCAL_TIME_ZONE
from triage.monitoring.dimensions import DIMENSIONS
from triage.monitoring.filters import Period
from triage.monitoring.report_sets import counting_source, in_period, own_condition

# Stored per day: a report's own (sub)category, so the team and main category are read from the categories
# as they are now, as counting does.
STORED_KEYS = {
    "queue": "queue",
    "channel": "channel",
    "category": "category_id",
    "wijk": "wijk_id",
    "buurt": "buurt_id",
    "total": None,
}
CHUNK_DAYS = 31  # days counted per query: SQLite places a moment in its day with one CASE branch per day
MARKS_PER_DELETE = 500


def local_day(moment: datetime) -> date:
    return moment.astimezone(LOCAL_TIME_ZONE).date()


def families() -> dict[tuple, list[str]]:
    """The stored sets by source (related record, moment column): one query per source and stored key."""
    found: dict[tuple, list[str]] = defaultdict(list)
    for name in DAY_COUNTS:
        found[counting_source(name)].append(name)
    return dict(found)


def stale_days(session: Session, first: date, last: date) -> set[date]:
    """Days between first and last (inclusive) on which a changed moment fell since they were built."""
    period = Period(first, last)
    moments = session.scalars(
        select(DashboardStaleMoment.at).where(in_period(DashboardStaleMoment.at, period)).distinct()
    )
    return {local_day(moment) for moment in moments}


def refresh_dashboard_days(session: Session, now: datetime, rebuild: bool = False) -> int:
    """Build the days before today that are not built yet or went stale; with `rebuild`, every day anew.
    Returns how many days were counted. The caller commits."""
    if rebuild:
        for table in (DashboardDay, DashboardMonth, DashboardBuiltDay, DashboardStaleMoment):
            session.execute(delete(table))
    marks = session.execute(select(DashboardStaleMoment.id, DashboardStaleMoment.at)).all()
    today = local_day(now)
    built = set(session.scalars(select(DashboardBuiltDay.day)))
    wanted = {local_day(at) for _, at in marks} & built
    first = _first_day(session)
    if first is not None:
        wanted |= {first + timedelta(days=n) for n in range((today - first).days)} - built
    wanted = sorted(day for day in wanted if day < today)
    for run in runs(wanted, CHUNK_DAYS):
        _build_run(session, run)
    _roll_up_months(session, today, {day.replace(day=1) for day in wanted})
    _forget_marks(session, [mark_id for mark_id, _ in marks])
    return len(wanted)


def month_days(month: date) -> list[date]:
    following = (month + timedelta(days=32)).replace(day=1)
    return [month + timedelta(days=n) for n in range((following - month).days)]


def _roll_up_months(session: Session, today: date, rebuilt: set[date]) -> None:
    """Add up the day rows of every whole month before this one whose days are all built; a month one of
    whose days was rebuilt is added up again. Every month added up has a total row, zero or not."""
    if rebuilt:
        session.execute(delete(DashboardMonth).where(DashboardMonth.month.in_(sorted(rebuilt))))
    built = set(session.scalars(select(DashboardBuiltDay.day)))
    present = set(session.scalars(select(DashboardMonth.month).where(DashboardMonth.dimension == "total")))
    months = {day.replace(day=1) for day in built} - present
    keys = [getattr(DashboardDay, column) for column in STORED_KEYS.values() if column]
    sums = [func.sum(getattr(DashboardDay, name)) for name in DAY_COUNTS]
    for month in sorted(months):
        days = month_days(month)
        if days[-1] >= today or not built.issuperset(days):
            continue
        added = select(literal(month, Date), DashboardDay.dimension, *keys, *sums).where(
            DashboardDay.day >= days[0], DashboardDay.day <= days[-1]
        )
        columns = ["month", "dimension", *[key.key for key in keys], *DAY_COUNTS]
        session.execute(insert(DashboardMonth).from_select(columns, added.group_by(DashboardDay.dimension, *keys)))
        total = select(DashboardMonth.id).where(DashboardMonth.month == month, DashboardMonth.dimension == "total")
        if session.scalar(total) is None:  # a month without reports: its zeros say it was added up
            zeros = {"month": month, "dimension": "total", **dict.fromkeys(DAY_COUNTS, 0)}
            session.execute(insert(DashboardMonth), [zeros])


def _first_day(session: Session) -> date | None:
    firsts = [
        session.scalar(select(func.min(column)))
        for column in (Report.created_at, Correction.at, Feedback.at, Proposal.created_at)
    ]
    known = [moment for moment in firsts if moment is not None]
    return local_day(min(known)) if known else None


def runs(days: list[date], longest: int | None = None) -> Iterable[Period]:
    """Consecutive days (sorted) as periods, each of at most `longest` days."""
    start = previous = None
    for day in days:
        if start is not None and (day - previous).days == 1 and (longest is None or (day - start).days < longest):
            previous = day
            continue
        if start is not None:
            yield Period(start, previous)
        start = previous = day
    if start is not None:
        yield Period(start, previous)


def _build_run(session: Session, run: Period) -> None:
    rows: dict[tuple, dict[str, int]] = defaultdict(lambda: dict.fromkeys(DAY_COUNTS, 0))
    grouping_sets = session.get_bind().dialect.name == "postgresql"
    for (record, moment), names in families().items():
        if grouping_sets:
            for day, dimension, group, counts in _count_days_at_once(session, record, moment, names, run):
                rows[(day, dimension, group)].update(counts)
            continue
        for dimension, key in STORED_KEYS.items():
            for day, group, counts in _count_days(session, record, moment, names, key, run):
                rows[(day, dimension, group)].update(counts)
    for table in (DashboardDay, DashboardBuiltDay):
        session.execute(delete(table).where(table.day >= run.first, table.day <= run.last))
    if rows:
        session.execute(insert(DashboardDay), [_row(key, counts) for key, counts in rows.items()])
    session.execute(insert(DashboardBuiltDay), [{"day": day} for day in run.day_starts()])


def _row(key: tuple, counts: dict[str, int]) -> dict:
    day, dimension, group = key
    row = {"day": day, "dimension": dimension, **dict.fromkeys(c for c in STORED_KEYS.values() if c), **counts}
    if STORED_KEYS[dimension]:
        row[STORED_KEYS[dimension]] = group
    return row


def _count_days(session: Session, record, moment, names: list[str], key: str | None, run: Period):
    """(day, group, {set: count}) of one source's sets over the run, grouped by local day and one key."""
    dialect = session.get_bind().dialect.name
    days = run.day_starts()
    bucket = DIMENSIONS["day"].expression(dialect, moment, run).label("bucket")
    group = getattr(Report, key) if key else None
    conditions = [own_condition(name, None) for name in names]
    columns = [bucket, *([group] if group is not None else [])]
    query = select(*columns, *[func.count().filter(condition) for condition in conditions])
    if record is None:
        query = query.select_from(Report)
    elif group is not None:
        query = query.select_from(Report).join(record, record.report_id == Report.id)
    else:
        query = query.select_from(record)
    query = query.where(in_period(moment, run), or_(*conditions)).group_by(*columns)
    width = len(columns)
    for row in session.execute(query):
        counts = dict(zip(names, row[width:], strict=True))
        yield days[row[0] - 1], (row[1] if group is not None else None), counts


def _count_days_at_once(session: Session, record, moment, names: list[str], run: Period):
    """(day, dimension, group, {set: count}) of one source over the run for every stored key in one GROUPING
    SETS query (PostgreSQL): the same counts as one query per key, reading the run's rows once."""
    days = run.day_starts()
    bucket = DIMENSIONS["day"].expression("postgresql", moment, run)
    stored = [(dimension, getattr(Report, key)) for dimension, key in STORED_KEYS.items() if key]
    keys = [column for _, column in stored]
    conditions = [own_condition(name, None) for name in names]
    query = select(bucket, *keys, func.grouping(*keys), *[func.count().filter(c) for c in conditions])
    query = query.select_from(Report)
    if record is not None:
        query = query.join(record, record.report_id == Report.id)
    sets = [tuple_(bucket, key) for key in keys] + [tuple_(bucket)]
    query = query.where(in_period(moment, run), or_(*conditions)).group_by(func.grouping_sets(*sets))
    width = len(keys)
    for row in session.execute(query):
        bits = row[1 + width]
        counts = dict(zip(names, row[2 + width :], strict=True))
        grouped = [position for position in range(width) if not bits & (1 << (width - 1 - position))]
        if grouped:
            yield days[row[0] - 1], stored[grouped[0]][0], row[1 + grouped[0]], counts
        else:
            yield days[row[0] - 1], "total", None, counts


def _forget_marks(session: Session, mark_ids: list[int]) -> None:
    for start in range(0, len(mark_ids), MARKS_PER_DELETE):
        chunk = mark_ids[start : start + MARKS_PER_DELETE]
        session.execute(delete(DashboardStaleMoment).where(DashboardStaleMoment.id.in_(chunk)))
