"""The resident's pages: the report form, its summary, the confirmation and the status page."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, send_file, url_for
from sqlalchemy.orm.exc import StaleDataError

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
    report_interest,
    resident_messages,
    split_parts,
)
from triage.kernel import DecisionRefused, Problems, SubmissionRejected
from triage.open311 import open_reports_near
from triage.workflow import answer_question, feedback_for, give_feedback, reply_photo, resident_replies
from web.actions import commit_and_dispatch
from web.addresses import find_pin_address, place_typed_address, seal_address, summary_location, unseal_address
from web.database import session
from web.extensions import limiter, report_rate_limit
from web.i18n import current_language, translate
from web.intake_request import (
    as_text,
    drop_removed_photos,
    photo_response,
    photo_store,
    receive,
    submission_from_form,
    uploads_from_request,
)
from web.municipality import wrong_door

blueprint = Blueprint("resident", __name__)


@blueprint.get("/")
def report_form():
    return render_form(Submission(language=current_language()))


def render_form(submission: Submission, problems: Problems | None = None, status: int = 200, areas=None):
    """The form with what was typed; `areas` is given when the database cannot list the buurten (it is down)."""
    page = render_template(
        "resident/form.html",
        submission=submission,
        problems=problems or Problems(),
        buurten=buurten(session(), current_app.config["MUNICIPALITY_CODE"]) if areas is None else areas,
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
    drop_removed_photos(submission)
    try:
        if action == "submit":
            return _send(submission, problems)
        place_typed_address(submission, problems)
        location = check_submission(
            session(), submission, current_app.config["MUNICIPALITY_CODE"], problems, wrong_door()
        )
    except SubmissionRejected as refusal:
        return render_form(submission, refusal.problems, status=422)
    find_pin_address(submission, location)
    return render_template(
        "resident/review.html",
        submission=submission,
        location=location,
        place=summary_location(submission, location),
        address_seal=seal_address(submission),
        nearby=[] if location.approximate else open_reports_near(session(), location.lon, location.lat, _now()),
    )


def _send(submission: Submission, problems: Problems):
    """The last step: the same intake as every channel, then the confirmation."""
    unseal_address(submission)
    report = receive(submission, Channel.WEB, found=problems)
    commit_and_dispatch([report.id])
    return redirect(url_for("resident.confirmation", token=report.status_token), code=303)


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
    return render_status(report_by_token(token))


def render_status(report: Report, reply_text: str = "", problems: Problems | None = None, status: int = 200):
    """The status page; after a refused answer it shows the problems beside the fields and keeps the text."""
    page = render_template(
        "resident/status.html",
        report=report,
        split_parts=split_parts(session(), report),
        messages=resident_messages(session(), report),
        feedback=feedback_for(session(), report),
        replies=resident_replies(session(), report),
        interest=report_interest(session(), report),
        reply_text=reply_text,
        reply_problems=problems or Problems(),
        max_photos=MAX_PHOTOS,
    )
    return page, status


@blueprint.post("/melding/<token>/reactie")
@limiter.shared_limit(report_rate_limit, scope="public-write")
def answer_page(token: str):
    """The resident answers the team's question (text and photos); the team hears of it and the clock runs."""
    report = report_by_token(token)
    text = as_text(request.form.get("text"))  # not cut: a refusal tells the real length
    try:
        answer_question(session(), report, text, uploads_from_request(), photo_store(), _now())
        commit_and_dispatch()
    except SubmissionRejected as refusal:
        session().rollback()
        return render_status(report, text, refusal.problems, status=422)
    except DecisionRefused as refusal:
        return _answer_refused(token, refusal.code)
    except StaleDataError:  # the team (or a second click) moved the report on first
        return _answer_refused(token, "reply.not_waiting")
    flash(translate("reply.thanks"), "success")
    return redirect(url_for("resident.status_page", token=token) + "#replies", code=303)


def _answer_refused(token: str, code: str):
    session().rollback()
    flash(translate(code), "error")
    return redirect(url_for("resident.status_page", token=token), code=303)


@blueprint.get("/melding/<token>/reactie-foto/<int:photo_id>")
@blueprint.get("/melding/<token>/reactie-foto/<int:photo_id>/<variant>")
def answer_photo(token: str, photo_id: int, variant: str = "photo"):
    photo = reply_photo(session(), report_by_token(token), photo_id)
    return photo_response(photo.storage_key if photo else None, variant)


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
    return photo_response(attachment.storage_key if attachment else None, variant)


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
