"""The queue teams' pages: their work list sorted by due time, a report's page with its history and actions."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from models import AreaKind, Queue, Report, ReportStatus, Role
from triage import workflow
from triage.kernel import Problems
from triage.notifications import MailPreview, PickableText, preview_status_mail, texts_for_report
from triage.reference import active_main_categories, filter_choices
from triage.workflow import (
    PAGE_SIZE,
    Filters,
    HistoryLine,
    Term,
    TimerLabel,
    describe,
    feedback_for,
    history_lines,
    may_reopen,
    may_see_queue,
    reply_marks,
    reply_photo,
    report_escalations,
    report_messages,
    resident_replies,
    timer_label,
    view_contact_details,
    work_list,
)
from web.actions import perform
from web.auth import require_roles
from web.database import session
from web.i18n import local_datetime, translate
from web.intake_request import photo_response
from web.paging import page_number

blueprint = Blueprint("team", __name__, url_prefix="/team")
blueprint.before_request(require_roles({Role.TEAM_MEMBER, Role.TEAM_LEAD, Role.ADMIN}))


def _queue_or_404(name: str) -> Queue:
    if name not in {q.value for q in Queue}:
        abort(404)
    queue = Queue(name)
    if not may_see_queue(current_user.user, queue):
        abort(403)
    return queue


def _filters() -> Filters:
    args = request.args
    return Filters(
        args.get("status", ""),
        args.get("category", ""),
        args.get("area", ""),
        args.get("assignee", ""),
        args.get("timing", ""),
        page_number(args.get("page")),
    )


@blueprint.get("/<queue_name>")
def work_list_page(queue_name: str):
    queue, filters, now = _queue_or_404(queue_name), _filters(), datetime.now(UTC)
    listed = work_list(session(), queue, filters, current_user.user, now)
    reports, choices = listed.reports, filter_choices(session(), AreaKind.WIJK)
    labels = {r.id: timer_label(r, now) for r in reports}
    return render_template(
        "team/work_list.html",
        queue=queue,
        reports=reports,
        total=listed.total,
        filters=filters,
        labels=labels,
        timer_texts={rid: timer_text(label) for rid, label in labels.items()},
        marks=reply_marks(session(), reports, listed.replied),
        mains=choices.mains,
        wijken=choices.areas,
        statuses=ReportStatus.team_work(),
        page_size=PAGE_SIZE,
    )


def _report_for_team(report_id: int) -> Report:
    report = session().get(Report, report_id)
    if report is None:
        abort(404)
    if report.queue is None or not may_see_queue(current_user.user, report.queue):
        abort(403)  # another team's report
    return report


def timer_text(label: TimerLabel) -> str:
    key, amounts = describe(label)
    return translate(key, **amounts)


def history_text(line: HistoryLine) -> str:
    """A history line in the reader's language: words (statuses, queues, who acted) and times filled in."""
    return translate(line.key, **{name: _param_text(value) for name, value in line.params.items()})


def _param_text(value) -> str:
    if isinstance(value, Term):
        return translate(value.key)
    if isinstance(value, datetime):
        return local_datetime(value)
    return str(value)


STATUS_FORM_FIELDS = ("status", "message", "standard_text")


@blueprint.get("/melding/<int:report_id>")
def report_page(report_id: int):
    return _report_page(_report_for_team(report_id))


def _report_page(report: Report, status_form: dict | None = None, preview: MailPreview | None = None, problems=None):
    """The report's page; after "use this text" or "preview" the status form shows what was typed or picked."""
    now = datetime.now(UTC)
    next_statuses = workflow.next_statuses(report.status, current_user.user.roles)
    contact = view_contact_details(session(), report, current_user.user, now)
    if contact:
        session().commit()  # the look at the resident's details is on the audit trail before they are shown
    label = timer_label(report, now)
    return render_template(
        "team/report.html",
        report=report,
        history=[(line.at, history_text(line)) for line in history_lines(session(), report)],
        messages=report_messages(session(), report),
        replies=resident_replies(session(), report),
        escalations=report_escalations(session(), report),
        feedback=feedback_for(session(), report),
        may_reopen=may_reopen(current_user.user),
        contact=contact,
        label=label,
        timer=timer_text(label),
        next_statuses=next_statuses,
        categories=active_main_categories(session()),
        queues=list(Queue),
        standard_texts=texts_for_report(session(), report, next_statuses),
        status_form=status_form or dict.fromkeys(STATUS_FORM_FIELDS, ""),
        preview=preview,
        status_problems=problems or Problems(),
    )


