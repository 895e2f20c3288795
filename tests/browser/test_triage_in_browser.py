"""A triage officer works the inbox in Chromium with the keyboard; axe checks the staff pages."""

import re
from datetime import UTC, datetime, timedelta

import pytest

from models import Queue, Report, ReportStatus, Role
from tests.factories import PASSWORD, make_proposal, make_report, make_staff, route_report
from tests.support.browser import axe_violations
from triage.intake.photo_store import PhotoStore

pytestmark = pytest.mark.browser
NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # older than anything else in the shared browser database


@pytest.fixture(scope="module")
def inbox(live_app, tmp_path_factory):
    """An officer and four reports at one spot: three wait in the inbox with a proposal."""
    store = PhotoStore(tmp_path_factory.mktemp("photos"))
    with live_app.extensions["database"].session() as session:
        make_staff(session, Role.TRIAGE_OFFICER, email="officer@browser.example", name="Officer", now=NOW)
        texts = [
            "Container op de Grote Markt zit vol",
            "Vuilniszakken naast de container",
            "Ik ben 84 en kan niet bij de container, bel me alstublieft",
            "Container Grote Markt is vol",
        ]
        reports = []
        for minutes, text in enumerate(texts):
            report = make_report(session, store, text, now=NOW + timedelta(minutes=minutes))
            make_proposal(session, report, now=NOW, category_confidence=0.6)
            reports.append(report)
        return [(r.id, r.tracking_code) for r in reports]


def status_of(live_app, report_id):
    with live_app.extensions["database"].session_factory() as session:
        report = session.get(Report, report_id)
        return report.status, report.queue, report.duplicate_of_id


def test_officer_accepts_corrects_and_marks_a_duplicate_with_the_keyboard(page, live_server, live_app, inbox):
    (first, _), (second, _), (third, _), (fourth, _) = inbox
    page.goto(live_server + "/medewerkers/inloggen")
    assert axe_violations(page) == []
    page.get_by_label("E-mailadres").fill("officer@browser.example")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/triage/")
    assert axe_violations(page) == []

    page.goto(f"{live_server}/triage/melding/{first}")
    assert axe_violations(page) == []
    page.keyboard.press("a")  # one key accepts the proposal
    page.wait_for_url(f"**/triage/melding/{second}")
    assert status_of(live_app, first)[:2] == (ReportStatus.TRIAGED, Queue.SIMPLE)

    page.goto(f"{live_server}/triage/melding/{third}")
    page.locator("#queue-simple").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # simple -> complex -> maatwerk
    assert page.locator("#queue-maatwerk").is_checked()
    page.locator("#correct").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert status_of(live_app, third)[:2] == (ReportStatus.TRIAGED, Queue.MAATWERK)

    page.goto(f"{live_server}/triage/melding/{fourth}")
    duplicate_button = page.get_by_role("button", name=f"Duplicaat van {inbox[1][1]}")
    duplicate_button.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert status_of(live_app, fourth)[0] is ReportStatus.CANCELLED
    assert status_of(live_app, fourth)[2] == second

    page.goto(f"{live_server}/triage/correcties")
    assert "maatwerk" in page.locator("table").inner_text()
    assert axe_violations(page) == []


@pytest.fixture(scope="module")
def team_report(live_app, inbox, tmp_path_factory):
    """A team member of the simple queue and a report triaged into it."""
    store = PhotoStore(tmp_path_factory.mktemp("team-photos"))
    with live_app.extensions["database"].session() as session:
        member = make_staff(
            session, Role.TEAM_MEMBER, email="team@browser.example", name="Team", teams=["team-eenvoudig"], now=NOW
        )
        officer = make_staff(session, Role.TRIAGE_OFFICER, email="officer2@browser.example", name="Officer", now=NOW)
        report = make_report(session, store, "Bank in het park is kapot", now=NOW)
        route_report(session, report, officer, now=NOW)
        session.flush()
        return report.id, report.status_token, member.email


def test_team_member_works_a_report_and_the_resident_sees_it(page, live_server, live_app, team_report):
    report_id, token, email = team_report
    page.goto(live_server + "/medewerkers/inloggen")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(live_server + "/team/simple")
    assert axe_violations(page) == []
    assert page.get_by_role("link", name=re.compile("MOR-")).count() >= 1
    page.goto(f"{live_server}/team/melding/{report_id}")
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.get_by_role("button", name="Oppakken").click()
    for status, message in (("in_progress", ""), ("waiting_resident", "Welke bank bedoelt u precies?")):
        page.get_by_label("Nieuwe status").select_option(status)
        page.get_by_label("Bericht aan de melder").fill(message)
        with page.expect_navigation():
            page.get_by_role("button", name="Status opslaan").click()
    assert "Klok staat stil" in page.locator("#timer").inner_text()
    for status, message in (("in_progress", ""), ("done", "De bank is gerepareerd.")):
        page.get_by_label("Nieuwe status").select_option(status)
        page.get_by_label("Bericht aan de melder").fill(message)
        with page.expect_navigation():
            page.get_by_role("button", name="Status opslaan").click()
    page.goto(f"{live_server}/melding/{token}")
    assert page.locator("#report-status").inner_text() == "Afgehandeld"
    assert "De bank is gerepareerd." in page.locator("#resident-messages").inner_text()
    assert "Welke bank bedoelt u precies?" in page.locator("#resident-messages").inner_text()
    assert axe_violations(page) == []
    page.get_by_label("Nee, het is niet goed opgelost").check()
    page.get_by_label("Wilt u nog iets kwijt?").fill("De bank wiebelt nog steeds.")
    with page.expect_navigation():
        page.get_by_role("button", name="Verstuur").click()
    assert "Het team kijkt er opnieuw naar." in page.locator("#feedback").inner_text()
