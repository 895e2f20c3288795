"""Our categories and reports in Open311's field names, in the caller's language. Contact details never appear."""

from __future__ import annotations

from flask import current_app, url_for
from geoalchemy2.shape import to_shape

from models import Category, Report
from triage.open311 import VisibleRequest, rough_point
from triage.reference import service_code
from web.i18n import translate
from web.open311.formats import CONTENT_TYPES, w3c_time

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
CHANGESET = "2026-11-23T00:00:00+01:00"  # raise when services, fields or behaviour change


def _in(language: str, dutch: str, english: str) -> str:
    return english if language == "en" and english else dutch


def service_fields(category: Category, language: str) -> dict:
    """No category has extra questions, so `metadata` is false and every definition has no attributes."""
    return {
        "service_code": service_code(category),
        "service_name": _in(language, category.name, category.name_en),
        "description": _in(language, category.description, category.description_en),
        "metadata": False,
        "type": "realtime",
        "keywords": _in(language, category.name_en, category.name),  # the other language's name finds it too
        "group": _in(language, category.parent.name, category.parent.name_en) if category.parent else None,
    }


def definition_fields(category: Category) -> dict:
    return {"service_code": service_code(category), "attributes": []}


def service_notice(category: Category, language: str) -> str:
    """What the client can tell the resident to expect: the service norm of the asked-for category."""
    if not category.service_norm_days:
        return translate("open311.notice", language)
    unit = "open311.notice_days" if category.calendar_days else "open311.notice_workdays"
    return translate(unit, language, days=category.service_norm_days)


def request_fields(seen: VisibleRequest, language: str) -> dict:
    """One report; the resident's own words and the media link only for the key that sent them, the exact place only
    for that key too (everyone else gets the rough place the public map shows). A report found by its id outside
    the public categories shows its status and dates only, as the tracking page does."""
    report, category = seen.report, (seen.category if seen.listed else None)
    lat, long = _place(seen) if seen.listed else (None, None)
    return {
        "service_request_id": report.tracking_code,
        "status": "closed" if report.status.is_closed else "open",
        "status_notes": seen.status_notes,
        "service_name": _in(language, category.name, category.name_en) if category else None,
        "service_code": service_code(category) if category else None,
        "description": report.description if seen.own else None,
        "agency_responsible": category.team.name if category and category.team else None,
        "service_notice": None,
        "requested_datetime": w3c_time(report.created_at),
        "updated_datetime": w3c_time(seen.updated_at),
        "expected_datetime": w3c_time(report.due_at) if seen.listed else None,
        "address": (report.location_text or None) if seen.own else None,
        "address_id": None,
        "zipcode": None,
        "lat": lat,
        "long": long,
        "media_url": seen.submission.media_url if seen.submission else None,
    }


def _place(seen: VisibleRequest) -> tuple[float, float]:
    if not seen.own:
        return rough_point(seen.report)
    point = to_shape(seen.report.location)
    return round(point.y, 6), round(point.x, 6)


def created_fields(report: Report, category: Category, language: str) -> dict:
    return {
        "service_request_id": report.tracking_code,
        "service_notice": service_notice(category, language),
        "account_id": None,
    }


def discovery_fields(language: str) -> dict:
    base = url_for("open311.discovery", fmt="xml", _external=True).rsplit("/", 1)[0]
    config = current_app.config
    return {
        "changeset": CHANGESET,
        "contact": translate(
            "open311.contact", language, municipality=config["MUNICIPALITY_NAME"], url=config["PUBLIC_BASE_URL"]
        ),
        "key_service": translate("open311.key_service", language, municipality=config["MUNICIPALITY_NAME"]),
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": base,
                "changeset": CHANGESET,
                "type": config["OPEN311_ENDPOINT_TYPE"],
                "formats": [content_type.split(";")[0] for content_type in CONTENT_TYPES.values()],
            }
        ],
    }
