"""The sets of reports the figures count, by name: each figure is a count over one of these, and its
drill-down lists exactly the same set. One definition per set, used by both, keeps every number traceable.

A set has a moment that places a report in the period (created, resolved, first contact, ...) or, for the
backlog, no period at all: the backlog is what is open now.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, and_, distinct, exists, false, func, or_, select, true
from sqlalchemy.orm import Session

from models import Correction, Feedback, Proposal, Report, ReportStatus, StatusChange, is_team_work
from triage.monitoring.filters import Filters, Period, report_conditions
from triage.workflow.work_lists import DUE_SOON

DRILL_DOWN_PAGE = 50
BACKLOG_AGES = (0, 2, 6, 11, 21)  # calendar days since the report came in: 0-1, 2-5, 6-10, 11-20, 21 or more


@dataclass(frozen=True)
class ReportSet:
    name: str
    moment: Callable[[], object] | None  # the column the period applies to; None for "open now"
    condition: Callable[[datetime], ColumnElement[bool]]  # given now


def in_period(column, period: Period) -> ColumnElement[bool]:
    return and_(column >= period.start, column < period.end)


def _open(now: datetime) -> ColumnElement[bool]:
    return and_(is_team_work(), Report.duplicate_of_id.is_(None))


def _age_set(index: int) -> ReportSet:
    youngest = BACKLOG_AGES[index]
    oldest = BACKLOG_AGES[index + 1] if index + 1 < len(BACKLOG_AGES) else None

    def condition(now: datetime) -> ColumnElement[bool]:
        parts = [_open(now), Report.created_at <= now - timedelta(days=youngest)]
        if oldest is not None:
            parts.append(Report.created_at > now - timedelta(days=oldest))
        return and_(*parts)

    return ReportSet(f"age_{youngest}", None, condition)


SETS: dict[str, ReportSet] = {
    s.name: s
    for s in (
        ReportSet("inflow", lambda: Report.created_at, lambda now: true()),
        ReportSet("resolved", lambda: Report.resolved_at, lambda now: Report.resolved_at.is_not(None)),
        ReportSet("resolved_in_norm", lambda: Report.resolved_at, lambda now: Report.resolved_in_norm.is_(True)),
        ReportSet("resolved_late", lambda: Report.resolved_at, lambda now: Report.resolved_in_norm.is_(False)),
        ReportSet("responded", lambda: Report.first_contact_at, lambda now: Report.first_contact_at.is_not(None)),
        ReportSet("responded_in_norm", lambda: Report.first_contact_at, lambda now: Report.responded_in_norm.is_(True)),
        ReportSet("responded_late", lambda: Report.first_contact_at, lambda now: Report.responded_in_norm.is_(False)),
        ReportSet("open", None, _open),
        ReportSet("overdue", None, lambda now: and_(_open(now), Report.due_at < now)),
        ReportSet("due_soon", None, lambda now: and_(_open(now), Report.due_at >= now, Report.due_at < now + DUE_SOON)),
        ReportSet(
            "contact_overdue",
            None,
            lambda now: and_(_open(now), Report.first_contact_at.is_(None), Report.response_due_at < now),
        ),
        *(_age_set(index) for index in range(len(BACKLOG_AGES))),
    )
}

# Sets placed in the period by a related record rather than a column of the report.
RELATED: dict[str, tuple[type, Callable[[], object], Callable[[], ColumnElement[bool]]]] = {
    "reopened": (StatusChange, lambda: StatusChange.at, lambda: StatusChange.to_status == ReportStatus.REOPENED),
    "feedback": (Feedback, lambda: Feedback.at, lambda: true()),
    "feedback_satisfied": (Feedback, lambda: Feedback.at, lambda: Feedback.satisfied.is_(True)),
    "feedback_negative": (Feedback, lambda: Feedback.at, lambda: Feedback.satisfied.is_(False)),
    "proposed": (Proposal, lambda: Proposal.created_at, lambda: true()),
    "automated": (Proposal, lambda: Proposal.created_at, lambda: Proposal.needs_person.is_(False)),
    "category_decided": (Correction, lambda: Correction.at, lambda: Correction.field == "category"),
    "category_accepted": (
        Correction,
        lambda: Correction.at,
        lambda: and_(Correction.field == "category", Correction.from_value == Correction.to_value),
    ),
    "category_corrected": (
        Correction,
        lambda: Correction.at,
        lambda: and_(Correction.field == "category", _changed()),
    ),
    "queue_decided": (Correction, lambda: Correction.at, lambda: Correction.field == "queue"),
    "queue_corrected": (Correction, lambda: Correction.at, lambda: and_(Correction.field == "queue", _changed())),
}


def _changed() -> ColumnElement[bool]:
    return or_(Correction.from_value.is_(None), Correction.from_value != Correction.to_value)


def set_names() -> list[str]:
    return [*SETS, *RELATED]


# Records a report has at most one of within a set (one proposal, one decision per field, one feedback:
# the services refuse a second), so a plain count of rows counts reports; a report can be reopened twice.
ONE_PER_REPORT = (Proposal, Correction, Feedback)


def report_counter(record):
    """count(*) where a joined row is a report, count(DISTINCT report.id) where a report may repeat."""
    if record is None or record in ONE_PER_REPORT:
        return func.count()
    return func.count(distinct(Report.id))


def counting_source(name: str):
    """(related record or None, moment column): sets sharing both can be counted in one query."""
    if name in RELATED:
        record, moment, _ = RELATED[name]
        return record, moment()
    chosen = SETS[name]
    return None, chosen.moment() if chosen.moment else None


def own_condition(name: str, now: datetime) -> ColumnElement[bool]:
    """The set's condition without its period, on a row of its own source; the caller adds the period once
    for all sets of a source, as a plain range on one indexed column the database can use."""
    if name in RELATED:
        return RELATED[name][2]()
    return SETS[name].condition(now)


def open_now() -> ColumnElement[bool]:
    """What every set without a period is part of: the backlog, the reports open now."""
    return _open(None)


def row_condition(name: str, filters: Filters, now: datetime) -> ColumnElement[bool]:
    """The set's condition on a row of its own source (the report, or the related record joined to it)."""
    if name in RELATED:
        _, moment, condition = RELATED[name]
        return and_(condition(), in_period(moment(), filters.period))
    return set_condition(name, filters, now)


def set_condition(name: str, filters: Filters, now: datetime) -> ColumnElement[bool]:
    """Which reports belong to the named set within the filters' period; unknown names match nothing."""
    if name in SETS:
        chosen = SETS[name]
        parts = [chosen.condition(now)]
        if chosen.moment is not None:
            parts.append(in_period(chosen.moment(), filters.period))
        return and_(*parts)
    if name in RELATED:
        record, moment, condition = RELATED[name]
        return exists().where(record.report_id == Report.id, condition(), in_period(moment(), filters.period))
    return false()


def reports_in_set(session: Session, name: str, filters: Filters, now: datetime):
    """A select of the reports behind a figure: the set, within the filters."""
    return select(Report).where(set_condition(name, filters, now), *report_conditions(session, filters))


def drill_down_page(
    session: Session, name: str, filters: Filters, now: datetime, page: int
) -> tuple[list[Report], int]:
    """One page of a set's reports, newest first, and how many the set holds: the number the figure shows."""
    query = reports_in_set(session, name, filters, now)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(Report.created_at.desc(), Report.id.desc())
        .offset((page - 1) * DRILL_DOWN_PAGE)
        .limit(DRILL_DOWN_PAGE)
    )
    return list(rows), total
