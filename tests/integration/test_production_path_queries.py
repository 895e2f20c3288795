"""The queries on a busy production path are served by indexes and bounded, on both databases (issue 17).

Each test seeds 20,000 reports in SQL (inside the test's rolled-back transaction), lets the planner see them
(ANALYZE), captures the SQL the product runs and asks the database for its plan: a plan that reads the whole
report table fails, as the team work list's count and a busy reporter's count did before.
"""

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event, select, text

from geo.areas import areas_containing
from geo.nearby import REPORTER_COUNT_CAP, reports_by_reporter
from models import Feedback, Queue, Report, ReportStatus, Role
from tests.factories import GROTE_MARKT
from triage.inbox import InboxFilters, inbox_lines, waiting_reports
from triage.workflow import Filters, work_list

SEEDED = 20_000
COLUMNS = """tracking_code, status_token, description, location, location_text, location_is_approximate, status,
             channel, language, created_at, priority, version, queue, due_at, reporter_id"""
POSTGRES_SEED = [
    """INSERT INTO reporter (email, phone)
       SELECT CASE WHEN g % 50 = 0 THEN 'busy@example.org' ELSE 'p' || g || '@example.org' END, 'seed-' || g
       FROM generate_series(1, :n) AS g""",
    f"""INSERT INTO report ({COLUMNS})
        SELECT 'T-' || g, md5(g::text), 'Container zit vol',
               ST_SetSRID(ST_MakePoint(4.60 + (g % 100) * 0.0005, 52.37), 4326), '', false,
               CASE g % 25 WHEN 0 THEN 'in_progress' WHEN 1 THEN 'received' ELSE 'done' END, 'web', 'nl',
               now() - make_interval(mins => g), 'normal', 1, (ARRAY['simple', 'complex', 'maatwerk'])[1 + g % 3],
               now(), r.id
        FROM generate_series(1, :n) AS g JOIN reporter r ON r.phone = 'seed-' || g""",
    "ANALYZE reporter",
    "ANALYZE report",
    "ANALYZE feedback",
]
SQLITE_SEED = [
    """WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < :n)
       INSERT INTO reporter (email, phone)
       SELECT CASE WHEN x % 50 = 0 THEN 'busy@example.org' ELSE 'p' || x || '@example.org' END, 'seed-' || x FROM g""",
    f"""WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < :n)
        INSERT INTO report ({COLUMNS})
        SELECT 'T-' || x, hex(randomblob(16)), 'Container zit vol', MakePoint(4.60 + (x % 100) * 0.0005, 52.37, 4326),
               '', 0, CASE x % 25 WHEN 0 THEN 'in_progress' WHEN 1 THEN 'received' ELSE 'done' END, 'web', 'nl',
               strftime('%Y-%m-%d %H:%M:%f', 'now', '-' || x || ' minutes'), 'normal', 1,
               CASE x % 3 WHEN 0 THEN 'simple' WHEN 1 THEN 'complex' ELSE 'maatwerk' END,
               strftime('%Y-%m-%d %H:%M:%f', 'now'), r.id
        FROM g JOIN reporter r ON r.phone = 'seed-' || x""",
    "ANALYZE",
]


@pytest.fixture
def many_reports(session):
    dialect = session.get_bind().dialect.name
    for statement in POSTGRES_SEED if dialect == "postgresql" else SQLITE_SEED:
        session.execute(text(statement), {"n": SEEDED})
    return dialect


class Captured:
    """The SQL statements (with their parameters) the product sends while the block runs."""

    def __init__(self, session, needle: str) -> None:
        self.engine, self.needle, self.statements = session.get_bind().engine, needle.lower(), []

    def _seen(self, _conn, _cursor, statement, parameters, _context, _many) -> None:
        if self.needle in statement.lower():
            self.statements.append((statement, parameters))

    def __enter__(self):
        event.listen(self.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *exc) -> None:
        event.remove(self.engine, "before_cursor_execute", self._seen)


