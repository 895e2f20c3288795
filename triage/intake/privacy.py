"""Privacy by design: a reporter's contact details are kept only for the retention period.

After that the details are erased from the reporter row; the report itself, its text and its history stay,
so turnaround figures and the classifier's training data are not lost. Safe to run repeatedly.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from models import Report, Reporter
from triage.kernel.audit import AuditAction, record

SYSTEM_ACTOR = "system:retention"


def reporters_due_for_anonymisation(session: Session, now: datetime, retention_days: int) -> list[Report]:
    cutoff = now - timedelta(days=retention_days)
    query = (
        select(Report)
        .join(Reporter, Report.reporter_id == Reporter.id)
        .where(Report.created_at < cutoff, Reporter.anonymised_at.is_(None))
        .where(or_(Reporter.email.is_not(None), Reporter.phone.is_not(None)))
    )
    return list(session.scalars(query))


def anonymise_expired_contacts(session: Session, now: datetime, retention_days: int) -> int:
    """Erase contact details of reports older than the retention period; returns how many were erased."""
    reports = reporters_due_for_anonymisation(session, now, retention_days)
    for report in reports:
        report.reporter.email = None
        report.reporter.phone = None
        report.reporter.anonymised_at = now
        record(session, report, AuditAction.REPORTER_ANONYMISED, SYSTEM_ACTOR, now, retention_days=retention_days)
    session.flush()
    return len(reports)
