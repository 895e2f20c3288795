"""Staff log-in: Flask-Login sessions, argon2 passwords, rate-limited attempts, one role check per blueprint."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user

from models import Role, StaffUser, TeamKind
from triage.staff import active_user, authenticate
from web.database import session
from web.extensions import limiter

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.session_protection = "strong"
blueprint = Blueprint("auth", __name__, url_prefix="/medewerkers")


class LoggedIn(UserMixin):
    """The logged-in staff member as Flask-Login sees them; models/ stays free of Flask."""

    def __init__(self, user: StaffUser) -> None:
        self.user = user
        self.id = user.id
        self.roles = user.roles

    def get_id(self) -> str:
        return str(self.user.id)


@login_manager.user_loader
def load_user(user_id: str) -> LoggedIn | None:
    user = active_user(session(), int(user_id)) if user_id.isdigit() else None
    return LoggedIn(user) if user else None


def require_roles(allowed: Iterable[Role]):
    """A blueprint's single access check: logged in, and holding one of the allowed roles."""
    allowed = set(allowed)

    def check():
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not (current_user.roles & allowed):
            abort(403)
        return None

    return check


def _safe_next(target: str | None, user: StaffUser) -> str:
    """Only a path on this site, never another host (no open redirect); else the person's own start page."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return start_page(user)


def start_page(user: StaffUser) -> str:
    """Where a person's work is: the inbox for triage, the dashboard for leads, the own queue for a team."""
    if user.roles & {Role.TRIAGE_OFFICER, Role.ADMIN}:
        return url_for("triage.inbox")
    if Role.TEAM_LEAD in user.roles or any(team.kind is TeamKind.MONITORING for team in user.teams):
        return url_for("dashboard.index")
    queues = [team.queue for team in user.teams if team.queue is not None]
    if queues:
        return url_for("team.work_list_page", queue_name=queues[0].value)
    return url_for("triage.inbox")


@blueprint.route("/inloggen", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def login():
    email, failed = request.form.get("email", ""), False
    if request.method == "POST":
        user = authenticate(session(), email, request.form.get("password", ""))
        if user:
            session().commit()  # a rehashed password is kept
            login_user(LoggedIn(user))
            return redirect(_safe_next(request.args.get("next"), user))
        failed = True
    return render_template("staff/login.html", email=email, failed=failed), 401 if failed else 200


@blueprint.post("/uitloggen")
def logout():
    logout_user()
    return redirect(url_for("auth.login"))
