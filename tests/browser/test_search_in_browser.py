"""Staff search in Chromium by keyboard: a tracking code opens the report, words list links with the page's
filters kept; axe checks the pages with the search box and the results."""

from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect

from models import Role
from tests.factories import PASSWORD, make_proposal, make_report, make_staff
from tests.support.browser import axe_violations
from triage.intake.photo_store import PhotoStore

pytestmark = pytest.mark.browser
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # after the triage test's reports, which must wait longest


@pytest.fixture(scope="module")
def waiting(live_app, tmp_path_factory):
    """A searching officer and two waiting reports with words no other browser test uses."""
    store = PhotoStore(tmp_path_factory.mktemp("photos"))
    with live_app.extensions["database"].session() as session:
        make_staff(session, Role.TRIAGE_OFFICER, email="zoeker@browser.example", name="Zoeker", now=NOW)
        reports = []
        for minutes, text in enumerate(["Scheve verkeerspaal bij de brug", "Verkeerspaal omver gereden"]):
            report = make_report(session, store, text, now=NOW + timedelta(minutes=minutes))
            make_proposal(session, report, now=NOW)
            reports.append((report.id, report.tracking_code))
        return reports


def log_in(page, live_server):
    page.goto(live_server + "/medewerkers/inloggen")
    page.get_by_label("E-mailadres").fill("zoeker@browser.example")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/triage/")


def search_by_keyboard(page, typed: str) -> None:
    page.get_by_role("searchbox", name="Zoeken").focus()
    page.keyboard.type(typed)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_a_typed_tracking_code_opens_the_report(page, live_server, waiting):
    (report_id, code), _ = waiting
    log_in(page, live_server)
    assert axe_violations(page) == []
    search_by_keyboard(page, code.lower().replace("-", " "))
    assert page.url.endswith(f"/triage/melding/{report_id}")


def test_typed_words_list_the_reports_with_links_and_keep_the_filters(page, live_server, waiting):
    log_in(page, live_server)
    page.goto(live_server + "/triage/?channel=web")
    search_by_keyboard(page, "verkeerspaal")
    assert "/medewerkers/zoeken" in page.url and "channel=web" in page.url and "status=received" in page.url
    results = page.locator(".search-results a")
    assert results.count() == 2
    assert page.get_by_label("Kanaal").input_value() == "web"
    assert page.get_by_label("Status").input_value() == "received"
    assert axe_violations(page) == []
    results.first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"/triage/melding/{waiting[1][0]}")  # newest first


def test_a_bad_inbox_filter_is_named_next_to_its_field(page, live_server, waiting):
    log_in(page, live_server)
    page.goto(live_server + "/triage/?age=99")
    expect(page.locator("#age-error-1")).to_be_visible()
    assert axe_violations(page) == []
