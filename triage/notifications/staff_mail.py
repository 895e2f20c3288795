"""E-mails to staff (escalations, invitations), written into the outbox by the service that decides they are due."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy.orm import Session

from models import OutboxMail, Report
from triage.notifications.kinds import MailKind
from triage.notifications.links import invitation_link, staff_report_link
from triage.notifications.rendering import render
from triage.reference.profile import load_profile
from triage.staff import Invitation

STAFF_LANGUAGE = "nl"  # staff accounts have no language of their own yet


def mail_staff(session: Session, report: Report, kind: MailKind, addresses: Iterable[str], now: datetime) -> None:
    """One mail per address about the report and its due time (shown in local time)."""
    text = render(
        kind,
        STAFF_LANGUAGE,
        code=report.tracking_code,
        queue=report.queue,
        due_at=report.due_at,
        report_link=staff_report_link(report),
    )
    for address in addresses:
        session.add(
            OutboxMail(
                report_id=report.id, kind=kind, to_address=address, subject=text.subject, body=text.body, created_at=now
            )
        )


def mail_invitation(session: Session, invitation: Invitation, language: str, now: datetime) -> None:
    """The invited person's link to set a password, and until when it works (local time)."""
    user = invitation.user
    text = render(
        MailKind.STAFF_INVITATION,
        language,
        name=user.name,
        municipality=load_profile().name,
        link=invitation_link(invitation.token),
        expires_at=invitation.expires_at,
    )
    kind = MailKind.STAFF_INVITATION
    session.add(OutboxMail(kind=kind, to_address=user.email, subject=text.subject, body=text.body, created_at=now))
