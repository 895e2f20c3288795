"""Every dashboard figure against a small history worked out by hand, on both databases.

The history: in the week of King's Day 2026 (Monday 27 April, a day off) the simple team resolves six
reports with a norm of 3 working days (office 08:30-17:00, 8.5 hours a day), one of which is reopened after
negative feedback; maatwerk makes personal contact in time once and too late once; the classifier routes
one complex report by itself. "Now" is Friday 1 May 2026, 12:00 in Haarlem.

Report triaged Thursday 23 April 09:30 is due Wednesday 29 April 09:30:
Thu 7.5 h + Fri 8.5 h + (Mon off) + Tue 8.5 h + Wed 1 h = 25.5 h = 3 x 8.5 h.
"""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from models import Channel, Queue
from tests.support.dashboard_history import HAARLEM, NOW, PERIOD, History
from triage.monitoring.dashboard import build_dashboard, build_figure, wilson_lower_bound
from triage.monitoring.filters import Filters, Period
from triage.monitoring.report_sets import reports_in_set


def figure(session, name, filters=PERIOD):
    return build_figure(session, name, filters, NOW)


def row(fig, label):
    return next(r.values for r in fig.rows if r.group.label == label)


def test_share_within_norm_per_queue_across_a_weekend_and_kings_day(session, history):
    fig = figure(session, "norm_queue")
    # Resolved: A (25 h), C (11 h), D (24.5 h), E (on King's Day: 16 h), F (Thursday: late). B was reopened.
    assert row(fig, "queue.simple") == [5, 4, 1, 0.8, 6, 0, 0, None]
    assert row(fig, "queue.maatwerk") == [0, 0, 0, None, 2, 1, 1, 0.5]
    assert row(fig, "queue.complex") == [0, 0, 0, None, 0, 0, 0, None]
    assert fig.total.values == [5, 4, 1, 0.8, 8, 1, 1, 0.5]


def test_within_norm_per_week_follows_local_iso_weeks(session, history):
    fig = figure(session, "norm_week")
    assert [r.group.label for r in fig.rows] == ["2026-04-20", "2026-04-27"]
    assert [r.values[:3] for r in fig.rows] == [[1, 1, 0], [4, 3, 1]]


def test_turnaround_median_and_90th_percentile_in_working_hours(session, history):
    fig = figure(session, "turnaround")
    # Simple: 11, 16, 24.5, 25, 33.5 working hours; nearest rank: median the 3rd, p90 the 5th.
    assert row(fig, "queue.simple") == [5, 24.5, 33.5, 6, 24.5, 33.5]
    # Maatwerk first contact: M1 Thu 1 h + Fri 6.5 h = 7.5 h; M2 1 + 8.5 + (King's Day) + 0.5 = 10 h.
    assert row(fig, "queue.maatwerk") == [0, None, None, 2, 7.5, 10.0]
    assert fig.total.values[:3] == [5, 24.5, 33.5]


def test_first_personal_contact_for_maatwerk(session, history):
    fig = figure(session, "maatwerk_contact")
    # M3 came in Thursday 30 April 10:00; its contact was due Friday 10:00 and it is Friday 12:00 now.
    assert fig.rows[0].values == [2, 1, 1, 0.5, 7.5, 10.0, 1]


def test_backlog_by_age_overdue_and_due_soon(session, history):
    fig = figure(session, "backlog")
    # Open now: G, B (reopened), M1, M2 (8 days old), X (7 days), M3 (1 day). Overdue: G, B, M1, M2.
    assert row(fig, "queue.simple") == [0, 0, 2, 0, 0, 2, 2, 0]
    assert row(fig, "queue.maatwerk") == [1, 0, 2, 0, 0, 3, 2, 0]
    assert row(fig, "queue.complex") == [0, 0, 1, 0, 0, 1, 0, 0]
    assert fig.total.values == [1, 0, 5, 0, 0, 6, 4, 0]


def test_reopen_rate_and_satisfaction(session, history):
    fig = figure(session, "satisfaction")
    assert row(fig, "queue.simple") == [5, 1, 0.2, 2, 1, 1, 0.5]
    dashboard = build_dashboard(session, PERIOD, NOW, None)
    assert [feedback.text for feedback, _ in dashboard.negative_feedback] == ["Het duurde te lang."]


