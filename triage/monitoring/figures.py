"""The dashboard's figures: tables of counts, shares and times per group, each cell tied to its report set.

A figure is plain data: columns, one row per group and a total row. The web layer draws it as a chart and
a table and writes it as CSV; a cell's `drill` names the report set behind it, which with the row's
narrowing gives the list of reports that make up the number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from models import Queue, Report
from triage.monitoring.counting import Counts, count_sets, set_percentiles
from triage.monitoring.dimensions import DIMENSIONS, Dimension, Group
from triage.monitoring.filters import Filters
from triage.monitoring.report_sets import BACKLOG_AGES

MEDIAN_AND_P90 = [0.5, 0.9]


@dataclass(frozen=True)
class Column:
    key: str  # message key of the heading
    kind: str  # "count", "share", "hours" (working hours), "days"
    drill: str | None = None  # report set behind a count
    before: bool = False  # counted in the period before, not in the chosen one


@dataclass(frozen=True)
class Row:
    group: Group
    values: list[float | int | None]
    before: dict = field(default_factory=dict)  # narrowing to this row's counterpart in the period before

    def narrowing(self, column: Column) -> dict:
        """The filter changes behind one of this row's cells."""
        return self.before if column.before else self.group.narrowing


@dataclass
class Figure:
    name: str
    dimension: str
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    total: Row | None = None
    chart: str = "bar"  # "bar", "line" or "stacked"
    chart_columns: list[int] = field(default_factory=list)  # which columns the chart draws
    flagged: list = field(default_factory=list)  # group keys that stand out (served worse)


TOTAL = Group("total", "dashboard.total", True, {})


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _ratio_rows(groups: list[Group], counts: Counts, spec: list[tuple[str, ...]]) -> list[Row]:
    """Per group: for each (denominator set, numerator set, ...) the counts and the numerator's share."""
    rows = []
    for group in groups:
        values: list = []
        by_set = counts.get(group.key, {})
        for whole, *parts in spec:
            values.append(by_set.get(whole, 0))
            for part in parts:
                values.append(by_set.get(part, 0))
            values.append(share(by_set.get(parts[0], 0), _judged(by_set, whole, parts)))
        rows.append(Row(group, values))
    return rows


def _judged(by_set: dict, whole: str, parts: list[str]) -> int:
    """The share's denominator: with a second part (late, negative) only reports judged either way count,
    so reports without a norm do not pull the share within norm down."""
    if len(parts) >= 2:
        return by_set.get(parts[0], 0) + by_set.get(parts[1], 0)
    return by_set.get(whole, 0)


def _ratio_columns(spec: list[tuple[str, ...]]) -> list[Column]:
    columns = []
    for whole, *parts in spec:
        columns.append(Column(f"dashboard.col.{whole}", "count", whole))
        columns += [Column(f"dashboard.col.{part}", "count", part) for part in parts]
        columns.append(Column(f"dashboard.col.share_{parts[0]}", "share", None))
    return columns


def _total(rows: list[Row], columns: list[Column], spec: list[tuple[str, ...]]) -> Row:
    """Counts add up; shares are recomputed from the summed counts, never averaged."""
    sums = [sum(r.values[i] or 0 for r in rows) if c.kind == "count" else None for i, c in enumerate(columns)]
    position = 0
    for _, *parts in spec:
        whole_at, part_at = position, position + 1
        judged = sums[part_at] + sums[part_at + 1] if len(parts) >= 2 else sums[whole_at]
        sums[position + len(parts) + 1] = share(sums[part_at], judged)
        position += len(parts) + 2
    return Row(TOTAL, sums)


def ratio_figure(session, name, dimension: Dimension, spec, filters, now, chart="bar") -> Figure:
    names = [n for group in spec for n in group]
    counts = count_sets(session, dimension, names, filters, now)
    columns = _ratio_columns(spec)
    rows = _ratio_rows(dimension.groups(session, filters), counts, spec)
    shares = [i for i, c in enumerate(columns) if c.kind == "share"]
    return Figure(name, dimension.name, columns, rows, _total(rows, columns, spec), chart, shares)


NORM_SPEC = [("resolved", "resolved_in_norm", "resolved_late"), ("responded", "responded_in_norm", "responded_late")]


