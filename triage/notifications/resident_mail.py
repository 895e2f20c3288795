"""E-mails to residents, in plain Dutch with English below, written into the outbox with the change itself.

Only residents who left an e-mail address (with consent) get mail; everyone sees the same on the status page.
The words are templates per kind and language (see rendering); the municipality's line under them comes
from its profile.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session, object_session

from geo.addresses import readable_location
from models import OutboxMail, Queue, Report, ReportStatus
from triage.norms.due_times import resolution_norm, response_norm
from triage.notifications.composing import compose_mail, mail_text
from triage.notifications.followers import mail_followers
from triage.notifications.kinds import MailKind
from triage.notifications.links import feedback_link, reply_link, status_link, track_link
from triage.notifications.rendering import LANGUAGES, MailText, local_time
from triage.reference.saved_profile import current_profile, file_profile

DEFAULT_DAYS = {Queue.COMPLEX: 20, Queue.SIMPLE: 5}  # what a queue promises when its category has no norm


def _queue_promise(report: Report) -> dict:
    """What the resident may expect from the report's queue: the norms give the days, the templates the words."""
    response, resolution = response_norm(report), resolution_norm(report)
    if report.queue is Queue.MAATWERK and response:
        return {"promise": "personal_contact", "days": response.days, "calendar_days": False}
    if report.queue is Queue.COMPLEX:
        days = resolution.days if resolution else DEFAULT_DAYS[Queue.COMPLEX]
        return {"promise": "look_into", "days": days, "calendar_days": False}
    days = resolution.days if resolution else DEFAULT_DAYS[Queue.SIMPLE]
    return {"promise": "deal_with", "days": days, "calendar_days": bool(resolution and resolution.calendar_days)}


def _values(report: Report, kind: MailKind, message: str, language: str) -> dict:
    category = report.category
    values = {
        "code": report.tracking_code,
        "category": (category.name if language == "nl" else category.name_en) if category else "",
        "due_date": local_time(report.due_at, "%d-%m-%Y") if report.due_at else "",
        "status_link": status_link(report),
        "feedback_link": feedback_link(report),
        "reply_link": reply_link(report),
        "message": message,
        "location": readable_location(report).line,
    }
    if kind is MailKind.TRIAGED:
        values |= _queue_promise(report)
    return values | _related_report(report, kind)


def _related_report(report: Report, kind: MailKind) -> dict:
    """The other report a duplicate or split mail points at. Another resident's report is linked by its public
    lookup (status only), the resident's own other part by its status page."""
    if kind is MailKind.DUPLICATE and report.duplicate_of:
        return {"original_code": report.duplicate_of.tracking_code, "original_link": track_link(report.duplicate_of)}
    if kind is MailKind.SPLIT and report.split_from:
        return {"original_code": report.split_from.tracking_code, "original_link": status_link(report.split_from)}
    return {}


def _profile_footer(report: Report) -> str:
    """The municipality that sends the mail: the profile in force, so a footer saved in the screens is in the next
    mail; a report outside a session (a preview of the shipped texts) gets the data folder's profile."""
    session = object_session(report)
    profile = current_profile(session) if session is not None else file_profile()
    return profile.footer(LANGUAGES[0])


def compose(
    report: Report,
    kind: MailKind,
    message: str = "",
    sources: dict[str, str] | None = None,
    footers: dict[str, str] | None = None,
) -> MailText:
    """The subject and body of the resident's mail about their report (composing.compose_mail). `sources` and
    `footers` are the municipality's own templates per language (template_sources); the shipped files otherwise."""
    return compose_mail(kind, _values_for(report, kind, message), _profile_footer(report), sources, footers)


def _values_for(report: Report, kind: MailKind, message: str):
    return lambda language: _values(report, kind, message, language)


def resident_mail_text(session: Session, report: Report, kind: MailKind, message: str = "") -> MailText:
    """The resident's mail as it is sent, with the templates in the database at this moment: mail_resident and
    the team's preview both call this, so the preview is the mail."""
    return mail_text(session, kind, _values_for(report, kind, message))


def mail_resident(
    session: Session, report: Report, kind: MailKind | ReportStatus, now: datetime, message: str = ""
) -> OutboxMail | None:
    """Write the resident's mail for this moment (a kind, or the status the report reached) into the outbox.

    None when the resident left no address or the moment is not mailed (not every status change is).
    The report's followers get their own mail of the moment (followers.py), whether the resident left an address or not.
    """
    address = report.reporter.email if report.reporter else None
    kind = kind if isinstance(kind, MailKind) else MailKind.for_status(kind)
    mail_followers(session, report, kind, now)
    if not address or kind is None:
        return None
    text = resident_mail_text(session, report, kind, message)
    mail = OutboxMail(
        report_id=report.id, kind=kind, to_address=address, subject=text.subject, body=text.body, created_at=now
    )
    session.add(mail)
    return mail
