"""The mail with a resident's link to "my reports": not about one report, so it has no report and goes to the
address the resident typed, in both languages like every resident mail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from models import OutboxMail
from triage.notifications.composing import mail_text
from triage.notifications.kinds import MailKind
from triage.notifications.links import my_reports_link


def mail_my_reports_link(session: Session, address: str, token: str, minutes: int, now: datetime) -> OutboxMail:
    """Write the link mail into the outbox; the link itself is never stored, only its digest (intake)."""
    kind = MailKind.MY_REPORTS_LINK
    values = {"link": my_reports_link(token), "minutes": minutes}
    text = mail_text(session, kind, lambda _language: values)
    mail = OutboxMail(
        report_id=None,
        kind=kind,
        to_address=address,
        subject=text.subject,
        body=text.body,
        created_at=now,
    )
    session.add(mail)
    return mail
