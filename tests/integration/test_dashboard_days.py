"""The dashboard's day rows give the numbers counting the reports gives, on both databases: after a demo
history is seeded, after reports change queue, category, neighbourhood, status and outcome long after they came
in, after records are added and removed, before and after the periodic rebuild."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import delete, func, select

from models import (
    Area,
    AreaKind,
    Category,
    Correction,
    DashboardBuiltDay,
    DashboardDay,
    DashboardStaleMoment,
    Feedback,
    Queue,
    Report,
)
from triage import demo_history
from triage.kernel.time import LOCAL_TIME_ZONE
from triage.monitoring import build_dashboard, refresh_dashboard_days
from triage.monitoring.filters import Filters, Period

NOW = datetime(2026, 3, 16, 11, 30, tzinfo=UTC)
TODAY = NOW.astimezone(LOCAL_TIME_ZONE).date()
VIEWS = [
    Filters(Period(TODAY - timedelta(days=29), TODAY)),  # includes today, which is never built
    Filters(Period(date(2026, 1, 20), date(2026, 3, 1))),  # whole built days, crossing weeks
    Filters(Period(TODAY - timedelta(days=89), TODAY)),  # longer than the history: days without reports
]


def figures(session, filters):
    return build_dashboard(session, filters, NOW, None).figures


def counted(session, filters):
    """The same figures counted from the reports alone: as if no day had been built."""
    savepoint = session.begin_nested()
    session.execute(delete(DashboardBuiltDay))
    try:
        return figures(session, filters)
    finally:
        savepoint.rollback()


def assert_same_as_counting(session):
    for filters in VIEWS:
        from_rows, from_reports = figures(session, filters), counted(session, filters)
        for name, figure in from_reports.items():
            assert from_rows[name] == figure, (name, filters.period)


@pytest.fixture
def seeded(session):
    demo_history.seed(session, now=NOW, days=60, reports=400, seed=11)
    session.flush()


def test_seeding_builds_every_day_before_today(session, seeded):
    built = set(session.scalars(select(DashboardBuiltDay.day)))
    assert max(built) == TODAY - timedelta(days=1)
    assert TODAY not in built
    assert session.scalar(select(func.count()).select_from(DashboardDay)) > 0
    assert session.scalar(select(func.count()).select_from(DashboardStaleMoment)) == 0
    inflow = figures(session, VIEWS[1])["inflow_day"]
    assert inflow.total.values[0] > 0
    assert_same_as_counting(session)


def test_changes_after_the_fact_are_counted_until_rebuilt_and_then_kept(session, seeded):
    old = list(session.scalars(select(Report).where(Report.resolved_at.is_not(None)).order_by(Report.id).limit(40)))
    buurt = session.scalar(select(Area).where(Area.kind == AreaKind.BUURT).order_by(Area.id.desc()))
    wijk = session.scalar(select(Area).where(Area.kind == AreaKind.WIJK).order_by(Area.id.desc()))
    other_category = session.scalar(select(Category).where(Category.parent_id.is_not(None)).order_by(Category.id))
    for report in old[:10]:  # moved to another queue long after they came in
        report.queue = Queue.MAATWERK if report.queue != Queue.MAATWERK else Queue.SIMPLE
    for report in old[10:15]:  # recategorised and moved to another neighbourhood
        report.category_id = other_category.id
        report.buurt_id, report.wijk_id = buurt.id, wijk.id
    for report in old[15:20]:  # reopened: no longer resolved
        report.resolved_at = report.resolution_seconds = report.resolved_in_norm = None
    for report in old[20:25]:  # resolved later than before, now late
        report.resolved_at = report.resolved_at + timedelta(days=3)
        report.resolved_in_norm = False
    session.execute(delete(Correction).where(Correction.report_id.in_([r.id for r in old[25:30]])))
    for report in old[30:35]:
        session.add(Feedback(report_id=report.id, satisfied=False, text="Niet goed", at=report.resolved_at))
    session.flush()
    assert session.scalar(select(func.count()).select_from(DashboardStaleMoment)) > 0
    assert_same_as_counting(session)

    assert refresh_dashboard_days(session, NOW) > 0
    session.flush()
    assert session.scalar(select(func.count()).select_from(DashboardStaleMoment)) == 0
    assert_same_as_counting(session)


def test_the_rows_are_read_not_counted_on_built_days(session, seeded):
    """A day row changed by hand shows up in the figure: the rows really are what the dashboard reads."""
    day = date(2026, 2, 10)
    row = session.scalar(select(DashboardDay).where(DashboardDay.day == day, DashboardDay.dimension == "total"))
    before = figures(session, Filters(Period(day, day)))["inflow_day"].total.values[0]
    row.inflow += 1000
    session.flush()
    assert figures(session, Filters(Period(day, day)))["inflow_day"].total.values[0] == before + 1000
    assert counted(session, Filters(Period(day, day)))["inflow_day"].total.values[0] == before


def test_a_filtered_view_counts_its_reports(session, seeded):
    filters = Filters(VIEWS[1].period, queue=Queue.SIMPLE)
    session.execute(delete(DashboardDay))  # rows gone, days still marked built: a filtered view never reads them
    session.flush()
    assert figures(session, filters) == counted(session, filters)
    assert figures(session, filters)["norm_queue"].total.values[0] > 0
