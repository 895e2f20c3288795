"""A team asks the resident a question; the resident answers with a photo from the link in the mail; the team sees
the answer, the photo and the mark in its work list, and the clock runs again. axe checks every page on the way."""

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from models import OutboxMail, Report, ReportStatus, Role
from tests.factories import PASSWORD, jpeg_bytes, make_report, make_staff, route_report
from tests.support.browser import axe_violations
from triage.intake.photo_store import PhotoStore

pytestmark = pytest.mark.browser
QUESTION = "Staat de container bij de kerk of bij de school?"


@pytest.fixture(scope="module")
def asked_report(live_app, tmp_path_factory):
    """A team member and a report of a resident who left an e-mail address, triaged into the simple queue."""
    store = PhotoStore(tmp_path_factory.mktemp("reply-photos"))
    now = datetime.now(UTC)
    with live_app.extensions["database"].session() as session:
        member = make_staff(
            session, Role.TEAM_MEMBER, email="reply-team@browser.example", name="Team", teams=["team-eenvoudig"]
        )
        officer = make_staff(session, Role.TRIAGE_OFFICER, email="reply-officer@browser.example", name="Officer")
        report = make_report(
            session, store, "Container zit vol", now=now, email="bewoner@browser.example", contact_consent=True
        )
        route_report(session, report, officer, now=now)
        session.commit()
        return report.id, member.email


def question_link(live_app, live_server, report_id: int) -> str:
    """The reply link in the mail the resident got, as their mail program shows it."""
    with live_app.extensions["database"].session() as session:
        query = select(OutboxMail.body).where(OutboxMail.report_id == report_id, OutboxMail.kind == "waiting_resident")
        body = session.scalar(query)
    return live_server + re.search(r"\{base_url\}(/melding/\S+#reply)", body).group(1)


def report_status(live_app, report_id: int) -> ReportStatus:
    with live_app.extensions["database"].session() as session:
        return session.get(Report, report_id).status


def ask(page, live_server, report_id: int, email: str) -> None:
    page.goto(live_server + "/medewerkers/inloggen")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(f"{live_server}/team/melding/{report_id}")
    with page.expect_navigation():
        page.get_by_role("button", name="Oppakken").click()
    for status, message in (("in_progress", ""), ("waiting_resident", QUESTION)):
        page.get_by_label("Nieuwe status").select_option(status)
        page.get_by_label("Bericht aan de melder").fill(message)
        with page.expect_navigation():
            page.get_by_role("button", name="Status opslaan").click()
    assert "Klok staat stil" in page.locator("#timer").inner_text()


def test_the_resident_answers_a_question_with_a_photo_and_the_team_sees_it(
    page, browser, live_server, live_app, asked_report, tmp_path
):
    report_id, email = asked_report
    ask(page, live_server, report_id, email)

    resident = browser.new_context(locale="nl-NL", viewport={"width": 360, "height": 800}).new_page()
    resident.goto(question_link(live_app, live_server, report_id))
    assert QUESTION in resident.locator("#resident-messages").inner_text()
    assert axe_violations(resident) == []

    with resident.expect_navigation():
        resident.get_by_role("button", name="Verstuur antwoord").click()  # nothing written yet
    assert "Schrijf uw antwoord" in resident.locator("#reply").inner_text()
    assert axe_violations(resident) == []
    assert report_status(live_app, report_id) is ReportStatus.WAITING_RESIDENT

    photo = tmp_path / "container.jpg"
    photo.write_bytes(jpeg_bytes(size=(640, 480)))
    resident.get_by_label("Uw antwoord").fill("Bij de kerk, naast het hek.")
    resident.get_by_label("Foto's (als u wilt)").set_input_files(str(photo))
    with resident.expect_navigation():
        resident.get_by_role("button", name="Verstuur antwoord").click()
    assert "Bedankt voor uw antwoord" in resident.content()
    assert "Bij de kerk, naast het hek." in resident.locator("#replies").inner_text()
    assert resident.locator("#reply-form").count() == 0
    assert axe_violations(resident) == []
    resident.context.close()

    page.goto(f"{live_server}/team/melding/{report_id}")
    answers = page.locator("#resident-replies")
    assert "Bij de kerk, naast het hek." in answers.inner_text()
    assert answers.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")
    assert "Klok staat stil" not in page.locator("#timer").inner_text()  # the clock runs again
    assert axe_violations(page) == []
    page.goto(f"{live_server}/team/simple")
    assert page.locator(f"#reply-mark-{report_id}").inner_text() == "Melder heeft gereageerd"
    assert axe_violations(page) == []
    assert report_status(live_app, report_id) is ReportStatus.IN_PROGRESS