def test_inflow_per_day_week_and_channel_against_the_period_before(session, history):
    days = figure(session, "inflow_day")
    assert len(days.rows) == 14
    assert row(days, "2026-04-23") == [9, 0] and row(days, "2026-04-30") == [1, 0]
    # The period before is 6-19 April: "earlier" came in on its 5th day, 10 April.
    assert row(days, "2026-04-24") == [1, 1]
    assert days.total.values == [11, 1]
    weeks = figure(session, "inflow_week")
    assert [r.values[0] for r in weeks.rows] == [10, 1]
    channels = figure(session, "inflow_channel")
    assert row(channels, "channel.api") == [1, 0] and row(channels, "channel.phone") == [0, 1]
    assert build_dashboard(session, PERIOD, NOW, None).inflow_trend == 10.0


def test_classifier_automation_accuracy_and_corrections(session, history):
    automation = figure(session, "automation_week")
    assert automation.total.values == [11, 1, 1 / 11]
    accuracy = figure(session, "accuracy_week")
    assert accuracy.total.values == [10, 8, 2, 0.8]
    queue_corrections = figure(session, "queue_corrections_queue")
    assert row(queue_corrections, "queue.maatwerk") == [3, 3, 1.0]
    assert row(queue_corrections, "queue.simple") == [7, 0, 0.0]


def test_filters_narrow_every_figure(session, history):
    only_api = Filters(PERIOD.period, channel=Channel.API)
    assert figure(session, "norm_queue", only_api).total.values == [0, 0, 0, None, 1, 1, 0, 1.0]
    only_maatwerk = Filters(PERIOD.period, queue=Queue.MAATWERK)
    assert figure(session, "backlog", only_maatwerk).total.values[5] == 3
    unknown_area = Filters(PERIOD.period, area="BU9999")
    assert figure(session, "inflow_day", unknown_area).total.values == [0, 0]


@pytest.mark.parametrize(
    ("figure_name", "label", "column"),
    [
        ("norm_queue", "queue.simple", 0),
        ("norm_queue", "queue.simple", 2),
        ("norm_queue", "queue.maatwerk", 6),
        ("backlog", "queue.simple", 6),
        ("backlog", "queue.maatwerk", 2),
        ("satisfaction", "queue.simple", 1),
        ("inflow_day", "2026-04-23", 0),
        ("inflow_day", "2026-04-24", 1),  # its counterpart in the period before: 10 April
        ("inflow_week", "2026-04-20", 1),
        ("inflow_channel", "channel.phone", 1),
        ("accuracy_week", "2026-04-20", 2),
    ],
)
def test_every_count_drills_down_to_exactly_its_reports(session, history, figure_name, label, column):
    fig = figure(session, figure_name)
    chosen = next(r for r in fig.rows if r.group.label == label)
    narrowed = PERIOD.narrowed(**chosen.narrowing(fig.columns[column]))
    behind = reports_in_set(session, fig.columns[column].drill, narrowed, NOW)
    count = session.scalar(select(func.count()).select_from(behind.subquery()))
    assert count == chosen.values[column]


def test_a_neighbourhood_is_flagged_only_when_clearly_worse():
    assert wilson_lower_bound(0, 0) == 0.0
    assert wilson_lower_bound(3, 3) < 0.5  # three reports prove little
    assert wilson_lower_bound(60, 100) > 0.5


def test_days_follow_amsterdam_time_across_the_change_to_summer_time(session, history, tmp_path):
    # 00:30 on Monday 30 March 2026 in Haarlem is still Sunday 29 March in UTC.
    monday_early = datetime(2026, 3, 30, 0, 30, tzinfo=HAARLEM).astimezone(UTC)
    assert monday_early.day == 29
    History(session, tmp_path, None).report(monday_early)
    days = figure(session, "inflow_day", Filters(Period(date(2026, 3, 29), date(2026, 3, 30))))
    assert [r.values[0] for r in days.rows] == [0, 1]
