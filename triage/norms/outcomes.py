"""What a report's handling came to: when it was resolved and first answered, in working time, within norm or not.

These facts are written once, when they happen, and kept on the report. The dashboard aggregates them in SQL
over a million reports; working time itself cannot be counted in SQL (office hours, Dutch holidays, the
pauses while waiting for the resident), so it is counted here, with the same clock as the team views.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from models import Report
from triage.norms.clock import working_time_between
from triage.norms.due_times import business_calendar, pauses


def working_seconds(session: Session, report: Report, until: datetime) -> int | None:
    """Office time from entering the queue until `until`, without the pauses; None before triage."""
    if report.queue_entered_at is None:
        return None
    counted = working_time_between(business_calendar(), report.queue_entered_at, until, pauses=pauses(session, report))
    return max(int(counted.total_seconds()), 0)


def record_resolution(session: Session, report: Report, now: datetime) -> None:
    """The report is done: keep when, how long it took and whether that was within its norm."""
    report.resolved_at = now
    report.resolution_seconds = working_seconds(session, report, now)
    report.resolved_in_norm = now <= report.due_at if report.due_at else None


def clear_resolution(report: Report) -> None:
    """A reopened report is not resolved any more; its next resolution is measured again."""
    report.resolved_at = report.resolution_seconds = report.resolved_in_norm = None


def record_first_contact(session: Session, report: Report, now: datetime) -> None:
    """The first personal message to the resident after triage; later messages do not change it."""
    if report.first_contact_at is not None or report.queue_entered_at is None:
        return
    report.first_contact_at = now
    report.response_seconds = working_seconds(session, report, now)
    report.responded_in_norm = now <= report.response_due_at if report.response_due_at else None
