"""When a proposal waits for a person whatever its confidence, and its reasons in the product's names.

Safe defaults (DESIGN.md): the classifier routes alone only a report it can really judge. A possible
duplicate, a proposal without a sub-category (the team would not know the standard action) or a text too
short to say what is wrong always goes to an officer; so does any proposal below its threshold.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from classifiers.proposal import CategoryProposal, QueueProposal
from classifiers.text import carries_meaning
from geo.nearby import NearbyReport
from models import Area, Category, Report

DUPLICATE_RADIUS_M = 50  # the inbox shows earlier reports this close as duplicate candidates


def waits_for_a_person(
    session: Session,
    report: Report,
    category: CategoryProposal | None,
    queue: QueueProposal | None,
    chosen: Category | None,
    nearby: list[NearbyReport],
) -> list[str]:
    """Why the proposal waits for a person (empty: it may route on its own), most telling first."""
    held = []
    if not carries_meaning(report.description):
        held.append("short_text")
    if category is None or queue is None:
        held.append("no_classifier")
    elif chosen is None:
        held.append("unknown_category")  # a label the classifier learnt that the municipality no longer has
    if has_duplicate_candidate(nearby):
        held.append("duplicate_candidate")
    if chosen is not None and chosen.parent_id is None:
        held.append("no_subcategory")
    if (category and category.needs_person) or (queue and queue.needs_person):
        held.append("low_confidence")
    return held


def has_duplicate_candidate(nearby: list[NearbyReport]) -> bool:
    """An earlier report this close in the window (the classifiers' context covers it: 250 m, 30 days)."""
    return any(other.distance_m <= DUPLICATE_RADIUS_M for other in nearby)


def named_reasons(session: Session, category: CategoryProposal | None, queue: QueueProposal | None) -> dict:
    """The reasons as stored: categories and areas by their names, never by their slugs or codes."""
    reasons = {
        "category": [r.as_dict() for r in category.reasons] if category else [],
        "queue": [r.as_dict() for r in queue.reasons] if queue else [],
        "alternatives": [[label, round(p, 3)] for label, p in category.alternatives] if category else [],
        "rules_fired": queue.rules_fired if queue else [],
    }
    names = _names(session, reasons["category"] + reasons["queue"])
    for reason in reasons["category"] + reasons["queue"]:
        _name_in(reason, names)
    return reasons


def _names(session: Session, reasons: list[dict]) -> dict[str, str]:
    """Slug -> category name and "kind:code" -> area name, for what these reasons mention."""
    slugs = {r["details"]["category"] for r in reasons if "category" in r["details"]}
    areas = {r["details"]["area"] for r in reasons if "area" in r["details"]}
    names = {}
    if slugs:
        rows = session.execute(select(Category.slug, Category.name).where(Category.slug.in_(slugs)))
        names.update({slug: name for slug, name in rows})
    codes = {area.partition(":")[2] for area in areas}
    if codes:
        for area in session.scalars(select(Area).where(Area.code.in_(codes))):
            names[f"{area.kind.value}:{area.code}"] = area.name
    return names


def _name_in(reason: dict, names: dict[str, str]) -> None:
    details = reason["details"]
    for field in ("category", "area"):
        value = details.get(field)
        if value is not None:
            details["name"] = names.get(value, "")
            reason["text"] = reason["text"].replace(value, details["name"] or "…")
