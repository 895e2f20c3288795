"""The resident's e-mail address and phone number, for the people who act on the report: the team that owns
its queue, leads and admins. Every look is written to the audit trail, so the municipality can say who saw them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from models import Queue, Report, Role, StaffUser
from triage.kernel.audit import AuditAction, record
from triage.workflow.work_lists import may_see_queue


@dataclass(frozen=True)
class ContactDetails:
    email: str | None
    phone: str | None
    phone_first: bool  # maatwerk teams call first: their work is personal


def may_see_contact(user: StaffUser, report: Report) -> bool:
    """The owning team (members of the queue's team), leads and admins, and the contact centre (it checks and
    corrects them with the resident on the line); officers and other teams do not."""
    if Role.CONTACT_CENTRE in user.roles:
        return True
    return report.queue is not None and may_see_queue(user, report.queue)


def view_contact_details(session: Session, report: Report, user: StaffUser, now: datetime) -> ContactDetails | None:
    """The details for someone allowed to see them, with the look recorded; None (and nothing written) otherwise,
    also when there is nothing to see (no contact given, or wiped after the retention period)."""
    reporter = report.reporter
    if not may_see_contact(user, report) or reporter is None or not (reporter.email or reporter.phone):
        return None
    record(session, report, AuditAction.CONTACT_VIEWED, user.email, now)
    session.flush()
    return ContactDetails(reporter.email, reporter.phone, report.queue is Queue.MAATWERK)
