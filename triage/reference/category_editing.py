"""Administrators edit the category tree in the screens: names (nl, en), the text residents see, active, public,
service norm, default queue and owning team. Every save is a version (triage.kernel.versions) with before and after.

Nothing caches the tree: the resident pages, the officer's and team's lists, Open311's services and the routing all
read the categories from the database per request, so a saved change applies to the next report without a restart.
A category the classifier never learnt is simply never proposed; one it learnt that is now inactive is not proposed
either (triage/proposals/pipeline.py `category_for`).

Categories are never deleted once used (reports keep theirs): retiring is setting them inactive.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import exists, select
from sqlalchemy.orm import Session, selectinload

from models import Category, Proposal, Queue, Report, RoutingRule, Team
from triage.kernel.refusals import DecisionRefused, Problems, SubmissionRejected
from triage.kernel.versions import Subject, expect_version, record_change, register_restorer
from triage.reference.routing import category_path

NORM_DAYS = range(1, 366)  # a norm of 0 days or of 1,000 is a typing error, not a promise to residents


@dataclass(frozen=True)
class CategoryFields:
    """The form as typed: strings and ticks, checked by `check_category` before anything is changed."""

    name: str = ""
    name_en: str = ""
    description: str = ""
    description_en: str = ""
    service_norm_days: str = ""
    calendar_days: bool = False
    default_queue: str = ""
    team: str = ""  # team slug, "" for none
    is_active: bool = True
    is_public: bool = False

    @classmethod
    def of(cls, category: Category) -> CategoryFields:
        return cls.from_snapshot(snapshot(category))

    @classmethod
    def from_snapshot(cls, values: dict) -> CategoryFields:
        known = {f.name for f in fields(cls)}
        typed = {name: value for name, value in values.items() if name in known}
        return cls(**{**typed, "service_norm_days": str(values.get("service_norm_days") or "")})

    @classmethod
    def from_form(cls, form) -> CategoryFields:
        text = {f.name: (form.get(f.name) or "").strip() for f in fields(cls) if f.type == "str"}
        ticks = {name: form.get(name) == "on" for name in ("is_active", "is_public")}
        return cls(**text, **ticks, calendar_days=form.get("norm_unit") == "calendar")


def category_tree_for_admin(session: Session) -> list[Category]:
    """Every main category with every sub category, active or not, by name: what the administrator manages."""
    query = select(Category).where(Category.parent_id.is_(None)).options(selectinload(Category.children))
    return list(session.scalars(query.order_by(Category.name)))


def all_teams(session: Session) -> list[Team]:
    return list(session.scalars(select(Team).order_by(Team.name)))


def snapshot(category: Category) -> dict:
    """The category as the history shows it and undo puts it back: plain values, the team and main by slug."""
    return {
        "name": category.name,
        "name_en": category.name_en,
        "description": category.description,
        "description_en": category.description_en,
        "service_norm_days": category.service_norm_days,
        "calendar_days": category.calendar_days,
        "default_queue": category.default_queue.value if category.default_queue else "",
        "team": category.team.slug if category.team else "",
        "team_name": category.team.name if category.team else "",
        "is_active": category.is_active,
        "is_public": category.is_public,
    }


def check_category(
    session: Session, typed: CategoryFields, parent: Category | None, editing: Category | None = None
) -> Problems:
    problems = Problems()
    for name in ("name", "name_en"):
        if not getattr(typed, name):
            problems.add(name, "admin.category.name_missing")
        elif len(getattr(typed, name)) > 120:
            problems.add(name, "admin.category.name_too_long")
    if typed.name and editing is None and _slug_taken(session, parent, slugify(typed.name)):
        problems.add("name", "admin.category.name_taken")
    _check_norm(problems, typed.service_norm_days)
    if typed.default_queue and typed.default_queue not in {q.value for q in Queue}:
        problems.add("default_queue", "admin.category.queue_unknown")
    if typed.team and _team(session, typed.team) is None:
        problems.add("team", "admin.category.team_unknown")
    return problems


def _check_norm(problems: Problems, days: str) -> None:
    if not days:
        return
    if not days.isdigit() or int(days) not in NORM_DAYS:
        problems.add("service_norm_days", "admin.category.norm_range", low=NORM_DAYS[0], high=NORM_DAYS[-1])


def slugify(name: str) -> str:
    """A slug as the shipped data has them: lower case, no accents, words joined by hyphens (never "_", the
    separator of service codes)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:80] or "categorie"


