"""'My reports' by a mailed link: the same answer for every address, a link that works once and briefly, the
overview of the last twelve months, the data to download, and erasure requests an administrator handles, through
HTTP on both databases; every refusal changes nothing."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from models import AuditEvent, DestroyedReport, ErasureRequest, OutboxMail, Report, ReportMessage, ResidentLink, Role
from tests.factories import make_report, make_staff
from tests.support.web import csrf_token_from, form_token, log_in
from triage.kernel.audit import AuditAction
from triage.workflow.transitions import change_status

ADDRESS = "bewoner@example.org"
LINK = re.compile(r"/mijn-meldingen/link/([A-Za-z0-9_-]+)")
NOW = datetime.now(UTC)


def count(session, model, *conditions) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*conditions))


def ask(client, email: str):
    return client.post("/mijn-meldingen/", data={"csrf_token": form_token(client, "/mijn-meldingen/"), "email": email})


def mailed_token(session, address: str = ADDRESS) -> str:
    mail = session.scalar(
        select(OutboxMail).where(OutboxMail.kind == "my_reports_link", OutboxMail.to_address == address)
    )
    return LINK.search(mail.body).group(1)


def open_link(client, token: str):
    url = f"/mijn-meldingen/link/{token}"
    return client.post(url, data={"csrf_token": csrf_token_from(client.get(url).get_data(as_text=True))})


@pytest.fixture
def mine(session, tmp_path):
    """Two reports of the resident (one with a team's message), one of a year and a half ago, one of someone else."""
    recent = make_report(
        session, tmp_path, "Losse stoeptegel voor nummer 4", email="Bewoner@Example.org", contact_consent=True
    )
    session.add(ReportMessage(report_id=recent.id, at=NOW, actor="team", kind="resident", text="We komen vrijdag."))
    session.add(ReportMessage(report_id=recent.id, at=NOW, actor="team", kind="internal", text="Intern: lastig"))
    second = make_report(session, tmp_path, "Volle container", email=ADDRESS, contact_consent=True)
    old = make_report(
        session, tmp_path, "Oude melding", email=ADDRESS, contact_consent=True, now=NOW - timedelta(days=500)
    )
    other = make_report(session, tmp_path, "Melding van de buren", email="buren@example.org", contact_consent=True)
    session.flush()
    return {"recent": recent, "second": second, "old": old, "other": other}


@pytest.fixture
def visiting(client, session, mine):
    ask(client, ADDRESS)
    assert open_link(client, mailed_token(session)).status_code == 303
    return client


def test_a_known_address_gets_a_link_by_mail_and_only_its_digest_is_stored(client, session, mine):
    response = ask(client, "  Bewoner@example.org ")

    assert response.status_code == 303 and response.location.endswith("/mijn-meldingen/verstuurd")
    mail = session.scalar(select(OutboxMail).where(OutboxMail.kind == "my_reports_link"))
    assert mail.report_id is None and mail.to_address == "Bewoner@example.org"
    assert "30 minuten" in mail.body and "30 minutes" in mail.body
    token = mailed_token(session, "Bewoner@example.org")
    link = session.scalar(select(ResidentLink))
    assert link.token_digest != token and token not in link.token_digest


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, session, mine):
    known, unknown = ask(client, ADDRESS), ask(client, "onbekend@example.org")
    assert (known.status_code, known.location) == (unknown.status_code, unknown.location)
    assert count(session, OutboxMail, OutboxMail.to_address == "onbekend@example.org") == 0
    assert count(session, ResidentLink) == 1


def test_an_address_whose_reports_are_older_than_a_year_gets_no_mail(client, session, tmp_path):
    make_report(
        session, tmp_path, "Heel oud", email="oud@example.org", contact_consent=True, now=NOW - timedelta(days=400)
    )
    assert ask(client, "oud@example.org").status_code == 303
    assert count(session, ResidentLink) == 0


def test_a_malformed_address_is_refused_beside_the_field_and_kept(client, session, mine):
    response = ask(client, "bewoner@")
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and 'id="email-error-1"' in page and 'value="bewoner@"' in page
    assert count(session, ResidentLink) == count(session, OutboxMail, OutboxMail.kind == "my_reports_link") == 0


def test_opening_the_mail_link_asks_for_a_press_so_a_link_scanner_does_not_spend_it(client, session, mine):
    ask(client, ADDRESS)
    token = mailed_token(session)
    assert client.get(f"/mijn-meldingen/link/{token}").status_code == 200
    assert client.get(f"/mijn-meldingen/link/{token}").status_code == 200
    assert session.scalar(select(ResidentLink.used_at)) is None


