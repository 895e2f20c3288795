"""Mail to the followers of a report: the confirmation of their address, then the report's big moments.

A follower is someone else than the resident who reported, so their mail carries only what the public lookup
shows (the status and the rough place) and never the status page's secret link, the team's message to the
resident or a reply form. Every follower mail carries the link to stop following.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from geo.addresses import readable
from models import Follower, OutboxMail, Report
from triage.notifications.composing import mail_text
from triage.notifications.kinds import MailKind
from triage.notifications.links import follow_confirm_link, stop_following_link, track_link

# The resident's mails a follower hears of too, and the word the follower's template chooses by.
FOLLOWED_UPDATES = {
    MailKind.TRIAGED: "triaged",
    MailKind.DONE: "done",
    MailKind.CANCELLED: "cancelled",
    MailKind.REOPENED: "reopened",
}


def rough_place(report: Report) -> str:
    """Buurt and wijk only: the street address and the resident's own words about the place are theirs."""
    return readable(None, report.buurt, report.wijk, "").line


def active_followers(session: Session, report: Report) -> list[Follower]:
    query = select(Follower).where(
        Follower.report_id == report.id,
        Follower.confirmed_at.is_not(None),
        Follower.stopped_at.is_(None),
        Follower.email.is_not(None),
    )
    return list(session.scalars(query.order_by(Follower.id)))


def mail_followers(session: Session, report: Report, kind: MailKind | None, now: datetime) -> list[OutboxMail]:
    """One mail per confirmed follower when the report reaches a moment they hear of; none for the others."""
    update = FOLLOWED_UPDATES.get(kind) if kind else None
    if update is None:
        return []
    return [
        _write(session, report, follower, MailKind.FOLLOWER_UPDATE, now, update=update)
        for follower in active_followers(session, report)
    ]


def mail_follow_confirmation(session: Session, follower: Follower, now: datetime) -> OutboxMail:
    """The one mail to an address not yet confirmed: the link that proves the address is theirs."""
    return _write(session, follower.report, follower, MailKind.FOLLOW_CONFIRM, now)


def _write(session: Session, report: Report, follower: Follower, kind: MailKind, now: datetime, **extra) -> OutboxMail:
    values = {
        "code": report.tracking_code,
        "location": rough_place(report),
        "track_link": track_link(report),
        "confirm_link": follow_confirm_link(follower.token),
        "stop_link": stop_following_link(follower.token),
        **extra,
    }
    text = mail_text(session, kind, lambda _language: values)
    mail = OutboxMail(
        report_id=report.id,
        kind=kind,
        to_address=follower.email,
        subject=text.subject,
        body=text.body,
        created_at=now,
    )
    session.add(mail)
    return mail
