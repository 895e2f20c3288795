"""Reading a report submission out of an HTTP request, the same way for the form and the API."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from flask import abort, current_app, request, send_file

from models import Channel, Report
from triage.intake import PhotoStore, Submission, Upload, receive_report
from triage.kernel import Problems
from web.database import session
from web.municipality import wrong_door

TRUE_WORDS = {"1", "true", "on", "yes", "ja"}
TEXT_FIELDS = ("description", "lat", "lon", "buurt_code", "location_text", "email", "phone")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def photo_store() -> PhotoStore:
    return PhotoStore(current_app.config["UPLOAD_DIR"])


def photo_response(storage_key: str | None, variant: str = "photo"):
    """A stored photo (or its thumbnail, variant "thumb") as JPEG, or 404. Never cached by the browser: photos sit
    behind a secret address or a staff login (web/security.py adds no-store)."""
    path = photo_store().path(storage_key, variant) if storage_key else None
    if path is None:
        abort(404)
    return send_file(path, mimetype="image/jpeg", max_age=0)


def receive(submission: Submission, channel: Channel, actor: str = "resident", found: Problems | None = None) -> Report:
    """Every channel's report enters through the one intake verb, with this app's store, municipality and clock."""
    return receive_report(
        session(),
        submission,
        photo_store(),
        municipality_code=current_app.config["MUNICIPALITY_CODE"],
        channel=channel,
        now=datetime.now(UTC),
        actor=actor,
        found=found,
        wrong_door=wrong_door(),
    )


def submission_from_form(language: str) -> Submission:
    form = request.form
    return Submission(
        **{name: as_text(form.get(name, "")) for name in TEXT_FIELDS},
        contact_consent=form.get("contact_consent", "").lower() in TRUE_WORDS,
        language=language,
        photo_keys=[key for key in form.getlist("photo_keys") if key][:10],
    )


def submission_from_json(payload: dict, language: str) -> Submission:
    values = {name: as_text(payload.get(name)) for name in TEXT_FIELDS}
    return Submission(
        **values,
        contact_consent=as_text(payload.get("contact_consent")).lower() in TRUE_WORDS,
        language=language,
    )


def drop_removed_photos(submission: Submission) -> None:
    """Draft photos the person ticked to remove go, from the store and from the submission."""
    removed = set(request.form.getlist("remove_photo"))
    for key in removed & set(submission.photo_keys):
        photo_store().discard_draft(key)
    submission.photo_keys = [key for key in submission.photo_keys if key not in removed]


def uploads_from_request() -> list[Upload]:
    uploads = []
    for file in request.files.getlist("photos"):
        uploads.append(Upload(filename=file.filename or "", data=file.read()))
        file.close()  # large uploads are spooled to a temporary file: close it now, not at garbage collection
    return uploads


def as_text(value) -> str:
    """JSON clients send numbers and booleans; the checks work on text, as typed in a form.

    NUL characters are dropped: nobody types them, and PostgreSQL cannot store them in text. A lone surrogate
    (JSON's "\\ud800") cannot be stored or sent as UTF-8: it becomes U+FFFD, which the checks refuse with a
    message, as the form's broken bytes already do. Nothing is cut: the checks refuse long text with its real length.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else ""
    return LONE_SURROGATE.sub("\ufffd", str(value).replace("\x00", ""))
