"""Teams as administrators keep them: name, kind and the queue a queue team works; each change a numbered version.

A team's slug is made once from its first name and never changes: the data folder, the CLI (`--team`) and
categories point at it, so a rename only changes what people read. Members are a matter of the accounts
(triage.staff.administration), so each membership change is in the history of the person it concerns.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Category, Queue, StaffTeam, StaffUser, Team, TeamKind
from triage.kernel.refusals import DecisionRefused, Problems, SubmissionRejected
from triage.kernel.versions import Subject, expect_version, record_change, register_restorer

MAX_TEAM_NAME = 120


@dataclass(frozen=True)
class TeamForm:
    """What the administrator typed, as typed."""

    name: str
    kind: str
    queue: str = ""


@dataclass(frozen=True)
class TeamLine:
    team: Team
    members: int


def team_snapshot(team: Team) -> dict:
    return {
        "slug": team.slug,
        "name": team.name,
        "kind": team.kind.value,
        "queue": team.queue.value if team.queue else None,
    }


def teams_overview(session: Session) -> list[TeamLine]:
    """Every team by name, with how many active people are in it."""
    members = (
        select(StaffTeam.team_id, func.count().label("n"))
        .join(StaffUser, StaffUser.id == StaffTeam.user_id)
        .where(StaffUser.is_active.is_(True))
        .group_by(StaffTeam.team_id)
        .subquery()
    )
    query = select(Team, func.coalesce(members.c.n, 0)).outerjoin(members, members.c.team_id == Team.id)
    return [TeamLine(team, count) for team, count in session.execute(query.order_by(Team.name))]


def all_teams(session: Session) -> list[Team]:
    return list(session.scalars(select(Team).order_by(Team.name)))


def team_by_id(session: Session, team_id: int) -> Team | None:
    return session.get(Team, team_id)


def team_members(session: Session, team: Team) -> list[StaffUser]:
    query = select(StaffUser).join(StaffTeam).where(StaffTeam.team_id == team.id).order_by(StaffUser.name)
    return list(session.scalars(query))


def check_team(session: Session, form: TeamForm, team: Team | None) -> tuple[TeamKind, Queue | None]:
    """The kind and queue the form asks for; raises SubmissionRejected with every problem next to its field."""
    problems = Problems()
    name = form.name.strip()
    if not name:
        problems.add("name", "teams.name.required")
    elif len(name) > MAX_TEAM_NAME:
        problems.add("name", "teams.name.too_long", max=MAX_TEAM_NAME)
    elif _name_taken(session, name, team):
        problems.add("name", "teams.name.taken")
    kind = next((k for k in TeamKind if k.value == form.kind), None)
    if kind is None:
        problems.add("kind", "teams.kind.unknown")
    queue = _check_queue(form.queue, kind, problems)
    if problems:
        raise SubmissionRejected(problems)
    return kind, queue


def _name_taken(session: Session, name: str, team: Team | None) -> bool:
    query = select(Team.id).where(func.lower(Team.name) == name.lower())
    if team is not None:
        query = query.where(Team.id != team.id)
    return session.scalar(query) is not None


def _check_queue(value: str, kind: TeamKind | None, problems: Problems) -> Queue | None:
    """A queue team works exactly one queue; other kinds work none (their work is not a queue)."""
    queue = next((q for q in Queue if q.value == value), None)
    if value and queue is None:
        problems.add("queue", "teams.queue.unknown")
    elif kind is TeamKind.QUEUE and queue is None:
        problems.add("queue", "teams.queue.required")
    elif kind is not None and kind is not TeamKind.QUEUE and queue is not None:
        problems.add("queue", "teams.queue.not_for_kind")
    return queue


def create_team(session: Session, form: TeamForm, actor: str, now: datetime) -> Team:
    kind, queue = check_team(session, form, None)
    team = Team(slug=_free_slug(session, form.name), name=form.name.strip(), kind=kind, queue=queue)
    session.add(team)
    session.flush()
    record_change(session, Subject.TEAM, team.id, None, team_snapshot(team), actor, now, f"{team.name} created")
    return team


def change_team(session: Session, team: Team, form: TeamForm, actor: str, now: datetime, seen: int | str | None):
    """Rename a team or change its kind and queue; refused when someone saved it since the form was opened."""
    expect_version(session, Subject.TEAM, team.id, seen)
    kind, queue = check_team(session, form, team)
    before = team_snapshot(team)
    team.name, team.kind, team.queue = form.name.strip(), kind, queue
    session.flush()
    after = team_snapshot(team)
    if after != before:
        record_change(session, Subject.TEAM, team.id, before, after, actor, now, f"{before['name']} changed")


def _free_slug(session: Session, name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:50] or "nieuw"
    base = words if words.startswith("team-") else f"team-{words}"  # like the shipped slugs: team-eenvoudig
    taken = set(session.scalars(select(Team.slug).where(Team.slug.like(f"{base}%"))))
    return next(slug for n in range(1, len(taken) + 2) if (slug := base if n == 1 else f"{base}-{n}") not in taken)


def restore_team(session: Session, key: str, snapshot: dict | None, actor: str, now: datetime) -> None:
    """Undo: the team as in `snapshot`; undoing its creation removes it, but only while nothing points at it."""
    team = session.get(Team, int(key))
    if team is None:
        raise DecisionRefused("config.undo_unknown")
    if snapshot is None:
        _remove_unused(session, team)
        return
    team.name, team.kind = snapshot["name"], TeamKind(snapshot["kind"])
    team.queue = Queue(snapshot["queue"]) if snapshot["queue"] else None


def _remove_unused(session: Session, team: Team) -> None:
    in_use = session.scalar(select(func.count()).select_from(StaffTeam).where(StaffTeam.team_id == team.id))
    in_use = in_use or session.scalar(select(func.count()).select_from(Category).where(Category.team_id == team.id))
    if in_use:
        raise DecisionRefused("teams.undo_in_use")
    session.delete(team)
    session.flush()


register_restorer(Subject.TEAM, restore_team)
