"""A staff session ends when it should: at log-out, when the account is disabled or its roles change, after
idle and absolute time-outs; log-in attempts are limited per account as well as per client."""

from datetime import UTC, datetime, timedelta

import pytest

from models import Role
from tests.factories import OFFICER_EMAIL, PASSWORD, make_staff
from tests.support.web import form_token, log_in
from triage.staff import disable_user, set_roles

INBOX = "/triage/"


def copy_of_cookie(client, app):
    """A second browser holding the same session cookie, as someone who kept (or stole) it would."""
    copy = app.test_client()
    cookie = client.get_cookie("session")
    copy.set_cookie(cookie.key, cookie.value, domain=cookie.domain)
    return copy


def gets_the_login_page(client) -> bool:
    response = client.get(INBOX)
    return response.status_code == 302 and "/medewerkers/inloggen" in response.headers["Location"]


@pytest.fixture
def logged_in(app, client, officer):
    assert log_in(client).status_code == 302
    assert client.get(INBOX).status_code == 200
    return client


def test_an_old_cookie_gets_the_login_page_after_logging_out(app, logged_in):
    kept = copy_of_cookie(logged_in, app)
    logged_in.post("/medewerkers/uitloggen", data={"csrf_token": form_token(logged_in, INBOX)})
    assert gets_the_login_page(logged_in)
    assert gets_the_login_page(kept)


def test_disabling_an_account_ends_its_sessions_at_once(session, logged_in, officer):
    disable_user(officer)
    session.flush()
    assert gets_the_login_page(logged_in)


def test_changing_roles_ends_the_sessions_so_the_new_roles_take_effect(session, logged_in, officer):
    set_roles(session, officer, [Role.TRIAGE_OFFICER, Role.TEAM_LEAD], [])
    session.flush()
    assert gets_the_login_page(logged_in)
    assert log_in(logged_in).status_code == 302
    assert logged_in.get(INBOX).status_code == 200


def test_setting_the_same_roles_again_keeps_the_session(session, logged_in, officer):
    set_roles(session, officer, [Role.TRIAGE_OFFICER], [])
    session.flush()
    assert logged_in.get(INBOX).status_code == 200


def test_logging_in_again_after_logging_out_works(logged_in):
    logged_in.post("/medewerkers/uitloggen", data={"csrf_token": form_token(logged_in, INBOX)})
    assert log_in(logged_in).status_code == 302
    assert logged_in.get(INBOX).status_code == 200


@pytest.fixture
def clock(monkeypatch):
    """The web layer's clock, pinned; move it with clock.now = ..."""

    class Clock:
        now = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)

    monkeypatch.setattr("web.auth.utc_now", lambda: Clock.now)
    return Clock


@pytest.fixture
def short_sessions(make_app, officer, clock):
    """Sessions idle out after 15 minutes and end 2 hours after logging in; the officer is logged in."""
    client = make_app(SESSION_IDLE_MINUTES=15, SESSION_MAX_HOURS=2).test_client()
    assert log_in(client).status_code == 302
    return client


def test_a_session_used_within_the_idle_time_stays(short_sessions, clock):
    for _ in range(3):
        clock.now += timedelta(minutes=14)
        assert short_sessions.get(INBOX).status_code == 200


def test_an_idle_session_ends(short_sessions, clock):
    clock.now += timedelta(minutes=16)
    assert gets_the_login_page(short_sessions)


def test_a_busy_session_still_ends_after_the_absolute_time(short_sessions, clock):
    for _ in range(8):
        clock.now += timedelta(minutes=14)
        assert short_sessions.get(INBOX).status_code == 200
    clock.now += timedelta(minutes=10)  # 2 h 2 min after logging in
    assert gets_the_login_page(short_sessions)


def from_address(client, address: str, email: str = OFFICER_EMAIL, password: str = "fout wachtwoord!!"):
    token = form_token(client, "/medewerkers/inloggen")
    return client.post(
        "/medewerkers/inloggen",
        data={"csrf_token": token, "email": email, "password": password},
        headers={"X-Forwarded-For": address},
    )


@pytest.fixture
def limited(make_app, officer):
    return make_app(RATELIMIT_ENABLED=True, TRUSTED_PROXIES=1).test_client()


def test_log_in_is_limited_per_account_across_client_addresses(limited, session):
    make_staff(session, Role.TRIAGE_OFFICER, email="other@haarlem.example")
    codes = [from_address(limited, f"203.0.113.{n}").status_code for n in range(10)]
    refused = from_address(limited, "203.0.113.99", email=" Officer@Haarlem.example ")
    assert codes == [401] * 10 and refused.status_code == 429
    assert int(refused.headers["Retry-After"]) > 0
    assert "Even wachten" in refused.get_data(as_text=True)  # the error page, in the person's language


def test_a_limited_account_cannot_log_in_even_with_the_right_password(limited):
    for n in range(10):
        from_address(limited, f"203.0.113.{n}")
    assert from_address(limited, "203.0.113.50", password=PASSWORD).status_code == 429
    assert gets_the_login_page(limited)


def test_another_account_is_not_held_up_by_a_limited_one(limited, session):
    make_staff(session, Role.TRIAGE_OFFICER, email="other@haarlem.example")
    for n in range(10):
        from_address(limited, f"203.0.113.{n}")
    assert from_address(limited, "198.51.100.7", email="other@haarlem.example").status_code == 401


def test_log_in_is_limited_per_client_across_accounts(limited):
    codes = [from_address(limited, "203.0.113.5", email=f"x{n}@haarlem.example").status_code for n in range(11)]
    assert codes[:10] == [401] * 10 and codes[10] == 429
    assert "Retry-After" in from_address(limited, "203.0.113.5").headers
