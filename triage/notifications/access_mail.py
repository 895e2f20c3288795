"""The mail with a resident's link to "my reports": not about one report, so it has no report and goes to the
address the resident typed, in both languages like every resident mail."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from models import OutboxMail
from triage.notifications.kinds import MailKind
from triage.notifications.links import my_reports_link
from triage.notifications.rendering import render
from triage.notifications.resident_mail import LANGUAGES, _footer


def mail_my_reports_link(session: Session, address: str, token: str, minutes: int, now: datetime) -> OutboxMail:
    """Write the link mail into the outbox; the link itself is never stored, only its digest (intake)."""
    kind = MailKind.MY_REPORTS_LINK
    texts = [render(kind, language, link=my_reports_link(token), minutes=minutes) for language in LANGUAGES]
    body = "\n\n".join([*(text.body for text in texts), _footer()])
    mail = OutboxMail(
        report_id=None,
        kind=kind,
        to_address=address,
        subject=" / ".join(text.subject for text in texts),
        body=body,
        created_at=now,
    )
    session.add(mail)
    return mail
