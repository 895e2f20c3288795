"""A queue's work list: open reports sorted by due time, with filters, and a timer label per report; and what a
team sees of one report's past on its page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from geoalchemy2.elements import WKBElement
from sqlalchemy import Select, and_, func, nulls_last, select, union_all
from sqlalchemy.orm import Session, aliased

from geo.addresses import ReadableLocation, readable_location_of_row
from models import (
    Area,
    Category,
    Escalation,
    Feedback,
    Priority,
    Queue,
    Report,
    ReportMessage,
    ReportStatus,
    Role,
    StaffUser,
    StatusChange,
    is_team_work,
)
from triage.norms.clock import working_time_between
from triage.norms.due_times import business_calendar, settings
from triage.workflow.replies import RESIDENT_ACTOR
from triage.workflow.transitions import next_statuses

PAGE_SIZE = 50
DUE_SOON = timedelta(days=2)  # the "due soon" filter of the work lists and the dashboard's due-soon count


@dataclass(frozen=True)
class Filters:
    status: str = ""
    category: str = ""  # main category slug
    area: str = ""  # wijk code
    assignee: str = ""  # "me", "none" or ""
    timing: str = ""  # "overdue", "soon" or ""
    page: int = 1


@dataclass(frozen=True)
class TimerLabel:
    kind: str  # "ok", "soon", "overdue", "paused", "none", "reopen"
    remaining: timedelta | None
    calendar_days: bool = False  # the norm counts calendar days: the label says days, not working days


def may_see_queue(user: StaffUser, queue: Queue) -> bool:
    """Leads and admins see every queue; team members the queues of their own teams."""
    if user.roles & {Role.TEAM_LEAD, Role.ADMIN}:
        return True
    return Role.TEAM_MEMBER in user.roles and any(team.queue is queue for team in user.teams)


def may_reopen(user: StaffUser) -> bool:
    """Whether the transition table lets this person reopen a handled report: only they get residents' requests
    to reopen on their work list, so a request never waits with someone who cannot act on it."""
    return ReportStatus.REOPENED in next_statuses(ReportStatus.DONE, user.roles)


def _filtered(query: Select, filters: Filters, user: StaffUser, now: datetime) -> Select:
    if filters.status in {s.value for s in ReportStatus.team_work()}:
        query = query.where(Report.status == ReportStatus(filters.status))
    if filters.category:
        parent = select(Category.id).where(Category.slug == filters.category, Category.parent_id.is_(None))
        query = query.where(Report.category_id.in_(select(Category.id).where(Category.parent_id.in_(parent))))
    if filters.area:
        query = query.where(Report.wijk_id.in_(select(Area.id).where(Area.code == filters.area)))
    if filters.assignee == "me":
        query = query.where(Report.assignee_id == user.id)
    elif filters.assignee == "none":
        query = query.where(Report.assignee_id.is_(None))
    if filters.timing == "overdue":
        query = query.where(Report.due_at < now)
    elif filters.timing == "soon":
        query = query.where(Report.due_at >= now, Report.due_at < now + DUE_SOON)
    return query


@dataclass(frozen=True)
class WorkLine:
    """A report as a work list shows it: read as a plain row, with what its timer label and the list's map need."""

    id: int
    tracking_code: str
    description: str
    status: ReportStatus
    priority: Priority
    due_at: datetime | None
    queue_entered_at: datetime | None
    norm_in_calendar_days: bool
    category_name: str | None
    location: WKBElement  # the point, for the list's map
    place: ReadableLocation


@dataclass(frozen=True)
class WorkListPage:
    """A page of a work list, its length over all pages, and the reports whose last change of status was the
    resident's answer (the team's "replied" mark): read in one statement, where they were three round trips."""

    reports: list[WorkLine]
    total: int
    replied: frozenset[int]


def work_list(session: Session, queue: Queue, filters: Filters, user: StaffUser, now: datetime) -> WorkListPage:
    """As plain rows: fifty reports with their categories and areas as objects spent more time in the ORM's
    bookkeeping than in the read, for a list that changes nothing. The tables joined for show are aliases."""
    arms = _view_arms(user)
    page = max(filters.page, 1)
    shown = _page_of_each_arm(queue, arms, filters, user, now, page * PAGE_SIZE)
    category, buurt, wijk = aliased(Category), aliased(Area), aliased(Area)
    rows = session.execute(
        select(
            *LISTED,
            category.name.label("category_name"),
            category.calendar_days,
            buurt.name.label("buurt_name"),
            wijk.name.label("wijk_name"),
            _count_of(queue, arms, filters, user, now).label("total"),
            _last_change_by_resident().label("by_resident"),
        )
        .join(shown, shown.c.id == Report.id)
        .outerjoin(category, category.id == Report.category_id)
        .outerjoin(buurt, buurt.id == Report.buurt_id)
        .outerjoin(wijk, wijk.id == Report.wijk_id)
        .order_by(nulls_last(shown.c.due_at.asc()), shown.c.id)
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
    ).all()
    if not rows:  # past the last page, or nothing to do: the length still counts
        total = session.scalar(select(_count_of(queue, arms, filters, user, now)))
        return WorkListPage([], int(total or 0), frozenset())
    replied = frozenset(row.id for row in rows if row.by_resident)
    return WorkListPage([_line(row) for row in rows], int(rows[0].total or 0), replied)


