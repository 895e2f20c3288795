"""`triage users create|disable|roles` manage staff accounts; refusals change nothing."""

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from models import Role, StaffUser
from triage.cli import main
from triage.staff.accounts import authenticate

PASSWORD = "lang genoeg wachtwoord"


def invoke(*args):
    return CliRunner().invoke(main, ["users", *args])


def users_in(database):
    with database.session_factory() as session:
        return session.scalar(select(func.count()).select_from(StaffUser))


def test_create_then_log_in(cli_database):
    result = invoke(
        "create",
        "Lead@Haarlem.example",
        "--name",
        "Lead",
        "--role",
        "team_lead",
        "--team",
        "team-complex",
        "--password",
        PASSWORD,
    )
    assert result.exit_code == 0, result.output
    with cli_database.session_factory() as session:
        user = authenticate(session, "lead@haarlem.example", PASSWORD)
        assert user.roles == {Role.TEAM_LEAD} and [t.slug for t in user.teams] == ["team-complex"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--password", "kort"), "at least 12 characters"),
        (("--password", PASSWORD, "--team", "team-onbekend"), "unknown team(s): team-onbekend"),
    ],
)
def test_refused_create_changes_nothing(cli_database, args, message):
    result = invoke("create", "x@haarlem.example", "--name", "X", "--role", "triage_officer", *args)
    assert result.exit_code == 1 and message in result.output
    assert users_in(cli_database) == 0


def test_duplicate_account_is_refused(cli_database):
    invoke("create", "a@haarlem.example", "--name", "A", "--role", "admin", "--password", PASSWORD)
    result = invoke("create", "A@haarlem.example", "--name", "A", "--role", "admin", "--password", PASSWORD)
    assert result.exit_code == 1 and "already exists" in result.output
    assert users_in(cli_database) == 1


def test_disable_and_change_roles(cli_database):
    invoke("create", "a@haarlem.example", "--name", "A", "--role", "triage_officer", "--password", PASSWORD)
    assert invoke("roles", "a@haarlem.example", "--role", "team_member", "--team", "team-maatwerk").exit_code == 0
    assert invoke("disable", "a@haarlem.example").exit_code == 0
    with cli_database.session_factory() as session:
        user = session.scalar(select(StaffUser))
        assert user.roles == {Role.TEAM_MEMBER} and not user.is_active
        assert authenticate(session, "a@haarlem.example", PASSWORD) is None
    assert invoke("disable", "nobody@haarlem.example").exit_code == 1
