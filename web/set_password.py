"""The page an invited staff member opens from their mail to set a password; open to anyone who has the link.

The link's token is the only key, so the page says the same for an unknown, a used and an expired link (nobody
learns which links once existed), and posting is rate limited like the log-in.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for

from triage.kernel import DecisionRefused, Problems, SubmissionRejected
from triage.staff import MIN_PASSWORD_LENGTH, accept, open_link
from web.database import session
from web.extensions import limiter
from web.i18n import translate

blueprint = Blueprint("password", __name__, url_prefix="/medewerkers/wachtwoord")


def _client_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


@blueprint.get("/<token>")
def set_password_page(token: str):
    invitation = open_link(session(), token, datetime.now(UTC))
    if invitation is None:
        return render_template("staff/set_password_invalid.html"), 404
    return _form(invitation.user, Problems())


@blueprint.post("/<token>")
@limiter.limit(_client_limit)
def set_password(token: str):
    password, repeated = request.form.get("password", ""), request.form.get("repeated", "")
    try:
        user = accept(session(), token, password, repeated, datetime.now(UTC))
    except DecisionRefused:
        session().rollback()
        return render_template("staff/set_password_invalid.html"), 404
    except SubmissionRejected as refused:
        session().rollback()
        return _form(open_link(session(), token, datetime.now(UTC)).user, refused.problems), 422
    session().commit()
    flash(translate("invitation.done", email=user.email), "success")
    return redirect(url_for("auth.login"))


def _form(user, problems: Problems):
    return render_template("staff/set_password.html", user=user, problems=problems, min_length=MIN_PASSWORD_LENGTH)
