"""What anyone may see of open reports: the public map and list, "already reported?" on the form, and Open311.

One read, `find_requests` without a key, decides which reports are public (a category marked public), so the
map, the form and Open311 GET requests always show the same reports. A public report shows its category, its
status and a rough place (coordinates rounded to about a hundred metres, and its buurt): never the resident's
words, photos, address or contact details.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from geoalchemy2.shape import to_shape
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from geo.nearby import reports_near
from models import Category, Report, ReportStatus
from triage.open311.requests import MAX_RESULTS, RequestQuery, VisibleRequest, find_requests

ROUGH_DECIMALS = 3  # 0.001 degree: about 110 m north-south and 70 m east-west here
MAP_SPAN = timedelta(days=365)  # an open report older than a year is still shown, one of five years is not
NEARBY_RADIUS_M = 100
NEARBY_SPAN = timedelta(days=90)
NEARBY_SHOWN = 5


@dataclass(frozen=True)
class PublicReport:
    tracking_code: str
    category: Category
    status: ReportStatus
    lat: float
    lon: float
    buurt: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class MapFilter:
    """The map's choices: service codes of public categories and open statuses; empty means all."""

    service_codes: tuple[str, ...] = ()
    statuses: frozenset[ReportStatus] = frozenset()


def rough_point(report: Report) -> tuple[float, float]:
    """(lat, lon) rounded: enough to find the spot on a map, not enough to point at one house."""
    point = to_shape(report.location)
    return round(point.y, ROUGH_DECIMALS), round(point.x, ROUGH_DECIMALS)


def as_public(seen: VisibleRequest) -> PublicReport:
    lat, lon = rough_point(seen.report)
    report = seen.report
    return PublicReport(
        tracking_code=report.tracking_code,
        category=seen.category,
        status=report.status,
        lat=lat,
        lon=lon,
        buurt=report.buurt.name if report.buurt else "",
        created_at=report.created_at,
        updated_at=seen.updated_at,
    )


def public_categories(session: Session) -> list[Category]:
    """The sub categories marked public, by name: what the map can be filtered by."""
    query = select(Category).where(Category.is_public.is_(True), Category.parent_id.is_not(None))
    return sorted(session.scalars(query.options(selectinload(Category.parent))), key=lambda c: c.name.lower())


def open_statuses() -> tuple[ReportStatus, ...]:
    return ReportStatus.open()


def public_open_reports(session: Session, choice: MapFilter, now: datetime) -> list[PublicReport]:
    """The map and its list: open reports in public categories, newest first, through Open311's own read."""
    statuses = frozenset(choice.statuses) & set(open_statuses())
    query = RequestQuery(
        service_codes=choice.service_codes,
        statuses=frozenset({"open"}),
        report_statuses=statuses,
        start=now - MAP_SPAN,
        end=now,
        page_size=MAX_RESULTS,
    )
    return [as_public(seen) for seen in find_requests(session, query, None) if seen.category]


def public_report(session: Session, tracking_code: str) -> PublicReport | None:
    """One open public report by its code (the "follow this report" page); None for any other."""
    found = find_requests(session, RequestQuery(ids=(tracking_code,)), None)
    return as_public(found[0]) if found and found[0].report.status.is_open and found[0].category else None


def open_reports_near(session: Session, lon: float, lat: float, now: datetime) -> list[PublicReport]:
    """ "Already reported?": open public reports within 100 m of the pin from the last 90 days, nearest first."""
    nearby = [item for item in reports_near(session, lon, lat, NEARBY_RADIUS_M, now - NEARBY_SPAN, now) if item.is_open]
    ids = [item.report_id for item in nearby]
    if not ids:
        return []
    query = select(Report.id, Report.tracking_code).where(Report.id.in_(ids))
    codes = {report_id: code for report_id, code in session.execute(query)}
    found = {seen.report.id: seen for seen in find_requests(session, RequestQuery(ids=tuple(codes.values())), None)}
    shown = [as_public(found[i]) for i in ids if i in found and found[i].category]
    return shown[:NEARBY_SHOWN]
