"""Counting report sets per group in SQL: one query per source, whatever the number of sets asked for."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from functools import partial

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models import Category, Report
from triage.monitoring.batching import active_batch
from triage.monitoring.daily_counts import answers, day_counts
from triage.monitoring.dimensions import Dimension
from triage.monitoring.filters import Filters, report_conditions
from triage.monitoring.report_sets import (
    counting_source,
    in_period,
    open_now,
    own_condition,
    report_counter,
    row_condition,
)
from triage.monitoring.sql import percentiles

Counts = dict[object, dict[str, int]]  # group key -> set name -> number of reports


def count_sets(session: Session, dimension: Dimension, names: list[str], filters: Filters, now: datetime) -> Counts:
    """How many reports of each named set fall in each group of the dimension, within the filters: from the
    day rows where they answer (daily_counts.py), otherwise by counting the reports."""
    stored = [name for name in names if answers(filters, [name])]
    counted = [name for name in names if name not in stored]
    found: Counts = defaultdict(lambda: dict.fromkeys(names, 0))
    if stored:
        count_rows = partial(count_reports, session, now=now)  # for the days the rows cannot answer
        for key, values in day_counts(session, dimension, stored, filters, count_rows).items():
            found[key].update(values)
    for key, values in count_reports(session, dimension, counted, filters, now).items():
        found[key].update(values)
    return found


def count_reports(session: Session, dimension: Dimension, names: list[str], filters: Filters, now: datetime) -> Counts:
    """The sets counted from the reports themselves, one query per source (or one batch on PostgreSQL)."""
    families: dict[tuple, list[str]] = defaultdict(list)
    for name in names:
        families[counting_source(name)].append(name)
    found: Counts = defaultdict(lambda: dict.fromkeys(names, 0))
    batch = active_batch()
    for (record, moment), members in families.items():
        if batch is None:
            answer = _count_family(session, dimension, record, moment, members, filters, now)
        elif batch.planning:
            batch.ask_counts(record, moment, filters, dimension, members)
            continue
        else:
            answer = batch.counts(record, moment, filters, dimension, members)
        for key, values in answer.items():
            found[key].update(values)
    return found


def _count_family(session, dimension, record, moment, names, filters, now) -> Counts:
    """Sets of one source counted together: the period once in WHERE (an index range), each set a FILTER."""
    dialect = session.get_bind().dialect.name
    group = dimension.expression(dialect, moment, filters.period).label("group_key")
    conditions = [own_condition(name, now) for name in names]
    counter = report_counter(record)
    query = select(group, *[counter.filter(condition) for condition in conditions]).select_from(Report)
    if record is not None:
        query = query.join(record, record.report_id == Report.id)
    if dimension.needs_category:
        query = query.outerjoin(Category, Category.id == Report.category_id)
    if moment is not None:
        query = query.where(in_period(moment, filters.period))
    elif record is None:
        query = query.where(open_now())  # every set without a period is part of what is open now
    query = query.where(or_(*conditions), *report_conditions(session, filters)).group_by(group)
    return {row[0]: dict(zip(names, row[1:], strict=True)) for row in session.execute(query)}


def set_percentiles(
    session: Session, dimension: Dimension, name: str, value, shares: list[float], filters: Filters, now: datetime
) -> dict:
    """Nearest-rank percentiles of a report column over one set, per group: {group key: [value per share]}."""
    record, moment = counting_source(name)
    batch = active_batch()
    if batch is not None and batch.planning:
        batch.ask_percentiles(record, moment, filters, dimension, name, value, shares)
        return {}
    if batch is not None:
        return batch.percentile_values(record, moment, filters, dimension, name, value, shares)
    dialect = session.get_bind().dialect.name
    group = dimension.expression(dialect, moment, filters.period).label("group_key")
    base = select(value.label("value"), group).select_from(Report)
    if dimension.needs_category:
        base = base.outerjoin(Category, Category.id == Report.category_id)
    base = base.where(row_condition(name, filters, now), value.is_not(None), *report_conditions(session, filters))
    return percentiles(session, base.selected_columns.value, base.selected_columns.group_key, base, shares)
