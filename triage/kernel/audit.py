"""The audit trail: every change to a report is written down with who did it."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy.orm import Session

from models import AuditEvent, Report


@enum.unique
class AuditAction(enum.StrEnum):
    """What an audit event says happened: one vocabulary for the features that write the trail and those
    that read it (retraining learns from officers' decisions). Stored by value, so the values never change.
    """

    REPORT_RECEIVED = "report.received"
    PROPOSAL_MADE = "proposal.made"
    TRIAGE_AUTO_ROUTED = "triage.auto_routed"
    TRIAGE_ACCEPTED = "triage.accepted"
    TRIAGE_CORRECTED = "triage.corrected"
    TRIAGE_DUPLICATE = "triage.duplicate"
    TRIAGE_SPLIT = "triage.split"
    TRIAGE_SPLIT_FROM = "triage.split_from"
    DUE_SET = "due.set"
    STATUS_CHANGED = "status.changed"
    NOTE_ADDED = "note.added"
    CONTACT_LOGGED = "contact.logged"
    CONTACT_VIEWED = "contact.viewed"  # someone saw the resident's e-mail address and phone number
    REPORT_CLAIMED = "report.claimed"
    REPORT_REQUEUED = "report.requeued"
    REPORT_ASSIGNED = "report.assigned"
    ESCALATION_DUE_SOON = "escalation.due_soon"
    ESCALATION_OVERDUE = "escalation.overdue"
    FEEDBACK_GIVEN = "feedback.given"
    RESIDENT_REPLIED = "resident.replied"
    RESIDENT_NO_ANSWER = "resident.no_answer"
    REPORTER_ANONYMISED = "reporter.anonymised"
    CLASSIFIER_RETRAINED = "classifier.retrained"
    DEMO_SEEDED = "demo.seeded"
    CALLER_LOOKUP = "contact_centre.lookup"  # the contact centre looked a report up for a resident on the line
    CALL_NOTED = "call.noted"  # a note of a resident's call or counter visit
    CONTACT_CORRECTED = "contact.corrected"  # the contact centre corrected the resident's contact details
    RESIDENT_DATA_SHOWN = "resident.data_shown"  # the resident opened or downloaded "my reports"
    ERASURE_REQUESTED = "erasure.requested"
    ERASURE_HANDLED = "erasure.handled"
    FOLLOWER_CONFIRMED = "follower.confirmed"  # a resident confirmed their address and follows the report
    FOLLOWER_STOPPED = "follower.stopped"
    FOLLOWER_ADDED = "follower.added"  # a duplicate's resident (or its followers) now follow the original
    FOLLOWER_ANONYMISED = "follower.anonymised"


def record(session: Session, report: Report, action: AuditAction, actor: str, now: datetime, **details) -> AuditEvent:
    event = AuditEvent(report=report, action=action, actor=actor, at=now, details=details)
    session.add(event)
    return event
