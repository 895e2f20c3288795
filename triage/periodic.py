"""The periodic work, in one place for both runtime sizes: reminders that are due, and expired contact details."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from triage.intake.privacy import anonymise_expired_contacts
from triage.workflow.escalation import escalate


def periodic_work(session: Session, now: datetime, retention_days: int) -> dict:
    """Safe to run as often as anyone likes; the caller commits."""
    escalated = escalate(session, now)
    erased = anonymise_expired_contacts(session, now, retention_days)
    return {"escalated": len(escalated), "anonymised": erased}
