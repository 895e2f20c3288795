"""Staff accounts: creating them, their roles and teams, and checking a password without telling who exists."""

from triage.staff.accounts import active_user, authenticate

__all__ = [
    "active_user",
    "authenticate",
]
