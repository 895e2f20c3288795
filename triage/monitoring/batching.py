"""On PostgreSQL, the whole dashboard is counted in one pass per source instead of one query per figure.

The figures are built twice: first to learn what they ask for (which sets, by which dimensions, which
percentiles, over which filters), then again to read the answers. In between, one query per source (the
reports by one moment column, or a related record) and filter set answers every question at once with
GROUPING SETS: a million reports are read a handful of times, not fifty. SQLite has no GROUPING SETS; there
the figures query directly, which is fast enough at the sizes the embedded default is meant for.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import and_, func, or_, select, text, tuple_
from sqlalchemy.orm import Session

from models import Category, Report
from triage.monitoring.dimensions import Dimension
from triage.monitoring.filters import Filters, report_conditions
from triage.monitoring.report_sets import in_period, open_now, own_condition, report_counter

TOTAL = "total"


@dataclass
class _Source:
    """Everything asked of one source under one set of filters."""

    record: object
    moment: object
    filters: Filters
    dimensions: dict[str, Dimension] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    percentiles: set[tuple[str, object, float]] = field(default_factory=set)  # (set name, column, share)
    percentile_dims: set[str] = field(default_factory=set)
    counts: dict = field(default_factory=dict)  # (dimension, group key) -> {set name: count}
    values: dict = field(default_factory=dict)  # (dimension, group key) -> {(set name, column, share): value}


class Batch:
    def __init__(self, session: Session, now: datetime) -> None:
        self.session, self.now, self.planning = session, now, True
        self.sources: dict[tuple, _Source] = {}

    def source(self, record, moment, filters: Filters) -> _Source:
        key = (record, moment, filters)
        if key not in self.sources:
            self.sources[key] = _Source(record, moment, filters)
        return self.sources[key]

    def ask_counts(self, record, moment, filters, dimension: Dimension, names: list[str]) -> None:
        wanted = self.source(record, moment, filters)
        wanted.dimensions[dimension.name] = dimension
        wanted.names.update(names)

    def ask_percentiles(self, record, moment, filters, dimension: Dimension, name: str, value, shares) -> None:
        wanted = self.source(record, moment, filters)
        wanted.dimensions[dimension.name] = dimension
        wanted.percentile_dims.add(dimension.name)
        wanted.percentiles.update((name, value, share) for share in shares)

    def counts(self, record, moment, filters, dimension: Dimension, names: list[str]) -> dict:
        found = self.sources[(record, moment, filters)].counts
        return {
            key: {name: by_set.get(name, 0) for name in names}
            for (dimension_name, key), by_set in found.items()
            if dimension_name == dimension.name
        }

    def percentile_values(self, record, moment, filters, dimension: Dimension, name, value, shares) -> dict:
        found = self.sources[(record, moment, filters)].values
        return {
            key: [by_pick.get((name, value, share)) for share in shares]
            for (dimension_name, key), by_pick in found.items()
            if dimension_name == dimension.name
        }

    def execute(self) -> None:
        for wanted in self.sources.values():
            _answer(self.session, wanted, self.now)
        self.planning = False


_active: ContextVar[Batch | None] = ContextVar("dashboard_batch", default=None)


def active_batch() -> Batch | None:
    return _active.get()


@contextmanager
def batched(session: Session, now: datetime) -> Iterator[Batch | None]:
    """A batch on PostgreSQL; None elsewhere, where figures query one by one."""
    if session.get_bind().dialect.name != "postgresql":
        yield None
        return
    # The dashboard joins tens of thousands of decisions to their reports by primary key. With the default
    # random_page_cost (4, for spinning disks) PostgreSQL prefers to read all million reports instead; on
    # the SSDs this runs on, index lookups are cheap, which this transaction-local setting tells the planner.
    # Each query sorts its period's rows once per grouping set and percentile: give those sorts memory
    # instead of temporary files (4 MB by default).
    session.execute(text("SET LOCAL random_page_cost = 1.1"))
    session.execute(text("SET LOCAL work_mem = '64MB'"))
    batch = Batch(session, now)
    token = _active.set(batch)
    try:
        yield batch
    finally:
        _active.reset(token)


def _answer(session: Session, wanted: _Source, now: datetime) -> None:
    """Counts in one GROUPING SETS query, which PostgreSQL can aggregate by hashing in a single pass; the
    percentiles, which need sorting, in a second one over just the dimensions that ask for them."""
    names = sorted(wanted.names)
    if names:
        dimensions = [d for d in wanted.dimensions.values() if d.name != TOTAL]
        counter = report_counter(wanted.record)
        columns = [counter.filter(own_condition(name, now)) for name in names]
        for row in _grouped(session, wanted, dimensions, columns, names, now):
            wanted.counts[_group_of(dimensions, row)] = dict(zip(names, row[-len(names) :], strict=True))
    picks = sorted(wanted.percentiles, key=lambda p: (p[0], p[1].key, p[2]))
    if picks:
        dimensions = [d for d in wanted.dimensions.values() if d.name in wanted.percentile_dims - {TOTAL}]
        if _few_groups(session, wanted, dimensions):
            _filtered_percentiles(session, wanted, dimensions, picks, now)
            return
        columns = [
            func.percentile_disc(share).within_group(value).filter(own_condition(name, now))
            for name, value, share in picks
        ]
        asking = sorted({name for name, _, _ in picks})
        for row in _grouped(session, wanted, dimensions, columns, asking, now):
            wanted.values[_group_of(dimensions, row)] = dict(zip(picks, row[-len(picks) :], strict=True))


MOST_FILTERED_GROUPS = 8


def _few_groups(session: Session, wanted: _Source, dimensions) -> bool:
    """Whether each percentile can be its own aggregate: a handful of groups of a report's own column."""
    if any(d.needs_category or d.name in ("day", "week") for d in dimensions):
        return False
    return sum(len(d.groups(session, wanted.filters)) for d in dimensions) <= MOST_FILTERED_GROUPS


