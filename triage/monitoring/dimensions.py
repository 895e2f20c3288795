"""What a figure can be broken down by: queue, team, category, neighbourhood, channel, day or week.

A dimension gives the SQL expression to group by, a readable label per group, and the filter change that
narrows a view to one group, which is how a cell of a figure becomes the list of reports behind it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, literal
from sqlalchemy.orm import Session

from geo.areas import areas_of_kind
from models import AreaKind, Category, Channel, Queue, Report
from triage.monitoring.filters import Filters, Period
from triage.monitoring.sql import bucket_index
from triage.reference.categories import main_categories, owning_teams


@dataclass(frozen=True)
class Group:
    key: object  # the value SQL groups by
    label: str
    translate: bool  # label is a message key (queue.simple) rather than a name from the data
    narrowing: dict  # Filters fields that narrow a view to this group


@dataclass(frozen=True)
class Dimension:
    name: str
    needs_category: bool = False  # grouped by a column of the report's category: join it

    def expression(self, dialect: str, moment, period: Period):
        if self.name in ("day", "week"):
            return bucket_index(dialect, moment, [s.start for s in time_buckets(self.name, period)])
        return {
            "queue": Report.queue,
            "channel": Report.channel,
            "team": Category.team_id,
            "category": func.coalesce(Category.parent_id, Category.id),
            "wijk": Report.wijk_id,
            "buurt": Report.buurt_id,
            "total": literal("total"),
        }[self.name]

    def groups(self, session: Session, filters: Filters) -> list[Group]:
        """Every group this dimension can have, in reading order; figures show zeros rather than gaps."""
        if self.name in ("day", "week"):
            return _time_groups(self.name, filters.period)
        if self.name == "total":
            return [Group("total", "dashboard.total", True, {})]
        return GROUP_LOADERS[self.name](session)


DIMENSIONS = {
    name: Dimension(name, needs_category=name in ("team", "category"))
    for name in ("queue", "team", "category", "wijk", "buurt", "channel", "day", "week", "total")
}


def time_buckets(unit: str, period: Period) -> list[Period]:
    """The days or ISO weeks of the period, each clipped to the period."""
    if unit == "day":
        return [Period(day, day) for day in period.day_starts()]
    return [
        Period(max(monday, period.first), min(monday + timedelta(days=6), period.last))
        for monday in period.week_starts()
    ]


def _time_groups(unit: str, period: Period) -> list[Group]:
    return [
        Group(index, bucket.first.isoformat(), False, {"period": bucket})
        for index, bucket in enumerate(time_buckets(unit, period), start=1)
    ]


def _queue_groups(session: Session) -> list[Group]:
    return [Group(queue, f"queue.{queue.value}", True, {"queue": queue}) for queue in Queue]


def _channel_groups(session: Session) -> list[Group]:
    return [Group(channel, f"channel.{channel.value}", True, {"channel": channel}) for channel in Channel]


def _team_groups(session: Session) -> list[Group]:
    return [Group(team.id, team.name, False, {"team": team.slug}) for team in owning_teams(session)]


def _category_groups(session: Session) -> list[Group]:
    return [Group(c.id, c.name, False, {"category": str(c.id)}) for c in main_categories(session)]


def _area_groups(kind: AreaKind):
    def load(session: Session) -> list[Group]:
        return [Group(a.id, a.name, False, {"area": a.code}) for a in areas_of_kind(session, kind)]

    return load


GROUP_LOADERS = {
    "queue": _queue_groups,
    "channel": _channel_groups,
    "team": _team_groups,
    "category": _category_groups,
    "wijk": _area_groups(AreaKind.WIJK),
    "buurt": _area_groups(AreaKind.BUURT),
}
