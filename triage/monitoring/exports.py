"""Exports of the dashboard: each figure as CSV, and the reports behind a view as CSV or GeoJSON.

The CSV is written for Dutch Excel, which most readers open it in: semicolons, UTF-8 with a byte order
mark, decimal commas, and names rather than codes (the codes in a column of their own, for scripts).

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
REPORT_FIELDS = (  # what a row holds: codes, and the names the database knows
    "tracking_code",
    "created_at",
    "status",
    "channel",
    "queue",
    "category",
    "category_name",
    "wijk",
    "wijk_name",
    "buurt",
    "buurt_name",
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
NAMED_BY_CATALOGUE = {"status": "status", "channel": "channel", "queue": "queue"}  # field -> translation prefix
CSV_COLUMNS = (  # (heading, field): a name first, its code in a column of its own beside it
    ("tracking_code", "tracking_code"),
    ("created_at", "created_at"),
    ("status", "status:name"),
    ("status_code", "status"),
    ("channel", "channel:name"),
    ("channel_code", "channel"),
    ("queue", "queue:name"),
    ("queue_code", "queue"),
    ("category", "category_name"),
    ("category_code", "category"),
    ("wijk", "wijk_name"),
    ("wijk_code", "wijk"),
    ("buurt", "buurt_name"),
    ("buurt_code", "buurt"),
    ("due_at", "due_at"),
    ("resolved_at", "resolved_at"),
    ("resolution_hours", "resolution_hours"),
    ("resolved_in_norm", "resolved_in_norm:flag"),
    ("first_contact_at", "first_contact_at"),
    ("response_hours", "response_hours"),
    ("responded_in_norm", "responded_in_norm:flag"),
    ("lon", "lon"),
    ("lat", "lat"),
)
BYTE_ORDER_MARK = "\ufeff"  # without it Excel reads UTF-8 as Windows-1252: "Ã©" for "é"
SEPARATOR = ";"  # Dutch Excel splits on semicolons (the comma is the decimal separator)
Label = Callable[..., str]  # a catalogue key (and values) -> the words in the reader's language


def safe_cell(value) -> str:
    """A spreadsheet must not run a cell as a formula (CSV injection): such text gets a leading quote."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv_line(values) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=SEPARATOR).writerow([safe_cell(v) for v in values])
    return buffer.getvalue()


def _decimal(text: str) -> str:
    """Dutch spreadsheets read 0,8 as a number and 0.8 as text or a date."""
    return text.replace(".", ",")


def figure_csv(figure: Figure, heading: Callable[[str], str], group_label: Callable) -> Iterator[str]:
    """One line per group and a total line; shares as fractions, times in working hours."""
    yield BYTE_ORDER_MARK + _csv_line(
        [heading(f"dashboard.by.{figure.dimension}"), *[heading(c.key) for c in figure.columns]]
    )
    for row in [*figure.rows, *([figure.total] if figure.total else [])]:
        yield _csv_line([group_label(row.group), *[_number(v) for v in row.values]])


def _number(value) -> str:
    if value is None:
        return ""
    return _decimal(f"{value:.4f}") if isinstance(value, float) else str(value)


def _local(moment) -> str:
    return moment.astimezone(LOCAL_TIME_ZONE).isoformat(timespec="minutes") if moment else ""


def _hours(seconds) -> str:
    return "" if seconds is None else f"{seconds / 3600:.2f}"


def _flag(value) -> str:
    return "" if value is None else ("yes" if value else "no")


def _cell(row: dict, field: str, label: Label) -> str:
    name, _, shown_as = field.partition(":")
    value = row[name]
    if shown_as == "name":
        return label(f"{NAMED_BY_CATALOGUE[name]}.{value}") if value else ""
    if shown_as == "flag":
        return label(f"export.{value}") if value else ""
    if name in ("resolution_hours", "response_hours", "lon", "lat"):
        return _decimal(str(value))
    return value


def report_rows(session: Session, reports: Select) -> Iterator[dict]:
    """The export fields of the selected reports, joined in SQL, read in batches."""
    chosen = reports.with_only_columns(Report.id).subquery()
    wijk, buurt = aliased(Area), aliased(Area)
    query = (
        select(Report, Category, wijk, buurt, func.ST_X(Report.location), func.ST_Y(Report.location))
        .join(chosen, chosen.c.id == Report.id)
        .outerjoin(Category, Category.id == Report.category_id)
        .outerjoin(wijk, wijk.id == Report.wijk_id)
        .outerjoin(buurt, buurt.id == Report.buurt_id)
        .order_by(Report.created_at, Report.id)
        .execution_options(yield_per=BATCH)
    )
    for report, category, wijk_area, buurt_area, lon, lat in session.execute(query):
        yield {
            "tracking_code": report.tracking_code,
            "created_at": _local(report.created_at),
            "status": report.status.value,
            "channel": report.channel.value,
            "queue": report.queue.value if report.queue else "",
            "category": category.slug if category else "",
            "category_name": category.name if category else "",
            "wijk": wijk_area.code if wijk_area else "",
            "wijk_name": wijk_area.name if wijk_area else "",
            "buurt": buurt_area.code if buurt_area else "",
            "buurt_name": buurt_area.name if buurt_area else "",
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


def reports_csv(rows: Iterator[dict], label: Label) -> Iterator[str]:
    """For a spreadsheet: semicolons, a byte order mark, headings and names in the reader's language."""
    yield BYTE_ORDER_MARK + _csv_line([label(f"export.{heading}") for heading, _ in CSV_COLUMNS])
    for row in rows:
        yield _csv_line([_cell(row, field, label) for _, field in CSV_COLUMNS])


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
