"""POST requests: the key and the service are checked first, then the same intake as the form and the API.

Anything that may wait on another host (the geocoder, the media link) happens after the key is known to
be valid, so strangers cannot make us call out, and before the write transaction, so SQLite's write lock
is never held while we wait.
"""

from __future__ import annotations

from flask import current_app, request

from models import ApiKey, Category, Channel, Report
from triage.intake import MediaSettings
from triage.kernel import Problems, SubmissionRejected
from triage.open311 import (
    GeocoderSettings,
    ServiceRequestPost,
    active_key,
    attributes_from,
    check_post,
    key_hash,
    linked_photo,
    point_for_address,
    record_submission,
    to_submission,
)
from triage.reference import by_service_code
from web.actions import commit_and_dispatch
from web.database import database, session
from web.i18n import problem_text, translate
from web.intake_request import photo_store, receive
from web.open311.formats import Open311Error

TEXT_FIELDS = (
    "service_code",
    "lat",
    "long",
    "address_string",
    "address_id",
    "description",
    "email",
    "phone",
    "media_url",
)
MAX_FIELD = 20000
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
# Our intake names some fields differently from Open311; errors name the field the client sent.
OPEN311_NAMES = {"location": "lat", "lon": "long", "location_text": "address_string", "photos": "media_url"}


def problem_texts(problems: Problems, language: str) -> list[str]:
    return [
        f"{OPEN311_NAMES.get(name, name)}: {problem_text(problem, language)}"
        for name, items in problems.items()
        for problem in items
    ]


def create_service_request(language: str) -> tuple[Report, Category]:
    if request.mimetype not in FORM_TYPES:
        raise Open311Error(400, [translate("open311.form_encoding_required")])
    post = read_post()
    key_id, category_id = _client_and_service(request.form.get("api_key", ""), post.service_code.strip())
    problems = check_post(post)
    if problems:
        raise Open311Error(400, problem_texts(problems, language))
    try:
        point = point_for_address(post, geocoder_settings())
    except SubmissionRejected as refusal:
        raise Open311Error(400, problem_texts(refusal.problems, language)) from refusal
    photo_keys = linked_photo(photo_store(), post, media_settings())
    try:
        return _submit(post, key_id, category_id, point, photo_keys, language)
    except Open311Error:
        for key in photo_keys:
            photo_store().discard_draft(key)
        raise


def read_post() -> ServiceRequestPost:
    form = request.form
    return ServiceRequestPost(
        **{name: form.get(name, "")[:MAX_FIELD] for name in TEXT_FIELDS},
        attributes=attributes_from(list(form.items(multi=True))),
    )


def _client_and_service(presented: str, code: str) -> tuple[int, int]:
    """403 before anything else for a missing or wrong key, then 400 or 404 for the service."""
    with database().session_factory() as reading:
        key = active_key(reading, presented)
        if key is None:
            raise Open311Error(403, [translate("open311.api_key_invalid" if presented else "open311.api_key_required")])
        if not code:
            raise Open311Error(400, [translate("open311.service_code_required")])
        category = by_service_code(reading, code)
        if category is None:
            raise Open311Error(404, [translate("open311.service_not_found", code=code)])
        return key.id, category.id


def _submit(
    post: ServiceRequestPost,
    key_id: int,
    category_id: int,
    point: tuple[float, float] | None,
    photo_keys: list[str],
    language: str,
) -> tuple[Report, Category]:
    key, category = session().get(ApiKey, key_id), session().get(Category, category_id)
    submission = to_submission(post, category, language, point)
    submission.photo_keys = photo_keys
    try:
        report = receive(submission, Channel.OPEN311, actor=f"open311:{key.name}"[:120])
    except SubmissionRejected as refusal:
        raise Open311Error(400, problem_texts(refusal.problems, language)) from refusal
    record_submission(session(), report, key, category, post)
    commit_and_dispatch([report.id])
    return report, category


def geocoder_settings() -> GeocoderSettings:
    config = current_app.config
    return GeocoderSettings(config["GEOCODER_URL"], config["MUNICIPALITY_CODE"], config["GEOCODER_TIMEOUT"])


def media_settings() -> MediaSettings:
    config = current_app.config
    hosts = frozenset(host.strip().lower() for host in config["OPEN311_MEDIA_HOSTS"].split(",") if host.strip())
    return MediaSettings(hosts=hosts, timeout=config["OPEN311_MEDIA_TIMEOUT"])


def rate_limit_key() -> str:
    """Writes are limited per key (by its hash, never the key itself); without a key, per address."""
    presented = request.form.get("api_key", "")
    return f"open311-key:{key_hash(presented)[:32]}" if presented else f"open311-ip:{request.remote_addr}"
