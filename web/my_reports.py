"""'My reports' for residents, without an account or a password: an e-mail address gets a short-lived, single-use
link by mail; the link opens, for a short visit, every report of that address of the last twelve months, the
resident's data to download (JSON and a readable page), and a request to erase it. Administrators handle those
requests on their own page (the second blueprint here).

Opening the link takes a button press (a POST): mail scanners that follow links cannot spend it. The browser keeps
only the link's number for the visit, never the address.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from hashlib import sha256

from flask import Blueprint, Response, current_app, flash, redirect, render_template, request, url_for
from flask import session as cookie
from flask_login import current_user

from models import Role
from triage.intake import (
    address_of_visit,
    data_export,
    erase_on_request,
    fingerprint,
    handled_requests,
    overview_of,
    record_shown,
    refuse_erasure,
    reports_of_request,
    request_erasure,
    request_link,
    usable_link,
    use_link,
    waiting_request_of,
    waiting_requests,
)
from triage.kernel import DecisionRefused, Problems, SubmissionRejected
from web.actions import commit_and_dispatch
from web.auth import require_roles
from web.database import session, writes_on_read
from web.extensions import limiter, report_rate_limit
from web.i18n import current_language, translate
from web.intake_request import as_text, photo_store

blueprint = Blueprint("my_reports", __name__, url_prefix="/mijn-meldingen")
admin_blueprint = Blueprint("erasure_requests", __name__, url_prefix="/beheer/wisverzoeken")
admin_blueprint.before_request(require_roles({Role.ADMIN}))
VISIT = "my_reports_link"  # the cookie entry: the opened link's id


def _now() -> datetime:
    return datetime.now(UTC)


def _minutes() -> int:
    """How long a link works, and how long the visit it opens lasts."""
    return int(current_app.config.get("MY_REPORTS_LINK_MINUTES", 30))


def _address_limit() -> str:
    return current_app.config.get("MY_REPORTS_ADDRESS_LIMIT", "3 per hour;10 per day")


def _address_asked() -> str:
    """The address asked for, hashed: the limiter's store holds no e-mail addresses."""
    return sha256(request.form.get("email", "").strip().lower().encode()).hexdigest()


@blueprint.get("/")
def ask_form():
    return render_template("my_reports/ask.html", typed="", problems=Problems())


@blueprint.post("/")
@limiter.shared_limit(report_rate_limit, scope="public-write")
@limiter.limit(_address_limit, key_func=_address_asked)
def ask_link():
    """The same answer for a known and an unknown address; only a known one gets mail."""
    typed = as_text(request.form.get("email", ""))[:300]
    try:
        sent = request_link(session(), typed, _now(), _minutes())
    except SubmissionRejected as refusal:
        return render_template("my_reports/ask.html", typed=typed, problems=refusal.problems), 422
    commit_and_dispatch()
    current_app.logger.info("my-reports link %s", "mailed" if sent else "not mailed (unknown address)")
    return redirect(url_for("my_reports.link_sent"), code=303)


@blueprint.get("/verstuurd")
def link_sent():
    return render_template("my_reports/sent.html", minutes=_minutes())


@blueprint.get("/link/<token>")
def open_link_page(token: str):
    """A button, not the overview: a link scanner's GET leaves the link unspent."""
    if usable_link(session(), token, _now()) is None:
        return render_template("my_reports/link_gone.html"), 410
    return render_template("my_reports/open.html", token=token)


@blueprint.post("/link/<token>")
@limiter.shared_limit(report_rate_limit, scope="public-write")
def open_link(token: str):
    link_id = use_link(session(), token, _now())
    if link_id is None:
        return render_template("my_reports/link_gone.html"), 410
    session().commit()
    cookie[VISIT] = link_id
    return redirect(url_for("my_reports.overview"), code=303)


def _visiting() -> str | None:
    return address_of_visit(session(), cookie.get(VISIT), _now(), _minutes())


def _visit_over():
    cookie.pop(VISIT, None)
    flash(translate("my_reports.visit_over"), "error")
    return redirect(url_for("my_reports.ask_form"), code=303)


