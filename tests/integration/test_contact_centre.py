"""The contact centre: taking a report by phone or at the counter, finding a caller's report, noting the call and
correcting the contact details, through HTTP on both databases; every refusal changes nothing."""

from datetime import UTC, datetime

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from geo.geocoder import Address
from models import AuditEvent, Channel, Proposal, Report, ReportMessage, Role
from tests.factories import GROTE_MARKT, make_report, make_staff, route_report
from tests.support.web import form_token, log_in
from triage.cli import main
from triage.kernel import LOCAL_TIME_ZONE
from triage.kernel.audit import AuditAction
from triage.monitoring import Filters, build_figure
from triage.monitoring.filters import default_period
from triage.staff.accounts import authenticate
from triage.workflow.transitions import change_status

KCC_EMAIL = "kcc@haarlem.example"
PHONE = "06 1234 5678"


@pytest.fixture
def kcc(session):
    return make_staff(session, Role.CONTACT_CENTRE, email=KCC_EMAIL, name="Karin Klant")


@pytest.fixture
def kcc_client(client, kcc):
    log_in(client, KCC_EMAIL)
    return client


def phone_report_form(client, **changes) -> dict:
    return {
        "csrf_token": form_token(client, "/kcc/"),
        "channel": "phone",
        "resident_language": "nl",
        "description": "Mevrouw belt: de lantaarnpaal voor haar deur brandt al een week niet.",
        "lat": str(GROTE_MARKT[1]),
        "lon": str(GROTE_MARKT[0]),
        "email": "",
        "phone": PHONE,
        "contact_consent": "1",
        **changes,
    }


def count(session, model, *conditions) -> int:
    return session.scalar(select(func.count()).select_from(model).where(*conditions))


def events(session, action: AuditAction, report=None) -> list[AuditEvent]:
    query = select(AuditEvent).where(AuditEvent.action == action.value)
    if report is not None:
        query = query.where(AuditEvent.report_id == report.id)
    return list(session.scalars(query.order_by(AuditEvent.id)))


@pytest.mark.parametrize("role", list(Role))
def test_only_the_contact_centre_and_admins_open_its_pages(client, session, tmp_path, role):
    report = make_report(session, tmp_path)
    make_staff(session, role, email="iemand@haarlem.example")
    log_in(client, "iemand@haarlem.example")
    allowed = role in (Role.CONTACT_CENTRE, Role.ADMIN)
    for url in ("/kcc/", "/kcc/zoeken", f"/kcc/melding/{report.id}"):
        assert client.get(url).status_code == (200 if allowed else 403), url


def test_others_cannot_post_a_note_or_contact_details(client, session, tmp_path, team_member):
    report = make_report(session, tmp_path, phone=PHONE, contact_consent=True)
    log_in(client, "member@haarlem.example")
    token = form_token(client, "/team/simple")
    note = client.post(f"/kcc/melding/{report.id}/gesprek", data={"csrf_token": token, "note": "Gebeld"})
    contact = client.post(
        f"/kcc/melding/{report.id}/contact",
        data={"csrf_token": token, "channel": "phone", "phone": "0698765432", "contact_consent": "1"},
    )
    assert note.status_code == contact.status_code == 403
    assert count(session, ReportMessage, ReportMessage.report_id == report.id) == 0
    assert report.reporter.phone == PHONE


def test_residents_are_sent_to_the_log_in(client):
    response = client.get("/kcc/")
    assert response.status_code == 302 and "/medewerkers/inloggen" in response.location


def test_a_contact_centre_member_starts_on_the_intake_form(client, kcc):
    assert log_in(client, KCC_EMAIL).location.endswith("/kcc/")


def test_a_phone_report_goes_through_the_same_intake_and_records_who_took_the_consent(kcc_client, session, kcc):
    response = kcc_client.post("/kcc/melding", data=phone_report_form(kcc_client, email="Bewoner@Example.org"))

    assert response.status_code == 303
    report = session.scalar(select(Report).order_by(Report.id.desc()))
    assert response.location.endswith(f"/kcc/melding/{report.id}")
    assert report.channel is Channel.PHONE and report.status.value == "received"
    assert report.reporter.phone == PHONE and report.reporter.consent_taken_by == KCC_EMAIL
    assert report.reporter.consent_channel == "phone" and report.reporter.consent_at is not None
    received = events(session, AuditAction.REPORT_RECEIVED, report)
    assert received[0].actor == KCC_EMAIL and received[0].details["channel"] == "phone"
    assert count(session, Proposal, Proposal.report_id == report.id) == 1  # the same proposal pipeline
    page = kcc_client.get(response.location).get_data(as_text=True)
    assert report.tracking_code in page and "Ontvangen" in page


