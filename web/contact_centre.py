"""The contact centre (KCC) and the counter: taking a resident's report by phone, at the counter, from an e-mail or
social media, and answering a resident on the line about their report.

The report goes through the same intake as every channel (check, store, owe the proposal and the mail) and counts
under its own channel. Looking a report up, seeing contact details and correcting them are written to the audit
trail by the services; this module only reads the request and commits once.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from geo.areas import buurten
from models import Report, Role
from triage.intake import (
    MAX_DESCRIPTION,
    MAX_PHOTOS,
    STAFF_CHANNELS,
    Submission,
    accept_uploads,
    check_submission,
    correct_contact_details,
    receive_staff_report,
    staff_channel,
)
from triage.kernel import DecisionRefused, Problems, SubmissionRejected
from triage.workflow import (
    LOOKUP_KINDS,
    add_call_note,
    caller_report,
    caller_view,
    find_for_caller,
    view_contact_details,
)
from web.actions import commit_and_dispatch
from web.addresses import find_pin_address, place_typed_address
from web.auth import require_roles
from web.database import session, writes_on_read
from web.i18n import LANGUAGES, translate
from web.intake_request import (
    TRUE_WORDS,
    as_text,
    drop_removed_photos,
    photo_store,
    submission_from_form,
    uploads_from_request,
)

blueprint = Blueprint("contact_centre", __name__, url_prefix="/kcc")
blueprint.before_request(require_roles({Role.CONTACT_CENTRE, Role.ADMIN}))


def _now() -> datetime:
    return datetime.now(UTC)


@blueprint.get("/")
def intake_form():
    return _render_form(Submission(), "phone")


def _render_form(submission: Submission, channel: str, problems: Problems | None = None, status: int = 200):
    page = render_template(
        "contact_centre/form.html",
        submission=submission,
        channel=channel,
        channels=STAFF_CHANNELS,
        problems=problems or Problems(),
        buurten=buurten(session()),
        max_description=MAX_DESCRIPTION,
        max_photos=MAX_PHOTOS,
        languages=LANGUAGES,
    )
    return page, status


@blueprint.post("/melding")
def take_report():
    """One step: staff check what they typed with the resident on the line, so there is no summary page."""
    language = request.form.get("resident_language", "nl")
    submission = submission_from_form(language if language in LANGUAGES else "nl")
    channel = as_text(request.form.get("channel", ""))
    problems = Problems()
    accept_uploads(photo_store(), submission, uploads_from_request(), problems)
    drop_removed_photos(submission)
    try:
        place_typed_address(submission, problems)
        staff_channel(channel, problems)
        location = check_submission(session(), submission, current_app.config["MUNICIPALITY_CODE"], problems)
        find_pin_address(submission, location)
        report = receive_staff_report(
            session(),
            submission,
            channel,
            photo_store(),
            municipality_code=current_app.config["MUNICIPALITY_CODE"],
            taker=current_user.user.email,
            now=_now(),
        )
    except SubmissionRejected as refusal:
        session().rollback()
        return _render_form(submission, channel, refusal.problems, status=422)
    commit_and_dispatch([report.id])
    flash(translate("contact_centre.taken", code=report.tracking_code), "success")
    return redirect(url_for("contact_centre.report_page", report_id=report.id), code=303)


@blueprint.get("/zoeken")
@writes_on_read
def lookup():
    """Find the caller's report by what they can tell; an empty box just shows the form."""
    typed, kind = as_text(request.args.get("q", ""))[:200], request.args.get("by", "")
    if not typed.strip() and "q" not in request.args:
        return render_template("contact_centre/lookup.html", typed="", kind=kind, found=None, problems=Problems())
    try:
        kind, found = find_for_caller(session(), kind, typed, current_user.user, _now())
    except SubmissionRejected as refusal:
        problems = refusal.problems
        return render_template("contact_centre/lookup.html", typed=typed, kind=kind, found=None, problems=problems), 400
    session().commit()  # the look-up's audit events
    return render_template("contact_centre/lookup.html", typed=typed, kind=kind, found=found, problems=Problems())


def _report(report_id: int) -> Report:
    report = caller_report(session(), report_id, current_user.user)
    if report is None:
        abort(404)
    return report


@blueprint.get("/melding/<int:report_id>")
@writes_on_read
def report_page(report_id: int):
    return _render_report(_report(report_id))


def _render_report(report: Report, problems: Problems | None = None, typed: dict | None = None, status: int = 200):
    """The report as the contact centre reads it out; seeing the contact details is audited (and committed)."""
    contact = view_contact_details(session(), report, current_user.user, _now())
    page = render_template(
        "contact_centre/report.html",
        view=caller_view(session(), report),
        contact=contact,
        problems=problems or Problems(),
        typed=typed or {},
        channels=STAFF_CHANNELS,
        lookup_kinds=LOOKUP_KINDS,
    )
    session().commit()
    return page, status


@blueprint.post("/melding/<int:report_id>/gesprek")
def note_call(report_id: int):
    report = _report(report_id)
    text = as_text(request.form.get("note", ""))
    try:
        add_call_note(session(), report, current_user.user, text, _now())
    except DecisionRefused as refusal:
        session().rollback()
        problems = Problems()
        problems.add("note", refusal.code)
        return _render_report(_report(report_id), problems, {"note": text}, status=422)
    session().commit()
    flash(translate("contact_centre.note_saved"), "success")
    return redirect(url_for("contact_centre.report_page", report_id=report_id) + "#call-notes", code=303)


@blueprint.post("/melding/<int:report_id>/contact")
def correct_contact(report_id: int):
    report = _report(report_id)
    form = request.form
    typed = Submission(
        email=as_text(form.get("email", "")),
        phone=as_text(form.get("phone", "")),
        contact_consent=form.get("contact_consent", "").lower() in TRUE_WORDS,
    )
    channel = as_text(form.get("channel", ""))
    try:
        changed = correct_contact_details(session(), report, typed, channel, current_user.user.email, _now())
    except SubmissionRejected as refusal:
        session().rollback()
        kept = {"email": typed.email, "phone": typed.phone, "channel": channel, "consent": typed.contact_consent}
        return _render_report(_report(report_id), refusal.problems, kept, status=422)
    session().commit()
    flash(translate("contact_centre.contact_saved" if changed else "contact_centre.contact_same"), "success")
    return redirect(url_for("contact_centre.report_page", report_id=report_id) + "#contact-form", code=303)
