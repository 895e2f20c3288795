"""The dashboard's period and filters, read from and written back to URL parameters so a view can be shared.

A period is a run of whole local days (Europe/Amsterdam). Every filter narrows the reports the same way in
every figure and in the drill-down list, so a figure and the reports behind it can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from models import Area, AreaKind, Category, Channel, Queue, Report, Team
from triage.kernel.refusals import Problems
from triage.kernel.time import LOCAL_TIME_ZONE

DEFAULT_DAYS = 91  # a quarter: enough weeks for a trend, short enough to act on
MAX_DAYS = 3 * 366


def local_midnight(day: date) -> datetime:
    return datetime.combine(day, time(0), LOCAL_TIME_ZONE)


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # inclusive

    @property
    def start(self) -> datetime:
        return local_midnight(self.first)

    @property
    def end(self) -> datetime:
        return local_midnight(self.last + timedelta(days=1))

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def previous(self) -> Period:
        """The same number of days just before: what the trend compares with."""
        return Period(self.first - timedelta(days=self.days), self.first - timedelta(days=1))

    def day_starts(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range(self.days)]

    def week_starts(self) -> list[date]:
        """Mondays of the weeks the period touches (ISO weeks, as planning here counts them)."""
        monday = self.first - timedelta(days=self.first.weekday())
        return [monday + timedelta(weeks=n) for n in range((self.last - monday).days // 7 + 1)]


@dataclass(frozen=True)
class Filters:
    period: Period
    queue: Queue | None = None
    team: str = ""  # slug of the department team that owns the category
    category: str = ""  # id of a main or sub category, as text
    area: str = ""  # code of a wijk or buurt
    channel: Channel | None = None

    def params(self) -> dict[str, str]:
        """The URL parameters that give this view back; empty filters are left out."""
        values = {
            "van": self.period.first.isoformat(),
            "tot": self.period.last.isoformat(),
            "wachtrij": self.queue.value if self.queue else "",
            "team": self.team,
            "categorie": self.category,
            "gebied": self.area,
            "kanaal": self.channel.value if self.channel else "",
        }
        return {name: value for name, value in values.items() if value}

    def narrowed(self, **changes) -> Filters:
        return replace(self, **changes)


def default_period(today: date) -> Period:
    return Period(today - timedelta(days=DEFAULT_DAYS - 1), today)


def read_filters(args, today: date) -> tuple[Filters, Problems]:
    """Filters from URL parameters; a bad value is reported by name and replaced by its default."""
    problems = Problems()
    period = _read_period(args, today, problems)
    queue = _enum(Queue, args.get("wachtrij", ""), "wachtrij", problems)
    channel = _enum(Channel, args.get("kanaal", ""), "kanaal", problems)
    category = args.get("categorie", "").strip()
    if category and not category.isdigit():
        problems.add("categorie", "dashboard.unknown_value")
        category = ""
    filters = Filters(
        period,
        queue,
        args.get("team", "").strip()[:60],
        category,
        args.get("gebied", "").strip()[:40],
        channel,
    )
    return filters, problems


def _enum(kind, value: str, name: str, problems: Problems):
    if not value:
        return None
    try:
        return kind(value)
    except ValueError:
        problems.add(name, "dashboard.unknown_value")
        return None


def _read_period(args, today: date, problems: Problems) -> Period:
    default = default_period(today)
    first = _date(args.get("van", ""), "van", problems) or default.first
    last = _date(args.get("tot", ""), "tot", problems) or default.last
    if last < first:
        problems.add("tot", "dashboard.period_reversed")
        return default
    if (last - first).days >= MAX_DAYS:
        problems.add("van", "dashboard.period_too_long")
        return default
    return Period(first, last)


def _date(text: str, name: str, problems: Problems) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        problems.add(name, "dashboard.bad_date")
        return None


def report_conditions(session: Session, filters: Filters) -> list[ColumnElement[bool]]:
    """What the filters (not the period) ask of a report; an unknown team, category or area matches nothing."""
    conditions: list[ColumnElement[bool]] = []
    if filters.queue:
        conditions.append(Report.queue == filters.queue)
    if filters.channel:
        conditions.append(Report.channel == filters.channel)
    if filters.team:
        team_categories = select(Category.id).join(Team, Category.team_id == Team.id).where(Team.slug == filters.team)
        conditions.append(Report.category_id.in_(team_categories))
    if filters.category:
        conditions.append(Report.category_id.in_(category_and_children(session, int(filters.category))))
    if filters.area:
        conditions.append(_area_condition(session, filters.area))
    return conditions


def category_and_children(session: Session, category_id: int) -> list[int]:
    children = session.scalars(select(Category.id).where(Category.parent_id == category_id))
    return [category_id, *children]


def _area_condition(session: Session, code: str) -> ColumnElement[bool]:
    area = session.scalar(select(Area).where(Area.code == code, Area.kind.in_([AreaKind.BUURT, AreaKind.WIJK])))
    if area is None:
        return Report.id.is_(None)
    column = Report.buurt_id if area.kind is AreaKind.BUURT else Report.wijk_id
    return column == area.id
