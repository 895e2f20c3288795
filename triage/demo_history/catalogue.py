"""The categories demo reports can have, with the norms the product gives them (triage.norms.due_times)."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Category, Queue, Report
from triage.norms.clock import Norm
from triage.norms.due_times import business_calendar, resolution_norm, response_norm


@dataclass(frozen=True)
class CategoryInfo:
    id: int
    slug: str
    main: str
    default_queue: str | None


def _norms(report: Report) -> tuple[Norm | None, Norm | None]:
    return resolution_norm(report), response_norm(report)


class Catalogue:
    """Active sub categories under active main categories, by slug (sub slugs are unique in the taxonomy)."""

    def __init__(self, session: Session) -> None:
        self.calendar = business_calendar()
        query = select(Category).where(Category.parent_id.is_not(None), Category.is_active)
        self._objects: dict[str, Category] = {}
        self.by_slug: dict[str, CategoryInfo] = {}
        for category in session.scalars(query):
            if category.parent.is_active:
                self._objects[category.slug] = category
                default = category.default_queue.value if category.default_queue else None
                self.by_slug[category.slug] = CategoryInfo(category.id, category.slug, category.parent.slug, default)
        if not self.by_slug:
            raise LookupError("no categories in the database: load the shipped data first (setup)")
        self.slugs = sorted(self.by_slug)
        self._by_main: dict[str, list[str]] = {}
        for slug in self.slugs:
            self._by_main.setdefault(self.by_slug[slug].main, []).append(slug)
        self._norms = {  # asked of the product's own functions, for a report like each one, up front
            (slug, queue.value): _norms(Report(category=category, queue=queue))
            for slug, category in self._objects.items()
            for queue in Queue
        }

    def norms(self, category: CategoryInfo, queue: str) -> tuple[Norm | None, Norm | None]:
        """(resolution, response) norm of a report in this category and queue."""
        return self._norms[(category.slug, queue)]

    def other_category(self, rng: random.Random, category: CategoryInfo) -> CategoryInfo:
        """A wrong guess of the classifier: mostly a neighbour in the same main category."""
        siblings = [s for s in self._by_main[category.main] if s != category.slug]
        pool = siblings if siblings and rng.random() < 0.6 else [s for s in self.slugs if s != category.slug]
        return self.by_slug[rng.choice(pool)]
