"""The audit trail: every change to a report is written down with who did it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from models import AuditEvent, Report


def record(session: Session, report: Report, action: str, actor: str, now: datetime, **details) -> AuditEvent:
    event = AuditEvent(report=report, action=action, actor=actor, at=now, details=details)
    session.add(event)
    return event