def full_scans(session, statement: str, parameters) -> list[str]:
    """The tables the plan reads from start to end (PostgreSQL's Seq Scan, SQLite's SCAN without an index)."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        plan = connection.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, parameters).scalar()
        return [node["Relation Name"] for node in _nodes(plan[0]["Plan"]) if node["Node Type"] == "Seq Scan"]
    rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
    return [row[-1] for row in rows if row[-1].startswith("SCAN ") and " USING " not in row[-1]]


def indexes_read(session, statement: str, parameters) -> set[str]:
    """The indexes the plan reads (PostgreSQL's Index Name, SQLite's USING [COVERING] INDEX)."""
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        plan = connection.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, parameters).scalar()
        return {node["Index Name"] for node in _nodes(plan[0]["Plan"]) if "Index Name" in node}
    rows = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
    return {m.group(1) for row in rows if (m := re.search(r"USING (?:COVERING )?INDEX (\w+)", row[-1]))}


def _nodes(node: dict):
    yield node
    for child in node.get("Plans", []):
        yield from _nodes(child)


def test_team_work_list_count_reads_an_index_not_every_report(session, many_reports, staff_by_role):
    done = session.scalar(text("SELECT id FROM report WHERE queue = 'simple' AND status = 'done' LIMIT 1"))
    session.add(Feedback(report_id=done, at=datetime.now(UTC), satisfied=False, reopen_requested=True))
    session.flush()
    with Captured(session, "count(") as captured:
        listed = work_list(session, Queue.SIMPLE, Filters(), staff_by_role[Role.TEAM_LEAD], datetime.now(UTC))
    assert (
        listed.total == SEEDED // 75 + 1
    )  # in progress in the simple queue, and the one whose resident asked to reopen
    assert len(listed.reports) == 50
    [(statement, parameters)] = captured.statements
    assert "report" not in full_scans(session, statement, parameters)


def test_a_work_list_page_reads_the_open_work_not_the_handled_reports(session, many_reports, staff_by_role):
    """Ordered by due time over the whole queue, the page read the handled reports first (most of a queue, with due
    times of their own) and threw them away: it must read the partial index of open team work."""
    with Captured(session, "ORDER BY") as captured:
        rows = work_list(session, Queue.SIMPLE, Filters(), staff_by_role[Role.TEAM_LEAD], datetime.now(UTC)).reports
    assert len(rows) == 50 and all(r.status is ReportStatus.IN_PROGRESS for r in rows)
    [(statement, parameters)] = captured.statements
    assert "ix_report_team_work_queue_due_at" in indexes_read(session, statement, parameters)


@pytest.mark.parametrize("listed", ["inbox page", "next to open"])
def test_the_inbox_reads_the_waiting_reports_not_the_handled_ones(session, many_reports, listed):
    """The inbox page (with the proposals in the same read) and the look-up of the next report to open."""
    with Captured(session, "ORDER BY") as captured:
        if listed == "inbox page":
            waiting = inbox_lines(session, InboxFilters(), datetime.now(UTC))
        else:
            waiting = waiting_reports(session)
    statuses = set(session.scalars(select(Report.status).where(Report.id.in_([r.id for r in waiting]))))
    assert len(waiting) == 50 and statuses == {ReportStatus.RECEIVED}
    assert [r.created_at for r in waiting] == sorted(r.created_at for r in waiting)  # oldest first
    [(statement, parameters)] = captured.statements
    read = indexes_read(session, statement, parameters)  # by status (SQLite, at this size) or the waiting reports
    assert read & {"ix_report_waiting_created_at", "ix_report_status"} and "ix_report_created_at" not in read


def test_a_busy_reporters_count_is_bounded_and_read_from_indexes(session, many_reports):
    now = datetime.now(UTC)
    with Captured(session, "reporter") as captured:
        count = reports_by_reporter(session, "busy@example.org", None, now - timedelta(days=90), now)
    assert count == REPORTER_COUNT_CAP  # 400 in the period; "this person reports a lot" needs no more
    assert reports_by_reporter(session, "p7@example.org", None, now - timedelta(days=90), now) == 1
    [(statement, parameters)] = captured.statements
    assert not {"report", "reporter"} & set(full_scans(session, statement, parameters))


def test_placing_a_point_leaves_the_area_shapes_in_the_database(session):
    with Captured(session, "FROM area") as captured:
        found = areas_containing(session, *GROTE_MARKT)
    assert found  # the buurt, wijk, municipality and province of the Grote Markt
    [(statement, _)] = captured.statements
    select_list = re.split(r"\bFROM\b", statement, maxsplit=1, flags=re.IGNORECASE)[0]
    assert "geom" not in select_list.lower()


def test_reports_in_the_seed_are_real_reports(session, many_reports):
    """The seed is what the product could have stored: the ORM reads it back."""
    report = session.get(Report, session.scalar(text("SELECT max(id) FROM report")))
    assert report.queue in set(Queue) and report.reporter.email
