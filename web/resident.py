"""The resident's pages: the report form, its summary, the confirmation and the status page."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, send_file, url_for

from geo.areas import buurten, outline_geojson
from models import Channel, Report
from triage.intake import (
    MAX_DESCRIPTION,
    MAX_PHOTOS,
    Submission,
    accept_uploads,
    by_status_token,
    by_tracking_code,
    check_submission,
    resident_messages,
    split_parts,
)
from triage.kernel import DecisionRefused, Problems, SubmissionRejected
from triage.workflow import feedback_for, give_feedback
from web.actions import commit_and_dispatch
from web.database import session
from web.extensions import limiter, report_rate_limit
from web.i18n import current_language, translate
from web.intake_request import photo_store, receive, submission_from_form, uploads_from_request

blueprint = Blueprint("resident", __name__)


@blueprint.get("/")
def report_form():
    return render_form(Submission(language=current_language()))


def render_form(submission: Submission, problems: Problems | None = None, status: int = 200):
    page = render_template(
        "resident/form.html",
        submission=submission,
        problems=problems or Problems(),
        buurten=buurten(session()),
        max_description=MAX_DESCRIPTION,
        max_photos=MAX_PHOTOS,
    )
    return page, status


@blueprint.post("/melding")
@limiter.shared_limit(report_rate_limit, scope="public-write")
def report_step():
    """One URL for the three steps, chosen by the button pressed: check and summarise, edit, or send."""
    submission = submission_from_form(current_language())
    action = request.form.get("action", "review")
    if action == "edit":
        return render_form(submission)
    problems = Problems()
    accept_uploads(photo_store(), submission, [] if action == "submit" else uploads_from_request(), problems)
    _drop_removed_photos(submission)
    try:
        if action == "submit":
            return _send(submission, problems)
        location = check_submission(session(), submission, current_app.config["MUNICIPALITY_CODE"], problems)
    except SubmissionRejected as refusal:
        return render_form(submission, refusal.problems, status=422)
    return render_template("resident/review.html", submission=submission, location=location)


def _send(submission: Submission, problems: Problems):
    """The last step: the same intake as every channel, then the confirmation."""
    report = receive(submission, Channel.WEB, found=problems)
    commit_and_dispatch([report.id])
    return redirect(url_for("resident.confirmation", token=report.status_token), code=303)


def _drop_removed_photos(submission: Submission) -> None:
    removed = set(request.form.getlist("remove_photo"))
    for key in removed & set(submission.photo_keys):
        photo_store().discard_draft(key)
    submission.photo_keys = [key for key in submission.photo_keys if key not in removed]


def _now() -> datetime:
    return datetime.now(UTC)


@blueprint.get("/concept-foto/<key>")
def draft_photo(key: str):
    path = photo_store().draft_path(key, "thumb")
    if path is None:
        abort(404)
    return send_file(path, mimetype="image/jpeg", max_age=0)


def report_by_token(token: str) -> Report:
    report = by_status_token(session(), token)
    if report is None:
        abort(404)
    return report


@blueprint.get("/melding/<token>/ontvangen")
def confirmation(token: str):
    return render_template("resident/confirmation.html", report=report_by_token(token))


@blueprint.get("/melding/<token>")
def status_page(token: str):
    report = report_by_token(token)
    return render_template(
        "resident/status.html",
        report=report,
        split_parts=split_parts(session(), report),
        messages=resident_messages(session(), report),
        feedback=feedback_for(session(), report),
    )


@blueprint.post("/melding/<token>/feedback")
@limiter.shared_limit(report_rate_limit, scope="public-write")
def give_feedback_page(token: str):
    """The resident's one-click verdict on a handled report; a "no" asks the team to reopen it."""
    report = report_by_token(token)
    try:
        give_feedback(session(), report, request.form.get("satisfied", ""), request.form.get("text", ""), _now())
        session().commit()
    except DecisionRefused as refusal:
        session().rollback()
        flash(translate(refusal.code), "error")
    else:
        flash(translate("feedback.thanks"), "success")
    return redirect(url_for("resident.status_page", token=token) + "#feedback", code=303)


@blueprint.get("/melding/<token>/foto/<int:position>")
@blueprint.get("/melding/<token>/foto/<int:position>/<variant>")
def report_photo(token: str, position: int, variant: str = "photo"):
    report = report_by_token(token)
    attachment = next((a for a in report.attachments if a.position == position), None)
    path = photo_store().path(attachment.storage_key, variant) if attachment else None
    if path is None:
        abort(404)
    return send_file(path, mimetype="image/jpeg", max_age=0)  # web/security.py adds no-store: a secret address


@blueprint.get("/volgen")
@limiter.shared_limit(report_rate_limit, scope="public-lookup")
def track():
    """Look a report up by its tracking code: status and date only, never the text or contact details."""
    typed = request.args.get("code", "")[:40]
    report = by_tracking_code(session(), typed)
    not_found = bool(typed) and report is None
    return render_template("resident/track.html", typed=typed, report=report, not_found=not_found)


@blueprint.get("/kaart/gemeente.geojson")
def municipality_outline():
    """Our boundary, drawn on the map so a resident sees where the municipality ends even when tiles do not load."""
    return (
        outline_geojson(session(), current_app.config["MUNICIPALITY_CODE"]),
        200,
        {"Content-Type": "application/geo+json", "Cache-Control": "public, max-age=86400"},
    )
