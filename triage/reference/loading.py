"""Loading the municipality's data folder (teams, categories with norms, areas) into the database.

Every loader upserts by natural key (slug, kind + code), so running it again keeps existing data and
any report that points at a category or area keeps pointing at the same row.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from geo.loading import load_area_files
from models import Category, Queue, Team, TeamKind
from triage.kernel.versions import Subject, current_version
from triage.reference.data_folder import DEFAULT_DATA_DIR, read_json
from triage.reference.profile import load_profile


@dataclass(frozen=True)
class LoadSummary:
    teams: int
    categories: int
    areas: int


def load_reference_data(session: Session, data_dir: Path = DEFAULT_DATA_DIR) -> LoadSummary:
    teams = load_teams(session, read_json(data_dir / "teams.json"))
    categories = load_categories(session, read_json(data_dir / "categories.json"))
    area_files = load_profile(data_dir).area_files
    areas = load_area_files(session, [data_dir / "areas" / name for name in area_files])
    return LoadSummary(teams=teams, categories=categories, areas=areas)


def load_teams(session: Session, rows: list[dict]) -> int:
    """New teams from the data folder; a team an administrator changed in the screens keeps that change (setup
    runs on every deploy, and must not undo their work)."""
    for row in rows:
        team = session.scalar(select(Team).where(Team.slug == row["slug"])) or Team(slug=row["slug"])
        if team.id is not None and current_version(session, Subject.TEAM, team.id):
            continue
        team.name = row["name"]
        team.kind = TeamKind(row["kind"])
        team.queue = Queue(row["queue"]) if row.get("queue") else None
        session.add(team)
    session.flush()
    return len(rows)


def load_categories(session: Session, taxonomy: dict) -> int:
    teams = {team.slug: team for team in session.scalars(select(Team))}
    count = 0
    for main_row in taxonomy["main_categories"]:
        main = _upsert_category(session, None, main_row, teams)
        count += 1
        for sub_row in main_row["subcategories"]:
            _upsert_category(session, main, sub_row, teams)
            count += 1
    session.flush()
    return count


def _upsert_category(session: Session, parent: Category | None, row: dict, teams: dict[str, Team]) -> Category:
    parent_id = parent.id if parent else None
    query = select(Category).where(
        Category.slug == row["slug"],
        Category.parent_id.is_(parent_id) if parent_id is None else Category.parent_id == parent_id,
    )
    category = session.scalar(query) or Category(slug=row["slug"], parent=parent)
    category.name = row["name"]
    category.name_en = row.get("name_en") or row["name"]
    category.description = row.get("description") or ""
    category.description_en = row.get("description_en") or ""
    category.service_norm_days = row.get("service_norm_days")
    category.calendar_days = bool(row.get("calendar_days", False))
    category.default_queue = Queue(row["default_queue"]) if row.get("default_queue") else None
    category.team = teams.get(row["team"]) if row.get("team") else None
    category.is_active = bool(row.get("is_active", True))
    category.is_public = bool(row.get("is_public", False))
    session.add(category)
    session.flush()
    return category
