"""Following a report instead of reporting it again: ask with an e-mail address, confirm it, stop from any mail.

Only open reports in public categories can be followed from here; the page shows what the public map shows. The
confirm and stop links in the mails open a page with one button, so a mail scanner that opens links changes nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, abort, redirect, render_template, request, url_for

from triage.intake import (
    by_tracking_code,
    confirm_following,
    follower_by_token,
    report_interest,
    start_following,
    stop_following,
)
from triage.kernel import DecisionRefused, Problems, SubmissionRejected
from triage.open311 import public_report
from web.actions import commit_and_dispatch
from web.database import session
from web.extensions import limiter, report_rate_limit
from web.i18n import current_language
from web.intake_request import as_text

blueprint = Blueprint("follow", __name__)


def _public_or_404(code: str):
    report = public_report(session(), code[:40])
    if report is None:
        abort(404)
    return report


@blueprint.get("/volg-melding/<code>")
def follow_page(code: str):
    return _render_follow(code)


def _render_follow(code: str, email: str = "", problems: Problems | None = None, status: int = 200):
    public = _public_or_404(code)
    original = _report_of(public.tracking_code)
    page = render_template(
        "follow/follow.html",
        public=public,
        interest=report_interest(session(), original),
        email=email,
        problems=problems or Problems(),
    )
    return page, status


def _report_of(code: str):
    return by_tracking_code(session(), code)


@blueprint.post("/volg-melding/<code>")
@limiter.shared_limit(report_rate_limit, scope="public-write")
def start_page(code: str):
    """The address typed is kept on a refusal; the answer is the same whether it followed already or not."""
    public = _public_or_404(code)
    email = as_text(request.form.get("email", ""))[:300]
    try:
        start_following(session(), _report_of(public.tracking_code), email, current_language(), _now())
        commit_and_dispatch()
    except SubmissionRejected as refusal:
        session().rollback()
        return _render_follow(code, email, refusal.problems, status=422)
    except DecisionRefused as refusal:  # closed since the page was opened
        session().rollback()
        problems = Problems()
        problems.add("email", refusal.code)
        return _render_follow(code, email, problems, status=422)
    return redirect(url_for("follow.mail_sent", code=public.tracking_code), code=303)


@blueprint.get("/volg-melding/<code>/mail-verstuurd")
def mail_sent(code: str):
    return render_template("follow/mail_sent.html", public=_public_or_404(code))


def _follower_or_404(token: str):
    follower = follower_by_token(session(), token)
    if follower is None:
        abort(404)
    return follower


@blueprint.get("/volgen-bevestigen/<token>")
def confirm_page(token: str):
    return render_template("follow/confirm.html", follower=_follower_or_404(token), done=False)


@blueprint.post("/volgen-bevestigen/<token>")
@limiter.shared_limit(report_rate_limit, scope="public-write")
def confirm(token: str):
    follower = _follower_or_404(token)
    confirm_following(session(), follower, _now())
    commit_and_dispatch()
    return render_template("follow/confirm.html", follower=follower, done=True)


@blueprint.get("/volgen-stoppen/<token>")
def stop_page(token: str):
    return render_template("follow/stop.html", follower=_follower_or_404(token), done=False)


@blueprint.post("/volgen-stoppen/<token>")
@limiter.shared_limit(report_rate_limit, scope="public-write")
def stop(token: str):
    follower = _follower_or_404(token)
    stop_following(session(), follower, _now())
    commit_and_dispatch()
    return render_template("follow/stop.html", follower=follower, done=True)


def _now() -> datetime:
    return datetime.now(UTC)
