"""SQL building blocks that differ per database: time buckets and percentiles.

Both are computed in the database, never by loading rows into Python, and both give the same answers on
SQLite and PostgreSQL: buckets are half-open [start, next start) and percentiles use the nearest-rank
definition (the smallest value with at least p of the values at or below it).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ARRAY, Integer, Select, bindparam, case, cast, func, literal, select
from sqlalchemy.orm import Session

from models.base import UTCDateTime


def bucket_index(dialect: str, column, starts: Sequence[datetime]):
    """0 before the first start, n for a value at or after the n-th start (1-based), as width_bucket counts.

    Bucket starts are local midnights computed in Python, so days and weeks follow Amsterdam time across
    the change to and from summer time on both databases.
    """
    if dialect == "postgresql":
        thresholds = bindparam(None, list(starts), type_=ARRAY(UTCDateTime()))
        return func.width_bucket(column, thresholds, type_=Integer)
    whens = [(column < literal(start, UTCDateTime()), index) for index, start in enumerate(starts)]
    return case(*whens, else_=len(starts)) if whens else literal(0)


def percentiles(session: Session, value, group, base: Select, shares: Sequence[float]) -> dict:
    """{group value: [value at each share]} over the rows of `base` (which must select `value` and `group`)."""
    rows = base.subquery()
    value_col, group_col = rows.c[value.key], rows.c[group.key]
    if session.get_bind().dialect.name == "postgresql":
        query = select(group_col, *[func.percentile_disc(p).within_group(value_col) for p in shares]).group_by(
            group_col
        )
        return {row[0]: list(row[1:]) for row in session.execute(query)}
    return _ranked_percentiles(session, value_col, group_col, rows, shares)


def _ranked_percentiles(session: Session, value_col, group_col, rows, shares: Sequence[float]) -> dict:
    ranked = select(
        group_col.label("g"),
        value_col.label("v"),
        func.row_number().over(partition_by=group_col, order_by=value_col).label("rn"),
        func.count().over(partition_by=group_col).label("n"),
    ).subquery()
    picks = []
    for share in shares:
        exact = share * ranked.c.n
        rank = cast(exact, Integer) + case((exact > cast(exact, Integer), 1), else_=0)  # ceil(p * n)
        picks.append(func.max(case((ranked.c.rn == func.max(rank, 1), ranked.c.v))))
    query = select(ranked.c.g, *picks).group_by(ranked.c.g)
    return {row[0]: list(row[1:]) for row in session.execute(query)}
