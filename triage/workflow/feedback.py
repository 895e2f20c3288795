"""The resident's verdict on a handled report. A "no" asks the team to reopen it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Feedback, Report
from triage.kernel.audit import AuditAction, record
from triage.kernel.refusals import DecisionRefused

MAX_TEXT = 2000


def give_feedback(session: Session, report: Report, satisfied: str, text: str, now: datetime) -> Feedback:
    if not report.status.resolves:
        raise DecisionRefused("feedback.not_done")
    if satisfied not in ("yes", "no"):
        raise DecisionRefused("feedback.choose")
    if len(text.strip()) > MAX_TEXT:
        raise DecisionRefused("feedback.too_long")
    if session.scalar(select(Feedback.id).where(Feedback.report_id == report.id)):
        raise DecisionRefused("feedback.already_given")
    feedback = Feedback(
        report_id=report.id, at=now, satisfied=satisfied == "yes", text=text.strip(), reopen_requested=satisfied == "no"
    )
    session.add(feedback)
    record(session, report, AuditAction.FEEDBACK_GIVEN, "resident", now, satisfied=feedback.satisfied)
    session.flush()
    return feedback


def feedback_for(session: Session, report: Report) -> Feedback | None:
    return session.scalar(select(Feedback).where(Feedback.report_id == report.id))
