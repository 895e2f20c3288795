"""Staff accounts: creating them, their roles and teams, checking a password without telling who exists, and
when a login session ends."""

from triage.staff.accounts import (
    active_user,
    authenticate,
    disable_user,
    end_sessions,
    normalise_email,
    set_roles,
)
from triage.staff.sessions import SessionLimits, StaffSession, session_user

__all__ = [
    "SessionLimits",
    "StaffSession",
    "active_user",
    "authenticate",
    "disable_user",
    "end_sessions",
    "normalise_email",
    "session_user",
    "set_roles",
]
