"""Open311 GeoReport v2 intake: what a client system posts, turned into the same submission the form makes.

The report itself goes through `check_submission` and `submit_report` like any other; this module only
translates Open311's fields and keeps what has no place on a report (the key that sent it, the service it
asked for, the media link) beside it. HTTP statuses are the web layer's business: refusals here are
Problems, field by field.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from geo.geocoder import GeocoderSettings, GeocoderUnavailable, locate
from models import ApiKey, ApiSubmission, Category, Report
from triage.intake.photo_store import PhotoStore
from triage.intake.remote_media import MediaSettings, fetch_media, is_web_link
from triage.intake.submission import Submission, accept_uploads, parse_coordinates
from triage.kernel.refusals import Problems, SubmissionRejected

log = logging.getLogger(__name__)

MAX_DESCRIPTION = 4000  # the specification's limit; the intake's own, lower one is checked after this
MAX_ADDRESS = 300
MAX_ATTRIBUTES = 20
MAX_ATTRIBUTE_LENGTH = 500
ATTRIBUTE_FIELD = re.compile(r"^attribute\[([^\[\]]{1,100})\](\[\])?$")


@dataclass
class ServiceRequestPost:
    """The form fields of POST requests, as sent. Names and device or account ids are not kept (see below)."""

    service_code: str = ""
    lat: str = ""
    long: str = ""
    address_string: str = ""
    address_id: str = ""
    description: str = ""
    email: str = ""
    phone: str = ""
    media_url: str = ""
    attributes: dict[str, str | list[str]] = field(default_factory=dict)


def attributes_from(fields: list[tuple[str, str]]) -> dict[str, str | list[str]]:
    """`attribute[CODE]=v` gives a value, `attribute[CODE][]=v1&attribute[CODE][]=v2` a list."""
    found: dict[str, str | list[str]] = {}
    for name, value in fields:
        match = ATTRIBUTE_FIELD.match(name)
        if match and match.group(2):
            existing = found.get(match.group(1))
            found[match.group(1)] = [*(existing if isinstance(existing, list) else []), value]
        elif match:
            found[match.group(1)] = value
    return found


def check_post(post: ServiceRequestPost) -> Problems:
    """What Open311 itself requires, before the intake checks the report as it checks a form."""
    problems = Problems()
    if len(post.description) > MAX_DESCRIPTION:
        problems.add("description", "open311.description_too_long", max=MAX_DESCRIPTION)
    _check_location(post, problems)
    if post.media_url.strip() and not is_web_link(post.media_url.strip()):
        problems.add("media_url", "open311.media_url_invalid")
    _check_attributes(post.attributes, problems)
    return problems


def _check_location(post: ServiceRequestPost, problems: Problems) -> None:
    has_lat, has_long = bool(post.lat.strip()), bool(post.long.strip())
    if has_lat != has_long:
        problems.add("lat", "open311.lat_long_together")
    elif has_lat and parse_coordinates(post.lat, post.long) is None:
        problems.add("lat", "open311.lat_long_invalid")
    elif not has_lat and not post.address_string.strip():
        code = "open311.address_id_unsupported" if post.address_id.strip() else "open311.location_required"
        problems.add("lat", code)
    if len(post.address_string.strip()) > MAX_ADDRESS:
        problems.add("address_string", "open311.address_too_long", max=MAX_ADDRESS)


def _check_attributes(attributes: dict, problems: Problems) -> None:
    values = [v for value in attributes.values() for v in (value if isinstance(value, list) else [value])]
    if len(attributes) > MAX_ATTRIBUTES or any(len(v) > MAX_ATTRIBUTE_LENGTH for v in values):
        problems.add("attribute", "open311.attributes_too_large", max=MAX_ATTRIBUTES, length=MAX_ATTRIBUTE_LENGTH)


def point_for_address(post: ServiceRequestPost, geocoder: GeocoderSettings) -> tuple[float, float] | None:
    """(lon, lat) for a request that gives only `address_string`; None when it gives lat and long itself.

    Call it outside a write transaction: it may wait on the geocoder, up to its timeout.
    """
    if post.lat.strip() or not post.address_string.strip():
        return None
    if not geocoder.enabled:
        raise _refused("address_string", "open311.address_lookup_off")
    try:
        point = locate(geocoder, post.address_string.strip())
    except GeocoderUnavailable as error:
        log.warning("geocoder unavailable: %s", error)
        raise _refused("address_string", "open311.address_lookup_unavailable") from error
    if point is None:
        raise _refused("address_string", "open311.address_not_found")
    return point


def _refused(field_name: str, code: str) -> SubmissionRejected:
    problems = Problems()
    problems.add(field_name, code)
    return SubmissionRejected(problems)


def linked_photo(store: PhotoStore, post: ServiceRequestPost, settings: MediaSettings) -> list[str]:
    """Draft keys of the photo behind `media_url`, when fetching is on and it is a usable image.

    A link that cannot be fetched or is no image does not refuse the report: the link is kept with it.
    Call it outside a write transaction, like the geocoder.
    """
    upload = fetch_media(settings, post.media_url.strip()) if post.media_url.strip() else None
    if upload is None:
        return []
    submission, problems = Submission(), Problems()
    accept_uploads(store, submission, [upload], problems)
    if problems:
        log.warning("media_url is not a usable photo: %s", [p.code for items in problems.values() for p in items])
    return submission.photo_keys


def to_submission(
    post: ServiceRequestPost, category: Category, language: str, point: tuple[float, float] | None = None
) -> Submission:
    """The form's submission for this request; `point` (lon, lat) is where a geocoder put `address_string`.

    Open311 makes the description optional, the form does not: without one, the service's name says what
    the problem is, which is what the classifier and the officer then read. Open311 has no consent field:
    a client system that passes on an e-mail address or phone number has asked the resident for it to be
    contacted about the report, so sending it counts as consent. First and last names are not kept, as
    the form does not ask for them either: contact goes by e-mail or phone.
    """
    lon, lat = (str(point[0]), str(point[1])) if point else (post.long.strip(), post.lat.strip())
    return Submission(
        description=post.description if post.description.strip() else category.name,
        lat=lat,
        lon=lon,
        location_text=post.address_string.strip(),
        email=post.email.strip(),
        phone=post.phone.strip(),
        contact_consent=bool(post.email.strip() or post.phone.strip()),
        language=language,
    )


def record_submission(
    session: Session, report: Report, key: ApiKey, category: Category, post: ServiceRequestPost
) -> ApiSubmission:
    """Keep beside the report who sent it and what they asked for; triage still decides the category."""
    submission = ApiSubmission(
        report=report,
        api_key=key,
        category=category,
        media_url=post.media_url.strip() or None,
        attributes=post.attributes,
    )
    session.add(submission)
    session.flush()
    return submission
