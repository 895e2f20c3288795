"""'My reports' without an account: a resident types their e-mail address and gets a link by mail that opens, once
and for a short time, every report made with that address in the last twelve months, with its status and the
teams' messages, and their data to take with them.

The answer to "send me the link" is the same whether or not we know the address (only a known one gets mail), so
the form tells nobody whose address is in our files. Only a digest of the link is stored: the outbox holds the
one copy, until it is sent.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, selectinload

from geo.addresses import readable_location
from models import Report, Reporter, ReportMessage, ResidentLink
from triage.intake.lookup import resident_messages
from triage.kernel.audit import AuditAction, record
from triage.kernel.email_address import is_email_address
from triage.kernel.refusals import Problems, SubmissionRejected
from triage.notifications.access_mail import mail_my_reports_link

OVERVIEW_DAYS = 365  # "the last twelve months"
KEEP_OLD_LINKS = timedelta(days=1)  # used or expired links are deleted a day later: they open nothing any more


@dataclass(frozen=True)
class MyReport:
    report: Report
    messages: list[ReportMessage]


def checked_address(typed: str) -> str:
    """The address as typed, or a refusal beside the field: the only answer that can differ from the next."""
    address = typed.strip()
    problems = Problems()
    if not address:
        problems.add("email", "my_reports.email_required")
    elif not is_email_address(address):
        problems.add("email", "email.invalid")
    if problems:
        raise SubmissionRejected(problems)
    return address


def request_link(session: Session, typed: str, now: datetime, minutes: int) -> bool:
    """Write the link mail when the address made a report in the last twelve months; True when it did.

    The caller shows the same page either way; the result is for the tests and the log, never for the resident."""
    address = checked_address(typed)
    session.execute(delete(ResidentLink).where(ResidentLink.expires_at < now - KEEP_OLD_LINKS))
    if not reports_of(session, address, now):
        return False
    token = secrets.token_urlsafe(32)
    session.add(
        ResidentLink(
            token_digest=_digest(token),
            email=address.lower(),
            created_at=now,
            expires_at=now + timedelta(minutes=minutes),
        )
    )
    mail_my_reports_link(session, address, token, minutes, now)
    session.flush()
    return True


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def usable_link(session: Session, token: str, now: datetime) -> ResidentLink | None:
    """The link, while it is unused and not expired; None for anything else (unknown, used, expired)."""
    if not token or len(token) > 64:
        return None
    link = session.scalar(select(ResidentLink).where(ResidentLink.token_digest == _digest(token)))
    if link is None or link.used_at is not None or link.expires_at <= now:
        return None
    return link


def use_link(session: Session, token: str, now: datetime) -> int | None:
    """Spend the link: from now on it opens nothing; returns its id, which the resident's browser keeps for the
    visit (never the address). None when the link cannot be used (any more)."""
    link = usable_link(session, token, now)
    if link is None:
        return None
    link.used_at = now
    session.flush()
    return link.id


def address_of_visit(session: Session, link_id: object, now: datetime, minutes: int) -> str | None:
    """The address whose reports this visit may see: only for `minutes` after the link was opened."""
    if not isinstance(link_id, int):
        return None
    link = session.get(ResidentLink, link_id)
    if link is None or link.used_at is None or link.used_at + timedelta(minutes=minutes) <= now:
        return None
    return link.email


def reports_of(session: Session, address: str, now: datetime, days: int | None = OVERVIEW_DAYS) -> list[Report]:
    """Reports made with this address (any case), newest first; within `days` unless None. Erased ones are not."""
    query = (
        select(Report)
        .join(Reporter, Report.reporter_id == Reporter.id)
        .where(func.lower(Reporter.email) == address.strip().lower(), Reporter.anonymised_at.is_(None))
        .options(selectinload(Report.category), selectinload(Report.buurt), selectinload(Report.wijk))
        .order_by(Report.created_at.desc(), Report.id.desc())
    )
    if days is not None:
        query = query.where(Report.created_at >= now - timedelta(days=days))
    return list(session.scalars(query))


def overview_of(session: Session, address: str, now: datetime) -> list[MyReport]:
    return [MyReport(report, resident_messages(session, report)) for report in reports_of(session, address, now)]


def record_shown(session: Session, reports: list[MyReport], how: str, now: datetime) -> None:
    """Each report's trail says when its resident looked at their data, and how ("overview", "json", "page")."""
    for item in reports:
        record(session, item.report, AuditAction.RESIDENT_DATA_SHOWN, "resident", now, how=how)
    session.flush()


def data_export(reports: list[MyReport], address: str, now: datetime) -> dict:
    """Everything we keep about the resident's reports, as plain values: what a data request gets."""
    return {
        "email": address,
        "exported_at": now.isoformat(),
        "reports": [_exported(item) for item in reports],
    }


def _exported(item: MyReport) -> dict:
    report, reporter = item.report, item.report.reporter
    return {
        "tracking_code": report.tracking_code,
        "created_at": report.created_at.isoformat(),
        "channel": report.channel.value,
        "status": report.status.value,
        "category": report.category.name if report.category else None,
        "description": report.description,
        "place": readable_location(report).line,
        "location_text": report.location_text,
        "photos": len(report.attachments),
        "contact": {
            "email": reporter.email,
            "phone": reporter.phone,
            "consent_at": reporter.consent_at.isoformat() if reporter.consent_at else None,
            "consent_channel": reporter.consent_channel or report.channel.value,
        },
        "messages": [{"at": message.at.isoformat(), "text": message.text} for message in item.messages],
    }
