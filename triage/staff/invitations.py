"""Inviting a person: an account without a password and a link that lets them set one, once, before it expires.

Why a link and not a password the administrator chooses: nobody but the person ever knows their password. The
token is random (secrets), only its SHA-256 is stored, it works once and expires (INVITATION_HOURS); a new link
for the same person ends the old one. The mail with the link is written by triage.notifications (mail_invitation).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from hashlib import sha256

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import StaffInvitation, StaffUser
from triage.kernel.refusals import DecisionRefused, Problems, SubmissionRejected
from triage.staff.accounts import MIN_PASSWORD_LENGTH, create_user, password_is_long_enough, set_password
from triage.staff.administration import AccountForm, check_account, end_links, record_new_account

DEFAULT_INVITATION_HOURS = 72  # INVITATION_HOURS: long enough for a weekend, short enough that a lost mail expires


@dataclass(frozen=True)
class Invitation:
    """The link's token exists only here, on its way into the mail."""

    user: StaffUser
    token: str
    expires_at: datetime


def _hash(token: str) -> str:
    return sha256(token.encode()).hexdigest()


def invite(session: Session, form: AccountForm, actor: str, now: datetime, valid_for: timedelta) -> Invitation:
    """A new account with the form's name, roles and teams, and its first link; refused input changes nothing."""
    roles = check_account(session, form, None, actor)
    user = create_user(session, form.email, form.name.strip(), None, roles, list(dict.fromkeys(form.teams)), now)
    record_new_account(session, user, actor, now)
    return new_link(session, user, actor, now, valid_for)


def new_link(session: Session, user: StaffUser, actor: str, now: datetime, valid_for: timedelta) -> Invitation:
    """A fresh link for this person (the old one expired or got lost); every earlier link stops working."""
    if not user.is_active:
        raise DecisionRefused("people.refused.link_for_disabled")
    end_links(session, user, now)
    token = secrets.token_urlsafe(32)
    row = StaffInvitation(
        user=user, token_hash=_hash(token), created_by=actor, created_at=now, expires_at=now + valid_for
    )
    session.add(row)
    session.flush()
    return Invitation(user, token, row.expires_at)


def open_link(session: Session, token: str, now: datetime) -> StaffInvitation | None:
    """The invitation behind a link while it may still be used: not used, not expired, its account active."""
    row = session.scalar(select(StaffInvitation).where(StaffInvitation.token_hash == _hash(token)))
    if row is None or row.used_at is not None or row.expires_at <= now or not row.user.is_active:
        return None
    return row


def accept(session: Session, token: str, password: str, repeated: str, now: datetime) -> StaffUser:
    """Set the person's password through their link, which then no longer works.

    DecisionRefused when the link is unknown, used or expired; SubmissionRejected (next to the field) for a
    password the log-in rules refuse. Nothing changes when either is raised.
    """
    row = open_link(session, token, now)
    if row is None:
        raise DecisionRefused("invitation.invalid")
    problems = Problems()
    if not password_is_long_enough(password):
        problems.add("password", "invitation.password.too_short", min=MIN_PASSWORD_LENGTH)
    elif password != repeated:
        problems.add("repeated", "invitation.password.mismatch")
    if problems:
        raise SubmissionRejected(problems)
    set_password(row.user, password)
    row.used_at = now
    session.flush()
    return row.user


def open_links(session: Session, users: list[StaffUser], now: datetime) -> dict[int, datetime]:
    """For each account with a link that still works: until when, so the list shows who still has to set up."""
    ids = [user.id for user in users]
    query = select(StaffInvitation).where(
        StaffInvitation.user_id.in_(ids), StaffInvitation.used_at.is_(None), StaffInvitation.expires_at > now
    )
    return {row.user_id: row.expires_at for row in session.scalars(query)}
