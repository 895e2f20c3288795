"""Writing and removing demo reports in bulk: COPY on PostgreSQL, executemany on SQLite; no ORM object per row.

Demo reports are the reports whose tracking code starts with DEMO- (real codes start with MOR-, see
triage/tracking.py). Removing them removes every row that points at them, in whatever table, and nothing else.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Connection,
    DateTime,
    Float,
    Integer,
    Table,
    delete,
    exists,
    func,
    insert,
    inspect,
    select,
)
from sqlalchemy.orm import aliased

from models import Base, Report
from models.base import UTCDateTime
from triage.proposals.sources import DEMO_TRACKING_PREFIX

PREFIX = DEMO_TRACKING_PREFIX
CODE_DIGITS = 7  # DEMO-0000001: 12 characters of the 20 allowed, room for ten million demo reports


class DemoDataExists(RuntimeError):
    """The database has demo reports already; seeding again needs `replace`."""


class DemoReportsInUse(RuntimeError):
    """A real report points at a demo report (a duplicate or split of it): removing would change a real report."""


def tracking_code(number: int) -> str:
    return f"{PREFIX}{number:0{CODE_DIGITS}d}"


def is_demo(report=Report):
    """Whether a report (or an alias of the report table) is a demo report."""
    return report.tracking_code.like(f"{PREFIX}%")


def count_demo_reports(connection: Connection) -> int:
    return connection.scalar(select(func.count()).select_from(Report).where(is_demo()))


def any_report(connection: Connection) -> bool:
    return connection.scalar(select(Report.id).limit(1)) is not None


def _referencing_tables() -> list[tuple[Table, str]]:
    """Every (table, column) with a foreign key to report.id, the report table's own links included."""
    found = []
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            if key.column.table.name == Report.__tablename__:
                found.append((table, key.parent.name))
    return found


@contextmanager
def _indexed_links(connection: Connection, links: list[tuple[Table, str]]):
    """Index every link to a report that has no index, for as long as the deletion lasts.

    Deleting a report makes the database look for rows that still point at it; without an index that is a
    full scan per deleted report, which makes removing a year of demo reports take minutes on SQLite and hours
    on PostgreSQL. Since migration 0010 every link to a report has an index; this guards a link added later
    without one. The indexes are dropped in the same transaction.
    """
    inspector = inspect(connection)
    made = []
    for table, column in links:
        known = inspector.get_indexes(table.name) + inspector.get_unique_constraints(table.name)
        if not any(index["column_names"][:1] == [column] for index in known):
            name = f"tmp_demo_{table.name}_{column}"[:60]
            connection.exec_driver_sql(f'CREATE INDEX "{name}" ON "{table.name}" ("{column}")')
            made.append(name)
    yield
    for name in made:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')


def remove_demo_reports(connection: Connection) -> int:
    """Delete the demo reports and every row that points at them; refuse if a real report points at one."""
    demo_ids = select(Report.id).where(is_demo())
    other = aliased(Report)
    linked = select(other.id).where(
        ~is_demo(other),
        (other.duplicate_of_id.in_(demo_ids)) | (other.split_from_id.in_(demo_ids)),
    )
    if connection.scalar(select(exists(linked))):
        raise DemoReportsInUse("a real report is a duplicate or split of a demo report; resolve that first")
    links = _referencing_tables()
    with _indexed_links(connection, links):
        for table, column in links:
            if table.name != Report.__tablename__:
                connection.execute(delete(table).where(table.c[column].in_(demo_ids)))
        return connection.execute(delete(Report).where(is_demo())).rowcount


def reserve_report_ids(connection: Connection, count: int) -> list[int]:
    """Ids for the next reports, taken before writing so related rows can point at them."""
    if connection.dialect.name == "postgresql":
        sequence = connection.exec_driver_sql("SELECT pg_get_serial_sequence('report', 'id')").scalar()
        rows = connection.exec_driver_sql(f"SELECT nextval('{sequence}') FROM generate_series(1, {int(count)})")
        return sorted(row[0] for row in rows)
    highest = connection.scalar(select(func.max(Report.id))) or 0
    return list(range(highest + 1, highest + 1 + count))


@dataclass(frozen=True)
class Batch:
    """Rows of one table ready to write: COPY text for PostgreSQL, parameter dicts for SQLite."""

    table: str
    columns: tuple[str, ...]
    rows: list[dict] | None = None
    copy_text: bytes | None = None


def batch(dialect: str, table: Table, rows: list[dict]) -> Batch:
    """Made where the rows are made (a worker process), so the writer only passes bytes on."""
    columns = tuple(rows[0]) if rows else ()
    if dialect != "postgresql":
        return Batch(table.name, columns, rows=rows)
    fields = [(name, _copy_formatter(table.c[name].type)) for name in columns]
    lines = ["\t".join([NULL if row[name] is None else text(row[name]) for name, text in fields]) for row in rows]
    return Batch(table.name, columns, copy_text=("\n".join(lines) + "\n").encode("utf-8"))


NULL = "\\N"
COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_formatter(column_type):
    """How a column's values are written in COPY's text format (NULL aside), by the column's type."""
    if isinstance(column_type, Boolean):
        return lambda value: "t" if value else "f"
    if isinstance(column_type, DateTime | UTCDateTime):
        return _copy_time
    if isinstance(column_type, JSON):
        return lambda value: _copy_text(json.dumps(value, ensure_ascii=False))
    if isinstance(column_type, Integer | Float):
        return str
    return lambda value: _copy_text(str(value))


def _copy_text(value: str) -> str:
    if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
        return value.translate(COPY_ESCAPES)
    return value


def _copy_time(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError("naive datetime given; pass an aware UTC datetime")
    return value.isoformat()


def write(connection: Connection, batch: Batch) -> None:
    """Into the caller's transaction; on PostgreSQL through its own psycopg connection with COPY."""
    if batch.rows is not None:
        if batch.rows:
            connection.execute(insert(Base.metadata.tables[batch.table]), batch.rows)
        return
    if batch.copy_text:
        names = ", ".join(f'"{c}"' for c in batch.columns)
        cursor = connection.connection.driver_connection.cursor()
        with cursor.copy(f'COPY "{batch.table}" ({names}) FROM STDIN') as copy:
            copy.write(batch.copy_text)
