"""The contact centre on the phone: finding the caller's report by what they can tell (tracking code, address,
phone number or e-mail address), what it may tell them about it, and a note of the call.

Every look-up is written to the audit trail (who looked, how, and which reports it showed), also a look-up that
found nothing: contact details are searched here, so the municipality must be able to say who searched them. The
typed phone number or address itself is not written down: the trail must not become a second copy of them.
Words (an address) go through the staff search (search.py), so both databases find them as the search box does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session, selectinload

from models import Report, Reporter, ReportMessage, StaffUser
from triage.intake.lookup import resident_messages
from triage.intake.tracking import normalise_tracking_code
from triage.kernel.audit import AuditAction, record
from triage.kernel.email_address import is_email_address
from triage.kernel.refusals import DecisionRefused, Problems, SubmissionRejected
from triage.workflow.search import RESULTS_SHOWN, SearchFilters, openable_by, search_reports
from triage.workflow.transitions import MAX_MESSAGE

LOOKUP_KINDS = ("code", "address", "phone", "email")
CALL_NOTE = "call"  # ReportMessage.kind of a note of a resident's call: staff only, never shown to the resident
PHONE_PUNCTUATION = (" ", "-", "(", ")", ".", "+", "/")
LONGEST_QUERY = 200


@dataclass(frozen=True)
class CallerView:
    """What the contact centre reads out: the status (the page gives its plain words), the teams' messages to the
    resident, and the notes of earlier calls."""

    report: Report
    messages: list[ReportMessage]
    call_notes: list[ReportMessage]


def lookup_kind(kind: str, typed: str) -> str:
    """The kind the person chose, or (left open) the one the typed text looks like."""
    if kind in LOOKUP_KINDS:
        return kind
    if normalise_tracking_code(typed):
        return "code"
    if "@" in typed:
        return "email"
    only_number = all(ch.isdigit() or ch in PHONE_PUNCTUATION for ch in typed)
    return "phone" if only_number and len(_digits(typed)) >= 8 else "address"


def find_for_caller(session: Session, kind: str, typed: str, user: StaffUser, now: datetime) -> tuple[str, list]:
    """The reports that answer the look-up, newest first, and the kind it was taken as; every look-up audited.

    Refuses (SubmissionRejected, field "q") what cannot be looked up, and then writes nothing."""
    typed = typed.strip()[:LONGEST_QUERY]
    kind = lookup_kind(kind, typed)
    condition = _condition(kind, typed)
    if kind == "address":
        reports = search_reports(session, typed, SearchFilters(), user, now).reports
    else:
        query = select(Report).outerjoin(Reporter, Report.reporter_id == Reporter.id)
        query = query.where(condition, openable_by(user)).options(selectinload(Report.category))
        reports = list(session.scalars(query.order_by(Report.created_at.desc()).limit(RESULTS_SHOWN)))
    _audit_lookup(session, kind, typed, reports, user, now)
    return kind, reports


def _condition(kind: str, typed: str):
    """The SQL condition for a code, phone or address; refuses what cannot match anything."""
    problems = Problems()
    if not typed:
        problems.add("q", "lookup.empty")
    elif kind == "code" and not normalise_tracking_code(typed):
        problems.add("q", "lookup.code_invalid")
    elif kind == "email" and not is_email_address(typed):
        problems.add("q", "email.invalid")
    elif kind == "phone" and not 8 <= len(_digits(typed)) <= 15:
        problems.add("q", "phone.invalid")
    elif kind == "address" and not re.search(r"\w", typed):
        problems.add("q", "lookup.empty")
    if problems:
        raise SubmissionRejected(problems)
    if kind == "code":
        return Report.tracking_code == normalise_tracking_code(typed)
    if kind == "email":
        return func.lower(Reporter.email) == typed.lower()
    if kind == "phone":
        return or_(*(_phone_digits(Reporter.phone) == number for number in _phone_forms(typed)))
    return None


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _phone_forms(typed: str) -> set[str]:
    """The ways one Dutch number is written, as digits only: 0612345678, 31612345678 (+31), 0031612345678; a
    "+31 (0)6" is read as +31 6."""
    digits = _digits(typed)
    for prefix in ("00310", "0031", "310", "31"):
        if digits.startswith(prefix) and len(digits) - len(prefix) == 9:
            digits = "0" + digits[len(prefix) :]
    forms = {digits}
    if digits.startswith("0") and len(digits) == 10:
        forms |= {"31" + digits[1:], "0031" + digits[1:]}
    return forms


def _phone_digits(column):
    """The stored number without the spaces, dashes, brackets and plus people type: compared as digits."""
    for mark in PHONE_PUNCTUATION:
        column = func.replace(column, mark, "")
    return column


def _audit_lookup(session: Session, kind: str, typed: str, reports: list[Report], user: StaffUser, now) -> None:
    """One event per report shown (so each report's trail says who looked it up), or one without a report."""
    details = {"by": kind, "found": len(reports)}
    if kind == "code":
        details["code"] = normalise_tracking_code(typed)
    for report in reports or [None]:
        record(session, report, AuditAction.CALLER_LOOKUP, user.email, now, **details)
    session.flush()


def caller_view(session: Session, report: Report) -> CallerView:
    query = select(ReportMessage).where(ReportMessage.report_id == report.id, ReportMessage.kind == CALL_NOTE)
    notes = list(session.scalars(query.order_by(ReportMessage.id)))
    return CallerView(report, resident_messages(session, report), notes)


def add_call_note(session: Session, report: Report, user: StaffUser, text: str, now: datetime) -> ReportMessage:
    """A note of what the resident said on the phone or at the counter; the team reads it with the report."""
    text = text.strip()
    if not text:
        raise DecisionRefused("workflow.note_empty")
    if len(text) > MAX_MESSAGE:
        raise DecisionRefused("workflow.message_too_long")
    note = ReportMessage(report_id=report.id, at=now, actor=user.email, kind=CALL_NOTE, text=text)
    session.add(note)
    record(session, report, AuditAction.CALL_NOTED, user.email, now)
    session.flush()
    return note


def caller_report(session: Session, report_id: int, user: StaffUser) -> Report | None:
    """One report the contact centre may open (every report; the role decides)."""
    return session.scalar(select(Report).where(Report.id == report_id, openable_by(user)))