def test_the_overview_shows_the_last_year_of_the_address_with_status_and_messages(visiting, session, mine):
    page = visiting.get("/mijn-meldingen/overzicht").get_data(as_text=True)

    assert mine["recent"].tracking_code in page and mine["second"].tracking_code in page
    assert mine["old"].tracking_code not in page and mine["other"].tracking_code not in page
    assert "We komen vrijdag." in page and "Intern: lastig" not in page and "Ontvangen" in page
    shown = session.scalars(select(AuditEvent).where(AuditEvent.action == AuditAction.RESIDENT_DATA_SHOWN.value))
    assert {event.report_id for event in shown} == {mine["recent"].id, mine["second"].id}


def test_the_link_works_once(visiting, session):
    token = mailed_token(session)
    url = f"/mijn-meldingen/link/{token}"
    assert visiting.post(url, data={"csrf_token": form_token(visiting, "/")}).status_code == 410
    assert visiting.get(f"/mijn-meldingen/link/{token}").status_code == 410


def test_an_expired_link_opens_nothing(client, session, mine):
    ask(client, ADDRESS)
    token = mailed_token(session)
    link = session.scalar(select(ResidentLink))
    link.expires_at = NOW - timedelta(seconds=1)
    session.flush()
    response = client.get(f"/mijn-meldingen/link/{token}")
    assert response.status_code == 410 and "werkt niet meer" in response.get_data(as_text=True)
    assert client.get("/mijn-meldingen/overzicht").status_code == 303


def test_the_visit_ends_after_the_link_time(visiting, session):
    link = session.scalar(select(ResidentLink))
    link.used_at = NOW - timedelta(minutes=31)
    session.flush()
    response = visiting.get("/mijn-meldingen/overzicht")
    assert response.status_code == 303 and response.location.endswith("/mijn-meldingen/")
    assert visiting.get("/mijn-meldingen/gegevens.json").status_code == 303


def test_without_a_link_nobody_sees_an_overview_or_data(client, mine):
    for url in ("/mijn-meldingen/overzicht", "/mijn-meldingen/gegevens.json", "/mijn-meldingen/gegevens"):
        response = client.get(url)
        assert response.status_code == 303 and response.location.endswith("/mijn-meldingen/"), url


def test_the_data_downloads_as_json_and_reads_as_a_page(visiting, session, mine):
    download = visiting.get("/mijn-meldingen/gegevens.json")
    assert download.status_code == 200 and "attachment" in download.headers["Content-Disposition"]
    data = json.loads(download.get_data(as_text=True))
    assert {item["tracking_code"] for item in data["reports"]} == {
        mine["recent"].tracking_code,
        mine["second"].tracking_code,
    }
    recent = next(item for item in data["reports"] if item["tracking_code"] == mine["recent"].tracking_code)
    assert (
        recent["description"] == "Losse stoeptegel voor nummer 4"
        and recent["contact"]["email"] == "Bewoner@Example.org"
    )
    assert recent["messages"][0]["text"] == "We komen vrijdag."
    page = visiting.get("/mijn-meldingen/gegevens").get_data(as_text=True)
    assert "Losse stoeptegel voor nummer 4" in page and "We komen vrijdag." in page


def test_an_erasure_request_needs_the_tick_and_is_made_once(visiting, session, mine):
    token = form_token(visiting, "/mijn-meldingen/overzicht")
    refused = visiting.post("/mijn-meldingen/wissen", data={"csrf_token": token})
    assert refused.status_code == 422 and 'id="confirm-error-1"' in refused.get_data(as_text=True)
    assert count(session, ErasureRequest) == 0

    for _ in range(2):
        visiting.post("/mijn-meldingen/wissen", data={"csrf_token": token, "confirm": "1"})
    assert count(session, ErasureRequest) == 1
    assert "vroeg op" in visiting.get("/mijn-meldingen/overzicht").get_data(as_text=True)


@pytest.mark.parametrize("role", [role for role in Role if role is not Role.ADMIN])
def test_only_administrators_see_erasure_requests(client, session, role):
    make_staff(session, role, email="iemand@haarlem.example")
    log_in(client, "iemand@haarlem.example")
    assert client.get("/beheer/wisverzoeken/").status_code == 403
    assert client.post("/beheer/wisverzoeken/1/wissen", data={"csrf_token": form_token(client, "/")}).status_code == 403