def _slug_taken(session: Session, parent: Category | None, slug: str) -> bool:
    parent_match = Category.parent_id.is_(None) if parent is None else Category.parent_id == parent.id
    return session.scalar(select(exists().where(Category.slug == slug, parent_match))) or False


def _team(session: Session, slug: str) -> Team | None:
    return session.scalar(select(Team).where(Team.slug == slug)) if slug else None


def create_category(
    session: Session, typed: CategoryFields, parent: Category | None, actor: str, now: datetime
) -> Category:
    """A new main category (parent None) or sub category; refused with the problems per field, nothing added."""
    problems = check_category(session, typed, parent)
    if problems:
        raise SubmissionRejected(problems)
    category = Category(slug=slugify(typed.name), parent_id=parent.id if parent else None)
    session.add(category)
    _apply(session, category, typed)
    session.flush()
    record_change(session, Subject.CATEGORY, category.id, None, snapshot(category), actor, now, category_path(category))
    return category


def update_category(
    session: Session, category: Category, typed: CategoryFields, seen_version: str | None, actor: str, now: datetime
) -> None:
    """Save the form over the category; EditConflict when someone saved since the form was opened."""
    expect_version(session, Subject.CATEGORY, category.id, seen_version)
    problems = check_category(session, typed, category.parent, editing=category)
    if problems:
        raise SubmissionRejected(problems)
    before = snapshot(category)
    _apply(session, category, typed)
    session.flush()
    after = snapshot(category)
    if after != before:
        record_change(session, Subject.CATEGORY, category.id, before, after, actor, now, category_path(category))


def norm_changes(category: Category, typed: CategoryFields) -> bool:
    """Whether the save changes the norm reports in a queue run on (then the administrator may recompute)."""
    days = int(typed.service_norm_days) if typed.service_norm_days else None
    return (days, typed.calendar_days) != (category.service_norm_days, category.calendar_days)


def _apply(session: Session, category: Category, typed: CategoryFields) -> None:
    category.name, category.name_en = typed.name, typed.name_en
    category.description, category.description_en = typed.description, typed.description_en
    category.service_norm_days = int(typed.service_norm_days) if typed.service_norm_days else None
    category.calendar_days = typed.calendar_days
    category.default_queue = Queue(typed.default_queue) if typed.default_queue else None
    category.team = _team(session, typed.team)
    category.is_active, category.is_public = typed.is_active, typed.is_public


def _restore(session: Session, key: str, before: dict | None, actor: str, now: datetime) -> None:
    """Undo for categories: put the fields back; undoing a creation removes the category only while unused."""
    category = session.get(Category, int(key))
    if category is None:
        raise DecisionRefused("config.undo_unknown")
    if before is None:
        if _in_use(session, category):
            raise DecisionRefused("admin.category.undo_in_use")
        session.delete(category)
        session.flush()
        return
    _apply(session, category, CategoryFields.from_snapshot(before))
    session.flush()


def _in_use(session: Session, category: Category) -> bool:
    used = (
        exists().where(Report.category_id == category.id),
        exists().where(Proposal.category_id == category.id),
        exists().where(Category.parent_id == category.id),
        exists().where(RoutingRule.category_id == category.id),
    )
    return any(session.scalar(select(condition)) for condition in used)


register_restorer(Subject.CATEGORY, _restore)
