"""Reading labelled reports from files, so anyone can reproduce training and evaluation.

Formats:
- `katwijk`: the Fixi export of ../shared/data/katwijk (id, created_utc, closed_utc, category, subcategory,
  source, region, address, lat, lon, description).
- `signalen`: a Signalen CSV export (id, created_at, main_category or main_slug, sub_category or sub_slug,
  text, lat/lon or latitude/longitude, source; optional closed_at).
- `queue-labels`: JSONL with text, category, source, queue and earlier_same_category_within_50m_30d.
- `demo`: the product's demo corpus (data/demo_corpus.jsonl).
Rows that cannot be read are collected with their line numbers, never silently dropped.
"""

from __future__ import annotations

import csv
import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from classifiers.context import Event, compute_contexts
from classifiers.inputs import LabelledReport, ReportInput

LOCAL = ZoneInfo("Europe/Amsterdam")
FORMATS = ("katwijk", "signalen", "queue-labels", "demo")


@dataclass(frozen=True)
class Record:
    id: str
    created: datetime | None
    example: LabelledReport
    lat: float | None = None
    lon: float | None = None
    closed: datetime | None = None
    reporter: str | None = None
    line: int = 0


@dataclass
class Dataset:
    records: list[Record]
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def examples(self) -> list[LabelledReport]:
        return [r.example for r in self.records]


def parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _float(value) -> float | None:
    """A number, or missing: a coordinate written "nan", "inf" or "n/a" says nothing about the place.

    Missing rather than refused, because the text and category of such a row still teach the classifier."""
    if value in (None, ""):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _coordinates(lat, lon) -> tuple[float | None, float | None]:
    """Both or neither, and only on the globe: a point needs two real numbers."""
    lat, lon = _float(lat), _float(lon)
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None, None
    return lat, lon


def _first(row: dict, *names: str) -> str:
    return next((row[n] for n in names if row.get(n) not in (None, "")), "")


def _report(text: str, created: datetime | None, channel: str, areas=(), has_photos=False) -> ReportInput:
    local = created.astimezone(LOCAL) if created else None
    return ReportInput(
        text=text or "",
        channel=channel or "",
        areas=tuple(a for a in areas if a),
        has_photos=has_photos,
        hour=local.hour if local else None,
        weekday=local.weekday() if local else None,
    )


def _katwijk(row: dict) -> Record:
    created = parse_time(row["created_utc"])
    street = row.get("address", "").split(",")[0].strip().lower()
    areas = (f"region:{row.get('region', '')}" if row.get("region") else "", f"street:{street}" if street else "")
    report = _report(row["description"], created, row.get("source", ""), areas)
    example = LabelledReport(report, category=row["category"] or None, subcategory=row.get("subcategory") or None)
    lat, lon = _coordinates(row.get("lat"), row.get("lon"))
    return Record(row["id"], created, example, lat, lon, parse_time(row.get("closed_utc")))


def _signalen(row: dict) -> Record:
    created = parse_time(_first(row, "created_at", "created"))
    report = _report(
        _first(row, "text", "description"),
        created,
        _first(row, "source", "channel"),
        (f"area:{_first(row, 'area_code', 'stadsdeel')}" if _first(row, "area_code", "stadsdeel") else "",),
    )
    example = LabelledReport(
        report,
        category=_first(row, "main_category", "main_slug") or None,
        subcategory=_first(row, "sub_category", "sub_slug") or None,
    )
    lat, lon = _coordinates(_first(row, "lat", "latitude"), _first(row, "lon", "longitude"))
    return Record(_first(row, "id", "signal_id"), created, example, lat, lon, parse_time(_first(row, "closed_at")))


