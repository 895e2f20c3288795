"""Intake: checking what a resident (or an app) sends and storing it as a received report.

Every channel (the web form, the JSON API, Open311) ends in one verb, `receive_report`: check, store, owe
the proposal and the received mail. Checking changes nothing; storing only flushes: the edge commits once and
then hands over what is owed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from geo.areas import Placement, find_area, place_point, point_element, representative_point
from geo.geocoder import Address
from geo.wrong_door import WrongDoor
from models import Area, AreaKind, Attachment, Channel, Report, Reporter, ReportStatus
from triage.intake.addresses import store_address
from triage.intake.photo_store import PhotoStore
from triage.intake.photos import PhotoRejected, prepare_photo
from triage.intake.tracking import new_status_token, unique_tracking_code
from triage.kernel.audit import AuditAction, record
from triage.kernel.email_address import is_email_address
from triage.kernel.refusals import Problems, SubmissionRejected
from triage.notifications.kinds import MailKind
from triage.notifications.resident_mail import mail_resident
from triage.proposals.pipeline import owe_proposal
from triage.reference.saved_profile import current_profile

MIN_DESCRIPTION = 1  # visible characters; the OpenAPI document states the same
MAX_DESCRIPTION = 3000
MAX_LOCATION_TEXT = 300
MAX_PHOTOS = 3
PHONE = re.compile(r"^\+?[0-9 ()-]{8,20}$")


@dataclass
class Submission:
    """What the resident sent, as typed: kept verbatim so a refused form can be shown again unchanged."""

    description: str = ""
    lat: str = ""
    lon: str = ""
    buurt_code: str = ""
    location_text: str = ""
    email: str = ""
    phone: str = ""
    contact_consent: bool = False
    language: str = "nl"
    photo_keys: list[str] = field(default_factory=list)
    address: Address | None = None  # the address the form found for the pin (a chosen suggestion, or the nearest)
    address_sought: bool = False  # a geocoder answered about this pin: the report is not owed a look-up


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes


@dataclass(frozen=True)
class CheckedLocation:
    lon: float
    lat: float
    approximate: bool
    buurt: Area | None
    wijk: Area | None


def accept_uploads(store: PhotoStore, submission: Submission, uploads: list[Upload], problems: Problems) -> None:
    """Clean new photos into drafts and add their keys; refuse the whole batch when it would exceed the limit."""
    uploads = [upload for upload in uploads if upload.filename or upload.data]
    submission.photo_keys = [key for key in submission.photo_keys if store.has_draft(key)]
    if len(submission.photo_keys) + len(uploads) > MAX_PHOTOS:
        problems.add("photos", "photos.too_many", max=MAX_PHOTOS)
        return
    for upload in uploads:
        try:
            submission.photo_keys.append(store.save_draft(prepare_photo(upload.data, upload.filename)))
        except PhotoRejected as refusal:
            problems.add("photos", refusal.code, **refusal.params)


def check_submission(
    session: Session,
    submission: Submission,
    municipality_code: str,
    found: Problems | None = None,
    wrong_door: WrongDoor | None = None,
) -> CheckedLocation:
    """Refuse with every problem at once, so the resident can fix them in one go.

    `found` are problems the caller met first (a refused photo); they are refused together with ours.
    """
    problems = Problems({name: list(items) for name, items in (found or {}).items()})
    _check_description(submission, problems)
    _check_contact(submission, problems)
    location = _check_location(session, submission, municipality_code, problems, wrong_door)
    if problems:
        raise SubmissionRejected(problems)
    return location


INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp"}  # control, format (zero-width), and space characters
UNREADABLE = "\ufffd"  # what a lone surrogate or broken byte becomes when the request is read


def visible_length(text: str) -> int:
    """Zero-width spaces, control characters and non-breaking spaces say nothing: they do not count."""
    return sum(unicodedata.category(ch) not in INVISIBLE_CATEGORIES for ch in text)


def _check_description(submission: Submission, problems: Problems) -> None:
    text = submission.description.strip()
    if visible_length(text) < MIN_DESCRIPTION:
        problems.add("description", "description.required")
    elif len(text) > MAX_DESCRIPTION:
        problems.add("description", "description.too_long", max=MAX_DESCRIPTION, length=len(text))
    elif UNREADABLE in text:
        problems.add("description", "text.invalid_characters")


def _check_contact(submission: Submission, problems: Problems) -> None:
    email, phone = submission.email.strip(), submission.phone.strip()
    if email and not is_email_address(email):
        problems.add("email", "email.invalid")
    if phone and (not PHONE.match(phone) or not 8 <= sum(ch.isdigit() for ch in phone) <= 15):
        problems.add("phone", "phone.invalid")
    if (email or phone) and not submission.contact_consent:
        problems.add("contact_consent", "contact_consent.required")


def _check_location(
    session: Session, submission: Submission, municipality_code: str, problems: Problems, wrong_door: WrongDoor | None
) -> CheckedLocation | None:
    if len(submission.location_text.strip()) > MAX_LOCATION_TEXT:
        problems.add("location_text", "location_text.too_long", max=MAX_LOCATION_TEXT)
    elif UNREADABLE in submission.location_text:
        problems.add("location_text", "text.invalid_characters")
    if submission.lat.strip() or submission.lon.strip():
        return _check_pin(session, submission, municipality_code, problems, wrong_door)
    if submission.buurt_code.strip():
        return _check_buurt_choice(session, submission, municipality_code, problems)
    problems.add("location", "location.required")
    return None


def _check_pin(
    session: Session, submission: Submission, municipality_code: str, problems: Problems, wrong_door: WrongDoor | None
):
    coordinates = parse_coordinates(submission.lat, submission.lon)
    if coordinates is None:
        problems.add("location", "location.invalid")
        return None
    lat, lon = coordinates
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        problems.add("location", "location.out_of_range")
        return None
    placement: Placement = place_point(session, lon, lat, municipality_code, wrong_door)
    if not placement.inside:
        _refuse_outside(session, placement, problems)
        return None
    return CheckedLocation(lon, lat, False, placement.buurt, placement.wijk)


def _refuse_outside(session: Session, placement: Placement, problems: Problems) -> None:
    """Name where the pin lies, with the page to report there when the profile knows one (no wrong door)."""
    if not placement.elsewhere:
        problems.add("location", "location.outside", place="")
        return
    report_url = current_profile(session).report_url_of(placement.elsewhere)
    extra = {"report_url": report_url} if report_url else {}
    problems.add("location", "location.outside_named", place=placement.elsewhere, **extra)


def _check_buurt_choice(session: Session, submission: Submission, municipality_code: str, problems: Problems):
    """Without a map, the buurt plus a description of the place stands in for the pin."""
    buurt = find_area(session, AreaKind.BUURT, submission.buurt_code.strip())
    wijk = find_area(session, AreaKind.WIJK, buurt.parent_code or "") if buurt else None
    if buurt is None or wijk is None or wijk.parent_code != municipality_code:  # a buurt of another municipality
        problems.add("location", "location.unknown_buurt")
        return None
    if not submission.location_text.strip():
        problems.add("location_text", "location_text.required")
        return None
    lon, lat = representative_point(buurt)
    return CheckedLocation(lon, lat, True, buurt, wijk)


def parse_coordinates(lat_text: str, lon_text: str) -> tuple[float, float] | None:
    """Numbers as typed, accepting a decimal comma; None when either is not a finite number."""
    try:
        lat = float(str(lat_text).strip().replace(",", "."))
        lon = float(str(lon_text).strip().replace(",", "."))
    except ValueError:
        return None
    if lat != lat or lon != lon or abs(lat) == float("inf") or abs(lon) == float("inf"):
        return None
    return lat, lon


def receive_report(
    session: Session,
    submission: Submission,
    store: PhotoStore,
    *,
    municipality_code: str,
    channel: Channel,
    now: datetime,
    actor: str = "resident",
    found: Problems | None = None,
    wrong_door: WrongDoor | None = None,
) -> Report:
    """Receiving a report, the same for every channel: check, store, owe the proposal and the received mail.

    Raises SubmissionRejected (with `found` and every problem of the check) and then has changed nothing.
    It only flushes: the edge commits once and dispatches the owed work after the commit.
    """
    location = check_submission(session, submission, municipality_code, found, wrong_door)
    return submit_report(session, submission, location, store, channel=channel, now=now, actor=actor)


def submit_report(
    session: Session,
    submission: Submission,
    location: CheckedLocation,
    store: PhotoStore,
    *,
    channel: Channel,
    now: datetime,
    actor: str = "resident",
) -> Report:
    """Store a checked submission as a received report that is owed its proposal and the received mail."""
    report = Report(
        tracking_code=unique_tracking_code(session),
        status_token=new_status_token(),
        description=submission.description.strip(),
        location=point_element(location.lon, location.lat),
        location_text=submission.location_text.strip(),
        location_is_approximate=location.approximate,
        buurt=location.buurt,
        wijk=location.wijk,
        status=ReportStatus.RECEIVED,
        channel=channel,
        language=submission.language,
        created_at=now,
        reporter=_reporter(submission, now),
        attachments=[],  # a new report's photos are the ones attached here: no query to count them later
    )
    if submission.address_sought:
        store_address(report, submission.address, now)
    session.add(report)
    _attach_photos(report, submission.photo_keys, store, now)
    record(
        session, report, AuditAction.REPORT_RECEIVED, actor, now, channel=channel.value, photos=len(report.attachments)
    )
    session.flush()
    owe_proposal(session, report, now)
    mail_resident(session, report, MailKind.RECEIVED, now)
    return report


def _reporter(submission: Submission, now: datetime) -> Reporter | None:
    email, phone = submission.email.strip(), submission.phone.strip()
    if not (email or phone):
        return None
    return Reporter(email=email or None, phone=phone or None, consent_at=now)


def _attach_photos(report: Report, keys: list[str], store: PhotoStore, now: datetime) -> None:
    for position, key in enumerate(keys[:MAX_PHOTOS], start=1):
        photo = store.load_draft(key)
        if photo is None:
            continue
        report.attachments.append(
            Attachment(
                position=position,
                storage_key=store.store(photo),
                original_name=photo.original_name,
                content_type="image/jpeg",
                byte_size=len(photo.image),
                width=photo.width,
                height=photo.height,
                sha256=photo.sha256,
                created_at=now,
            )
        )
        store.discard_draft(key)
