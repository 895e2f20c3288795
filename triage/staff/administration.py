"""Administering staff accounts: name, roles, teams, disabling and enabling, each change a numbered version.

Why one module for the screens and the CLI: the checks that protect the product (an administrator cannot take away
their own admin role or disable themselves, the last active administrator stays) hold however a change is made.
Snapshots of an account (for history and undo) hold its name, roles, teams and whether it is active; never a
password hash or an invitation token.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from models import Role, StaffInvitation, StaffRole, StaffUser, Team
from triage.kernel.email_address import is_email_address
from triage.kernel.refusals import DecisionRefused, Problems, SubmissionRejected
from triage.kernel.versions import Subject, expect_version, record_change, register_restorer
from triage.staff.accounts import disable_user, enable_user, find_user, normalise_email, set_roles

MAX_NAME = 120


@dataclass(frozen=True)
class AccountForm:
    """What the administrator typed, as typed, so a refused form is shown again unchanged."""

    name: str
    roles: list[str]
    teams: list[str]
    email: str = ""


def account_snapshot(user: StaffUser) -> dict:
    return {
        "email": user.email,
        "name": user.name,
        "active": user.is_active,
        "roles": sorted(role.value for role in user.roles),
        "teams": sorted(team.slug for team in user.teams),
    }


def staff_accounts(session: Session) -> list[StaffUser]:
    """Every account, active ones first, by name: the list an administrator works from."""
    return list(session.scalars(select(StaffUser).order_by(StaffUser.is_active.desc(), StaffUser.name)))


def staff_account(session: Session, user_id: int) -> StaffUser | None:
    return session.get(StaffUser, user_id)


def check_account(session: Session, form: AccountForm, user: StaffUser | None, actor: str) -> list[Role]:
    """The roles the form asks for; raises SubmissionRejected with every problem, next to its field."""
    problems = Problems()
    _check_name(form.name, problems)
    if user is None:
        _check_new_email(session, form.email, problems)
    roles = _check_roles(form.roles, problems)
    unknown = set(form.teams) - set(session.scalars(select(Team.slug).where(Team.slug.in_(form.teams))))
    if unknown:
        problems.add("teams", "people.teams.unknown")
    if user is not None and Role.ADMIN in user.roles and Role.ADMIN not in roles and roles:
        _check_admin_may_go(session, user, actor, problems, "roles", "people.roles.own_admin")
    if problems:
        raise SubmissionRejected(problems)
    return roles


def _check_name(name: str, problems: Problems) -> None:
    if not name.strip():
        problems.add("name", "people.name.required")
    elif len(name.strip()) > MAX_NAME:
        problems.add("name", "people.name.too_long", max=MAX_NAME)


def _check_new_email(session: Session, email: str, problems: Problems) -> None:
    if not is_email_address(email.strip()):
        problems.add("email", "people.email.invalid")
    elif find_user(session, email):
        problems.add("email", "people.email.taken")


def _check_roles(values: list[str], problems: Problems) -> list[Role]:
    known = {role.value: role for role in Role}
    if not values:
        problems.add("roles", "people.roles.required")
    elif any(value not in known for value in values):
        problems.add("roles", "people.roles.unknown")
    return [known[value] for value in values if value in known]


def _check_admin_may_go(session: Session, user: StaffUser, actor: str, problems: Problems, field: str, own: str):
    """An administrator stays: not taken away by themselves, and never the last active one."""
    if normalise_email(actor) == user.email:
        problems.add(field, own)
    elif user.is_active and active_admins(session) <= 1:
        problems.add(field, "people.refused.last_admin")


def active_admins(session: Session) -> int:
    query = select(StaffUser).join(StaffRole).where(StaffRole.role == Role.ADMIN, StaffUser.is_active.is_(True))
    return len(list(session.scalars(query)))


def change_account(
    session: Session, user: StaffUser, form: AccountForm, actor: str, now: datetime, seen: int | str | None = None
) -> None:
    """Name, roles and teams as the form says; `seen` is the version the form was shown (None: the CLI, no form)."""
    if seen is not None:
        expect_version(session, Subject.STAFF_ACCOUNT, user.id, seen)
    roles = check_account(session, form, user, actor)
    before = account_snapshot(user)
    user.name = form.name.strip()
    set_roles(session, user, roles, list(dict.fromkeys(form.teams)))
    _record(session, user, before, actor, now, "changed")


def disable_account(session: Session, user: StaffUser, actor: str, now: datetime, seen: int | str | None = None):
    """The account can no longer log in and every open session of it ends at its next request."""
    if seen is not None:
        expect_version(session, Subject.STAFF_ACCOUNT, user.id, seen)
    if not user.is_active:
        return
    _refuse_losing_admin(session, user, actor)
    before = account_snapshot(user)
    disable_user(user)
    end_links(session, user, now)
    _record(session, user, before, actor, now, "disabled")


def enable_account(session: Session, user: StaffUser, actor: str, now: datetime, seen: int | str | None = None):
    if seen is not None:
        expect_version(session, Subject.STAFF_ACCOUNT, user.id, seen)
    if user.is_active:
        return
    before = account_snapshot(user)
    enable_user(user)
    _record(session, user, before, actor, now, "enabled")


def join_team(session: Session, user: StaffUser, team: Team, actor: str, now: datetime) -> None:
    """Add one membership. No version check: adding to a set overwrites nobody's work, unlike a whole form."""
    slugs = [t.slug for t in user.teams]
    if team.slug not in slugs:
        _set_teams(session, user, [*slugs, team.slug], actor, now, f"joined {team.slug}")


