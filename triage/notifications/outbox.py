"""Reading the outbox: the mail the product wrote, newest first, as admins check it."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import OutboxMail

MAILS_SHOWN = 200


def latest_mails(session: Session, limit: int = MAILS_SHOWN) -> list[OutboxMail]:
    """The newest mails: in the embedded default nothing is sent, so this is where a mail can be read."""
    return list(session.scalars(select(OutboxMail).order_by(OutboxMail.id.desc()).limit(limit)))
