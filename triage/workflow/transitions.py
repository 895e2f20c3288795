"""Statuses and their allowed transitions, each with who may make it: one table, used everywhere.

Done and cancelled need a message to the resident. Leaving "waiting for the resident" restarts the clock,
so the due time is recomputed with the pause and the reason is written in the audit trail.
"""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy.orm import Session

from models import Category, Queue, Report, ReportMessage, ReportStatus, Role, StaffUser, StatusChange
from triage.kernel.audit import AuditAction, record
from triage.kernel.refusals import DecisionRefused
from triage.norms.due_times import enter_queue, recompute_due
from triage.norms.outcomes import clear_resolution, record_first_contact, record_resolution
from triage.notifications.kinds import MailKind
from triage.notifications.resident_mail import mail_resident
from triage.staff.accounts import find_user


class Party(enum.StrEnum):
    """Who may move a report without a staff role: the resident, from their status page."""

    RESIDENT = "resident"


S = ReportStatus
TEAM = frozenset({Role.TEAM_MEMBER, Role.TEAM_LEAD, Role.ADMIN})
LEADS = frozenset({Role.TEAM_LEAD, Role.ADMIN})
TRIAGE = frozenset({Role.TRIAGE_OFFICER, Role.ADMIN})

TRANSITIONS: dict[tuple[ReportStatus, ReportStatus], frozenset[Role | Party]] = {
    (S.RECEIVED, S.TRIAGED): TRIAGE,
    (S.RECEIVED, S.CANCELLED): TRIAGE,
    (S.TRIAGED, S.IN_PROGRESS): TEAM,
    (S.TRIAGED, S.CANCELLED): TEAM,
    (S.IN_PROGRESS, S.WAITING_RESIDENT): TEAM,
    (S.IN_PROGRESS, S.WAITING_EXTERNAL): TEAM,
    (S.WAITING_RESIDENT, S.IN_PROGRESS): TEAM | {Party.RESIDENT},  # the team goes on, or the resident answers
    (S.WAITING_EXTERNAL, S.IN_PROGRESS): TEAM,
    (S.IN_PROGRESS, S.DONE): TEAM,
    (S.WAITING_EXTERNAL, S.DONE): TEAM,
    (S.IN_PROGRESS, S.CANCELLED): TEAM,
    (S.DONE, S.REOPENED): LEADS,
    (S.REOPENED, S.IN_PROGRESS): TEAM,
}


def _as_seen(report: Report | None, seen_version: int) -> Report:
    """The report, if it exists and nobody changed it since the person looked at it."""
    if report is None:
        raise DecisionRefused("triage.unknown_report")
    if report.version != seen_version:
        raise DecisionRefused("triage.conflict")
    return report


MAX_MESSAGE = 2000


def next_statuses(current: ReportStatus, roles: set[Role]) -> list[ReportStatus]:
    return [to for (start, to), allowed in TRANSITIONS.items() if start is current and roles & allowed]


def may_move(current: ReportStatus, target: ReportStatus, party: Party) -> bool:
    """Whether someone without a staff role may make this move (the resident answering a question)."""
    return party in TRANSITIONS.get((current, target), frozenset())


def move(session: Session, report: Report, target: ReportStatus, actor: str, reason: str, now: datetime) -> None:
    """The change itself, the same for staff and residents: the status history, the audit trail, and the clock
    running again (due time recomputed, with the reason) when the report leaves a status that paused it."""
    previous = report.status
    session.add(
        StatusChange(report_id=report.id, at=now, actor=actor, from_status=previous, to_status=target, reason=reason)
    )
    report.status = target
    record(session, report, AuditAction.STATUS_CHANGED, actor, now, before=previous.value, after=target.value)
    session.flush()
    if previous.pauses_clock:
        recompute_due(session, report, now, "the resident answered: the clock runs again", actor)


def change_status(
    session: Session,
    report: Report | None,
    actor: StaffUser,
    seen_version: int,
    to_status: str,
    message: str,
    now: datetime,
) -> None:
    """Move the report on, or refuse (DecisionRefused) without changing anything."""
    report = _as_seen(report, seen_version)
    target = _target(report, actor, to_status)
    message = message.strip()
    if target.needs_resident_message and not message:
        raise DecisionRefused("workflow.message_required")
    if len(message) > MAX_MESSAGE:
        raise DecisionRefused("workflow.message_too_long")
    if message:
        session.add(ReportMessage(report_id=report.id, at=now, actor=actor.email, kind="resident", text=message))
    move(session, report, target, actor.email, message, now)
    _record_outcomes(session, report, target, bool(message), now)
    mail_resident(session, report, MailKind.for_status_change(target, message), now, message)
    session.flush()