def test_a_counter_report_counts_under_its_channel_on_the_dashboard(kcc_client, session):
    kcc_client.post("/kcc/melding", data=phone_report_form(kcc_client, channel="counter", phone=""))
    today = datetime.now(UTC).astimezone(LOCAL_TIME_ZONE).date()  # the dashboard's days are local, as its page's
    figure = build_figure(session, "inflow_channel", Filters(default_period(today)), datetime.now(UTC))
    counter = next(row for row in figure.rows if row.group.label == "channel.counter")
    assert counter.values[0] == 1


def test_a_refused_intake_shows_each_problem_beside_its_field_keeps_the_text_and_stores_nothing(kcc_client, session):
    before = count(session, Report)
    form = phone_report_form(kcc_client, channel="fax", description="", contact_consent="", lat="", lon="")
    form["location_text"] = "Bij de bakker"
    response = kcc_client.post("/kcc/melding", data=form)

    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Kies hoe de melding binnenkwam." in page and 'id="channel-error-1"' in page
    assert 'id="description-error-1"' in page and 'id="contact_consent-error-1"' in page
    assert 'value="Bij de bakker"' in page and f'value="{PHONE}"' in page
    assert count(session, Report) == before


def test_a_caller_is_found_by_phone_number_however_it_is_written(kcc_client, session, tmp_path):
    mine = make_report(session, tmp_path, phone=PHONE, contact_consent=True)
    make_report(session, tmp_path, phone="0611111111", contact_consent=True)

    for typed in ("+31 6 12345678", "0612345678", "06-1234-5678"):
        page = kcc_client.get("/kcc/zoeken", query_string={"q": typed, "by": "phone"}).get_data(as_text=True)
        assert mine.tracking_code in page and "1 meldingen gevonden" in page, typed

    looked_up = events(session, AuditAction.CALLER_LOOKUP, mine)
    assert len(looked_up) == 3 and looked_up[0].actor == KCC_EMAIL
    assert looked_up[0].details == {"by": "phone", "found": 1}  # the number itself is not copied into the trail


def test_a_caller_is_found_by_code_email_and_address_and_the_kind_is_recognised(kcc_client, session, tmp_path):
    address = Address("Riouwstraat", "12", "2022ZJ", "Haarlem")
    mine = make_report(
        session, tmp_path, email="Bewoner@Example.org", contact_consent=True, address=address, address_sought=True
    )
    for typed, kind in (
        (mine.tracking_code.lower().replace("-", " "), "meldingsnummer"),
        ("bewoner@example.org", "e-mailadres"),
        ("Riouwstraat 12", "adres"),
    ):
        page = kcc_client.get("/kcc/zoeken", query_string={"q": typed}).get_data(as_text=True)
        assert mine.tracking_code in page and f"gevonden op {kind}" in page, typed


def test_a_look_up_that_finds_nothing_is_audited_too(kcc_client, session):
    before = len(events(session, AuditAction.CALLER_LOOKUP))
    page = kcc_client.get("/kcc/zoeken", query_string={"q": "nobody@example.org"}).get_data(as_text=True)
    assert "Geen melding gevonden" in page
    nothing = events(session, AuditAction.CALLER_LOOKUP)
    assert len(nothing) == before + 1 and nothing[-1].report_id is None


def test_a_look_up_that_cannot_match_is_refused_and_writes_nothing(kcc_client, session):
    response = kcc_client.get("/kcc/zoeken", query_string={"q": "ABC", "by": "code"})
    assert response.status_code == 400 and "Dit is geen meldingsnummer" in response.get_data(as_text=True)
    assert kcc_client.get("/kcc/zoeken", query_string={"q": "123", "by": "phone"}).status_code == 400
    assert events(session, AuditAction.CALLER_LOOKUP) == []


def test_the_staff_search_box_takes_the_contact_centre_to_its_audited_look_up(kcc_client):
    response = kcc_client.get("/medewerkers/zoeken", query_string={"q": PHONE})
    assert response.status_code == 302 and "/kcc/zoeken" in response.location


