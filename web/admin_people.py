"""Administering people and teams in the browser (role admin): accounts, invitations, roles, teams, members.

Every change goes through triage.staff, the same functions as `triage users`, so the CLI and the screens keep
the same rules; each is a version in the configuration's history. A form shows what was typed again with the
reason next to the field, and a save on top of someone else's newer save is refused (409), never silently lost.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from models import Queue, Role, TeamKind
from triage.kernel import DecisionRefused, EditConflict, Problems, Subject, SubmissionRejected, current_version
from triage.notifications import mail_invitation
from triage.staff import (
    AccountForm,
    TeamForm,
    all_teams,
    change_account,
    change_team,
    create_team,
    disable_account,
    enable_account,
    has_password,
    invite,
    join_team,
    leave_team,
    new_link,
    open_links,
    staff_account,
    staff_accounts,
    team_by_id,
    team_members,
    teams_overview,
)
from web.auth import require_roles
from web.database import session
from web.i18n import LANGUAGES, translate
from web.jobs import after_commit

blueprint = Blueprint("people", __name__, url_prefix="/beheer/mensen")
blueprint.before_request(require_roles({Role.ADMIN}))


def _actor() -> str:
    return current_user.user.email


def _now() -> datetime:
    return datetime.now(UTC)


def _seen() -> str:
    """The version the form was shown; a form without one counts as version 0, so it cannot skip the check."""
    return request.form.get("version", "")


def _valid_for() -> timedelta:
    return timedelta(hours=current_app.config["INVITATION_HOURS"])


def _mail_language() -> str:
    language = request.form.get("mail_language")
    return language if language in LANGUAGES else LANGUAGES[0]


def _done(message_key: str, target: str, **params):
    """Commit, send what the change owes (an invitation mail), and show the result on a fresh page."""
    session().commit()
    after_commit()
    flash(translate(message_key, **params), "success")
    return redirect(target)


def _saved(save, show_form):
    """Run an edit form's save; None when it was saved. Refused input shows the form again with the reasons (422),
    a save on top of someone else's newer one shows the conflict (409); neither changes anything."""
    try:
        save()
    except SubmissionRejected as refused:
        session().rollback()
        return show_form(refused.problems, False), 422
    except EditConflict:
        session().rollback()
        return show_form(Problems(), True), 409
    return None


def _refused(code: str, target: str):
    session().rollback()
    flash(translate(code), "error")
    return redirect(target)


# Accounts


@blueprint.get("/")
def accounts():
    users = staff_accounts(session())
    return render_template(
        "admin/people.html", users=users, links=open_links(session(), users, _now()), has_password=has_password
    )


@blueprint.route("/uitnodigen", methods=["GET", "POST"])
def invite_page():
    form = _account_form(with_email=True)
    if request.method == "GET":
        return _invite_form(AccountForm("", [], []), Problems())
    try:
        invitation = invite(session(), form, _actor(), _now(), _valid_for())
    except SubmissionRejected as refused:
        session().rollback()
        return _invite_form(form, refused.problems), 422
    mail_invitation(session(), invitation, _mail_language(), _now())
    return _done("people.invited", url_for("people.accounts"), email=invitation.user.email)


def _invite_form(form: AccountForm, problems: Problems):
    return render_template(
        "admin/people_invite.html", form=form, problems=problems, roles=list(Role), teams=all_teams(session())
    )


def _account_form(with_email: bool = False) -> AccountForm:
    email = request.form.get("email", "") if with_email else ""
    roles, teams = request.form.getlist("roles"), request.form.getlist("teams")
    return AccountForm(request.form.get("name", ""), roles, teams, email)


def _account_or_404(user_id: int):
    return staff_account(session(), user_id) or abort(404)


@blueprint.route("/<int:user_id>", methods=["GET", "POST"])
def account(user_id: int):
    user = _account_or_404(user_id)
    if request.method == "GET":
        form = AccountForm(user.name, [r.value for r in user.roles], [t.slug for t in user.teams], user.email)
        return _account_page(user, form, Problems())
    form = _account_form()
    refused = _saved(
        lambda: change_account(session(), user, form, _actor(), _now(), _seen()),
        lambda problems, conflict: _account_page(user, form, problems, conflict),
    )
    return refused or _done("people.saved", url_for("people.account", user_id=user_id), name=user.name)


