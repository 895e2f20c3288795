"""Sending the outbox over SMTP after commit; without SMTP settings mail stays in the outbox for admins to read.

Each mail is sent at most once (sent_at), failures are counted and retried at the next run, and every SMTP
call has a timeout so a slow mail server never holds up a request for long. A sent mail keeps its text but not
the secrets in its links, so the outbox never becomes a second way into a resident's report or a staff account.
"""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import OutboxMail
from triage.notifications.links import with_base_url, without_secrets
from triage.reference.saved_profile import current_profile

MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 25
    sender: str = ""  # SMTP_SENDER; empty: the profile's sender at the moment of sending (the screen may change it)
    username: str = ""
    password: str = ""
    starttls: bool = False
    timeout: float = 10.0

    @classmethod
    def from_environment(cls, env: dict) -> SmtpSettings | None:
        """SMTP_HOST and friends; None without SMTP_HOST (the embedded default keeps mail in the outbox)."""
        if not env.get("SMTP_HOST"):
            return None
        return cls(
            env["SMTP_HOST"],
            int(env.get("SMTP_PORT") or 25),
            env.get("SMTP_SENDER", ""),
            env.get("SMTP_USER", ""),
            env.get("SMTP_PASSWORD", ""),
            env.get("SMTP_STARTTLS") == "1",
        )


def unsent(session: Session, limit: int = 100) -> list[OutboxMail]:
    query = (
        select(OutboxMail)
        .where(OutboxMail.sent_at.is_(None), OutboxMail.attempts < MAX_ATTEMPTS)
        .order_by(OutboxMail.id)
        .limit(limit)
    )
    return list(session.scalars(query))


def as_email(mail: OutboxMail, sender: str, base_url: str) -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = sender, mail.to_address, mail.subject
    message.set_content(with_base_url(mail.body, base_url))
    return message


def send_outbox(session: Session, smtp: SmtpSettings | None, base_url: str, now: datetime) -> int:
    """Send what is waiting; returns how many went out. The caller commits."""
    if smtp is None:
        return 0
    sent, sender = 0, smtp.sender or current_profile(session).mail_sender
    for mail in unsent(session):
        try:
            with smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout) as server:
                if smtp.starttls:
                    server.starttls()
                if smtp.username:
                    server.login(smtp.username, smtp.password)
                server.send_message(as_email(mail, sender, base_url))
        except (OSError, smtplib.SMTPException) as error:
            mail.attempts, mail.last_error = mail.attempts + 1, f"{type(error).__name__}: {error}"
            continue
        mail.sent_at, mail.attempts, mail.body = now, mail.attempts + 1, without_secrets(mail.body)
        sent += 1
    session.flush()
    return sent