def leave_team(session: Session, user: StaffUser, team: Team, actor: str, now: datetime) -> None:
    slugs = [t.slug for t in user.teams]
    if team.slug in slugs:
        _set_teams(session, user, [s for s in slugs if s != team.slug], actor, now, f"left {team.slug}")


def _set_teams(session: Session, user: StaffUser, slugs: list[str], actor: str, now: datetime, what: str) -> None:
    before = account_snapshot(user)
    set_roles(session, user, list(user.roles), slugs)
    _record(session, user, before, actor, now, what)


def end_links(session: Session, user: StaffUser, now: datetime) -> None:
    """Every link this person was sent stops working (a new link, or the account is disabled)."""
    unused = (StaffInvitation.user_id == user.id, StaffInvitation.used_at.is_(None))
    session.execute(update(StaffInvitation).where(*unused).values(used_at=now))


def _record(session: Session, user: StaffUser, before: dict | None, actor: str, now: datetime, what: str) -> None:
    session.flush()
    after = account_snapshot(user)
    if before != after:
        record_change(session, Subject.STAFF_ACCOUNT, user.id, before, after, actor, now, f"{user.email} {what}")


def record_new_account(session: Session, user: StaffUser, actor: str, now: datetime) -> None:
    """Version 1 of an account made by an invitation or the CLI; its undo disables it (see restore_account)."""
    _record(session, user, None, actor, now, "created")


def restore_account(session: Session, key: str, snapshot: dict | None, actor: str, now: datetime) -> None:
    """Undo: the account as in `snapshot`. An account is never deleted (reports and the audit trail name it), so
    undoing its creation disables it. The same checks as the screens hold: undo cannot remove the last admin."""
    user = session.get(StaffUser, int(key))
    if user is None:
        raise DecisionRefused("config.undo_unknown")
    if snapshot is None or not snapshot["active"]:
        _refuse_losing_admin(session, user, actor)
        if user.is_active:
            disable_user(user)
        if snapshot is None:
            return
    form = AccountForm(snapshot["name"], snapshot["roles"], snapshot["teams"])
    try:
        roles = check_account(session, form, user, actor)
    except SubmissionRejected as refused:
        raise DecisionRefused(next(iter(refused.problems.values()))[0].code) from refused
    user.name = form.name
    set_roles(session, user, roles, form.teams)
    if snapshot["active"] and not user.is_active:
        enable_user(user)


def _refuse_losing_admin(session: Session, user: StaffUser, actor: str) -> None:
    """Disabling an active administrator: refused for oneself and for the last one."""
    if Role.ADMIN in user.roles and user.is_active:
        problems = Problems()
        _check_admin_may_go(session, user, actor, problems, "account", "people.refused.disable_self")
        if problems:
            raise DecisionRefused(problems["account"][0].code)


register_restorer(Subject.STAFF_ACCOUNT, restore_account)
