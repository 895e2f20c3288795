"""A resident's request to erase their data, made from "my reports" and handled by an administrator.

Erasing goes the retention's way (privacy.anonymise_reporters): the contact details leave the reporter rows and
every copy (mail, audit details, texts), for every report made with the address, however old. Reports that are
closed are destroyed as at the end of their keeping period (destruction.destroy_reports: text, photos, history;
a stub stays). Open reports keep their text, so the team can finish the work, but nobody can reach the resident
any more. An administrator may also refuse, with a reason (a legal duty to keep the report, for instance).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Category, ErasureRequest, Report, StatusChange
from triage.intake.destruction import DueReport, destroy_reports, fingerprint
from triage.intake.my_reports import reports_of
from triage.intake.photo_store import PhotoStore
from triage.intake.privacy import anonymise_reporters
from triage.kernel.audit import AuditAction, record
from triage.kernel.refusals import DecisionRefused, Problems, SubmissionRejected

MAX_REASON = 2000


def waiting_request_of(session: Session, address: str) -> ErasureRequest | None:
    """The address's request that an administrator has not handled yet, if any."""
    query = select(ErasureRequest).where(
        func.lower(ErasureRequest.email) == address.lower(), ErasureRequest.handled_at.is_(None)
    )
    return session.scalar(query.limit(1))


def request_erasure(session: Session, address: str, language: str, now: datetime) -> ErasureRequest:
    """Record the request (once: a second request while one is open is the same request); every report's trail
    says it was asked for."""
    waiting = waiting_request_of(session, address)
    if waiting is not None:
        return waiting
    request = ErasureRequest(email=address.lower(), language=language, requested_at=now, reason="", reports_erased=0)
    session.add(request)
    session.flush()
    for report in reports_of(session, address, now, days=None):
        record(session, report, AuditAction.ERASURE_REQUESTED, "resident", now, erasure_request=request.id)
    session.flush()
    return request


def waiting_requests(session: Session) -> list[ErasureRequest]:
    """Open requests, oldest first: the administrator handles them in the order they came."""
    query = select(ErasureRequest).where(ErasureRequest.handled_at.is_(None)).order_by(ErasureRequest.requested_at)
    return list(session.scalars(query))


def handled_requests(session: Session, limit: int = 50) -> list[ErasureRequest]:
    query = select(ErasureRequest).where(ErasureRequest.handled_at.is_not(None))
    return list(session.scalars(query.order_by(ErasureRequest.handled_at.desc()).limit(limit)))


def reports_of_request(session: Session, request: ErasureRequest, now: datetime) -> list[Report]:
    """Every report the request covers: all made with the address, however old, not yet erased."""
    return reports_of(session, request.email, now, days=None)


def _waiting(session: Session, request_id: int) -> ErasureRequest:
    request = session.get(ErasureRequest, request_id)
    if request is None:
        raise DecisionRefused("erasure.unknown")
    if request.handled_at is not None:
        raise DecisionRefused("erasure.already_handled")
    return request


def erase_on_request(
    session: Session, request_id: int, seen: str, photos: PhotoStore, actor: str, now: datetime
) -> ErasureRequest:
    """Erase what the request covers, exactly the reports the administrator saw (`seen` is their fingerprint);
    refuses (DecisionRefused) a request that is unknown, already handled, or covers other reports by now."""
    request = _waiting(session, request_id)
    reports = reports_of_request(session, request, now)
    if seen != fingerprint(reports):
        raise DecisionRefused("erasure.list_changed")
    closed = [_due(session, report) for report in reports if report.status.is_closed]
    anonymise_reporters(session, reports, now, actor, erasure_request=request.id)
    destroy_reports(session, closed, photos, actor, now)
    request = session.get(ErasureRequest, request_id)  # erasure expired every object
    request.handled_at, request.handled_by, request.outcome = now, actor, "erased"
    request.reports_erased = len(reports)
    session.flush()
    return request


def _due(session: Session, report: Report) -> DueReport:
    """The report as destruction takes it: closed at its last status change."""
    closed_at = session.scalar(select(func.max(StatusChange.at)).where(StatusChange.report_id == report.id))
    slug = session.scalar(select(Category.slug).where(Category.id == report.category_id)) or ""
    return DueReport(report.id, report.tracking_code, slug, report.created_at, closed_at or report.created_at)


def refuse_erasure(session: Session, request_id: int, reason: str, actor: str, now: datetime) -> ErasureRequest:
    """Refuse with a reason the resident can be told; the reports and their details stay as they are."""
    reason = reason.strip()
    problems = Problems()
    if not reason:
        problems.add("reason", "erasure.reason_required")
    elif len(reason) > MAX_REASON:
        problems.add("reason", "erasure.reason_too_long", max=MAX_REASON)
    request = _waiting(session, request_id)
    if problems:
        raise SubmissionRejected(problems)
    for report in reports_of_request(session, request, now):
        record(session, report, AuditAction.ERASURE_HANDLED, actor, now, erasure_request=request.id, outcome="refused")
    request.handled_at, request.handled_by, request.outcome, request.reason = now, actor, "refused", reason
    session.flush()
    return request