@blueprint.get("/melding/<int:report_id>/foto/<int:position>")
def photo(report_id: int, position: int):
    """A photo of a report the team may see, full size or as a thumbnail (?variant=thumb)."""
    report = _report_for_team(report_id)
    attachment = next((a for a in report.attachments if a.position == position), None)
    variant = "thumb" if request.args.get("variant") == "thumb" else "photo"
    return photo_response(attachment.storage_key if attachment else None, variant)


@blueprint.get("/melding/<int:report_id>/reactie-foto/<int:photo_id>")
@blueprint.get("/melding/<int:report_id>/reactie-foto/<int:photo_id>/<variant>")
def answer_photo(report_id: int, photo_id: int, variant: str = "photo"):
    """A photo the resident sent with an answer, for the team that owns the report."""
    photo = reply_photo(session(), _report_for_team(report_id), photo_id)
    return photo_response(photo.storage_key if photo else None, variant)


def _act(report_id: int, action):
    succeeded, _ = perform(_report_for_team(report_id), action)
    if succeeded:
        flash(translate("team.saved"), "success")
    return redirect(url_for(".report_page", report_id=report_id))


@blueprint.post("/melding/<int:report_id>/status")
def change_status(report_id: int):
    step = request.form.get("step", "")
    if step in ("use", "preview"):
        return _status_step(_report_for_team(report_id), step)
    return _act(
        report_id,
        lambda report, version: workflow.change_status(
            session(),
            report,
            current_user.user,
            version,
            request.form.get("status", ""),
            request.form.get("message", ""),
            datetime.now(UTC),
        ),
    )


@blueprint.post("/melding/<int:report_id>/oppakken")
def claim(report_id: int):
    return _act(
        report_id,
        lambda report, version: workflow.claim(session(), report, current_user.user, version, datetime.now(UTC)),
    )


@blueprint.post("/melding/<int:report_id>/notitie")
def add_note(report_id: int):
    return _act(
        report_id,
        lambda report, version: workflow.add_note(
            session(),
            report,
            current_user.user,
            request.form.get("note", ""),
            datetime.now(UTC),
            personal_contact=request.form.get("contact") == "yes",
        ),
    )


@blueprint.post("/melding/<int:report_id>/verplaatsen")
def requeue(report_id: int):
    category_id = request.form.get("category_id", "")
    return _act(
        report_id,
        lambda report, version: workflow.requeue(
            session(),
            report,
            current_user.user,
            version,
            int(category_id) if category_id.isdigit() else None,
            request.form.get("queue", ""),
            request.form.get("reason", ""),
            datetime.now(UTC),
        ),
    )


@blueprint.post("/melding/<int:report_id>/toewijzen")
def assign(report_id: int):
    return _act(
        report_id,
        lambda report, version: workflow.assign(
            session(), report, current_user.user, version, request.form.get("assignee", ""), datetime.now(UTC)
        ),
    )


def _status_step(report: Report, step: str):
    """Without saving: fill the message with the chosen standard text ("use"), or show the resident's mail as it
    would go out ("preview"). Works without JavaScript; with it, "use" fills the field in place."""
    form = {name: request.form.get(name, "") for name in STATUS_FORM_FIELDS}
    statuses = workflow.next_statuses(report.status, current_user.user.roles)
    problems, preview = Problems(), None
    if step == "use":
        picked = _picked_text(report, statuses, form["standard_text"])
        if picked is None:
            problems.add("standard_text", "texts.pick_required")
        else:
            form |= {"message": picked.filled_in, "status": picked.text.status.value}
    else:
        status = next((s for s in statuses if s.value == form["status"]), None)
        if status is None:
            problems.add("status", "texts.status_not_allowed")
        else:
            base_url = current_app.config["PUBLIC_BASE_URL"]
            preview = preview_status_mail(session(), report, status, form["message"], base_url)
    return _report_page(report, form, preview, problems), 422 if problems else 200


def _picked_text(report: Report, statuses, text_id: str) -> PickableText | None:
    return next((p for p in texts_for_report(session(), report, statuses) if str(p.text.id) == text_id), None)
