"""The categories client systems may name: active sub categories under an active main category.

A sub category's slug is unique only under its main category, so the code outside systems use joins both
with an underscore, which slugs never contain: "afval_container-is-vol". It stays the same across
installations and reloads of data/, unlike a database id.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import literal, select, union_all
from sqlalchemy.orm import Session, selectinload

from classifiers.inputs import ConfiguredCategory
from models import Area, AreaKind, Category, Team
from triage.reference.data_folder import read_json

SEPARATOR = "_"


@dataclass(frozen=True)
class MainCategory:
    category: Category
    subcategories: list[Category]


def main_categories(session: Session) -> list[Category]:
    """Every main category by name, active or not: reports keep their category when it is retired."""
    return list(session.scalars(select(Category).where(Category.parent_id.is_(None)).order_by(Category.name)))


class Choice(NamedTuple):
    value: str  # what the filter sends: a main category's slug, an area's code
    name: str


@dataclass(frozen=True)
class FilterChoices:
    """A staff list's category and area filters, each by name."""

    mains: list[Choice]
    areas: list[Choice]


def filter_choices(session: Session, kind: AreaKind) -> FilterChoices:
    """Every main category, retired ones too (reports keep theirs), and the areas of one kind, in one read: every
    staff list offers both filters, and as two statements they were two round trips on each of its pages. Rows,
    not objects: a list loaded some 150 areas as objects on every request for its filters alone."""
    mains = select(literal("main").label("list"), Category.slug.label("value"), Category.name.label("name"))
    areas = select(literal("area"), Area.code, Area.name).where(Area.kind == kind)
    rows = session.execute(
        union_all(mains.where(Category.parent_id.is_(None)), areas).order_by("list", "name", "value")
    ).all()
    return FilterChoices(
        [Choice(row.value, row.name) for row in rows if row.list == "main"],
        [Choice(row.value, row.name) for row in rows if row.list == "area"],
    )


def owning_teams(session: Session) -> list[Team]:
    """The teams that own a category, by name: the teams reports can be counted per."""
    owners = select(Category.team_id).where(Category.team_id.is_not(None))
    return list(session.scalars(select(Team).where(Team.id.in_(owners)).order_by(Team.name)))


def service_code(category: Category) -> str:
    return f"{category.parent.slug}{SEPARATOR}{category.slug}" if category.parent else category.slug


def active_main_categories(session: Session) -> list[Category]:
    """Active main categories by name, their sub categories loaded with them: what staff may choose from."""
    query = (
        select(Category)
        .where(Category.parent_id.is_(None), Category.is_active)
        .options(selectinload(Category.children))
        .order_by(Category.name)
    )
    return list(session.scalars(query))


def active_tree(session: Session) -> list[MainCategory]:
    """Active main categories with their active sub categories, by name; mains without any are left out."""
    tree = [
        MainCategory(main, [sub for sub in main.children if sub.is_active]) for main in active_main_categories(session)
    ]
    return [main for main in tree if main.subcategories]


def active_services(session: Session) -> list[Category]:
    return [sub for main in active_tree(session) for sub in main.subcategories]


def by_service_code(session: Session, code: str) -> Category | None:
    """The active sub category a code names; None for unknown, inactive or malformed codes."""
    main_slug, separator, sub_slug = code.partition(SEPARATOR)
    if not separator or not main_slug or not sub_slug:
        return None
    main = session.scalar(select(Category).where(Category.slug == main_slug, Category.parent_id.is_(None)))
    if main is None or not main.is_active:
        return None
    sub = session.scalar(select(Category).where(Category.slug == sub_slug, Category.parent_id == main.id))
    return sub if sub is not None and sub.is_active else None


def by_service_codes(session: Session, codes: list[str]) -> list[Category]:
    """Categories for a filter, inactive ones too since old reports keep theirs; one query however many codes."""
    wanted = set(codes)
    subs = session.scalars(
        select(Category).where(Category.parent_id.is_not(None)).options(selectinload(Category.parent))
    )
    return [sub for sub in subs if service_code(sub) in wanted]


def configured_categories(session: Session) -> list[ConfiguredCategory]:
    """The active main categories as the category classifier learns them before any report: labelled by slug,
    known by their names and descriptions and those of their active sub categories."""
    return [
        ConfiguredCategory(main.slug, _texts([(c.name, c.description) for c in (main, *main.children) if c.is_active]))
        for main in active_main_categories(session)
    ]


def configured_categories_in(data_dir: Path) -> list[ConfiguredCategory]:
    """The same from the data folder's categories.json, for training without a database."""
    return [
        ConfiguredCategory(
            main["slug"],
            _texts([(row["name"], row.get("description")) for row in (main, *main["subcategories"]) if _active(row)]),
        )
        for main in read_json(data_dir / "categories.json")["main_categories"]
        if _active(main)
    ]


def _active(row: dict) -> bool:
    return row.get("is_active", True)


def _texts(pairs: list[tuple[str, str | None]]) -> tuple[str, ...]:
    return tuple(text for pair in pairs for text in pair if text)