def _filtered_percentiles(session: Session, wanted: _Source, dimensions, picks, now: datetime) -> None:
    """Every group's percentiles as aggregates FILTERed to the group, in one pass without GROUP BY: PostgreSQL
    then sorts each group's values once instead of first sorting all rows by group (twice as fast at a year)."""
    groups = [(TOTAL, TOTAL, None)]
    for dimension in dimensions:
        expression = dimension.expression("postgresql", wanted.moment, wanted.filters.period)
        groups += [
            (dimension.name, group.key, expression == group.key) for group in dimension.groups(session, wanted.filters)
        ]
    columns = []
    for _, _, in_group in groups:
        for name, value, share in picks:
            condition = own_condition(name, now) if in_group is None else and_(own_condition(name, now), in_group)
            columns.append(func.percentile_disc(share).within_group(value).filter(condition))
    asking = sorted({name for name, _, _ in picks})
    row = next(iter(_grouped(session, wanted, [], columns, asking, now)))
    width = len(picks)
    for position, (dimension_name, key, _) in enumerate(groups):
        values = row[position * width : (position + 1) * width]
        wanted.values[(dimension_name, key)] = dict(zip(picks, values, strict=True))


def _grouped(session: Session, wanted: _Source, dimensions, columns, names, now: datetime):
    """The rows of one GROUPING SETS query: the group keys, their grouping() bits, then `columns`."""
    keys = [d.expression("postgresql", wanted.moment, wanted.filters.period) for d in dimensions]
    query = select(*keys, *([func.grouping(*keys)] if keys else []), *columns)
    conditions_on_report = report_conditions(session, wanted.filters)
    if wanted.record is None:
        query = query.select_from(Report)
    elif conditions_on_report or any(d.name not in ("day", "week") for d in dimensions):
        query = query.select_from(Report).join(wanted.record, wanted.record.report_id == Report.id)
    else:  # counted by the record's own moment, unfiltered: the reports need not be read at all
        query = query.select_from(wanted.record)
    if any(d.needs_category for d in dimensions):
        query = query.outerjoin(Category, Category.id == Report.category_id)
    if wanted.moment is not None:
        query = query.where(in_period(wanted.moment, wanted.filters.period))
    elif wanted.record is None:
        query = query.where(open_now())
    query = query.where(or_(*[own_condition(name, now) for name in names]), *conditions_on_report)
    if keys:
        query = query.group_by(func.grouping_sets(*[tuple_(key) for key in keys], tuple_()))
    return session.execute(query)


def _group_of(dimensions, row) -> tuple[str, object]:
    """(dimension name, group key) of a GROUPING SETS row; the empty set is the total."""
    width = len(dimensions)
    bits = row[width] if width else 0
    for position, dimension in enumerate(dimensions):
        if not bits & (1 << (width - 1 - position)):  # a 0 bit: grouped by this dimension in this row
            return dimension.name, row[position]
    return TOTAL, TOTAL
