"""Inviting a colleague: the admin's form writes the account and a mail with a link; the link sets a password
once, before it expires, and is stored only as a hash. Refused input changes nothing."""

import email
import email.policy
import re
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from models import ConfigChange, OutboxMail, Role, StaffInvitation, StaffUser
from tests.factories import make_staff
from tests.support.web import form_token, log_in
from triage.cli import main
from triage.kernel import Subject, change_history
from triage.notifications.kinds import MailKind
from triage.notifications.sending import SmtpSettings
from triage.staff import AccountForm, authenticate, invite

ADMIN = "beheer@haarlem.example"
NEW = "nieuw@haarlem.example"
NEW_PASSWORD = "zomer aan het spaarne 2026"
LINK = re.compile(r"\{base_url\}/medewerkers/wachtwoord/([A-Za-z0-9_-]+)")


@pytest.fixture
def admin_client(session, client):
    make_staff(session, Role.ADMIN, email=ADMIN, name="Beheerder")
    assert log_in(client, ADMIN).status_code == 302
    return client


def invite_form(client, **changes) -> dict:
    fields = {
        "csrf_token": form_token(client, "/beheer/mensen/uitnodigen"),
        "email": NEW,
        "name": "Nieuwe Collega",
        "roles": ["team_member"],
        "teams": ["team-eenvoudig"],
        "mail_language": "nl",
    }
    return {**fields, **changes}


def invitation_token(session) -> str:
    mail = session.scalar(select(OutboxMail).where(OutboxMail.kind == MailKind.STAFF_INVITATION.value))
    return LINK.search(mail.body).group(1)


def counts(session) -> tuple[int, int, int, int]:
    return tuple(
        session.scalar(select(func.count()).select_from(model))
        for model in (StaffUser, OutboxMail, ConfigChange, StaffInvitation)
    )


def set_password(client, token, password=NEW_PASSWORD, repeated=None):
    url = f"/medewerkers/wachtwoord/{token}"
    data = {"csrf_token": form_token(client, "/medewerkers/inloggen"), "password": password}
    return client.post(url, data={**data, "repeated": password if repeated is None else repeated})


def test_an_invited_colleague_sets_a_password_through_the_mailed_link_and_logs_in(session, admin_client, app):
    response = admin_client.post("/beheer/mensen/uitnodigen", data=invite_form(admin_client))
    assert response.status_code == 302
    mail = session.scalar(select(OutboxMail).where(OutboxMail.to_address == NEW))
    assert "Nieuwe Collega" in mail.body and mail.report_id is None
    token = invitation_token(session)
    user = session.scalar(select(StaffUser).where(StaffUser.email == NEW))
    assert user.roles == {Role.TEAM_MEMBER} and [t.slug for t in user.teams] == ["team-eenvoudig"]
    assert authenticate(session, NEW, "") is None  # no password yet
    stored = session.scalar(select(StaffInvitation).where(StaffInvitation.user_id == user.id))
    assert token not in stored.token_hash and len(stored.token_hash) == 64

    visitor = app.test_client()
    page = visitor.get(f"/medewerkers/wachtwoord/{token}")
    assert page.status_code == 200 and NEW in page.get_data(as_text=True)
    assert set_password(visitor, token).status_code == 302
    assert log_in(visitor, NEW, NEW_PASSWORD).headers["Location"].endswith("/team/simple")


def test_the_invitation_goes_out_over_smtp_with_a_link_to_this_site(session, smtp_server, make_app):
    smtp = SmtpSettings("127.0.0.1", smtp_server.port, sender="meldingen@haarlem.example")
    client = make_app(SMTP=smtp, PUBLIC_BASE_URL="https://meldingen.haarlem.example").test_client()
    make_staff(session, Role.ADMIN, email=ADMIN, name="Beheerder")
    log_in(client, ADMIN)
    client.post("/beheer/mensen/uitnodigen", data=invite_form(client, mail_language="en"))
    [(recipients, message)] = smtp_server.messages
    body = email.message_from_string(message, policy=email.policy.default).get_body().get_content()
    assert recipients == [NEW] and "Choose your password through this link" in body
    token = re.search(r"https://meldingen\.haarlem\.example/medewerkers/wachtwoord/([A-Za-z0-9_-]+)", body).group(1)
    kept = session.scalar(select(OutboxMail).where(OutboxMail.kind == MailKind.STAFF_INVITATION.value)).body
    assert token not in kept and LINK.search(kept) is None  # sent: the outbox no longer holds the way in
    assert client.get(f"/medewerkers/wachtwoord/{token}").status_code == 200  # the mailed link works