def within_norm(session: Session, by: str, filters: Filters, now: datetime) -> Figure:
    chart = "line" if by == "week" else "bar"
    return ratio_figure(session, f"norm_{by}", DIMENSIONS[by], NORM_SPEC, filters, now, chart)


def turnaround(session: Session, filters: Filters, now: datetime) -> Figure:
    """Median and 90th percentile of working time to resolution and to first contact, per queue."""
    queue = DIMENSIONS["queue"]
    counts = count_sets(session, queue, ["resolved", "responded"], filters, now)
    resolution = set_percentiles(session, queue, "resolved", Report.resolution_seconds, MEDIAN_AND_P90, filters, now)
    response = set_percentiles(session, queue, "responded", Report.response_seconds, MEDIAN_AND_P90, filters, now)
    total_resolution = _overall(session, "resolved", Report.resolution_seconds, filters, now)
    total_response = _overall(session, "responded", Report.response_seconds, filters, now)
    columns = [
        Column("dashboard.col.resolved", "count", "resolved"),
        Column("dashboard.col.median", "hours"),
        Column("dashboard.col.p90", "hours"),
        Column("dashboard.col.responded", "count", "responded"),
        Column("dashboard.col.median", "hours"),
        Column("dashboard.col.p90", "hours"),
    ]
    rows = [
        Row(group, _turnaround_values(counts.get(group.key, {}), resolution.get(group.key), response.get(group.key)))
        for group in queue.groups(session, filters)
    ]
    all_counts = {"resolved": sum(r.values[0] for r in rows), "responded": sum(r.values[3] for r in rows)}
    total = Row(TOTAL, _turnaround_values(all_counts, total_resolution, total_response))
    return Figure("turnaround", "queue", columns, rows, total, "bar", [1, 2])


def _overall(session, name, value, filters, now) -> list | None:
    found = set_percentiles(session, DIMENSIONS["total"], name, value, MEDIAN_AND_P90, filters, now)
    return next(iter(found.values()), None)


def _hours(seconds: int | None) -> float | None:
    return None if seconds is None else round(seconds / 3600, 1)


def _turnaround_values(counts: dict, resolution: list | None, response: list | None) -> list:
    resolution, response = resolution or [None, None], response or [None, None]
    return [
        counts.get("resolved", 0),
        *[_hours(s) for s in resolution],
        counts.get("responded", 0),
        *[_hours(s) for s in response],
    ]


MAATWERK_CONTACT_SPEC = [("responded", "responded_in_norm", "responded_late")]


def maatwerk_contact(session: Session, filters: Filters, now: datetime) -> Figure:
    """Maatwerk means personal contact first: how soon it came, and who is still waiting past the norm."""
    # Counted per queue with the view's own filters, so these are the same questions the turnaround and
    # backlog figures ask (answered once); the maatwerk row is read off, zero when the view filters it out.
    queue = DIMENSIONS["queue"]
    names = ["responded", "responded_in_norm", "responded_late", "contact_overdue"]
    by_set = count_sets(session, queue, names, filters, now).get(Queue.MAATWERK, {})
    times = set_percentiles(session, queue, "responded", Report.response_seconds, MEDIAN_AND_P90, filters, now)
    times = times.get(Queue.MAATWERK) or [None, None]
    columns = [
        *_ratio_columns(MAATWERK_CONTACT_SPEC),
        Column("dashboard.col.median", "hours"),
        Column("dashboard.col.p90", "hours"),
        Column("dashboard.col.contact_overdue", "count", "contact_overdue"),
    ]
    values = [
        by_set.get("responded", 0),
        by_set.get("responded_in_norm", 0),
        by_set.get("responded_late", 0),
        share(
            by_set.get("responded_in_norm", 0), _judged(by_set, "responded", ["responded_in_norm", "responded_late"])
        ),
        *[_hours(t) for t in times],
        by_set.get("contact_overdue", 0),
    ]
    group = Group("total", "queue.maatwerk", True, {"queue": Queue.MAATWERK})
    return Figure("maatwerk_contact", "total", columns, [Row(group, values)], None, "bar", [])


AGE_SETS = [f"age_{days}" for days in BACKLOG_AGES]


