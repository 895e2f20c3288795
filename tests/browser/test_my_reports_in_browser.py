"""'My reports' in Chromium, by keyboard: a resident asks for the link, opens it from the mail in the outbox, sees
their report, downloads their data (JSON and the readable page) and asks for erasure; an administrator then
handles the request. axe checks every page."""

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from models import OutboxMail, Role
from tests.factories import PASSWORD, make_report, make_staff
from tests.support.browser import axe_violations, log_in
from triage.intake.photo_store import PhotoStore

pytestmark = pytest.mark.browser
RESIDENT = "mijn-meldingen@browser.example"
ADMIN = "beheer-wissen@browser.example"


@pytest.fixture(scope="module")
def resident_report(live_app, tmp_path_factory):
    store = PhotoStore(tmp_path_factory.mktemp("photos"))
    with live_app.extensions["database"].session() as session:
        report = make_report(session, store, "Het bankje in het park is kapot", email=RESIDENT, contact_consent=True)
        make_staff(session, Role.ADMIN, email=ADMIN, name="Beheerder", now=datetime.now(UTC))
        session.commit()
        return report.tracking_code


def mailed_link(live_app) -> str:
    with live_app.extensions["database"].session() as session:
        mail = session.scalar(
            select(OutboxMail).where(OutboxMail.to_address == RESIDENT, OutboxMail.kind == "my_reports_link")
        )
        return re.search(r"\{base_url\}(/mijn-meldingen/link/\S+)", mail.body).group(1)


def press(page, selector: str, key: str = "Enter") -> None:
    page.locator(selector).focus()
    page.keyboard.press(key)


def test_a_resident_opens_my_reports_from_the_mail_downloads_their_data_and_asks_for_erasure(
    page, live_server, live_app, resident_report
):
    page.goto(live_server + "/mijn-meldingen/")
    assert axe_violations(page) == []
    page.locator("#email").focus()
    page.keyboard.type(RESIDENT)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("/mijn-meldingen/verstuurd") and axe_violations(page) == []

    page.goto(live_server + mailed_link(live_app))
    assert axe_violations(page) == []
    with page.expect_navigation():
        press(page, "button[type=submit].button-primary")
    assert page.url.endswith("/mijn-meldingen/overzicht")
    assert resident_report in page.locator("#my-reports").inner_text()
    assert axe_violations(page) == []

    with page.expect_download() as download:
        press(page, "a[href$='gegevens.json']")
    data = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert [item["tracking_code"] for item in data["reports"]] == [resident_report]
    with page.expect_navigation():
        press(page, "a[href$='/mijn-meldingen/gegevens']")
    assert "Het bankje in het park is kapot" in page.content() and axe_violations(page) == []

    page.go_back()
    press(page, "#confirm", "Space")
    with page.expect_navigation():
        press(page, "#erasure button[type=submit]")
    expect(page.locator("#erasure-waiting")).to_be_visible()
    assert axe_violations(page) == []

    log_in(page, live_server, ADMIN, PASSWORD)
    page.goto(live_server + "/beheer/wisverzoeken/")
    assert RESIDENT in page.content() and axe_violations(page) == []
    section = page.locator("section", has_text=RESIDENT)
    section.locator("button.button-primary").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "De gegevens zijn gewist (1 meldingen)." in page.locator(".flash-success").inner_text()
    assert RESIDENT not in page.content()
