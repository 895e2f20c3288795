"""Staff log in; triage officers accept or correct proposals; every refusal leaves the data as it was."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from geo.addresses import readable_location
from geo.geocoder import Address
from models import AuditEvent, Category, Correction, Proposal, Queue, Report, ReportStatus, Role
from tests.factories import GROTE_MARKT, category, make_proposal, make_report, make_staff
from tests.support.web import form_token, log_in
from triage.inbox import InboxFilters, ListedProposal, inbox_lines
from triage.intake.addresses import store_address

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def staff(session):
    """Make a staff member with the given roles; valid by default."""

    def make(*roles: Role, email: str = "officer@haarlem.example", teams=()):
        return make_staff(session, *roles, email=email, teams=teams, now=NOW)

    return make


@pytest.fixture
def waiting_report(session, tmp_path):
    """A received report with a proposal (container full, simple) that waits in the inbox."""
    report = make_report(session, tmp_path, "Container zit vol", now=NOW)
    make_proposal(session, report, now=NOW)
    return report


STAFF_URLS = [
    ("get", "/triage/"),
    ("get", "/triage/melding/{id}"),
    ("get", "/triage/correcties"),
    ("get", "/triage/melding/{id}/foto/1"),
    ("post", "/triage/melding/{id}/accepteren"),
    ("post", "/triage/melding/{id}/corrigeren"),
]


def snapshot(session, report_id):
    session.expire_all()
    report = session.get(Report, report_id)
    corrections = session.scalar(select(func.count()).select_from(Correction))
    return report.status, report.category_id, report.queue, report.version, corrections


@pytest.mark.parametrize(("method", "url"), STAFF_URLS)
def test_anonymous_visitor_is_sent_to_log_in_and_changes_nothing(client, session, waiting_report, method, url):
    before = snapshot(session, waiting_report.id)
    token = form_token(client, "/medewerkers/inloggen")
    response = getattr(client, method)(
        url.format(id=waiting_report.id), data={"csrf_token": token, "version": waiting_report.version}
    )
    assert response.status_code == 302
    assert "/medewerkers/inloggen" in response.headers["Location"]
    assert snapshot(session, waiting_report.id) == before


@pytest.mark.parametrize(("method", "url"), STAFF_URLS)
@pytest.mark.parametrize("role", [Role.TEAM_MEMBER, Role.TEAM_LEAD])
def test_staff_without_the_triage_role_is_refused(client, session, staff, waiting_report, method, url, role):
    staff(role)
    assert log_in(client).status_code == 302
    before = snapshot(session, waiting_report.id)
    token = form_token(client, "/medewerkers/inloggen")
    response = getattr(client, method)(
        url.format(id=waiting_report.id), data={"csrf_token": token, "version": waiting_report.version}
    )
    assert response.status_code == 403
    assert snapshot(session, waiting_report.id) == before


def test_wrong_password_is_refused_with_a_message(client, staff):
    staff(Role.TRIAGE_OFFICER)
    response = log_in(client, password="fout wachtwoord!!")
    assert response.status_code == 401
    assert "Het e-mailadres of het wachtwoord klopt niet." in response.get_data(as_text=True)
    assert client.get("/triage/").status_code == 302


def test_disabled_account_cannot_log_in(client, staff, session):
    staff(Role.TRIAGE_OFFICER).is_active = False
    session.flush()
    assert log_in(client).status_code == 401


def test_log_in_is_rate_limited(make_app, staff):
    staff(Role.TRIAGE_OFFICER)
    client = make_app(RATELIMIT_ENABLED=True).test_client()
    codes = [log_in(client, password="fout wachtwoord!!").status_code for _ in range(11)]
    assert codes[:10] == [401] * 10 and codes[10] == 429


def test_each_app_keeps_its_own_rate_limit_switch(make_app, staff):
    """Flask-Limiter has one switch for every app in a process: an app without limits (the browser tests' server)
    had its log-ins refused after ten a minute once another app with limits was set up after it."""
    staff(Role.TRIAGE_OFFICER)
    without_limits = make_app().test_client()
    with_limits = make_app(RATELIMIT_ENABLED=True).test_client()
    codes = [log_in(without_limits, password="fout wachtwoord!!").status_code for _ in range(11)]
    assert codes == [401] * 11
    assert [log_in(with_limits, password="fout wachtwoord!!").status_code for _ in range(11)][10] == 429
    without_limits_again = make_app().test_client()  # set up last, switched off: the other app keeps its limit
    assert log_in(with_limits, password="fout wachtwoord!!").status_code == 429
    assert log_in(without_limits_again, password="fout wachtwoord!!").status_code == 401


def test_officer_sees_the_inbox_oldest_first_with_the_proposal(client, staff, waiting_report):
    staff(Role.TRIAGE_OFFICER)
    log_in(client)
    inbox = client.get("/triage/").get_data(as_text=True)
    assert waiting_report.tracking_code in inbox and "62%" in inbox
    detail = client.get(f"/triage/melding/{waiting_report.id}").get_data(as_text=True)
    assert "Container zit vol" in detail and "Woorden in de tekst" in detail


def test_accepting_routes_the_report_and_records_the_decision(client, session, staff, waiting_report):
    staff(Role.TRIAGE_OFFICER)
    log_in(client)
    token = form_token(client, f"/triage/melding/{waiting_report.id}")
    response = client.post(
        f"/triage/melding/{waiting_report.id}/accepteren", data={"csrf_token": token, "version": waiting_report.version}
    )
    assert response.status_code == 302
    status, category_id, queue, _, corrections = snapshot(session, waiting_report.id)
    assert (status, queue) == (ReportStatus.TRIAGED, Queue.SIMPLE)
    assert corrections == 2
    actions = session.scalars(select(AuditEvent.action).where(AuditEvent.report_id == waiting_report.id)).all()
    assert actions[-1] == "triage.accepted"


def test_correcting_to_maatwerk_records_from_and_to(client, session, staff, waiting_report):
    staff(Role.TRIAGE_OFFICER)
    log_in(client)
    token = form_token(client, f"/triage/melding/{waiting_report.id}")
    category = session.scalar(select(Category).where(Category.slug == "container-is-vol"))
    client.post(
        f"/triage/melding/{waiting_report.id}/corrigeren",
        data={"csrf_token": token, "version": waiting_report.version, "category_id": category.id, "queue": "maatwerk"},
    )
    assert snapshot(session, waiting_report.id)[2] is Queue.MAATWERK
    queue_change = session.scalar(select(Correction).where(Correction.field == "queue"))
    assert (queue_change.from_value, queue_change.to_value, queue_change.actor) == (
        "simple",
        "maatwerk",
        "officer@haarlem.example",
    )
    actions = session.scalars(select(AuditEvent.action).where(AuditEvent.report_id == waiting_report.id)).all()
    assert actions[-1] == "triage.corrected"


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"version": "999"}, "Iemand anders heeft deze melding net veranderd"),
        ({"version": "x"}, "Iemand anders heeft deze melding net veranderd"),
        ({"category_id": "999999"}, "Kies een bestaande, actieve categorie."),
        ({"queue": "spoed"}, "Kies eenvoudig, complex of maatwerk."),
    ],
)
def test_forged_or_stale_corrections_are_refused_and_change_nothing(
    client, session, staff, waiting_report, form, message
):
    staff(Role.TRIAGE_OFFICER)
    log_in(client)
    category = session.scalar(select(Category).where(Category.slug == "container-is-vol"))
    data = {
        "csrf_token": form_token(client, f"/triage/melding/{waiting_report.id}"),
        "version": waiting_report.version,
        "category_id": category.id,
        "queue": "complex",
        **form,
    }
    before = snapshot(session, waiting_report.id)
    response = client.post(f"/triage/melding/{waiting_report.id}/corrigeren", data=data, follow_redirects=True)
    assert message in response.get_data(as_text=True)
    assert snapshot(session, waiting_report.id) == before


def test_second_officer_on_the_same_report_gets_a_conflict(app, session, staff, waiting_report):
    staff(Role.TRIAGE_OFFICER)
    staff(Role.TRIAGE_OFFICER, email="tweede@haarlem.example")
    first, second = app.test_client(), app.test_client()
    log_in(first)
    log_in(second, email="tweede@haarlem.example")
    url = f"/triage/melding/{waiting_report.id}"
    tokens = [form_token(c, url) for c in (first, second)]
    version = waiting_report.version
    first.post(url + "/accepteren", data={"csrf_token": tokens[0], "version": version})
    after_first = snapshot(session, waiting_report.id)
    page = second.post(
        url + "/accepteren", data={"csrf_token": tokens[1], "version": version}, follow_redirects=True
    ).get_data(as_text=True)
    assert "Iemand anders heeft deze melding net veranderd" in page
    assert snapshot(session, waiting_report.id) == after_first


def test_unknown_report_is_refused(client, staff):
    staff(Role.TRIAGE_OFFICER)
    log_in(client)
    token = form_token(client, "/triage/")
    page = client.post(
        "/triage/melding/987654/accepteren", data={"csrf_token": token, "version": 1}, follow_redirects=True
    ).get_data(as_text=True)
    assert "Deze melding bestaat niet." in page


def test_corrections_page_lists_recent_decisions(client, session, staff, waiting_report):
    staff(Role.TRIAGE_OFFICER)
    log_in(client)
    token = form_token(client, f"/triage/melding/{waiting_report.id}")
    client.post(
        f"/triage/melding/{waiting_report.id}/accepteren", data={"csrf_token": token, "version": waiting_report.version}
    )
    page = client.get("/triage/correcties").get_data(as_text=True)
    assert "container-is-vol" in page and "officer@haarlem.example" in page


def test_logging_out_ends_access(client, staff):
    staff(Role.ADMIN)
    log_in(client)
    assert client.get("/triage/").status_code == 200
    token = form_token(client, "/triage/")
    client.post("/medewerkers/uitloggen", data={"csrf_token": token})
    assert client.get("/triage/").status_code == 302


def second_report(session, tmp_path, text, lon_lat=GROTE_MARKT):
    return make_report(session, tmp_path, text, at=lon_lat, now=NOW)


def test_duplicate_candidates_rank_similar_text_first(session, tmp_path, waiting_report):
    from triage.inbox.duplicates import duplicate_candidates

    other_text = second_report(session, tmp_path, "Losse stoeptegel bij de kerk")
    same_text = second_report(session, tmp_path, "De container zit helemaal vol")
    far = second_report(session, tmp_path, "Container zit vol", lon_lat=(4.6500, 52.3900))
    ranked = [c.report.id for c in duplicate_candidates(session, waiting_report)]
    assert ranked[:2] == [same_text.id, other_text.id]
    assert far.id not in ranked


def test_marking_a_duplicate_closes_it_and_the_resident_follows_the_original(
    client, session, staff, tmp_path, waiting_report
):
    original = second_report(session, tmp_path, "Container vol bij de Grote Markt")
    staff(Role.TRIAGE_OFFICER)
    log_in(client)
    url = f"/triage/melding/{waiting_report.id}"
    assert original.tracking_code in client.get(url).get_data(as_text=True)
    client.post(
        url + "/duplicaat",
        data={
            "csrf_token": form_token(client, url),
            "version": waiting_report.version,
            "original_code": original.tracking_code.lower(),
        },
    )
    session.expire_all()
    assert waiting_report.status is ReportStatus.CANCELLED and waiting_report.duplicate_of_id == original.id
    page = client.get(f"/melding/{waiting_report.status_token}").get_data(as_text=True)
    assert f"Iemand anders heeft hetzelfde probleem al gemeld, als melding {original.tracking_code}." in page


def test_duplicate_of_an_unknown_or_the_same_report_is_refused(client, session, staff, waiting_report):
    staff(Role.TRIAGE_OFFICER)
    log_in(client)
    url = f"/triage/melding/{waiting_report.id}"
    before = snapshot(session, waiting_report.id)
    for code in ("MOR-2222-2222", waiting_report.tracking_code):
        page = client.post(
            url + "/duplicaat",
            data={"csrf_token": form_token(client, url), "version": waiting_report.version, "original_code": code},
            follow_redirects=True,
        ).get_data(as_text=True)
        assert "Dit meldingsnummer kennen we niet" in page
    assert snapshot(session, waiting_report.id) == before


def test_splitting_makes_a_second_report_the_resident_can_follow(client, session, staff, waiting_report):
    staff(Role.TRIAGE_OFFICER)
    log_in(client)
    url = f"/triage/melding/{waiting_report.id}"
    client.post(
        url + "/splitsen",
        data={
            "csrf_token": form_token(client, url),
            "version": waiting_report.version,
            "first_text": "Container zit vol",
            "second_text": "Lamp ernaast is kapot",
        },
    )
    second = session.scalar(select(Report).where(Report.split_from_id == waiting_report.id))
    assert second.description == "Lamp ernaast is kapot" and second.status is ReportStatus.RECEIVED
    assert second.buurt_id == waiting_report.buurt_id and second.tracking_code != waiting_report.tracking_code
    assert session.scalar(select(func.count()).select_from(Proposal).where(Proposal.report_id == second.id)) == 1
    page = client.get(f"/melding/{waiting_report.status_token}").get_data(as_text=True)
    assert second.tracking_code in page


def test_split_without_a_second_text_is_refused(client, session, staff, waiting_report):
    staff(Role.TRIAGE_OFFICER)
    log_in(client)
    url = f"/triage/melding/{waiting_report.id}"
    before = snapshot(session, waiting_report.id)
    page = client.post(
        url + "/splitsen",
        data={
            "csrf_token": form_token(client, url),
            "first_text": "x",
            "version": waiting_report.version,
            "second_text": "  ",
        },
        follow_redirects=True,
    ).get_data(as_text=True)
    assert "Vul bij splitsen beide problemen in." in page
    assert snapshot(session, waiting_report.id) == before
    assert session.scalar(select(func.count()).select_from(Report).where(Report.split_from_id.is_not(None))) == 0


def test_officer_raises_the_priority_and_it_is_recorded(client, session, staff, waiting_report):
    staff(Role.TRIAGE_OFFICER)
    log_in(client)
    url = f"/triage/melding/{waiting_report.id}"
    category = session.scalar(select(Category).where(Category.slug == "container-is-vol"))
    client.post(
        url + "/corrigeren",
        data={
            "csrf_token": form_token(client, url),
            "version": waiting_report.version,
            "category_id": category.id,
            "queue": "simple",
            "priority": "high",
        },
    )
    session.expire_all()
    assert waiting_report.priority.value == "high"
    change = session.scalar(select(Correction).where(Correction.field == "priority"))
    assert (change.from_value, change.to_value) == ("normal", "high")


def test_report_already_triaged_is_refused_even_with_its_current_version(client, session, staff, waiting_report):
    staff(Role.TRIAGE_OFFICER)
    log_in(client)
    url = f"/triage/melding/{waiting_report.id}"
    client.post(url + "/accepteren", data={"csrf_token": form_token(client, url), "version": waiting_report.version})
    before = snapshot(session, waiting_report.id)
    page = client.post(
        url + "/accepteren", data={"csrf_token": form_token(client, url), "version": before[3]}, follow_redirects=True
    ).get_data(as_text=True)
    assert "Deze melding is al doorgezet. Er is niets veranderd." in page
    assert snapshot(session, waiting_report.id) == before


def test_an_inbox_line_reads_the_place_and_the_proposal_as_the_report_page_does(session, tmp_path):
    """The inbox's plain rows say what the report's own objects say: the address when known, else buurt and wijk;
    the proposal's category and queue, or none while it is still being made."""
    with_proposal = make_report(session, tmp_path, "Container zit vol", location_text="bij de kerk")
    make_proposal(session, with_proposal)
    addressed = make_report(session, tmp_path, "Lantaarnpaal kapot")
    store_address(addressed, Address("Grote Markt", "2", "2011RD", "Haarlem"), datetime.now(UTC))
    session.flush()
    lines = {line.id: line for line in inbox_lines(session, InboxFilters(), datetime.now(UTC))}
    assert lines[with_proposal.id].place == readable_location(with_proposal)
    assert lines[with_proposal.id].place.buurt and lines[with_proposal.id].place.text == "bij de kerk"
    assert lines[addressed.id].place == readable_location(addressed) and lines[addressed.id].place.address
    assert lines[with_proposal.id].proposal == ListedProposal(category(session).name, Queue.SIMPLE, 0.62, 0.55)
    assert lines[addressed.id].proposal is None
    assert lines[addressed.id].tracking_code == addressed.tracking_code