def backlog(session: Session, filters: Filters, now: datetime) -> Figure:
    """What is open now, by age, per queue; overdue and due soon. The period does not apply: this is today."""
    queue = DIMENSIONS["queue"]
    names = [*AGE_SETS, "open", "overdue", "due_soon"]
    counts = count_sets(session, queue, names, filters, now)
    columns = [Column(f"dashboard.col.{name}", "count", name) for name in names]
    rows = [Row(g, [counts.get(g.key, {}).get(n, 0) for n in names]) for g in queue.groups(session, filters)]
    total = Row(TOTAL, [sum(r.values[i] for r in rows) for i in range(len(names))])
    return Figure("backlog", "queue", columns, rows, total, "stacked", list(range(len(AGE_SETS))))


REOPEN_SPEC = [("resolved", "reopened"), ("feedback", "feedback_satisfied", "feedback_negative")]


def reopen_and_satisfaction(session: Session, filters: Filters, now: datetime) -> Figure:
    return ratio_figure(session, "satisfaction", DIMENSIONS["queue"], REOPEN_SPEC, filters, now)


def inflow(session: Session, by: str, filters: Filters, now: datetime) -> Figure:
    """Reports received per day, week or channel, beside the same number of days just before."""
    dimension = DIMENSIONS[by]
    current = count_sets(session, dimension, ["inflow"], filters, now)
    before_filters = filters.narrowed(period=filters.period.previous())
    before = count_sets(session, dimension, ["inflow"], before_filters, now)
    rows = []
    for group, counterpart in _counterparts(session, dimension, filters, before_filters):
        earlier = before.get(counterpart.key, {}).get("inflow", 0) if counterpart else 0
        narrowing = {"period": before_filters.period, **(counterpart.narrowing if counterpart else {})}
        rows.append(Row(group, [current.get(group.key, {}).get("inflow", 0), earlier], narrowing))
    now_total, before_total = sum(r.values[0] for r in rows), sum(r.values[1] for r in rows)
    columns = [
        Column("dashboard.col.inflow", "count", "inflow"),
        Column("dashboard.col.inflow_before", "count", "inflow", before=True),
    ]
    total = Row(TOTAL, [now_total, before_total], {"period": before_filters.period})
    chart = "line" if by in ("day", "week") else "bar"
    return Figure(f"inflow_{by}", by, columns, rows, total, chart, [0, 1])


def _counterparts(session: Session, dimension: Dimension, filters: Filters, before: Filters):
    """Each group with its counterpart in the period before: the n-th day or week, or the same channel or buurt."""
    groups = dimension.groups(session, filters)
    if dimension.name not in ("day", "week"):
        return [(group, group) for group in groups]
    earlier = dimension.groups(session, before)
    return [(group, earlier[i] if i < len(earlier) else None) for i, group in enumerate(groups)]


def trend(figure: Figure) -> float | None:
    """Change of the total against the period before, as a share (0.1 is ten percent more)."""
    now_total, before_total = figure.total.values
    return (now_total - before_total) / before_total if before_total else None


CLASSIFIER_SPECS = {
    "automation": [("proposed", "automated")],
    "category_corrections": [("category_decided", "category_corrected")],
    "queue_corrections": [("queue_decided", "queue_corrected")],
}


def automation(session: Session, by: str, filters: Filters, now: datetime) -> Figure:
    """Share of reports the classifier routed without a person, per week."""
    return ratio_figure(
        session, f"automation_{by}", DIMENSIONS[by], CLASSIFIER_SPECS["automation"], filters, now, "line"
    )


def corrections(session: Session, field_name: str, by: str, filters: Filters, now: datetime) -> Figure:
    """Share of the officers' decisions that changed the classifier's proposal, per group."""
    spec = CLASSIFIER_SPECS[f"{field_name}_corrections"]
    chart = "line" if by == "week" else "bar"
    return ratio_figure(session, f"{field_name}_corrections_{by}", DIMENSIONS[by], spec, filters, now, chart)


def accuracy(session: Session, by: str, filters: Filters, now: datetime) -> Figure:
    """How often the officers kept the proposed category: the live accuracy of the artifacts in use."""
    spec = [("category_decided", "category_accepted", "category_corrected")]
    return ratio_figure(session, f"accuracy_{by}", DIMENSIONS[by], spec, filters, now, "line")
