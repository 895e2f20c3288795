"""Teams in the browser: create and rename with their kind and queue, members in and out; refused input and stale
forms change nothing; every change is a version that undo puts back."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from models import ConfigChange, Queue, Role, Team, TeamKind
from tests.factories import make_staff
from tests.support.web import form_token, log_in
from triage.kernel import DecisionRefused, Subject, change_history, current_version, undo_change
from triage.reference.data_folder import DEFAULT_DATA_DIR, read_json
from triage.reference.loading import load_teams
from triage.staff import TeamForm, change_team, create_team, join_team

ADMIN = "beheer@haarlem.example"
NOW = datetime(2026, 12, 1, 10, tzinfo=UTC)


@pytest.fixture
def admin_client(session, client):
    make_staff(session, Role.ADMIN, email=ADMIN, name="Beheerder")
    assert log_in(client, ADMIN).status_code == 302
    return client


def team_named(session, name: str) -> Team | None:
    return session.scalar(select(Team).where(Team.name == name))


def simple_team(session) -> Team:
    return session.scalar(select(Team).where(Team.slug == "team-eenvoudig"))


def teams_in(session) -> int:
    return session.scalar(select(func.count()).select_from(Team))


def new_team_form(client, **changes) -> dict:
    fields = {
        "csrf_token": form_token(client, "/beheer/mensen/teams/nieuw"),
        "name": "Team Groen",
        "kind": "department",
    }
    return {**fields, "queue": "", **changes}


def test_an_admin_creates_a_team_and_it_is_a_version(session, admin_client):
    response = admin_client.post("/beheer/mensen/teams/nieuw", data=new_team_form(admin_client))
    team = team_named(session, "Team Groen")
    assert response.status_code == 302 and team.slug == "team-groen" and team.kind is TeamKind.DEPARTMENT
    [line] = change_history(session, Subject.TEAM, team.id)
    assert line.change.before is None and line.change.after["name"] == "Team Groen"
    assert "Team Groen" in admin_client.get("/beheer/mensen/teams").get_data(as_text=True)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": " "}, "name", "Vul een naam in."),
        ({"name": "team eenvoudig"}, "name", "Er is al een team met deze naam."),
        ({"kind": "kantine"}, "kind", "Kies een soort uit de lijst."),
        ({"kind": "queue"}, "queue", "Een wachtrijteam heeft een wachtrij nodig."),
        ({"queue": "simple"}, "queue", "Alleen een wachtrijteam heeft een wachtrij."),
        ({"kind": "queue", "queue": "snel"}, "queue", "Kies een wachtrij uit de lijst."),
    ],
)
def test_a_refused_team_changes_nothing(session, admin_client, changes, field, message):
    before = teams_in(session), session.scalar(select(func.count()).select_from(ConfigChange))
    response = admin_client.post("/beheer/mensen/teams/nieuw", data=new_team_form(admin_client, **changes))
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f'id="{field}-error-1"><span class="visually-hidden">Fout: </span>{message}' in html
    assert (teams_in(session), session.scalar(select(func.count()).select_from(ConfigChange))) == before
    assert f'value="{changes.get("name", "Team Groen")}"' in html


def test_renaming_a_team_keeps_its_slug_and_a_stale_form_is_a_conflict(session, admin_client):
    team = simple_team(session)
    url = f"/beheer/mensen/teams/{team.id}"
    fields = {"csrf_token": form_token(admin_client, url), "version": "0", "kind": "queue", "queue": "simple"}
    assert admin_client.post(url, data={**fields, "name": "Team Snel"}).status_code == 302
    session.refresh(team)
    assert team.name == "Team Snel" and team.slug == "team-eenvoudig" and team.queue is Queue.SIMPLE
    response = admin_client.post(url, data={**fields, "name": "Team Traag"})  # still version 0
    assert response.status_code == 409
    session.refresh(team)
    assert team.name == "Team Snel" and current_version(session, Subject.TEAM, team.id) == 1


def test_setup_keeps_a_team_an_administrator_renamed(session):
    team = simple_team(session)
    change_team(session, team, TeamForm("Team Snel", "queue", "simple"), ADMIN, NOW, 0)
    load_teams(session, read_json(DEFAULT_DATA_DIR / "teams.json"))
    assert team.name == "Team Snel" and team_named(session, "Team Complex") is not None


def test_members_join_and_leave_a_team_in_the_history_of_their_account(session, admin_client, officer):
    team = simple_team(session)
    url = f"/beheer/mensen/teams/{team.id}"
    token = form_token(admin_client, url)
    assert officer.name in admin_client.get(url).get_data(as_text=True)  # in the list to add
    assert admin_client.post(f"{url}/leden", data={"csrf_token": token, "user_id": officer.id}).status_code == 302
    session.refresh(officer)
    assert [t.slug for t in officer.teams] == ["team-eenvoudig"]
    assert admin_client.post(f"{url}/leden/{officer.id}/weg", data={"csrf_token": token}).status_code == 302
    session.refresh(officer)
    assert officer.teams == []
    history = change_history(session, Subject.STAFF_ACCOUNT, officer.id)
    assert [line.change.summary for line in history] == [
        f"{officer.email} left team-eenvoudig",
        f"{officer.email} joined team-eenvoudig",
    ]


def test_adding_nobody_is_refused_with_a_reason(session, admin_client):
    url = f"/beheer/mensen/teams/{simple_team(session).id}"
    response = admin_client.post(
        f"{url}/leden", data={"csrf_token": form_token(admin_client, url), "user_id": "999999"}
    )
    assert "Kies een collega uit de lijst." in admin_client.get(response.headers["Location"]).get_data(as_text=True)


def test_undo_renames_a_team_back(session):
    team = simple_team(session)
    change_team(session, team, TeamForm("Team Snel", "queue", "simple"), ADMIN, NOW, 0)
    undo_change(session, change_history(session, Subject.TEAM, team.id)[0].change.id, ADMIN, NOW)
    assert team.name == "Team Eenvoudig" and current_version(session, Subject.TEAM, team.id) == 2


def test_undoing_the_creation_of_an_empty_team_removes_it(session):
    team = create_team(session, TeamForm("Team Groen", "department"), ADMIN, NOW)
    undo_change(session, change_history(session, Subject.TEAM, team.id)[0].change.id, ADMIN, NOW)
    assert team_named(session, "Team Groen") is None


def test_a_team_with_people_in_it_is_not_removed_by_undo(session, officer):
    team = create_team(session, TeamForm("Team Groen", "department"), ADMIN, NOW)
    join_team(session, officer, team, ADMIN, NOW)
    with pytest.raises(DecisionRefused, match="teams.undo_in_use"):
        undo_change(session, change_history(session, Subject.TEAM, team.id)[0].change.id, ADMIN, NOW)
    assert team_named(session, "Team Groen") is not None


def test_two_names_with_the_same_letters_get_slugs_of_their_own(session):
    first = create_team(session, TeamForm("Wijkteam Noord", "department"), ADMIN, NOW)
    second = create_team(session, TeamForm("Wijkteam  Noord!", "department"), ADMIN, NOW)
    assert (first.slug, second.slug) == ("team-wijkteam-noord", "team-wijkteam-noord-2")
