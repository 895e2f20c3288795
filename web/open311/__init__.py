"""Open311 GeoReport v2 under /open311/v2/: the same intake as the form, in the standard national apps speak.

Reading needs no key; writing does, and is rate-limited per key. Errors are the specification's list of
code and description, with the HTTP status it prescribes: 403 for the key, 404 for what does not exist,
400 for everything else. Texts are in Dutch unless the client asks for English (?lang=en or
Accept-Language), as in the JSON API.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, current_app, g, request

from models import ApiKey
from triage.kernel import SubmissionRejected
from triage.open311 import active_key, find_request, find_requests, parse_query, request_id_for_token
from triage.reference import active_services, by_service_code
from web.api import api_language
from web.database import session
from web.extensions import limiter, open311_rate_limit
from web.i18n import translate
from web.open311 import fields
from web.open311.formats import Open311Error, error_response, render, requested_format, without_format
from web.open311.logs import hide_api_keys_in_request_logs
from web.open311.writing import create_service_request, problem_texts, rate_limit_key

blueprint = Blueprint("open311", __name__, url_prefix="/open311/v2")
blueprint.record_once(lambda state: hide_api_keys_in_request_logs())


@blueprint.before_request
def _language_format_and_jurisdiction() -> None:
    """One check for every endpoint: a format we speak, and our jurisdiction when one is named."""
    g.language = api_language()  # what translate() uses for the rest of this request
    if requested_format() is None:
        raise Open311Error(404, [translate("open311.bad_format")])
    if _has_nul():
        raise Open311Error(400, [translate("open311.invalid_characters")])
    asked = (request.args.get("jurisdiction_id") or request.form.get("jurisdiction_id") or "").strip()
    if asked and asked != current_app.config["OPEN311_JURISDICTION"]:
        raise Open311Error(404, [translate("open311.jurisdiction_not_found", jurisdiction=asked[:100])])


@blueprint.errorhandler(Open311Error)
def _refused(error: Open311Error):
    return error_response(error)


@blueprint.get("/discovery.<fmt>")
def discovery(fmt: str):
    return render("discovery", fields.discovery_fields(g.language))


@blueprint.get("/services.<fmt>")
def services(fmt: str):
    return render("services", [fields.service_fields(c, g.language) for c in active_services(session())])


@blueprint.get("/services/<name>")
def service_definition(name: str):
    code = without_format(name)
    if not code:
        raise Open311Error(400, [translate("open311.service_code_required")])
    category = by_service_code(session(), code)
    if category is None:
        raise Open311Error(404, [translate("open311.service_not_found", code=code[:100])])
    return render("service_definition", fields.definition_fields(category))


@blueprint.post("/requests.<fmt>")
@limiter.limit(open311_rate_limit, key_func=rate_limit_key)
def post_request(fmt: str):
    report, category = create_service_request(g.language)
    return render("service_requests", [fields.created_fields(report, category, g.language)], 201)


@blueprint.get("/requests.<fmt>")
def get_requests(fmt: str):
    try:
        query = parse_query(request.args, datetime.now(UTC))
    except SubmissionRejected as refusal:
        raise Open311Error(400, problem_texts(refusal.problems, g.language)) from refusal
    found = find_requests(session(), query, _reader())
    return render("service_requests", [fields.request_fields(seen, g.language) for seen in found])


@blueprint.get("/requests/<name>")
def get_request(name: str):
    request_id = without_format(name)
    if not request_id:
        raise Open311Error(400, [translate("open311.request_id_required")])
    seen = find_request(session(), request_id, _reader())
    if seen is None:
        raise Open311Error(404, [translate("open311.request_not_found", id=request_id[:100])])
    return render("service_requests", [fields.request_fields(seen, g.language)])


@blueprint.get("/tokens/<name>")
def token(name: str):
    status_token = without_format(name)
    if not status_token:
        raise Open311Error(400, [translate("open311.token_required")])
    request_id = request_id_for_token(session(), status_token)
    if request_id is None:
        raise Open311Error(404, [translate("open311.token_not_found")])
    return render("service_requests", [{"service_request_id": request_id, "token": status_token}])


def _has_nul() -> bool:
    """Nobody types a NUL character, and PostgreSQL cannot compare or store one: refuse it outright."""
    fields = [*request.args.items(multi=True), *(request.form.items(multi=True) if request.method == "POST" else [])]
    return "\x00" in request.path or any("\x00" in name + value for name, value in fields)


def _reader() -> ApiKey | None:
    """Reading needs no key; one that is given must be valid, so a client notices a revoked key at once."""
    presented = request.args.get("api_key", "")
    if not presented:
        return None
    key = active_key(session(), presented)
    if key is None:
        raise Open311Error(403, [translate("open311.api_key_invalid")])
    return key
