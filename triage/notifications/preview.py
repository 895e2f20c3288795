"""The preview a team member sees before sending: the resident's mail for a status change and message, exactly
as it will go out (the same composing as mail_resident, links filled in as the sender fills them)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from models import Report, ReportStatus
from triage.notifications.kinds import MailKind
from triage.notifications.links import with_base_url
from triage.notifications.resident_mail import resident_mail_text


@dataclass(frozen=True)
class MailPreview:
    """`kind` None: this change is not mailed. `to_address` None: the resident left no address (no mail goes out,
    the message still shows on their status page)."""

    kind: MailKind | None
    to_address: str | None
    subject: str = ""
    body: str = ""


def preview_status_mail(
    session: Session, report: Report, status: ReportStatus, message: str, base_url: str
) -> MailPreview:
    message = message.strip()  # as the status change stores and mails it
    kind = MailKind.for_status_change(status, message)
    address = report.reporter.email if report.reporter else None
    if kind is None:
        return MailPreview(None, address)
    text = resident_mail_text(session, report, kind, message)
    return MailPreview(kind, address, text.subject, with_base_url(text.body, base_url))
