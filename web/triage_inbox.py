"""The triage officers' pages: the inbox (oldest first), one report with its proposal, decisions, corrections."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from geoalchemy2.shape import to_shape

from models import Priority, Queue, Report, Role
from triage import inbox as decisions
from triage.inbox import (
    InboxFilters,
    duplicate_candidates,
    filter_problems,
    inbox_lines,
    next_waiting,
    recent_corrections,
    without_refused,
)
from triage.reference import active_main_categories
from web.actions import perform
from web.auth import require_roles
from web.database import session
from web.i18n import translate
from web.intake_request import photo_response
from web.search import inbox_choices

blueprint = Blueprint("triage", __name__, url_prefix="/triage")
blueprint.before_request(require_roles({Role.TRIAGE_OFFICER, Role.ADMIN}))


def _inbox_filters() -> InboxFilters:
    args = request.args
    return InboxFilters(args.get("category", ""), args.get("channel", ""), args.get("buurt", ""), args.get("age", ""))


@blueprint.get("/")
def inbox():
    """The waiting reports, narrowed by the filters; a refused filter is named next to its field, the others apply."""
    filters = _inbox_filters()
    problems = filter_problems(session(), filters)
    usable = without_refused(filters, problems)
    page = render_template(
        "triage/inbox.html",
        reports=inbox_lines(session(), usable, datetime.now(UTC)),
        filters=filters,
        filtered=usable != InboxFilters(),
        problems=problems,
        choices=inbox_choices(),
    )
    return page, 400 if problems else 200


def _report_or_404(report_id: int) -> Report:
    report = session().get(Report, report_id)
    if report is None:
        abort(404)
    return report


@blueprint.get("/melding/<int:report_id>")
def report_detail(report_id: int):
    report = _report_or_404(report_id)
    return render_template(
        "triage/report.html",
        report=report,
        proposal=decisions.latest_proposal(session(), report),
        candidates=duplicate_candidates(session(), report),
        categories=active_main_categories(session()),
        queues=list(Queue),
        priorities=list(Priority),
        point=to_shape(report.location),
        next_id=next_waiting(session(), report),
    )


def _decide(report_id: int, action) -> object:
    report = session().get(Report, report_id)
    succeeded, _ = perform(report, action)
    if succeeded:
        flash(translate("triage.saved", code=report.tracking_code), "success")
        following = next_waiting(session(), report)
        return redirect(url_for(".report_detail", report_id=following) if following else url_for(".inbox"))
    return redirect(url_for(".report_detail", report_id=report_id) if report else url_for(".inbox"))


@blueprint.post("/melding/<int:report_id>/accepteren")
def accept(report_id: int):
    return _decide(
        report_id,
        lambda report, version: decisions.accept(session(), report, current_user.user, version, datetime.now(UTC)),
    )


@blueprint.post("/melding/<int:report_id>/duplicaat")
def mark_duplicate(report_id: int):
    return _decide(
        report_id,
        lambda report, version: decisions.mark_duplicate(
            session(), report, current_user.user, version, request.form.get("original_code", ""), datetime.now(UTC)
        ),
    )


@blueprint.post("/melding/<int:report_id>/splitsen")
def split(report_id: int):
    return _decide(
        report_id,
        lambda report, version: decisions.split(
            session(),
            report,
            current_user.user,
            version,
            request.form.get("first_text", ""),
            request.form.get("second_text", ""),
            datetime.now(UTC),
        ),
    )


@blueprint.post("/melding/<int:report_id>/corrigeren")
def correct(report_id: int):
    category_id = request.form.get("category_id", "")
    return _decide(
        report_id,
        lambda report, version: decisions.correct(
            session(),
            report,
            current_user.user,
            version,
            int(category_id) if category_id.isdigit() else None,
            request.form.get("queue", ""),
            datetime.now(UTC),
            request.form.get("priority", "normal"),
        ),
    )


@blueprint.get("/correcties")
def corrections():
    return render_template("triage/corrections.html", corrections=recent_corrections(session()))


@blueprint.get("/melding/<int:report_id>/foto/<int:position>")
def photo(report_id: int, position: int):
    report = _report_or_404(report_id)
    attachment = next((a for a in report.attachments if a.position == position), None)
    return photo_response(attachment.storage_key if attachment else None, request.args.get("variant", "photo"))
