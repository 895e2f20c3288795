"""Staff accounts: creation, roles, teams, and checking a password without telling who exists."""

from __future__ import annotations

from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Role, StaffRole, StaffTeam, StaffUser, Team

_hasher = PasswordHasher()
_DUMMY_HASH = _hasher.hash("not a real password")  # verify against this when the e-mail is unknown
MIN_PASSWORD_LENGTH = 12


class StaffError(ValueError):
    pass


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user(session: Session, email: str) -> StaffUser | None:
    return session.scalar(select(StaffUser).where(StaffUser.email == normalise_email(email)))


def active_user(session: Session, user_id: int) -> StaffUser | None:
    """The account a login session belongs to, while it is active: a deactivated account is logged out at once."""
    user = session.get(StaffUser, user_id)
    return user if user and user.is_active else None


def create_user(
    session: Session, email: str, name: str, password: str, roles: list[Role], team_slugs: list[str], now: datetime
) -> StaffUser:
    if find_user(session, email):
        raise StaffError(f"a staff account for {normalise_email(email)} already exists")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise StaffError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")
    user = StaffUser(email=normalise_email(email), name=name, password_hash=_hasher.hash(password), created_at=now)
    session.add(user)
    set_roles(session, user, roles, team_slugs)
    session.flush()
    return user


def set_roles(session: Session, user: StaffUser, roles: list[Role], team_slugs: list[str]) -> None:
    teams = list(session.scalars(select(Team).where(Team.slug.in_(team_slugs))))
    unknown = set(team_slugs) - {team.slug for team in teams}
    if unknown:
        raise StaffError(f"unknown team(s): {', '.join(sorted(unknown))}")
    user.role_rows = [StaffRole(role=role) for role in dict.fromkeys(roles)]
    user.team_rows = [StaffTeam(team=team) for team in teams]


def authenticate(session: Session, email: str, password: str) -> StaffUser | None:
    """The active user with this e-mail and password, else None; takes as long either way."""
    user = find_user(session, email)
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.is_active:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user
