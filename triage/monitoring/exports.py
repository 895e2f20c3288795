"""Exports of the dashboard: each figure as CSV, and the reports behind a view as CSV or GeoJSON.

Reports are streamed in batches, so an export of a year does not sit in memory. Exports carry what the
figures are made of, never the resident's words or contact details: those stay behind the staff pages.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from models import Area, Category, Report
from triage.kernel.time import LOCAL_TIME_ZONE
from triage.monitoring.figures import Figure

BATCH = 2000
REPORT_FIELDS = (
    "tracking_code",
    "created_at",
    "status",
    "channel",
    "queue",
    "category",
    "wijk",
    "buurt",
    "due_at",
    "resolved_at",
    "resolution_hours",
    "resolved_in_norm",
    "first_contact_at",
    "response_hours",
    "responded_in_norm",
    "lon",
    "lat",
)


def safe_cell(value) -> str:
    """A spreadsheet must not run a cell as a formula (CSV injection): such text gets a leading quote."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv_line(values) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow([safe_cell(v) for v in values])
    return buffer.getvalue()


def figure_csv(figure: Figure, heading: Callable[[str], str], group_label: Callable) -> Iterator[str]:
    """One line per group and a total line; shares as fractions, times in working hours."""
    yield _csv_line([heading(f"dashboard.by.{figure.dimension}"), *[heading(c.key) for c in figure.columns]])
    for row in [*figure.rows, *([figure.total] if figure.total else [])]:
        yield _csv_line([group_label(row.group), *[_number(v) for v in row.values]])


def _number(value) -> str:
    if value is None:
        return ""
    return f"{value:.4f}" if isinstance(value, float) else str(value)


def _local(moment) -> str:
    return moment.astimezone(LOCAL_TIME_ZONE).isoformat(timespec="minutes") if moment else ""


def _hours(seconds) -> str:
    return "" if seconds is None else f"{seconds / 3600:.2f}"


def _flag(value) -> str:
    return "" if value is None else ("yes" if value else "no")


def report_rows(session: Session, reports: Select) -> Iterator[dict]:
    """The export fields of the selected reports, joined in SQL, read in batches."""
    chosen = reports.with_only_columns(Report.id).subquery()
    wijk, buurt = aliased(Area), aliased(Area)
    query = (
        select(
            Report,
            Category.slug,
            wijk.code,
            buurt.code,
            func.ST_X(Report.location),
            func.ST_Y(Report.location),
        )
        .join(chosen, chosen.c.id == Report.id)
        .outerjoin(Category, Category.id == Report.category_id)
        .outerjoin(wijk, wijk.id == Report.wijk_id)
        .outerjoin(buurt, buurt.id == Report.buurt_id)
        .order_by(Report.created_at, Report.id)
        .execution_options(yield_per=BATCH)
    )
    for report, category, wijk_code, buurt_code, lon, lat in session.execute(query):
        yield {
            "tracking_code": report.tracking_code,
            "created_at": _local(report.created_at),
            "status": report.status.value,
            "channel": report.channel.value,
            "queue": report.queue.value if report.queue else "",
            "category": category or "",
            "wijk": wijk_code or "",
            "buurt": buurt_code or "",
            "due_at": _local(report.due_at),
            "resolved_at": _local(report.resolved_at),
            "resolution_hours": _hours(report.resolution_seconds),
            "resolved_in_norm": _flag(report.resolved_in_norm),
            "first_contact_at": _local(report.first_contact_at),
            "response_hours": _hours(report.response_seconds),
            "responded_in_norm": _flag(report.responded_in_norm),
            "lon": round(lon, 6) if lon is not None else "",
            "lat": round(lat, 6) if lat is not None else "",
        }


def reports_csv(rows: Iterator[dict]) -> Iterator[str]:
    yield _csv_line(REPORT_FIELDS)
    for row in rows:
        yield _csv_line([row[name] for name in REPORT_FIELDS])


def reports_geojson(rows: Iterator[dict]) -> Iterator[str]:
    """A FeatureCollection written piece by piece; coordinates in WGS84 (lon, lat) as GeoJSON requires."""
    yield '{"type": "FeatureCollection", "features": ['
    for index, row in enumerate(rows):
        properties = {name: row[name] for name in REPORT_FIELDS if name not in ("lon", "lat")}
        feature = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": properties,
        }
        yield ("," if index else "") + json.dumps(feature, ensure_ascii=False)
    yield "]}"