def test_the_report_page_reads_out_the_status_and_messages_and_audits_the_contact_view(
    kcc_client, session, tmp_path, officer, team_member
):
    report = route_report(session, make_report(session, tmp_path, phone=PHONE, contact_consent=True), officer)
    message, now = "We komen morgen kijken.", datetime.now(UTC)
    change_status(session, report, team_member, report.version, "in_progress", message, now)
    page = kcc_client.get(f"/kcc/melding/{report.id}").get_data(as_text=True)

    assert "In behandeling" in page and "We komen morgen kijken." in page and PHONE in page
    assert [e.actor for e in events(session, AuditAction.CONTACT_VIEWED, report)] == [KCC_EMAIL]


def test_a_note_of_the_call_is_kept_for_the_team_and_an_empty_one_is_refused(kcc_client, session, tmp_path):
    report = make_report(session, tmp_path)
    url = f"/kcc/melding/{report.id}"
    refused = kcc_client.post(f"{url}/gesprek", data={"csrf_token": form_token(kcc_client, url), "note": "   "})
    assert refused.status_code == 422 and 'id="note-error-1"' in refused.get_data(as_text=True)
    assert count(session, ReportMessage, ReportMessage.report_id == report.id) == 0

    done = kcc_client.post(f"{url}/gesprek", data={"csrf_token": form_token(kcc_client, url), "note": "Belt terug."})
    assert done.status_code == 303
    note = session.scalar(select(ReportMessage).where(ReportMessage.report_id == report.id))
    assert (note.kind, note.text, note.actor) == ("call", "Belt terug.", KCC_EMAIL)
    assert len(events(session, AuditAction.CALL_NOTED, report)) == 1
    assert "Belt terug." not in kcc_client.get(f"/melding/{report.status_token}").get_data(as_text=True)


def test_contact_details_are_corrected_with_consent_and_audited_without_their_values(kcc_client, session, tmp_path):
    report = make_report(session, tmp_path, phone=PHONE, contact_consent=True)
    url = f"/kcc/melding/{report.id}"
    form = {"csrf_token": form_token(kcc_client, url), "channel": "phone", "contact_consent": "1"}
    response = kcc_client.post(f"{url}/contact", data={**form, "email": "nieuw@example.org", "phone": "0698765432"})

    assert response.status_code == 303
    session.refresh(report.reporter)
    assert (report.reporter.email, report.reporter.phone) == ("nieuw@example.org", "0698765432")
    assert report.reporter.consent_taken_by == KCC_EMAIL
    corrected = events(session, AuditAction.CONTACT_CORRECTED, report)
    assert corrected[0].details == {"fields": ["email", "phone"], "channel": "phone"}


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"email": "geen-adres", "contact_consent": "1"}, 'id="email-error-1"'),
        ({"phone": "12", "contact_consent": "1"}, 'id="phone-error-1"'),
        ({"email": "nieuw@example.org"}, 'id="contact_consent-error-1"'),
        ({"email": "nieuw@example.org", "contact_consent": "1", "channel": "web"}, 'id="channel-error-1"'),
    ],
)
def test_a_refused_correction_keeps_what_was_typed_and_changes_nothing(kcc_client, session, tmp_path, changes, error):
    report = make_report(session, tmp_path, phone=PHONE, contact_consent=True)
    url = f"/kcc/melding/{report.id}"
    form = {"csrf_token": form_token(kcc_client, url), "channel": "phone", "email": "", "phone": PHONE, **changes}
    response = kcc_client.post(f"{url}/contact", data=form)

    page = response.get_data(as_text=True)
    assert response.status_code == 422 and error in page
    assert f'value="{form["email"]}"' in page
    session.refresh(report.reporter)
    assert (report.reporter.email, report.reporter.phone) == (None, PHONE)
    assert events(session, AuditAction.CONTACT_CORRECTED, report) == []


def test_the_users_command_creates_a_contact_centre_member(cli_database):
    password = "lang genoeg wachtwoord"
    arguments = ["users", "create", "balie@haarlem.example", "--name", "Balie", "--role", "contact_centre"]
    result = CliRunner().invoke(main, [*arguments, "--password", password])
    assert result.exit_code == 0, result.output
    with cli_database.session_factory() as session:
        assert authenticate(session, "balie@haarlem.example", password).roles == {Role.CONTACT_CENTRE}
