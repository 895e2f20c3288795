"""The JSON API for apps: the same intake as the form, with errors per field as JSON.

Described by the OpenAPI document at /api/v1/openapi.json (web/openapi.py); keep the two in step.
"""

from __future__ import annotations

from flask import Blueprint, jsonify, request, url_for

from models import Area, Category, Channel, Report
from triage.intake import accept_uploads, by_status_token
from triage.kernel import Problem, Problems, SubmissionRejected
from triage.reference import active_tree, service_code
from web.actions import commit_and_dispatch
from web.database import session
from web.extensions import limiter, report_rate_limit
from web.i18n import LANGUAGES, problem_text
from web.intake_request import photo_store, receive, submission_from_form, submission_from_json, uploads_from_request

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")


def api_language() -> str:
    asked = request.args.get("lang") or request.accept_languages.best_match(LANGUAGES) or "nl"
    return asked if asked in LANGUAGES else "nl"


@blueprint.before_request
def refuse_unknown_language():
    """The document's `lang` enum is what the server enforces: an unknown language is refused, not guessed."""
    if _unknown_language(request.args.get("lang")):
        problems = Problems()
        problems.add("lang", "api.unknown_language")
        return problems_response(problems, "nl")
    return None


def _unknown_language(asked) -> bool:
    return asked is not None and asked not in LANGUAGES


def problems_response(problems: Problems, language: str, status: int = 400):
    errors = {
        name: [{"code": p.code, "message": problem_text(p, language)} for p in items]
        for name, items in problems.items()
    }
    return jsonify(errors=errors), status


@blueprint.post("/reports")
@limiter.shared_limit(report_rate_limit, scope="public-write")
def create_report():
    language = api_language()
    submission, problems = _read_submission(language)
    if submission is None:
        return problems_response(problems, language)
    try:
        report = receive(submission, Channel.API, actor="api", found=problems)
    except SubmissionRejected as refusal:
        _discard_drafts(submission.photo_keys)
        return problems_response(refusal.problems, language)
    commit_and_dispatch([report.id])
    return (
        jsonify(report_json(report)),
        201,
        {"Location": url_for(".report_status", token=report.status_token)},
    )


def _read_submission(language: str):
    """JSON body, or multipart form fields with photos; anything else is refused as a whole."""
    problems = Problems()
    if request.mimetype == "application/json":
        payload = _json_body()
        if not isinstance(payload, dict):
            problems.add("body", "api.invalid_json")
            return None, problems
        if _wrong_types(payload, problems) or _refused_language(payload.get("language"), problems):
            return None, problems
        return submission_from_json(payload, payload.get("language") or language), problems
    if request.mimetype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        if _refused_language(request.form.get("language"), problems):
            return None, problems
        submission = submission_from_form(language)
        submission.photo_keys = []  # drafts belong to the web form; apps send their photos along
        accept_uploads(photo_store(), submission, uploads_from_request(), problems)
        return submission, problems
    problems.add("body", "api.unsupported_media_type")
    return None, problems


def _refused_language(asked, problems: Problems) -> bool:
    """The reporter's language decides the language of every mail: one we cannot write is refused."""
    if asked in (None, "") or not _unknown_language(asked):
        return False
    problems.add("language", "api.unknown_language")
    return True


JSON_TYPES = {
    "description": (str,),
    "lat": (int, float, str),
    "lon": (int, float, str),
    "buurt_code": (str,),
    "location_text": (str,),
    "email": (str,),
    "phone": (str,),
    "contact_consent": (bool, str),
    "language": (str,),
}


def _json_body():
    """The parsed body, or None when it is no JSON; JSON nested too deeply for the parser is no JSON either."""
    try:
        return request.get_json(silent=True)
    except RecursionError:
        return None


def _wrong_types(payload: dict, problems: Problems) -> bool:
    """A list or object where text belongs is refused per field, not turned into text and stored."""
    for name, types in JSON_TYPES.items():
        value = payload.get(name)
        if value is not None and (not isinstance(value, types) or (bool not in types and isinstance(value, bool))):
            problems.add(name, "field.wrong_type")
    return bool(problems)


def _discard_drafts(keys: list[str]) -> None:
    for key in keys:
        photo_store().discard_draft(key)


def area_json(area: Area | None) -> dict | None:
    return {"code": area.code, "name": area.name} if area else None


def report_json(report: Report) -> dict:
    """What an app may see of a report through its status token: never the reporter's contact details."""
    return {
        "tracking_code": report.tracking_code,
        "status": report.status.value,
        "status_url": url_for("resident.status_page", token=report.status_token, _external=True),
        "api_url": url_for(".report_status", token=report.status_token, _external=True),
        "created_at": report.created_at.isoformat(),
        "description": report.description,
        "location_is_approximate": report.location_is_approximate,
        "location_text": report.location_text,
        "buurt": area_json(report.buurt),
        "wijk": area_json(report.wijk),
        "photos": len(report.attachments),
    }


@blueprint.get("/reports/<token>")
def report_status(token: str):
    report = by_status_token(session(), token)
    if report is None:
        return jsonify(
            errors={
                "token": [
                    {
                        "code": "api.not_found",
                        "message": problem_text(Problem("api.not_found"), api_language()),
                    }
                ]
            }
        ), 404
    return jsonify(report_json(report))


@blueprint.get("/categories")
def categories():
    """What an app may show residents about our categories; the classifier and officers still choose one."""
    language = api_language()
    return jsonify(
        categories=[
            {
                **_category_json(main.category, language),
                "subcategories": [_sub_json(s, language) for s in main.subcategories],
            }
            for main in active_tree(session())
        ]
    )


def _category_json(category: Category, language: str) -> dict:
    english = language == "en"
    return {
        "slug": category.slug,
        "name": category.name_en if english and category.name_en else category.name,
        "description": category.description_en if english and category.description_en else category.description,
    }


def _sub_json(category: Category, language: str) -> dict:
    norm = {"days": category.service_norm_days, "calendar_days": category.calendar_days}
    return {
        **_category_json(category, language),
        "code": service_code(category),
        "norm": norm if norm["days"] else None,
    }