@pytest.fixture
def requested(visiting, session, mine, staff_by_role):
    """The resident asked for erasure; the second report is closed; the first has mail still waiting."""
    admin = staff_by_role[Role.ADMIN]
    report = mine["second"]
    change_status(session, report, admin, report.version, "cancelled", "Dubbel gemeld.", NOW)
    visiting.post(
        "/mijn-meldingen/wissen", data={"csrf_token": form_token(visiting, "/mijn-meldingen/overzicht"), "confirm": "1"}
    )
    session.flush()
    visiting.post("/mijn-meldingen/sluiten", data={"csrf_token": form_token(visiting, "/")})
    log_in(visiting, "admin@haarlem.example")
    return session.scalar(select(ErasureRequest))


def test_an_administrator_erases_the_contact_details_everywhere_and_destroys_closed_reports(
    requested, client, session, mine
):
    page = client.get("/beheer/wisverzoeken/").get_data(as_text=True)
    assert ADDRESS in page and mine["old"].tracking_code in page and mine["other"].tracking_code not in page
    url = f"/beheer/wisverzoeken/{requested.id}/wissen"
    closed_id, closed_code = mine["second"].id, mine["second"].tracking_code
    response = client.post(url, data={"csrf_token": csrf_token_from(page), "fingerprint": fingerprint_in(page)})

    assert response.status_code == 303
    session.expire_all()
    recent, old = session.get(Report, mine["recent"].id), session.get(Report, mine["old"].id)
    assert recent.reporter.email is None and recent.reporter.anonymised_at is not None
    assert old.reporter.email is None and recent.description == "Losse stoeptegel voor nummer 4"
    assert session.get(Report, closed_id) is None
    assert session.scalar(select(DestroyedReport.tracking_code)) == closed_code
    assert session.get(Report, mine["other"].id).reporter.email == "buren@example.org"
    assert count(session, OutboxMail, func.lower(OutboxMail.to_address) == ADDRESS) == 0
    assert count(session, ResidentLink, ResidentLink.email == ADDRESS) == 0
    handled = session.get(ErasureRequest, requested.id)
    assert handled.outcome == "erased" and handled.reports_erased == 3 and handled.email != ADDRESS


def fingerprint_in(page: str) -> str:
    return re.search(r'name="fingerprint" value="([0-9a-f]+)"', page).group(1)


def test_a_request_whose_reports_changed_since_the_page_was_shown_is_refused(requested, client, session, tmp_path):
    page = client.get("/beheer/wisverzoeken/").get_data(as_text=True)
    make_report(session, tmp_path, "Nog een melding", email=ADDRESS, contact_consent=True)
    url = f"/beheer/wisverzoeken/{requested.id}/wissen"
    response = client.post(url, data={"csrf_token": csrf_token_from(page), "fingerprint": fingerprint_in(page)})
    assert response.status_code == 409 and "Er is niets gewist" in response.get_data(as_text=True)
    session.expire_all()
    assert session.get(ErasureRequest, requested.id).handled_at is None and count(session, DestroyedReport) == 0


def test_a_request_handled_already_is_refused_and_nothing_changes(requested, client, session, mine):
    url = f"/beheer/wisverzoeken/{requested.id}/wissen"
    page = client.get("/beheer/wisverzoeken/").get_data(as_text=True)
    form = {"csrf_token": csrf_token_from(page), "fingerprint": fingerprint_in(page)}
    client.post(url, data=form)
    destroyed = count(session, DestroyedReport)
    again = client.post(url, data=form)
    assert again.status_code == 409 and "al afgehandeld" in again.get_data(as_text=True)
    assert count(session, DestroyedReport) == destroyed


def test_a_refusal_needs_a_reason_and_leaves_the_reports_as_they_are(requested, client, session, mine):
    url = f"/beheer/wisverzoeken/{requested.id}/weigeren"
    token = form_token(client, "/beheer/wisverzoeken/")
    without = client.post(url, data={"csrf_token": token, "reason": " "})
    assert without.status_code == 422 and "Schrijf waarom u weigert." in without.get_data(as_text=True)
    session.expire_all()
    assert session.get(ErasureRequest, requested.id).handled_at is None

    assert client.post(url, data={"csrf_token": token, "reason": "Wettelijke bewaarplicht."}).status_code == 303
    session.expire_all()
    handled = session.get(ErasureRequest, requested.id)
    assert (handled.outcome, handled.reason) == ("refused", "Wettelijke bewaarplicht.")
    assert session.get(Report, mine["recent"].id).reporter.email == "Bewoner@Example.org"


def test_asking_for_links_is_rate_limited_per_address(make_app, session, mine):
    client = make_app(RATELIMIT_ENABLED=True, MY_REPORTS_ADDRESS_LIMIT="2 per hour").test_client()
    assert [ask(client, ADDRESS).status_code for _ in range(3)] == [303, 303, 429]
    assert ask(client, "iemand-anders@example.org").status_code == 303
