"""Staff log-in: Flask-Login sessions, argon2 passwords, rate-limited attempts, one role check per blueprint.

A session ends when it should (triage.staff.session_user decides): the cookie carries the account's session
version, when the session began and when it was last used, checked on every request.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from hashlib import sha256
from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask import session as cookie
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user

from models import Role, StaffUser, TeamKind
from triage.staff import SessionLimits, StaffSession, authenticate, end_sessions, normalise_email, session_user
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


def utc_now() -> datetime:
    """The clock the session time-outs are measured by (one name, so a test can pin it)."""
    return datetime.now(UTC)


@login_manager.user_loader
def load_user(user_id: str) -> LoggedIn | None:
    """The logged-in person while their session lasts; each request counts as use for the idle time-out."""
    staff_session = _staff_session(user_id)
    now = utc_now()
    user = session_user(session(), staff_session, _limits(), now) if staff_session else None
    if user is None:
        return None
    _remember(staff_session.seen(now))
    return LoggedIn(user)


def _limits() -> SessionLimits:
    idle, absolute = current_app.config["SESSION_IDLE_MINUTES"], current_app.config["SESSION_MAX_HOURS"]
    return SessionLimits(timedelta(minutes=idle), timedelta(hours=absolute))


def _staff_session(user_id: str) -> StaffSession | None:
    """The session as the cookie tells it; a cookie from before session versions (or a damaged one) has none."""
    kept = cookie.get("staff_session")
    if not user_id.isdigit() or not isinstance(kept, list) or len(kept) != 3:
        return None
    version, began, seen = kept
    return StaffSession(int(user_id), version, datetime.fromtimestamp(began, UTC), datetime.fromtimestamp(seen, UTC))


def _remember(staff_session: StaffSession) -> None:
    began, seen = staff_session.began_at.timestamp(), staff_session.seen_at.timestamp()
    cookie["staff_session"] = [staff_session.version, began, seen]


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
    if Role.CONTACT_CENTRE in user.roles:
        return url_for("contact_centre.intake_form")
    if Role.TEAM_LEAD in user.roles or any(team.kind is TeamKind.MONITORING for team in user.teams):
        return url_for("dashboard.index")
    queues = [team.queue for team in user.teams if team.queue is not None]
    if queues:
        return url_for("team.work_list_page", queue_name=queues[0].value)
    return url_for("triage.inbox")


def _client_login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


def _account_login_limit() -> str:
    return current_app.config["LOGIN_ACCOUNT_RATE_LIMIT"]


def _account_tried() -> str:
    """The account being tried, whatever client address it is tried from; hashed, so the limiter's store holds
    no e-mail addresses."""
    return sha256(normalise_email(request.form.get("email", "")).encode()).hexdigest()


def _refused(response) -> bool:
    return response.status_code == 401


@blueprint.route("/inloggen", methods=["GET", "POST"])
@limiter.limit(_client_login_limit, methods=["POST"])
@limiter.limit(_account_login_limit, key_func=_account_tried, methods=["POST"], deduct_when=_refused)
def login():
    email, failed = request.form.get("email", ""), False
    if request.method == "POST":
        user = authenticate(session(), email, request.form.get("password", ""))
        if user:
            session().commit()  # a rehashed password is kept
            login_user(LoggedIn(user))
            _remember(StaffSession.begin(user, utc_now()))
            return redirect(_safe_next(request.args.get("next"), user))
        failed = True
    return render_template("staff/login.html", email=email, failed=failed), 401 if failed else 200


@blueprint.post("/uitloggen")
def logout():
    """Log out here and everywhere else: a copy of this session's cookie no longer opens anything."""
    if current_user.is_authenticated:
        end_sessions(current_user.user)
        session().commit()
    logout_user()
    cookie.pop("staff_session", None)
    return redirect(url_for("auth.login"))
