"""Undo for standard texts and mail templates: the one restorer of Subject.STANDARD_TEXT, registered on import.

Both kinds of text share the subject; the key says which: "text:<id>" or "mail:<name>:<language>".
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from triage.kernel.versions import Subject, register_restorer
from triage.notifications.mail_templates import restore_mail_template
from triage.notifications.standard_texts import restore_standard_text


def restore_text(session: Session, key: str, snapshot: dict | None, actor: str, now: datetime) -> None:
    kind, _, rest = key.partition(":")
    if kind == "text":
        restore_standard_text(session, int(rest), snapshot, actor, now)
    elif kind == "mail":
        name, _, language = rest.partition(":")
        restore_mail_template(session, name, language, snapshot, actor, now)
    else:
        raise ValueError(f"not a standard text or mail template: {key}")


register_restorer(Subject.STANDARD_TEXT, restore_text)