def _text(value) -> str:
    """The resident's words; anything else (a number, a list) is an unreadable field, refused with its line."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"text is {type(value).__name__}, not text")
    return value


def _count(value) -> int:
    """An earlier-reports count; unreadable or negative counts as none known."""
    number = _float(value)
    return int(number) if number is not None and number >= 0 else 0


def _queue_label(row: dict) -> Record:
    """A labelled row; `sample: enriched` rows were chosen for their class, so they may only be trained on.

    A file that also carries `created_utc`, `lat` and `lon` (joined with the reports) gets time and place."""
    created = parse_time(row.get("created_utc") or row.get("created"))
    local = created.astimezone(LOCAL) if created else None
    report = ReportInput(
        text=_text(row["text"]),
        channel=str(row.get("source") or ""),
        hour=local.hour if local else None,
        weekday=local.weekday() if local else None,
        nearby_50m_30d={row["category"]: _count(row.get("earlier_same_category_within_50m_30d"))},
    )
    example = LabelledReport(
        report, category=row["category"], queue=row["queue"], training_only=row.get("sample") == "enriched"
    )
    lat, lon = _coordinates(row.get("lat"), row.get("lon"))
    return Record(str(row["id"]), created, example, lat, lon)


def _demo(row: dict) -> Record:
    created = parse_time(row.get("created"))
    report = _report(row["text"], created, row.get("channel", ""), has_photos=bool(row.get("has_photos")))
    example = LabelledReport(
        report, category=row["main_category"], subcategory=row.get("category"), queue=row.get("queue")
    )
    lat, lon = _coordinates(row.get("lat"), row.get("lon"))
    return Record(row["id"], created, example, lat, lon, reporter=row.get("reporter"))


def _rows(path: Path, fmt: str) -> Iterable[tuple[int, dict | Exception]]:
    """Each row with its line number, or the reason it cannot be read: one bad line never stops the rest."""
    with path.open(encoding="utf-8-sig", errors="replace", newline="") as handle:
        if fmt in ("queue-labels", "demo"):
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    yield number, _json_row(line)
        else:
            yield from _csv_rows(handle)


def _json_row(line: str) -> dict | Exception:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        return ValueError(f"not JSON: {error.msg}")
    return row if isinstance(row, dict) else ValueError("not a JSON object")


def _csv_rows(handle) -> Iterable[tuple[int, dict | Exception]]:
    reader = csv.DictReader(handle)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield reader.line_num, ValueError(f"not CSV: {error}")
            continue
        yield reader.line_num, row


READERS: dict[str, Callable[[dict], Record]] = {
    "katwijk": _katwijk,
    "signalen": _signalen,
    "queue-labels": _queue_label,
    "demo": _demo,
}


def read_dataset(path: Path, fmt: str, with_context: bool = True) -> Dataset:
    if fmt not in READERS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    dataset = Dataset([])
    for number, row in _rows(Path(path), fmt):
        try:
            if isinstance(row, Exception):
                raise row
            dataset.records.append(replace(READERS[fmt](row), line=number))
        except (KeyError, ValueError, TypeError, AttributeError) as error:
            dataset.errors.append((number, f"{type(error).__name__}: {error}"))
    if with_context and fmt != "queue-labels":  # a label file brings the count its labeller saw
        dataset.records = with_file_context(dataset.records)
    return dataset


def with_file_context(records: list[Record]) -> list[Record]:
    """Fill in earlier reports nearby and by the same reporter, from the records themselves."""
    events = [
        Event(
            r.created.timestamp() if r.created else 0.0,
            r.example.category,
            r.lat,
            r.lon,
            r.closed.timestamp() if r.closed else None,
            r.reporter,
        )
        for r in records
    ]
    contexts = compute_contexts(events)
    return [
        replace(
            record,
            example=replace(
                record.example,
                report=replace(
                    record.example.report,
                    nearby_50m_30d=c.nearby_50m_30d,
                    nearby_250m_30d=c.nearby_250m_30d,
                    nearest_open_m=c.nearest_open_m,
                    reporter_reports_90d=c.reporter_reports_90d,
                ),
            ),
        )
        for record, c in zip(records, contexts, strict=True)
    ]
