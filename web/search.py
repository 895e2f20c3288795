"""The staff search: one box on every staff page. A tracking code opens its report; other words list the reports
this person may open, with the filters of the page the words were typed on."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user

from models import AreaKind, Channel, Queue, Report, ReportStatus, Role, StaffUser
from triage.inbox import AGES, InboxFilters
from triage.reference import filter_choices
from triage.workflow import (
    COUNTED_UP_TO,
    SearchFilters,
    may_see_queue,
    report_by_code,
    search_problems,
    search_reports,
    without_refused_filters,
)
from web.auth import require_roles
from web.database import session
from web.i18n import translate

blueprint = Blueprint("search", __name__, url_prefix="/medewerkers")
blueprint.before_request(require_roles(set(Role)))  # every staff role; residents never log in
LONGEST_QUERY = 200


def page_of(report: Report, user: StaffUser) -> str:
    """The team's page when the person works that queue, else the triage page (officers and admins)."""
    if report.queue is not None and may_see_queue(user, report.queue):
        return url_for("team.report_page", report_id=report.id)
    if Role.CONTACT_CENTRE in user.roles and not user.roles & {Role.TRIAGE_OFFICER, Role.ADMIN}:
        return url_for("contact_centre.report_page", report_id=report.id)
    return url_for("triage.report_detail", report_id=report.id)


def _filters() -> SearchFilters:
    args = request.args
    inbox = InboxFilters(args.get("category", ""), args.get("channel", ""), args.get("buurt", ""), args.get("age", ""))
    return SearchFilters(args.get("queue", ""), args.get("status", ""), inbox)


def _choices() -> dict[str, list[tuple[str, str]]]:
    """Each filter's (value, words) pairs, in the order the filters stand on the page."""
    return {
        "queue": [(q.value, translate(f"queue.{q.value}")) for q in Queue],
        "status": [(s.value, translate(f"status.{s.value}")) for s in ReportStatus],
        **inbox_choices(),
    }


def inbox_choices() -> dict[str, list[tuple[str, str]]]:
    """The inbox's filters as (value, words) pairs; the inbox page and the search offer the same ones."""
    listed = filter_choices(session(), AreaKind.BUURT)
    return {
        "category": listed.mains,
        "channel": [(c.value, translate(f"channel.{c.value}")) for c in Channel],
        "buurt": listed.areas,
        "age": [(age, translate("search.age.days", n=int(age))) for age in AGES],
    }


@blueprint.get("/zoeken")
def results():
    words, user = request.args.get("q", "").strip()[:LONGEST_QUERY], current_user.user
    if user.roles == {Role.CONTACT_CENTRE}:  # their look-up is audited and reads codes, addresses, phones, e-mail
        return redirect(url_for("contact_centre.lookup", q=words))
    code_report = report_by_code(session(), words, user)
    if code_report is not None:
        return redirect(page_of(code_report, user))
    filters = _filters()
    problems = search_problems(session(), filters)
    found = search_reports(session(), words, without_refused_filters(filters, problems), user, datetime.now(UTC))
    page = render_template(
        "staff/search.html",
        words=words,
        filters=filters,
        problems=problems,
        found=found,
        links={report.id: page_of(report, user) for report in found.reports},
        choices=_choices(),
        counted_up_to=COUNTED_UP_TO,
    )
    return page, 400 if problems else 200
