"""The triage officers' pages: the inbox (oldest first), one report with its proposal, decisions, corrections."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, abort, flash, redirect, render_template, request, send_file, url_for
from flask_login import current_user
from geoalchemy2.shape import to_shape
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from models import Category, Correction, Priority, Proposal, Queue, Report, ReportStatus, Role
from triage.inbox import decisions
from triage.inbox.duplicates import duplicate_candidates
from web.actions import perform
from web.auth import require_roles
from web.database import session
from web.i18n import translate
from web.intake_request import photo_store

blueprint = Blueprint("triage", __name__, url_prefix="/triage")
blueprint.before_request(require_roles({Role.TRIAGE_OFFICER, Role.ADMIN}))
INBOX_SIZE = 50


def inbox_reports(limit: int = INBOX_SIZE) -> list[Report]:
    query = (
        select(Report)
        .where(Report.status == ReportStatus.RECEIVED)
        .order_by(Report.created_at, Report.id)
        .options(selectinload(Report.buurt))
        .limit(limit)
    )
    return list(session().scalars(query))


def proposals_for(reports: list[Report]) -> dict[int, Proposal]:
    if not reports:
        return {}
    rows = session().scalars(
        select(Proposal).where(Proposal.report_id.in_([r.id for r in reports])).order_by(Proposal.id)
    )
    return {proposal.report_id: proposal for proposal in rows}


@blueprint.get("/")
def inbox():
    reports = inbox_reports()
    return render_template("triage/inbox.html", reports=reports, proposals=proposals_for(reports))


def _report_or_404(report_id: int) -> Report:
    report = session().get(Report, report_id)
    if report is None:
        abort(404)
    return report


def category_choices() -> list[Category]:
    query = (
        select(Category)
        .where(Category.parent_id.is_(None), Category.is_active)
        .options(selectinload(Category.children))
        .order_by(Category.name)
    )
    return list(session().scalars(query))


@blueprint.get("/melding/<int:report_id>")
def report_detail(report_id: int):
    report = _report_or_404(report_id)
    return render_template(
        "triage/report.html",
        report=report,
        proposal=decisions.latest_proposal(session(), report),
        candidates=duplicate_candidates(session(), report),
        categories=category_choices(),
        queues=list(Queue),
        priorities=list(Priority),
        point=to_shape(report.location),
        next_id=_next_in_inbox(report),
    )


def _next_in_inbox(report: Report) -> int | None:
    return next((r.id for r in inbox_reports(limit=2) if r.id != report.id), None)


def _decide(report_id: int, action) -> object:
    report = session().get(Report, report_id)
    succeeded, _ = perform(report, action)
    if succeeded:
        flash(translate("triage.saved", code=report.tracking_code), "success")
        following = _next_in_inbox(report)
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
    rows = session().scalars(select(Correction).order_by(Correction.at.desc(), Correction.id.desc()).limit(200))
    return render_template("triage/corrections.html", corrections=list(rows))


@blueprint.get("/melding/<int:report_id>/foto/<int:position>")
def photo(report_id: int, position: int):
    report = _report_or_404(report_id)
    attachment = next((a for a in report.attachments if a.position == position), None)
    path = photo_store().path(attachment.storage_key, request.args.get("variant", "photo")) if attachment else None
    if path is None:
        abort(404)
    return send_file(path, mimetype="image/jpeg", max_age=0)
