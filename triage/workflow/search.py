"""The staff search box: a tracking code opens its report; other words search the reports' texts and buurt names,
narrowed by the filters of the page it was typed on.

It lives in workflow because it needs both the inbox's filters (category, channel, buurt, age) and who may open
which queue's reports (may_see_queue); workflow is the first package that may import both, and monitoring (after
it) is about figures, not finding one report.

PostgreSQL searches with the Dutch full-text configuration (stemming: "containers" finds "container") and, when the
words find nothing, with trigram similarity (typos). SQLite searches an FTS5 table by word prefixes. Both indexes
are built in migration 0013 on the same texts as SEARCHED_TEXTS here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import datetime

from sqlalchemy import ColumnElement, Integer, Select, false, func, literal_column, or_, select, text, true
from sqlalchemy.orm import Session, selectinload

from models import Area, AreaKind, Queue, Report, ReportStatus, Role, StaffUser
from triage.inbox.queries import InboxFilters, filter_problems, matching, without_refused
from triage.intake.tracking import normalise_tracking_code
from triage.kernel import Problems
from triage.workflow.work_lists import may_see_queue

RESULTS_SHOWN = 50
COUNTED_UP_TO = 1000  # "more than 1000" tells enough; counting every match of a common word costs most of the time
# The report's texts the search reads, in the order of the indexes of migration 0013. An address column joins
# here, in the FTS5 table's columns and triggers, and in the PostgreSQL index expressions (one new migration).
SEARCHED_TEXTS = ("description", "location_text", "street", "house_number", "postcode", "place")
SEARCHED = " || ' ' || ".join(f"coalesce(report.{name}, '')" for name in SEARCHED_TEXTS)
DUTCH = "'dutch'::regconfig"
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchFilters:
    """The page's filters the search keeps: a queue and status (team lists) and the inbox's filters."""

    queue: str = ""
    status: str = ""
    inbox: InboxFilters = field(default_factory=InboxFilters)


@dataclass(frozen=True)
class Found:
    reports: list[Report]
    total: int  # counted up to COUNTED_UP_TO + 1
    by_likeness: bool  # found by trigram similarity (a typo), because the words themselves found nothing


def search_problems(session: Session, filters: SearchFilters) -> Problems:
    problems = filter_problems(session, filters.inbox)
    if filters.queue and filters.queue not in {q.value for q in Queue}:
        problems.add("queue", "filter.unknown_queue")
    if filters.status and filters.status not in {s.value for s in ReportStatus}:
        problems.add("status", "filter.unknown_status")
    return problems


def without_refused_filters(filters: SearchFilters, problems: Problems) -> SearchFilters:
    """The filters kept while a refused one is shown next to its field: the search still answers."""
    kept = replace(filters, **{name: "" for name in ("queue", "status") if name in problems})
    return replace(kept, inbox=without_refused(filters.inbox, problems))


def openable_by(user: StaffUser) -> ColumnElement[bool]:
    """Officers, admins and the contact centre (who answer residents about any report) open every report; team
    members and leads the reports in the queues they may see."""
    if user.roles & {Role.TRIAGE_OFFICER, Role.ADMIN, Role.CONTACT_CENTRE}:
        return true()
    queues = [queue for queue in Queue if may_see_queue(user, queue)]
    return Report.queue.in_(queues) if queues else false()


def report_by_code(session: Session, typed: str, user: StaffUser) -> Report | None:
    """The report with this tracking code, typed as people type it; none when this person may not open it."""
    code = normalise_tracking_code(typed)
    if not code:
        return None
    return session.scalar(select(Report).where(Report.tracking_code == code, openable_by(user)))


def search_reports(session: Session, words: str, filters: SearchFilters, user: StaffUser, now: datetime) -> Found:
    """Newest first: staff look for a report they heard of, and recent ones are the likely ones."""
    if not WORD.search(words):
        return Found([], 0, False)
    narrowed = (openable_by(user), matching(filters.inbox, now), *_list_filters(filters))
    found = _found(session, select(Report).where(_words_match(session, words), *narrowed))
    if found.total or session.get_bind().dialect.name != "postgresql":
        return found
    alike = _found(session, select(Report).where(literal_column(SEARCHED).bool_op("%>")(words), *narrowed))
    return Found(alike.reports, alike.total, bool(alike.total))


def _list_filters(filters: SearchFilters) -> list[ColumnElement[bool]]:
    conditions = []
    if filters.queue in {q.value for q in Queue}:
        conditions.append(Report.queue == Queue(filters.queue))
    if filters.status in {s.value for s in ReportStatus}:
        conditions.append(Report.status == ReportStatus(filters.status))
    return conditions


def _found(session: Session, query: Select) -> Found:
    counted = query.with_only_columns(Report.id).limit(COUNTED_UP_TO + 1).subquery()
    total = session.scalar(select(func.count()).select_from(counted))
    page = query.order_by(Report.created_at.desc(), Report.id.desc()).limit(RESULTS_SHOWN)
    rows = session.scalars(page.options(selectinload(Report.buurt), selectinload(Report.category)))
    return Found(list(rows), int(total or 0), False)


def _words_match(session: Session, words: str) -> ColumnElement[bool]:
    """The words in the texts, or the whole query in a buurt's name ("Bos en Hoven")."""
    buurten = list(
        session.scalars(
            select(Area.id).where(Area.kind == AreaKind.BUURT, Area.name.icontains(words.strip(), autoescape=True))
        )
    )  # ids first, so PostgreSQL can combine the buurt index with the text index
    in_buurt = Report.buurt_id.in_(buurten) if buurten else false()
    if session.get_bind().dialect.name == "postgresql":
        document = func.to_tsvector(literal_column(DUTCH), literal_column(SEARCHED))
        return or_(document.bool_op("@@")(func.websearch_to_tsquery(literal_column(DUTCH), words)), in_buurt)
    return or_(Report.id.in_(_fts5_rows(words)), in_buurt)


def _fts5_rows(words: str) -> Select:
    """Every word as a quoted prefix: what people type can never be read as FTS5 query syntax."""
    query = " ".join(f'"{word}"*' for word in WORD.findall(words))
    rows = text("SELECT rowid FROM report_search WHERE report_search MATCH :query").bindparams(query=query)
    return select(rows.columns(rowid=Integer).subquery().c.rowid)