def _record_outcomes(session: Session, report: Report, target: ReportStatus, told_resident: bool, now) -> None:
    """Keep the facts the dashboard counts: first personal contact, resolution, or a resolution undone."""
    if told_resident:
        record_first_contact(session, report, now)
    if target.resolves:
        record_resolution(session, report, now)
    elif target is S.REOPENED:
        clear_resolution(report)


def _target(report: Report, actor: StaffUser, to_status: str) -> ReportStatus:
    try:
        target = ReportStatus(to_status)
    except ValueError:
        raise DecisionRefused("workflow.not_allowed") from None
    allowed = TRANSITIONS.get((report.status, target))
    if allowed is None or not (actor.roles & allowed):
        raise DecisionRefused("workflow.not_allowed")
    return target


def add_note(
    session: Session, report: Report, actor: StaffUser, text: str, now: datetime, personal_contact: bool = False
) -> None:
    """An internal note; with `personal_contact` it records a call or visit to the resident, which counts as
    first contact for the response norm (maatwerk starts with the person, not with a letter)."""
    text = text.strip()
    if not text:
        raise DecisionRefused("workflow.note_empty")
    if len(text) > MAX_MESSAGE:
        raise DecisionRefused("workflow.message_too_long")
    kind, action = ("contact", AuditAction.CONTACT_LOGGED) if personal_contact else ("internal", AuditAction.NOTE_ADDED)
    session.add(ReportMessage(report_id=report.id, at=now, actor=actor.email, kind=kind, text=text))
    if personal_contact:
        record_first_contact(session, report, now)
    record(session, report, action, actor.email, now)
    session.flush()


def claim(session: Session, report: Report | None, actor: StaffUser, seen_version: int, now: datetime) -> None:
    report = _as_seen(report, seen_version)
    if not report.status.is_team_work:
        raise DecisionRefused("workflow.not_allowed")
    report.assignee_id = actor.id
    record(session, report, AuditAction.REPORT_CLAIMED, actor.email, now)
    session.flush()


def requeue(
    session: Session,
    report: Report | None,
    actor: StaffUser,
    seen_version: int,
    category_id: int | None,
    queue: str,
    reason: str,
    now: datetime,
) -> None:
    """Move an open report to another queue or category; its clock restarts there, with the reason recorded."""
    report = _as_seen(report, seen_version)
    if not report.status.is_team_work or not actor.roles & TEAM:
        raise DecisionRefused("workflow.not_allowed")
    category = session.get(Category, category_id) if category_id else None
    if category is None or not category.is_active:
        raise DecisionRefused("triage.unknown_category")
    if queue not in {q.value for q in Queue}:
        raise DecisionRefused("triage.unknown_queue")
    if not reason.strip():
        raise DecisionRefused("workflow.reason_required")
    before = (report.category.slug if report.category else None, report.queue.value if report.queue else None)
    report.category, report.queue, report.assignee_id = category, Queue(queue), None
    record(
        session,
        report,
        AuditAction.REPORT_REQUEUED,
        actor.email,
        now,
        before=list(before),
        after=[category.slug, queue],
    )
    enter_queue(session, report, now, f"moved to {queue} / {category.slug}: {reason.strip()}", actor.email)
    session.flush()


def assign(
    session: Session, report: Report | None, actor: StaffUser, seen_version: int, assignee_email: str, now: datetime
) -> None:
    """A lead hands a report to a member of the team that owns its queue."""
    report = _as_seen(report, seen_version)
    if not actor.roles & LEADS:
        raise DecisionRefused("workflow.not_allowed")
    assignee = find_user(session, assignee_email)
    if assignee is None or not assignee.is_active or not any(t.queue is report.queue for t in assignee.teams):
        raise DecisionRefused("workflow.unknown_assignee")
    report.assignee_id = assignee.id
    record(session, report, AuditAction.REPORT_ASSIGNED, actor.email, now, assignee=assignee.email)
    session.flush()