def _account_page(user, form: AccountForm, problems: Problems, conflict: bool = False):
    return render_template(
        "admin/people_account.html",
        user=user,
        form=form,
        problems=problems,
        conflict=conflict,
        version=request.form.get("version") or current_version(session(), Subject.STAFF_ACCOUNT, user.id),
        roles=list(Role),
        teams=all_teams(session()),
        link_until=open_links(session(), [user], _now()).get(user.id),
        has_password=has_password(user),
    )


@blueprint.post("/<int:user_id>/uitschakelen")
def disable(user_id: int):
    return _account_action(user_id, disable_account, "people.disabled")


@blueprint.post("/<int:user_id>/inschakelen")
def enable(user_id: int):
    return _account_action(user_id, enable_account, "people.enabled")


def _account_action(user_id: int, action, done_key: str):
    user, here = _account_or_404(user_id), url_for("people.account", user_id=user_id)
    try:
        action(session(), user, _actor(), _now(), _seen())
    except EditConflict:
        return _refused("people.conflict", here)
    except DecisionRefused as refused:
        return _refused(refused.code, here)
    return _done(done_key, here, name=user.name)


@blueprint.post("/<int:user_id>/nieuwe-link")
def send_new_link(user_id: int):
    """A new invitation link (the old one expired or got lost); the old link stops working."""
    user, here = _account_or_404(user_id), url_for("people.account", user_id=user_id)
    try:
        invitation = new_link(session(), user, _actor(), _now(), _valid_for())
    except DecisionRefused as refused:
        return _refused(refused.code, here)
    mail_invitation(session(), invitation, _mail_language(), _now())
    return _done("people.link_sent", here, email=user.email)


# Teams


@blueprint.get("/teams")
def teams():
    return render_template("admin/teams.html", lines=teams_overview(session()))


@blueprint.route("/teams/nieuw", methods=["GET", "POST"])
def new_team():
    form = _team_form()
    if request.method == "GET":
        return _team_page(None, TeamForm("", TeamKind.QUEUE.value), Problems())
    try:
        team = create_team(session(), form, _actor(), _now())
    except SubmissionRejected as refused:
        session().rollback()
        return _team_page(None, form, refused.problems), 422
    return _done("teams.created", url_for("people.team", team_id=team.id), name=team.name)


def _team_form() -> TeamForm:
    return TeamForm(request.form.get("name", ""), request.form.get("kind", ""), request.form.get("queue", ""))


def _team_or_404(team_id: int):
    return team_by_id(session(), team_id) or abort(404)


@blueprint.route("/teams/<int:team_id>", methods=["GET", "POST"])
def team(team_id: int):
    team = _team_or_404(team_id)
    if request.method == "GET":
        queue = team.queue.value if team.queue else ""
        return _team_page(team, TeamForm(team.name, team.kind.value, queue), Problems())
    form = _team_form()
    refused = _saved(
        lambda: change_team(session(), team, form, _actor(), _now(), _seen()),
        lambda problems, conflict: _team_page(team, form, problems, conflict),
    )
    return refused or _done("teams.saved", url_for("people.team", team_id=team_id), name=team.name)


def _team_page(team, form: TeamForm, problems: Problems, conflict: bool = False):
    members = team_members(session(), team) if team else []
    version = request.form.get("version") or (current_version(session(), Subject.TEAM, team.id) if team else 0)
    others = [user for user in staff_accounts(session()) if user.is_active and user not in members]
    return render_template(
        "admin/teams_edit.html",
        team=team,
        form=form,
        problems=problems,
        conflict=conflict,
        version=version,
        kinds=list(TeamKind),
        queues=list(Queue),
        members=members,
        others=others,
    )


@blueprint.post("/teams/<int:team_id>/leden")
def add_member(team_id: int):
    team, here = _team_or_404(team_id), url_for("people.team", team_id=team_id)
    user = staff_account(session(), request.form.get("user_id", type=int) or 0)
    if user is None:
        return _refused("teams.member.choose", here)
    join_team(session(), user, team, _actor(), _now())
    return _done("teams.member_added", here, name=user.name, team=team.name)


@blueprint.post("/teams/<int:team_id>/leden/<int:user_id>/weg")
def remove_member(team_id: int, user_id: int):
    team, user = _team_or_404(team_id), _account_or_404(user_id)
    leave_team(session(), user, team, _actor(), _now())
    return _done("teams.member_removed", url_for("people.team", team_id=team_id), name=user.name, team=team.name)
