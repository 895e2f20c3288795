"""Reports the contact centre takes in (phone, counter, e-mail, social media), and the contact details it corrects.

A staff member types what the resident says; the report then enters through the one intake verb, like every
channel, and only the consent differs: the resident gave it to a person, so who took it and how is kept on the
reporter row (contact details live there, apart from the report, so retention can erase them).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from models import Channel, Report, Reporter
from triage.intake.photo_store import PhotoStore
from triage.intake.submission import Submission, _check_contact, receive_report
from triage.kernel.audit import AuditAction, record
from triage.kernel.refusals import Problems, SubmissionRejected

STAFF_CHANNELS = (Channel.PHONE, Channel.COUNTER, Channel.EMAIL, Channel.SOCIAL_MEDIA)


def staff_channel(value: str, problems: Problems) -> Channel:
    """The channel the staff member chose; one they could not choose is refused next to the field."""
    if value not in {channel.value for channel in STAFF_CHANNELS}:
        problems.add("channel", "channel.required")
        return Channel.PHONE  # never stored: the refusal stops the intake
    return Channel(value)


def receive_staff_report(
    session: Session,
    submission: Submission,
    channel_value: str,
    store: PhotoStore,
    *,
    municipality_code: str,
    taker: str,
    now: datetime,
    found: Problems | None = None,
) -> Report:
    """The resident's report as the contact centre took it: the same intake, with `taker` as the actor and as the
    one who took the consent. Raises SubmissionRejected with every problem at once, having changed nothing."""
    problems = Problems({name: list(items) for name, items in (found or {}).items()})
    channel = staff_channel(channel_value, problems)
    report = receive_report(
        session,
        submission,
        store,
        municipality_code=municipality_code,
        channel=channel,
        now=now,
        actor=taker,
        found=problems,
    )
    if report.reporter is not None:
        _consent_taken(report.reporter, taker, channel, now)
    session.flush()
    return report


def _consent_taken(reporter: Reporter, taker: str, channel: Channel, now: datetime) -> None:
    reporter.consent_at, reporter.consent_taken_by, reporter.consent_channel = now, taker, channel.value


def correct_contact_details(
    session: Session, report: Report, typed: Submission, channel_value: str, taker: str, now: datetime
) -> list[str]:
    """Replace the resident's e-mail address and phone number with what they say now, with their consent given to
    `taker` again; both empty removes them. Returns the names of the fields that changed (audited without their
    values); refuses (SubmissionRejected) with the problems beside the fields, having changed nothing."""
    problems = Problems()
    _check_contact(typed, problems)
    channel = staff_channel(channel_value, problems)
    if problems:
        raise SubmissionRejected(problems)
    email, phone = typed.email.strip() or None, typed.phone.strip() or None
    reporter = report.reporter
    before = (reporter.email, reporter.phone) if reporter else (None, None)
    changed = [name for name, old, new in zip(("email", "phone"), before, (email, phone), strict=True) if old != new]
    if not changed:
        return []
    if reporter is None:
        reporter = report.reporter = Reporter()
    reporter.email, reporter.phone, reporter.anonymised_at = email, phone, None
    if email or phone:
        _consent_taken(reporter, taker, channel, now)
    else:
        reporter.consent_at = reporter.consent_taken_by = reporter.consent_channel = None
    record(session, report, AuditAction.CONTACT_CORRECTED, taker, now, fields=changed, channel=channel.value)
    session.flush()
    return changed
