"""An officer's decision on a report in the triage inbox: accept the proposal, or correct it.

Every decision writes an audit event and correction records (from, to, who, when): the training data of
`triage retrain`. A decision names the report version the officer saw; if someone else acted first, the
decision is refused and nothing changes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Category, Correction, Priority, Proposal, Queue, Report, ReportStatus, StaffUser
from triage.intake.following import follow_original
from triage.kernel.audit import AuditAction, record
from triage.kernel.refusals import DecisionRefused
from triage.norms.due_times import enter_queue
from triage.notifications.kinds import MailKind
from triage.notifications.resident_mail import mail_resident


def latest_proposal(session: Session, report: Report) -> Proposal | None:
    return session.scalar(select(Proposal).where(Proposal.report_id == report.id).order_by(Proposal.id.desc()))


def _correction(
    session: Session,
    report: Report,
    officer: StaffUser,
    now: datetime,
    field: str,
    before: str | None,
    after: str | None,
) -> None:
    session.add(
        Correction(
            report_id=report.id,
            actor_id=officer.id,
            actor=officer.email,
            at=now,
            field=field,
            from_value=before,
            to_value=after,
        )
    )


def _check_open(report: Report | None, seen_version: int) -> Report:
    if report is None:
        raise DecisionRefused("triage.unknown_report")
    if report.version != seen_version:
        raise DecisionRefused("triage.conflict")
    if not report.status.awaits_triage:
        raise DecisionRefused("triage.already_triaged")
    return report


def accept(session: Session, report: Report | None, officer: StaffUser, seen_version: int, now: datetime) -> None:
    report = _check_open(report, seen_version)
    proposal = latest_proposal(session, report)
    if proposal is None or proposal.category is None or proposal.queue is None:
        raise DecisionRefused("triage.no_proposal")
    _decide(session, report, officer, proposal, proposal.category, proposal.queue, AuditAction.TRIAGE_ACCEPTED, now)


def correct(
    session: Session,
    report: Report | None,
    officer: StaffUser,
    seen_version: int,
    category_id: int | None,
    queue: str,
    now: datetime,
    priority: str = Priority.NORMAL.value,
) -> None:
    report = _check_open(report, seen_version)
    category = session.get(Category, category_id) if category_id else None
    if category is None or not category.is_active:
        raise DecisionRefused("triage.unknown_category")
    if queue not in {q.value for q in Queue}:
        raise DecisionRefused("triage.unknown_queue")
    if priority not in {p.value for p in Priority}:
        raise DecisionRefused("triage.unknown_priority")
    if Priority(priority) is not report.priority:
        _correction(session, report, officer, now, "priority", report.priority.value, priority)
        report.priority = Priority(priority)
    proposal = latest_proposal(session, report)
    unchanged = proposal and proposal.category_id == category.id and proposal.queue == Queue(queue)
    action = AuditAction.TRIAGE_ACCEPTED if unchanged else AuditAction.TRIAGE_CORRECTED
    _decide(session, report, officer, proposal, category, Queue(queue), action, now)


def _decide(session, report, officer, proposal, category: Category, queue: Queue, action: AuditAction, now) -> None:
    proposed_category = proposal.category.slug if proposal and proposal.category else None
    proposed_queue = proposal.queue.value if proposal and proposal.queue else None
    for field, before, after in (
        ("category", proposed_category, category.slug),
        ("queue", proposed_queue, queue.value),
    ):
        _correction(session, report, officer, now, field, before, after)
    report.category, report.queue, report.status = category, queue, ReportStatus.TRIAGED
    enter_queue(session, report, now, f"triaged into {queue.value} by {officer.email}", officer.email)
    mail_resident(session, report, MailKind.TRIAGED, now)
    record(
        session,
        report,
        action,
        officer.email,
        now,
        category=category.slug,
        queue=queue.value,
        proposed_category=proposed_category,
        proposed_queue=proposed_queue,
    )
    session.flush()


def mark_duplicate(
    session: Session, report: Report | None, officer: StaffUser, seen_version: int, original_code: str, now: datetime
) -> Report:
    """Close the report as a duplicate; its resident follows the original from now on."""
    report = _check_open(report, seen_version)
    original = session.scalar(select(Report).where(Report.tracking_code == original_code.strip().upper()))
    while original is not None and original.duplicate_of is not None:
        original = original.duplicate_of  # always point at the report that is really being handled
    if original is None or original.id == report.id:
        raise DecisionRefused("triage.unknown_original")
    _correction(session, report, officer, now, "duplicate_of", None, original.tracking_code)
    report.duplicate_of, report.status = original, ReportStatus.CANCELLED
    record(session, report, AuditAction.TRIAGE_DUPLICATE, officer.email, now, original=original.tracking_code)
    mail_resident(session, report, MailKind.DUPLICATE, now)
    follow_original(session, report, original, officer.email, now)
    session.flush()
    return original


def split(
    session: Session,
    report: Report | None,
    officer: StaffUser,
    seen_version: int,
    first_text: str,
    second_text: str,
    now: datetime,
) -> Report:
    """Two problems in one report become two reports at the same place, each with its own tracking code."""
    from triage.intake.tracking import new_status_token, unique_tracking_code
    from triage.proposals.pipeline import owe_proposal

    report = _check_open(report, seen_version)
    first_text, second_text = first_text.strip(), second_text.strip()
    if not first_text or not second_text:
        raise DecisionRefused("triage.split_needs_two_texts")
    second = Report(
        tracking_code=unique_tracking_code(session),
        status_token=new_status_token(),
        description=second_text,
        location=report.location,
        location_text=report.location_text,
        location_is_approximate=report.location_is_approximate,
        buurt=report.buurt,
        wijk=report.wijk,
        status=ReportStatus.RECEIVED,
        channel=report.channel,
        language=report.language,
        created_at=report.created_at,
        reporter=report.reporter,
        split_from=report,
    )
    session.add(second)
    report.description = first_text
    _correction(session, report, officer, now, "split", None, second.tracking_code)
    record(session, report, AuditAction.TRIAGE_SPLIT, officer.email, now, into=second.tracking_code)
    session.flush()
    record(session, second, AuditAction.TRIAGE_SPLIT_FROM, officer.email, now, original=report.tracking_code)
    owe_proposal(session, second, now)
    mail_resident(session, second, MailKind.SPLIT, now)
    return second
