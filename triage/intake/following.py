"""Following someone else's report instead of reporting the same thing again, and the officers' duplicates.

A resident who finds their problem already reported gives an e-mail address; it counts only once they open the
link mailed to it, so nobody can make another person follow a report. A duplicate's resident left their address
for mail about the same problem, so an officer's duplicate decision makes them a follower of the original at once.
Addresses are personal data: the retention run erases them (privacy.py) as it erases a reporter's.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Follower, Report
from triage.kernel.audit import AuditAction, record
from triage.kernel.email_address import is_email_address
from triage.kernel.refusals import DecisionRefused, Problems, SubmissionRejected
from triage.notifications.followers import mail_follow_confirmation

FOLLOWER_ACTOR = "system:follower"


@dataclass(frozen=True)
class Interest:
    """How many people care about a report: who reported it (the original and its duplicates) and who follow it."""

    reported: int
    following: int


def follower_by_token(session: Session, token: str) -> Follower | None:
    if not token or len(token) > 64:
        return None
    follower = session.scalar(select(Follower).where(Follower.token == token))
    return follower if follower is not None and follower.email else None


def start_following(session: Session, report: Report, typed_email: str, language: str, now: datetime) -> Follower:
    """Ask to follow: an unknown or stopped address gets the confirmation mail; one that follows already gets none."""
    email = _checked_email(typed_email)
    if not report.status.is_open:
        raise DecisionRefused("follow.report_closed")
    follower = _follower_of(session, report, email)
    if follower is not None and follower.is_active:
        return follower
    if follower is None:
        follower = Follower(report=report, email=email, source="resident", created_at=now)
        session.add(follower)
    follower.token, follower.language = secrets.token_urlsafe(32), language
    follower.confirmed_at = follower.stopped_at = None
    session.flush()
    mail_follow_confirmation(session, follower, now)
    return follower


def _checked_email(typed: str) -> str:
    email = (typed or "").strip()
    problems = Problems()
    if not email:
        problems.add("email", "follow.email_required")
    elif not is_email_address(email):
        problems.add("email", "email.invalid")
    if problems:
        raise SubmissionRejected(problems)
    return email


def _follower_of(session: Session, report: Report, email: str) -> Follower | None:
    query = select(Follower).where(Follower.report_id == report.id, func.lower(Follower.email) == email.lower())
    return session.scalar(query)


def confirm_following(session: Session, follower: Follower, now: datetime) -> None:
    """The address is theirs: from now on the follower gets the report's mail. Confirming twice changes nothing."""
    if follower.confirmed_at is None and follower.stopped_at is None:
        follower.confirmed_at = now
        record(session, follower.report, AuditAction.FOLLOWER_CONFIRMED, FOLLOWER_ACTOR, now)
        session.flush()


def stop_following(session: Session, follower: Follower, now: datetime) -> None:
    if follower.stopped_at is None:
        follower.stopped_at = now
        record(session, follower.report, AuditAction.FOLLOWER_STOPPED, FOLLOWER_ACTOR, now)
        session.flush()


def follow_original(session: Session, duplicate: Report, original: Report, actor: str, now: datetime) -> None:
    """An officer's duplicate: its resident (with an address) and its followers follow the original from now on."""
    moved = [*_reporter_follows(session, duplicate, original, now), *_move_followers(session, duplicate, original)]
    if moved:
        record(
            session,
            original,
            AuditAction.FOLLOWER_ADDED,
            actor,
            now,
            count=len(moved),
            duplicate=duplicate.tracking_code,
        )
    session.flush()


def _reporter_follows(session: Session, duplicate: Report, original: Report, now: datetime) -> list[Follower]:
    email = duplicate.reporter.email if duplicate.reporter else None
    if not email:
        return []
    follower = _follower_of(session, original, email)
    if follower is None:
        follower = Follower(report=original, email=email, source="duplicate", created_at=now)
        follower.token = secrets.token_urlsafe(32)
        session.add(follower)
    follower.language, follower.stopped_at = duplicate.language, None
    follower.confirmed_at = follower.confirmed_at or now  # the resident gave this address for this problem
    return [follower]


def _move_followers(session: Session, duplicate: Report, original: Report) -> list[Follower]:
    """The duplicate's own followers move on; one who already follows the original keeps that one row."""
    moved = []
    for follower in session.scalars(select(Follower).where(Follower.report_id == duplicate.id)):
        if follower.email and _follower_of(session, original, follower.email) is None:
            follower.report = original
            moved.append(follower)
    return moved


def report_interest(session: Session, report: Report) -> Interest:
    duplicates = select(func.count()).select_from(Report).where(Report.duplicate_of_id == report.id)
    following = (
        select(func.count())
        .select_from(Follower)
        .where(
            Follower.report_id == report.id,
            Follower.source == "resident",
            Follower.confirmed_at.is_not(None),
            Follower.stopped_at.is_(None),
            Follower.email.is_not(None),
        )
    )
    return Interest(reported=1 + int(session.scalar(duplicates) or 0), following=int(session.scalar(following) or 0))