def test_the_account_history_holds_neither_password_hash_nor_token(session, admin_client, app):
    admin_client.post("/beheer/mensen/uitnodigen", data=invite_form(admin_client))
    token = invitation_token(session)
    set_password(app.test_client(), token)
    user = session.scalar(select(StaffUser).where(StaffUser.email == NEW))
    [line] = change_history(session, Subject.STAFF_ACCOUNT, user.id)
    recorded = repr(line.change.after) + repr(line.change.before)
    assert line.change.actor == ADMIN and line.change.after["roles"] == ["team_member"]
    assert token not in recorded and user.password_hash not in recorded and "hash" not in recorded


def test_a_used_link_does_not_work_again(session, admin_client, app):
    admin_client.post("/beheer/mensen/uitnodigen", data=invite_form(admin_client))
    token = invitation_token(session)
    visitor = app.test_client()
    set_password(visitor, token)
    assert visitor.get(f"/medewerkers/wachtwoord/{token}").status_code == 404
    assert set_password(visitor, token, "een ander lang wachtwoord").status_code == 404
    assert authenticate(session, NEW, NEW_PASSWORD) is not None
    assert authenticate(session, NEW, "een ander lang wachtwoord") is None


def test_an_expired_link_does_not_work(session, client):
    long_ago = datetime.now(UTC) - timedelta(hours=73)
    form = AccountForm("Laat", ["team_member"], [], NEW)
    invitation = invite(session, form, ADMIN, long_ago, timedelta(hours=72))
    session.flush()
    assert client.get(f"/medewerkers/wachtwoord/{invitation.token}").status_code == 404
    assert set_password(client, invitation.token).status_code == 404
    assert authenticate(session, NEW, NEW_PASSWORD) is None


def test_a_new_link_ends_the_old_one(session, admin_client, app):
    admin_client.post("/beheer/mensen/uitnodigen", data=invite_form(admin_client))
    old = invitation_token(session)
    user = session.scalar(select(StaffUser).where(StaffUser.email == NEW))
    url = f"/beheer/mensen/{user.id}"
    response = admin_client.post(f"{url}/nieuwe-link", data={"csrf_token": form_token(admin_client, url)})
    assert response.status_code == 302
    mails = session.scalars(select(OutboxMail).where(OutboxMail.to_address == NEW).order_by(OutboxMail.id)).all()
    new = LINK.search(mails[-1].body).group(1)
    visitor = app.test_client()
    assert new != old and visitor.get(f"/medewerkers/wachtwoord/{old}").status_code == 404
    assert set_password(visitor, new).status_code == 302


@pytest.mark.parametrize(
    ("password", "repeated", "message"),
    [("kort", "kort", "minstens 12 tekens"), (NEW_PASSWORD, "iets anders dan dat", "niet gelijk")],
)
def test_a_refused_password_keeps_the_link_working(session, admin_client, app, password, repeated, message):
    admin_client.post("/beheer/mensen/uitnodigen", data=invite_form(admin_client))
    token = invitation_token(session)
    visitor = app.test_client()
    response = set_password(visitor, token, password, repeated)
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert authenticate(session, NEW, password) is None
    assert set_password(visitor, token).status_code == 302


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": "  "}, "name", "Vul een naam in."),
        ({"email": "geen-adres"}, "email", "Vul een geldig e-mailadres in"),
        ({"email": ADMIN.upper()}, "email", "Er is al een account met dit e-mailadres."),
        ({"roles": ["opperhoofd"]}, "roles", "Kies een rol uit de lijst."),
        ({"roles": []}, "roles", "Kies minstens één rol."),
        ({"teams": ["team-onbekend"]}, "teams", "Kies teams uit de lijst."),
    ],
)
def test_a_refused_invitation_changes_nothing(session, admin_client, changes, field, message):
    before = counts(session)
    response = admin_client.post("/beheer/mensen/uitnodigen", data=invite_form(admin_client, **changes))
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f'<p class="field-error" id="{field}-error-1"><span class="visually-hidden">Fout: </span>{message}' in html
    assert counts(session) == before
    if field != "email":
        assert f'value="{NEW}"' in html  # what was typed is kept


def test_the_cli_invites_through_the_same_functions(cli_database):
    result = CliRunner().invoke(
        main,
        ["users", "invite", NEW, "--name", "Nieuw", "--role", "team_member", "--team", "team-complex"],
    )
    assert result.exit_code == 0, result.output
    with cli_database.session_factory() as session:
        mail = session.scalar(select(OutboxMail).where(OutboxMail.to_address == NEW))
        user = session.scalar(select(StaffUser).where(StaffUser.email == NEW))
        assert LINK.search(mail.body) and [line.change.actor for line in change_history(session)] == ["cli"]
        assert user.roles == {Role.TEAM_MEMBER}
    again = CliRunner().invoke(main, ["users", "invite", NEW, "--name", "N", "--role", "admin"])
    assert again.exit_code == 1 and "people.email.taken" in again.output
