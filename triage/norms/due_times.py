"""The norms a report runs against, and its due times, stored when it enters a queue.

The norms and the calendar options (office hours, Liberation Day) are the municipality's: service_norms.json in
its data folder (DATA_DIR).
"""

from __future__ import annotations

from datetime import datetime, time
from functools import cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Category, Report, StatusChange
from triage.kernel.audit import AuditAction, record
from triage.norms.calendar import BusinessCalendar, OfficeHours
from triage.norms.clock import Norm, Pause, due_at, timer
from triage.reference.loading import read_json
from triage.reference.routing import record_routing
from triage.reference.saved_profile import served_data_dir


def settings(path: Path | None = None) -> dict:
    """The norms file of the municipality this process serves (its data folder's service_norms.json)."""
    return _read_norms(path or _norms_file(served_data_dir()))


@cache
def _read_norms(path: Path) -> dict:
    return read_json(path)


def business_calendar() -> BusinessCalendar:
    """The municipality's working days and office hours, as its norms file sets them."""
    return _calendar_of(_norms_file(served_data_dir()))


@cache
def _norms_file(data_dir: Path) -> Path:
    """The same path object for the same folder: a new one per call was hashed anew for the caches below, and a
    work list asks for the norms and the calendar three times a row."""
    return data_dir / "service_norms.json"


@cache
def _calendar_of(path: Path) -> BusinessCalendar:
    """One calendar per norms file, like the file itself (`_read_norms`): a work list asks for it twice a row."""
    norms = settings(path)
    hours = norms["office_hours"]
    return BusinessCalendar(
        OfficeHours(time.fromisoformat(hours["opens"]), time.fromisoformat(hours["closes"])), norms["liberation_day"]
    )


def _norm(row: dict | None) -> Norm | None:
    return Norm(row["days"], row.get("calendar_days", False)) if row else None


def resolution_norm(report: Report) -> Norm | None:
    category: Category | None = report.category
    if category is not None and category.service_norm_days:
        return Norm(category.service_norm_days, category.calendar_days)
    return _norm(settings()["resolution_default"].get(report.queue.value)) if report.queue else None


def response_norm(report: Report) -> Norm | None:
    return _norm(settings()["response"].get(report.queue.value)) if report.queue else None


def pauses(session: Session, report: Report) -> list[Pause]:
    """Periods of waiting for the resident, from the status history: the clock stands still in them."""
    changes = session.scalars(
        select(StatusChange).where(StatusChange.report_id == report.id).order_by(StatusChange.at, StatusChange.id)
    )
    found, started = [], None
    for change in changes:
        if change.to_status.pauses_clock and started is None:
            started = change.at
        elif change.from_status.pauses_clock and started is not None:
            found.append((started, change.at))
            started = None
    if started is not None:
        found.append((started, None))
    return found


def enter_queue(session: Session, report: Report, now: datetime, reason: str, actor: str) -> None:
    """Start the report's clocks in its (new) queue and record why, so a changed due time can be explained; and
    write down the owning team the routing rules give it there (every path into a queue passes here)."""
    report.queue_entered_at = now
    record_routing(session, report, now)
    recompute_due(session, report, now, reason, actor)


def recompute_due(session: Session, report: Report, now: datetime, reason: str, actor: str) -> None:
    if report.queue_entered_at is None:
        return
    resolution, response = resolution_norm(report), response_norm(report)
    waits = pauses(session, report)
    before, days = report.due_at, business_calendar()
    report.due_at = due_at(days, report.queue_entered_at, resolution, waits, now) if resolution else None
    report.response_due_at = due_at(days, report.queue_entered_at, response, waits, now) if response else None
    record(
        session,
        report,
        AuditAction.DUE_SET,
        actor,
        now,
        reason=reason,
        before=before.isoformat() if before else None,
        due=report.due_at.isoformat() if report.due_at else None,
        response_due=report.response_due_at.isoformat() if report.response_due_at else None,
    )


def report_timer(session: Session, report: Report, now: datetime):
    """The timer for a team view, or None when the report has no norm."""
    norm = resolution_norm(report)
    if norm is None or report.queue_entered_at is None:
        return None
    return timer(business_calendar(), report.queue_entered_at, norm, now, pauses(session, report))
