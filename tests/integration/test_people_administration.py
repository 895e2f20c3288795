"""Administering accounts in the browser: only admins, refusals next to the field that change nothing, stale forms
refused, disabling ends sessions at once, an admin keeps their own admin role, the last admin stays, undo works."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from models import ConfigChange, Role
from tests.factories import make_staff
from tests.support.web import form_token, log_in
from triage.kernel import DecisionRefused, Subject, change_history, current_version, undo_change
from triage.staff import AccountForm, change_account, disable_account, find_user

ADMIN = "beheer@haarlem.example"
NOW = datetime(2026, 12, 1, 10, tzinfo=UTC)


@pytest.fixture
def admin(session):
    return make_staff(session, Role.ADMIN, email=ADMIN, name="Beheerder")


@pytest.fixture
def admin_client(admin, client):
    assert log_in(client, ADMIN).status_code == 302
    return client


def account_url(user) -> str:
    return f"/beheer/mensen/{user.id}"


def account_form(client, user, **changes) -> dict:
    page = client.get(account_url(user)).get_data(as_text=True)
    version = page.split('name="version" value="')[1].split('"')[0]
    fields = {
        "csrf_token": form_token(client, account_url(user)),
        "version": version,
        "name": user.name,
        "roles": sorted(role.value for role in user.roles),
        "teams": sorted(team.slug for team in user.teams),
    }
    return {**fields, **changes}


def snapshot(user) -> tuple:
    return user.name, user.is_active, user.roles, {team.slug for team in user.teams}, user.session_version


PAGES = [
    ("get", "/beheer/mensen/"),
    ("get", "/beheer/mensen/uitnodigen"),
    ("post", "/beheer/mensen/uitnodigen"),
    ("get", "/beheer/mensen/teams"),
    ("get", "/beheer/mensen/teams/nieuw"),
    ("post", "/beheer/mensen/teams/1/leden"),
]


@pytest.mark.parametrize("role", [Role.TRIAGE_OFFICER, Role.TEAM_MEMBER, Role.TEAM_LEAD])
def test_only_administrators_may_open_the_people_pages(session, client, staff_by_role, role):
    log_in(client, staff_by_role[role].email)
    for method, url in PAGES:
        data = {"csrf_token": form_token(client, "/")} if method == "post" else None
        assert getattr(client, method)(url, data=data).status_code == 403, url
    assert client.get(f"/beheer/mensen/{staff_by_role[role].id}").status_code == 403


def test_the_people_pages_ask_to_log_in_first(client):
    response = client.get("/beheer/mensen/")
    assert response.status_code == 302 and "/medewerkers/inloggen" in response.headers["Location"]


def test_an_admin_changes_name_roles_and_teams_and_the_change_is_a_version(session, admin_client, team_member):
    form = account_form(admin_client, team_member, name="Teamlid Twee", roles=["team_lead"], teams=["team-complex"])
    assert admin_client.post(account_url(team_member), data=form).status_code == 302
    session.refresh(team_member)
    assert team_member.name == "Teamlid Twee" and team_member.roles == {Role.TEAM_LEAD}
    [line] = change_history(session, Subject.STAFF_ACCOUNT, team_member.id)
    assert line.change.before["roles"] == ["team_member"] and line.change.after["teams"] == ["team-complex"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Vul een naam in."),
        ({"name": "x" * 121}, "name", "Een naam mag hoogstens 120 tekens"),
        ({"roles": ["koning"]}, "roles", "Kies een rol uit de lijst."),
        ({"roles": []}, "roles", "Kies minstens één rol."),
        ({"teams": ["team-nergens"]}, "teams", "Kies teams uit de lijst."),
    ],
)
def test_a_refused_account_form_changes_nothing(session, admin_client, team_member, changes, field, message):
    before = snapshot(team_member)
    response = admin_client.post(account_url(team_member), data=account_form(admin_client, team_member, **changes))
    assert response.status_code == 422
    assert f'id="{field}-error-1"><span class="visually-hidden">Fout: </span>{message}' in response.get_data(
        as_text=True
    )
    session.refresh(team_member)
    assert snapshot(team_member) == before and current_version(session, Subject.STAFF_ACCOUNT, team_member.id) == 0


def test_a_form_opened_before_someone_else_saved_is_a_conflict(session, admin_client, team_member):
    stale = account_form(admin_client, team_member, name="Mijn versie")
    change_account(session, team_member, AccountForm("Andermans versie", ["team_member"], []), "ander@x.example", NOW)
    response = admin_client.post(account_url(team_member), data=stale)
    assert response.status_code == 409 and "Iemand anders heeft dit intussen opgeslagen" in response.get_data(
        as_text=True
    )
    session.refresh(team_member)
    assert team_member.name == "Andermans versie"


def test_disabling_an_account_ends_its_session_at_once(session, app, admin_client, team_member):
    member = app.test_client()
    log_in(member, team_member.email)
    assert member.get("/team/simple").status_code == 200
    form = {"csrf_token": form_token(admin_client, account_url(team_member)), "version": "0"}
    assert admin_client.post(f"{account_url(team_member)}/uitschakelen", data=form).status_code == 302
    response = member.get("/team/simple")
    assert response.status_code == 302 and "/medewerkers/inloggen" in response.headers["Location"]
    assert log_in(member, team_member.email).status_code == 401


def test_an_admin_cannot_remove_their_own_admin_role(session, admin_client, admin):
    make_staff(session, Role.ADMIN, email="tweede@haarlem.example")
    before = snapshot(admin)
    response = admin_client.post(account_url(admin), data=account_form(admin_client, admin, roles=["team_lead"]))
    assert response.status_code == 422 and "eigen rol beheerder niet weghalen" in response.get_data(as_text=True)
    session.refresh(admin)
    assert snapshot(admin) == before


def test_an_admin_cannot_disable_themselves(session, admin_client, admin):
    form = {"csrf_token": form_token(admin_client, account_url(admin)), "version": "0"}
    response = admin_client.post(f"{account_url(admin)}/uitschakelen", data=form, follow_redirects=True)
    assert "eigen account niet uitschakelen" in response.get_data(as_text=True)
    session.refresh(admin)
    assert admin.is_active and admin_client.get("/beheer/mensen/").status_code == 200


def test_the_last_active_admin_cannot_be_disabled_nor_lose_the_role(session, admin):
    with pytest.raises(DecisionRefused, match="people.refused.last_admin"):
        disable_account(session, admin, "cli", NOW)
    other = make_staff(session, Role.ADMIN, email="tweede@haarlem.example")
    disable_account(session, other, ADMIN, NOW)
    with pytest.raises(Exception, match="people.refused.last_admin"):
        change_account(session, admin, AccountForm(admin.name, ["team_lead"], []), "cli", NOW)
    assert admin.is_active and admin.roles == {Role.ADMIN} and not other.is_active


def test_undo_puts_an_account_back_and_undoing_a_disable_enables_it(session, admin, team_member):
    change_account(session, team_member, AccountForm("Andere naam", ["team_lead"], []), ADMIN, NOW)
    disable_account(session, team_member, ADMIN, NOW)
    changes = session.scalars(select(ConfigChange).order_by(ConfigChange.id.desc())).all()
    undo_change(session, changes[0].id, ADMIN, NOW)
    assert team_member.is_active
    with pytest.raises(DecisionRefused):
        undo_change(session, changes[1].id, ADMIN, NOW)  # no longer the latest: the undo itself is
    latest = change_history(session, Subject.STAFF_ACCOUNT, team_member.id)[0].change
    undo_change(session, latest.id, ADMIN, NOW)  # undo the undo: disabled again
    assert not team_member.is_active


def test_undoing_an_invitation_disables_the_account_it_made(session, admin_client):
    form = {
        "csrf_token": form_token(admin_client, "/beheer/mensen/uitnodigen"),
        "email": "kort@haarlem.example",
        "name": "Kort",
        "roles": ["triage_officer"],
    }
    admin_client.post("/beheer/mensen/uitnodigen", data=form)
    user = find_user(session, "kort@haarlem.example")
    [line] = change_history(session, Subject.STAFF_ACCOUNT, user.id)
    undo_change(session, line.change.id, ADMIN, NOW)
    assert not user.is_active


def test_undo_cannot_take_away_the_last_admin(session, admin):
    other = make_staff(session, Role.TEAM_LEAD, email="tweede@haarlem.example")
    change_account(session, other, AccountForm(other.name, ["admin"], []), ADMIN, NOW)
    disable_account(session, admin, other.email, NOW)
    grant = change_history(session, Subject.STAFF_ACCOUNT, other.id)[0].change
    with pytest.raises(DecisionRefused, match="people.refused.last_admin"):
        undo_change(session, grant.id, "cli", NOW)
    assert other.roles == {Role.ADMIN}


def test_the_cli_refuses_to_disable_the_last_admin(cli_database):
    from click.testing import CliRunner

    from triage.cli import main

    runner = CliRunner()
    runner.invoke(main, ["users", "create", ADMIN, "--name", "B", "--role", "admin", "--password", "x" * 12])
    result = runner.invoke(main, ["users", "disable", ADMIN])
    assert result.exit_code == 1 and "people.refused.last_admin" in result.output
    with cli_database.session_factory() as session:
        assert find_user(session, ADMIN).is_active


def test_a_form_without_its_version_cannot_skip_the_conflict_check(session, admin_client, team_member):
    change_account(session, team_member, AccountForm("Andermans versie", ["team_member"], []), "ander@x.example", NOW)
    form = account_form(admin_client, team_member, name="Mijn versie")
    del form["version"]
    assert admin_client.post(account_url(team_member), data=form).status_code == 409
    session.refresh(team_member)
    assert team_member.name == "Andermans versie"
