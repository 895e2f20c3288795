"""Escalation: at 80% of a norm the assignee hears of it, when overdue the team lead does. Each only once.

Runs periodically (rq's cron in production, a thread of the embedded server otherwise) and is safe to
run as often as anyone likes: the unique (report, kind) row is the proof a notice went out.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Escalation, Report, Role, StaffRole, StaffUser, is_team_work
from triage.kernel.audit import AuditAction, record
from triage.norms.due_times import report_timer, settings
from triage.notifications.kinds import MailKind
from triage.notifications.staff_mail import mail_staff

SYSTEM_ACTOR = "system:escalation"


def _leads(session: Session) -> list[StaffUser]:
    query = (
        select(StaffUser)
        .join(StaffRole, StaffRole.user_id == StaffUser.id)
        .where(StaffRole.role == Role.TEAM_LEAD, StaffUser.is_active)
    )
    return list(session.scalars(query))


def _already(session: Session, report: Report) -> set[str]:
    return set(session.scalars(select(Escalation.kind).where(Escalation.report_id == report.id)))


def _notify(session: Session, report: Report, kind: str, people: list[StaffUser], now: datetime) -> None:
    recipients = sorted({person.email for person in people})
    mail_staff(session, report, MailKind.for_escalation(kind), recipients, now)
    session.add(Escalation(report_id=report.id, kind=kind, recipients=", ".join(recipients), at=now))
    record(session, report, AuditAction(f"escalation.{kind}"), SYSTEM_ACTOR, now, recipients=recipients)


def escalate(session: Session, now: datetime) -> list[tuple[int, str]]:
    """Send the reminders that are due now; returns (report id, kind) of each one sent."""
    sent = []
    query = select(Report).where(is_team_work(), Report.due_at.is_not(None)).order_by(Report.due_at)
    for report in session.scalars(query):
        state = report_timer(session, report, now)
        if state is None:
            continue
        done = _already(session, report)
        if state.overdue and "overdue" not in done:
            _notify(session, report, "overdue", _leads(session), now)
            sent.append((report.id, "overdue"))
        elif state.used_share >= settings()["due_soon_share"] and not state.overdue and "due_soon" not in done:
            assignee = session.get(StaffUser, report.assignee_id) if report.assignee_id else None
            _notify(session, report, "due_soon", [assignee] if assignee else _leads(session), now)
            sent.append((report.id, "due_soon"))
    session.flush()
    return sent
