"""Destroying whole reports at the end of their keeping period, as Signalen does.

A report closed longer ago than REPORT_DESTRUCTION_DAYS is due. An administrator sees the list and confirms
it; only then are the report, its photos (files too), messages, proposals, corrections, mail and audit trail
deleted. Rows of any table that refers to a report are found through the schema, so a table added later is
covered. What stays is a stub per report (DestroyedReport): tracking code, category, dates, who and when.
Dashboard figures over a period that held destroyed reports count them no more.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.orm import Session

from models import Attachment, Base, Category, DestroyedReport, Report, Reporter, ReportStatus, StatusChange
from triage.intake.photo_store import PhotoStore


@dataclass(frozen=True)
class DueReport:
    id: int
    tracking_code: str
    category_slug: str
    created_at: datetime
    closed_at: datetime


def reports_due_for_destruction(session: Session, now: datetime, keeping_days: int) -> list[DueReport]:
    """Closed reports whose last status change (their closing) lies more than `keeping_days` back, oldest first."""
    closed = [status for status in ReportStatus if status.is_closed]
    last_change = (
        select(StatusChange.report_id, func.max(StatusChange.at).label("at"))
        .group_by(StatusChange.report_id)
        .subquery()
    )
    closed_at = func.coalesce(last_change.c.at, Report.created_at)
    query = (
        select(Report.id, Report.tracking_code, Category.slug, Report.created_at, closed_at)
        .outerjoin(last_change, last_change.c.report_id == Report.id)
        .outerjoin(Category, Category.id == Report.category_id)
        .where(Report.status.in_(closed), closed_at < now - timedelta(days=keeping_days))
        .order_by(closed_at, Report.id)
    )
    return [DueReport(row[0], row[1], row[2] or "", row[3], row[4]) for row in session.execute(query)]


def fingerprint(due: list[DueReport]) -> str:
    """What the administrator confirmed: a digest of the ids, so a list that changed since is refused."""
    return hashlib.sha256(",".join(str(report.id) for report in sorted(due, key=lambda r: r.id)).encode()).hexdigest()


def destroy_reports(session: Session, due: list[DueReport], photos: PhotoStore, actor: str, now: datetime) -> int:
    """Delete the reports and everything that hangs off them, keep a stub each; photo files go after the flush.

    The caller commits; the files are removed only once the rows are gone, so a failed delete keeps its photos.
    """
    ids = [report.id for report in due]
    if not ids:
        return 0
    keys = list(session.scalars(select(Attachment.storage_key).where(Attachment.report_id.in_(ids))))
    reporter_ids = [i for i in session.scalars(select(Report.reporter_id).where(Report.id.in_(ids))) if i]
    session.flush()
    session.add_all(_stub(report, actor, now) for report in due)
    report_table = Report.__table__
    for column in (report_table.c.duplicate_of_id, report_table.c.split_from_id):
        session.execute(update(report_table).where(column.in_(ids)).values({column.name: None}))
    _delete_with_dependants(session, report_table, report_table.c.id.in_(ids))
    session.execute(delete(Reporter).where(Reporter.id.in_(reporter_ids)))
    session.flush()
    session.expire_all()
    for key in keys:
        photos.remove(key)
    return len(ids)


def _stub(report: DueReport, actor: str, now: datetime) -> DestroyedReport:
    return DestroyedReport(
        tracking_code=report.tracking_code,
        category_slug=report.category_slug,
        created_at=report.created_at,
        closed_at=report.closed_at,
        destroyed_at=now,
        destroyed_by=actor,
    )


def _delete_with_dependants(session: Session, table: Table, condition) -> None:
    """Delete the rows of `table` that meet `condition`, first every row elsewhere that refers to them."""
    key = list(table.primary_key.columns)[0]
    doomed = select(key).where(condition)
    for other in Base.metadata.sorted_tables:
        for foreign_key in other.foreign_keys:
            if foreign_key.column.table is table and other is not table:
                _delete_with_dependants(session, other, foreign_key.parent.in_(doomed.scalar_subquery()))
    session.execute(delete(table).where(condition))
