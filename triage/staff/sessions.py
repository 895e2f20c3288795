"""When a staff member's login session ends: at log-out, when the account is disabled or its roles change (the
account's session version moves on), and after idle and absolute time-outs. Plain values in, so the web layer
keeps the cookie and this module keeps the rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from models import StaffUser
from triage.staff.accounts import active_user


@dataclass(frozen=True)
class SessionLimits:
    """How long a session may rest unused (idle) and how long it may last at all (absolute)."""

    idle: timedelta
    absolute: timedelta


@dataclass(frozen=True)
class StaffSession:
    """What a login session remembers of itself: whose it is, the account's version then, when it began and was
    last used."""

    user_id: int
    version: int
    began_at: datetime
    seen_at: datetime

    @classmethod
    def begin(cls, user: StaffUser, now: datetime) -> StaffSession:
        return cls(user.id, user.session_version, now, now)

    def seen(self, now: datetime) -> StaffSession:
        return StaffSession(self.user_id, self.version, self.began_at, now)

    def has_expired(self, limits: SessionLimits, now: datetime) -> bool:
        return now - self.seen_at > limits.idle or now - self.began_at > limits.absolute


def session_user(
    session: Session, staff_session: StaffSession, limits: SessionLimits, now: datetime
) -> StaffUser | None:
    """The account this session still belongs to, or None when the session has ended."""
    if staff_session.has_expired(limits, now):
        return None
    user = active_user(session, staff_session.user_id)
    return user if user is not None and user.session_version == staff_session.version else None