@blueprint.get("/overzicht")
@writes_on_read
def overview():
    address = _visiting()
    if address is None:
        return _visit_over()
    return _render_overview(address)


def _render_overview(address: str, problems: Problems | None = None, status: int = 200):
    reports = overview_of(session(), address, _now())
    record_shown(session(), reports, "overview", _now())
    page = render_template(
        "my_reports/overview.html",
        address=address,
        reports=reports,
        waiting=waiting_request_of(session(), address),
        problems=problems or Problems(),
    )
    session().commit()
    return page, status


@blueprint.get("/gegevens.json")
@writes_on_read
def data_json():
    address = _visiting()
    if address is None:
        return _visit_over()
    reports = overview_of(session(), address, _now())
    record_shown(session(), reports, "json", _now())
    body = json.dumps(data_export(reports, address, _now()), ensure_ascii=False, indent=2)
    session().commit()
    headers = {"Content-Disposition": 'attachment; filename="mijn-meldingen.json"'}
    return Response(body, mimetype="application/json", headers=headers)


@blueprint.get("/gegevens")
@writes_on_read
def data_page():
    address = _visiting()
    if address is None:
        return _visit_over()
    reports = overview_of(session(), address, _now())
    record_shown(session(), reports, "page", _now())
    page = render_template("my_reports/data.html", data=data_export(reports, address, _now()))
    session().commit()
    return page


@blueprint.post("/wissen")
@limiter.shared_limit(report_rate_limit, scope="public-write")
def ask_erasure():
    address = _visiting()
    if address is None:
        return _visit_over()
    if request.form.get("confirm") != "1":
        problems = Problems()
        problems.add("confirm", "my_reports.erasure_confirm_required")
        return _render_overview(address, problems, status=422)
    request_erasure(session(), address, current_language(), _now())
    session().commit()
    flash(translate("my_reports.erasure_requested"), "success")
    return redirect(url_for("my_reports.overview") + "#erasure", code=303)


@blueprint.post("/sluiten")
def end_visit():
    cookie.pop(VISIT, None)
    flash(translate("my_reports.closed"), "success")
    return redirect(url_for("my_reports.ask_form"), code=303)


# The administrator's page --------------------------------------------------------------------------------------


@admin_blueprint.get("/")
def requests_page():
    return _render_requests()


def _render_requests(problems: dict[int, Problems] | None = None, typed: dict[int, str] | None = None, status=200):
    now = _now()
    waiting = [(item, reports_of_request(session(), item, now)) for item in waiting_requests(session())]
    page = render_template(
        "my_reports/admin.html",
        waiting=waiting,
        handled=handled_requests(session()),
        fingerprint=fingerprint,
        problems=problems or {},
        typed=typed or {},
    )
    return page, status


@admin_blueprint.post("/<int:request_id>/wissen")
def erase(request_id: int):
    try:
        seen = request.form.get("fingerprint", "")
        done = erase_on_request(session(), request_id, seen, photo_store(), current_user.user.email, _now())
    except DecisionRefused as refusal:
        session().rollback()
        flash(translate(refusal.code), "error")
        return _render_requests(status=409)
    session().commit()
    flash(translate("erasure.done", count=done.reports_erased), "success")
    return redirect(url_for("erasure_requests.requests_page"), code=303)


@admin_blueprint.post("/<int:request_id>/weigeren")
def refuse(request_id: int):
    reason = as_text(request.form.get("reason", ""))
    try:
        refuse_erasure(session(), request_id, reason, current_user.user.email, _now())
    except SubmissionRejected as refusal:
        session().rollback()
        return _render_requests({request_id: refusal.problems}, {request_id: reason}, status=422)
    except DecisionRefused as refusal:
        session().rollback()
        flash(translate(refusal.code), "error")
        return _render_requests(status=409)
    session().commit()
    flash(translate("erasure.refused"), "success")
    return redirect(url_for("erasure_requests.requests_page"), code=303)