# What a work list reads of each report beside its category and areas.
LISTED = (
    Report.id,
    Report.tracking_code,
    Report.description,
    Report.status,
    Report.priority,
    Report.due_at,
    Report.queue_entered_at,
    Report.location,
    Report.location_text,
    Report.street,
    Report.house_number,
    Report.postcode,
    Report.place,
)


def _line(row) -> WorkLine:
    return WorkLine(
        row.id,
        row.tracking_code,
        row.description,
        row.status,
        row.priority,
        row.due_at,
        row.queue_entered_at,
        bool(row.calendar_days),
        row.category_name,
        row.location,
        readable_location_of_row(row),
    )


def _last_change_by_resident():
    """Per listed report: whether its latest status change is the resident's (a reply moves it back to work)."""
    latest_actor = (
        select(StatusChange.actor)
        .where(StatusChange.report_id == Report.id)
        .order_by(StatusChange.id.desc())
        .limit(1)
        .correlate(Report)
        .scalar_subquery()
    )
    return func.coalesce(latest_actor == RESIDENT_ACTOR, False)


def _page_of_each_arm(queue: Queue, arms: list, filters: Filters, user: StaffUser, now: datetime, first: int):
    """The first rows of each arm in due order, joined: one ordered scan of an index per arm, where the arms'
    OR in one query was served by no index and read the queue's handled reports too."""
    ordered = [
        _filtered(select(Report.id, Report.due_at).where(Report.queue == queue, arm), filters, user, now)
        .order_by(nulls_last(Report.due_at.asc()), Report.id)
        .limit(first)
        .subquery()
        for arm in arms
    ]
    return union_all(*(select(arm.c.id, arm.c.due_at) for arm in ordered)).subquery()


def _view_arms(user: StaffUser) -> list:
    """What a work list shows: the team's work, and for those who may reopen, handled reports whose resident
    asked to reopen them. The arms never overlap (team work is never a resolved status)."""
    arms = [is_team_work()]
    if may_reopen(user):
        reopen_asked = select(Feedback.report_id).where(Feedback.reopen_requested)
        arms.append(and_(Report.status.in_(ReportStatus.resolved()), Report.id.in_(reopen_asked)))
    return arms


def _count_of(queue: Queue, arms: list, filters: Filters, user: StaffUser, now: datetime):
    """The list's length as a sum of one count per arm: `queue AND (a OR b-with-a-subquery)` is served by no
    index and scanned every row (31 ms at 100,000 reports); each arm alone is an index scan on
    (queue, status, due_at), or a few look-ups by id from the residents' reopen requests. Uncorrelated, so the
    database counts once per statement, not per row."""
    counts = [
        _filtered(
            select(func.count()).select_from(Report).where(Report.queue == queue, arm), filters, user, now
        ).scalar_subquery()
        for arm in arms
    ]
    return sum(counts[1:], counts[0])


def timer_label(report: Report | WorkLine, now: datetime) -> TimerLabel:
    """Working time left (or overdue) from the stored due time; a waiting report's clock stands still."""
    if report.status.pauses_clock:
        return TimerLabel("paused", None)
    if report.status.resolves:
        return TimerLabel("reopen", None)  # only resolved reports whose resident asked to reopen are listed
    if report.due_at is None:
        return TimerLabel("none", None)
    calendar_days = report.norm_in_calendar_days
    remaining = working_time_between(business_calendar(), now, report.due_at, calendar_days)
    if remaining < timedelta(0):
        return TimerLabel("overdue", remaining, calendar_days)
    total = working_time_between(business_calendar(), report.queue_entered_at or now, report.due_at, calendar_days)
    used = 1 - (remaining / total) if total > timedelta(0) else 1.0
    return TimerLabel("soon" if used >= settings()["due_soon_share"] else "ok", remaining, calendar_days)


def describe(label: TimerLabel) -> tuple[str, dict[str, int]]:
    """The label's text key and amounts. A calendar-day norm counts whole days of 24 hours ("3 dagen");
    a working-day norm counts office days and hours ("2 werkdagen en 4 uur"), so neither reads in the other's unit.
    """
    key = f"timer.{label.kind}"
    if label.remaining is None:
        return key, {}
    day = timedelta(days=1) if label.calendar_days else business_calendar().office_hours.length
    days, rest = divmod(abs(label.remaining.total_seconds()), day.total_seconds())
    return (f"{key}.calendar" if label.calendar_days else key), {"days": int(days), "hours": int(rest // 3600)}


def report_messages(session: Session, report: Report) -> list[ReportMessage]:
    """Internal notes and messages to the resident, oldest first: the team sees both, the resident only the latter."""
    return list(
        session.scalars(select(ReportMessage).where(ReportMessage.report_id == report.id).order_by(ReportMessage.id))
    )


def report_escalations(session: Session, report: Report) -> list[Escalation]:
    """The notices team leads got about this report (at 80% of its norm, overdue); each goes out once."""
    return list(session.scalars(select(Escalation).where(Escalation.report_id == report.id)))
