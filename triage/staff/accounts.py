"""Staff accounts: creation, roles, teams, and checking a password without telling who exists."""

from __future__ import annotations

from datetime import datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.profiles import RFC_9106_LOW_MEMORY
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from models import Role, StaffRole, StaffTeam, StaffUser, Team

# RFC 9106's second recommendation (argon2id, 3 passes, 64 MiB): about 0.1 s a hash. A hash made with other
# parameters still verifies, and is made again with these at its next log-in (check_needs_rehash).
PASSWORD_PARAMETERS = RFC_9106_LOW_MEMORY
_hasher = PasswordHasher.from_parameters(PASSWORD_PARAMETERS)
_DUMMY_HASH = _hasher.hash("not a real password")  # verify against this when the e-mail is unknown
MIN_PASSWORD_LENGTH = 12
# What an invited account carries until its person sets a password: no argon2 hash, so no password matches it.
NO_PASSWORD = "!invited"


class StaffError(ValueError):
    pass


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user(session: Session, email: str) -> StaffUser | None:
    return session.scalar(select(StaffUser).where(StaffUser.email == normalise_email(email)))


ACCOUNT_WITH_ROLES_AND_TEAMS = (
    joinedload(StaffUser.role_rows),
    joinedload(StaffUser.team_rows).joinedload(StaffTeam.team),
)


def active_user(session: Session, user_id: int) -> StaffUser | None:
    """The account a login session belongs to, while it is active: a deactivated account is logged out at once.
    Read with its roles and teams in one statement, since every staff request asks for them (three before)."""
    user = session.get(StaffUser, user_id, options=ACCOUNT_WITH_ROLES_AND_TEAMS)
    return user if user and user.is_active else None


def create_user(
    session: Session,
    email: str,
    name: str,
    password: str | None,
    roles: list[Role],
    team_slugs: list[str],
    now: datetime,
) -> StaffUser:
    if find_user(session, email):
        raise StaffError(f"a staff account for {normalise_email(email)} already exists")
    if password is not None and not password_is_long_enough(password):
        raise StaffError(f"the password needs at least {MIN_PASSWORD_LENGTH} characters")
    password_hash = _hasher.hash(password) if password is not None else NO_PASSWORD
    user = StaffUser(
        email=normalise_email(email), name=name, password_hash=password_hash, created_at=now, session_version=1
    )
    session.add(user)
    _assign_roles(session, user, roles, team_slugs)
    session.flush()
    return user


def set_roles(session: Session, user: StaffUser, roles: list[Role], team_slugs: list[str]) -> None:
    """New roles and teams; a change ends the account's login sessions, so nobody keeps a right they lost."""
    before = _rights(user)
    _assign_roles(session, user, roles, team_slugs)
    if _rights(user) != before:
        end_sessions(user)


def disable_user(user: StaffUser) -> None:
    """The account can no longer log in, and its open sessions end at their next request."""
    user.is_active = False
    end_sessions(user)


def enable_user(user: StaffUser) -> None:
    """The account may log in again with the password it had (an undo of a disable, or a return from leave)."""
    user.is_active = True


def password_is_long_enough(password: str) -> bool:
    """The one password rule of the CLI, the log-in and the invitation link; length is what protects a passphrase."""
    return len(password) >= MIN_PASSWORD_LENGTH


def set_password(user: StaffUser, password: str) -> None:
    """A new password, checked by the caller; every session that began with the old one ends."""
    user.password_hash = _hasher.hash(password)
    end_sessions(user)


def has_password(user: StaffUser) -> bool:
    """False while an invited person has not yet set a password through their link."""
    return user.password_hash != NO_PASSWORD


def end_sessions(user: StaffUser) -> None:
    """End every login session of this account at its next request, wherever it is open (log-out everywhere)."""
    user.session_version += 1


def _rights(user: StaffUser) -> tuple[set[Role], set[str]]:
    return user.roles, {team.slug for team in user.teams}


def _assign_roles(session: Session, user: StaffUser, roles: list[Role], team_slugs: list[str]) -> None:
    teams = list(session.scalars(select(Team).where(Team.slug.in_(team_slugs))))
    unknown = set(team_slugs) - {team.slug for team in teams}
    if unknown:
        raise StaffError(f"unknown team(s): {', '.join(sorted(unknown))}")
    # Rows that stay are kept: a removed row and its new twin would meet in the unique constraint at flush.
    kept_roles = {row.role: row for row in user.role_rows}
    user.role_rows = [kept_roles.get(role) or StaffRole(role=role) for role in dict.fromkeys(roles)]
    kept_teams = {row.team.slug: row for row in user.team_rows}
    user.team_rows = [kept_teams.get(team.slug) or StaffTeam(team=team) for team in teams]


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
