"""The public map and list of open reports (/kaart), and "already reported?" beside the pin on the report form.

Everything here comes from Open311's public read (triage.open311), so the map, the list, the form and Open311 GET
requests show the same reports, with category, status and a rough place only. The list works without JavaScript;
the map draws the same reports from the GeoJSON.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, jsonify, render_template, request, url_for

from models import ReportStatus
from triage.kernel import Problems
from triage.open311 import (
    MapFilter,
    PublicReport,
    open_reports_near,
    open_statuses,
    public_categories,
    public_open_reports,
)
from triage.reference import service_code
from web.database import session
from web.i18n import current_language, translate

blueprint = Blueprint("public_map", __name__)
PUBLIC_CACHE = {"Cache-Control": "public, max-age=60"}


def _choice() -> tuple[MapFilter, Problems, list]:
    """The filters from the query string; a value not on offer is refused next to its field and left out."""
    categories = public_categories(session())
    codes = {service_code(category) for category in categories}
    asked_codes, asked_statuses = request.args.getlist("categorie"), request.args.getlist("status")
    problems = Problems()
    if set(asked_codes) - codes:
        problems.add("categorie", "map.category_unknown")
    known_statuses = {status.value for status in open_statuses()}
    if set(asked_statuses) - known_statuses:
        problems.add("status", "map.status_unknown")
    choice = MapFilter(
        service_codes=tuple(code for code in asked_codes if code in codes),
        statuses=frozenset(ReportStatus(value) for value in asked_statuses if value in known_statuses),
    )
    return choice, problems, categories


@blueprint.get("/kaart")
def map_page():
    choice, problems, categories = _choice()
    reports = public_open_reports(session(), choice, datetime.now(UTC))
    page = render_template(
        "public_map/map.html",
        reports=reports,
        categories=categories,
        statuses=open_statuses(),
        choice=choice,
        problems=problems,
        service_code=service_code,
        geojson_url=url_for("public_map.map_geojson", **request.args.to_dict(flat=False)),
    )
    return page, 422 if problems else 200


@blueprint.get("/kaart/meldingen.geojson")
def map_geojson():
    choice, _, _ = _choice()
    features = [_feature(report) for report in public_open_reports(session(), choice, datetime.now(UTC))]
    body = {"type": "FeatureCollection", "features": features}
    return body, 200, {"Content-Type": "application/geo+json", **PUBLIC_CACHE}


@blueprint.get("/kaart/in-de-buurt.json")
def nearby_json():
    """For the form's script: open public reports near the pin; an empty list for a point that cannot be read."""
    try:
        lat, lon = float(request.args.get("lat", "")), float(request.args.get("lon", ""))
    except ValueError:
        return jsonify([])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return jsonify([])
    return jsonify([_properties(report) for report in open_reports_near(session(), lon, lat, datetime.now(UTC))])


def _feature(report: PublicReport) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [report.lon, report.lat]},
        "properties": _properties(report),
    }


def _properties(report: PublicReport) -> dict:
    """What a public report says in the page's language; the same fields as the list, nothing more."""
    category = report.category
    return {
        "code": report.tracking_code,
        "category": category.name_en if current_language() == "en" and category.name_en else category.name,
        "status": report.status.value,
        "status_label": translate(f"status.{report.status.value}"),
        "buurt": report.buurt,
        "reported_on": report.created_at.date().isoformat(),
        "follow_url": url_for("follow.follow_page", code=report.tracking_code, lang=current_language()),
    }
