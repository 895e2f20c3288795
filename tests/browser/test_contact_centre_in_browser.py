"""The contact centre in Chromium, by keyboard: a member takes a phone report (pin placed with the button, the
resident's phone number and consent) and finds it back by the phone number written another way; axe checks every
page on the way."""

from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from models import Role
from tests.factories import PASSWORD, make_staff
from tests.support.browser import axe_violations, log_in

pytestmark = pytest.mark.browser
EMAIL = "kcc@browser.example"


@pytest.fixture(scope="module")
def member(live_app):
    with live_app.extensions["database"].session() as session:
        make_staff(session, Role.CONTACT_CENTRE, email=EMAIL, name="Karin Klant", now=datetime.now(UTC))
        session.commit()


def press(page, selector: str, key: str = "Enter") -> None:
    page.locator(selector).focus()
    page.keyboard.press(key)


def type_into(page, selector: str, text: str) -> None:
    page.locator(selector).focus()
    page.keyboard.type(text)


def test_a_phone_report_is_taken_and_found_back_by_the_phone_number(page, live_server, member):
    log_in(page, live_server, EMAIL, PASSWORD)
    assert page.url.endswith("/kcc/")
    page.wait_for_function("() => !document.querySelector('.map-block').hidden")
    assert axe_violations(page) == []

    press(page, "#channel-phone", "Space")
    type_into(page, "#description", "Meneer belt: er ligt een omgevallen boom over het fietspad bij de molen.")
    press(page, "#pin-centre")
    type_into(page, "#phone", "06 2233 4455")
    press(page, "#contact_consent", "Space")
    with page.expect_navigation():
        press(page, "button[type=submit].button-primary")

    assert "/kcc/melding/" in page.url
    flash = page.locator(".flash-success").inner_text()
    code = next(word.rstrip(".") for word in flash.split() if word.startswith("MOR-"))
    assert page.locator("#report-status").inner_text() == "Ontvangen"
    assert axe_violations(page) == []

    page.goto(live_server + "/kcc/zoeken")
    assert axe_violations(page) == []
    type_into(page, "#lookup-q", "+31 6 22334455")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    found = page.locator("#found a")
    assert found.count() == 1 and found.inner_text() == code
    assert axe_violations(page) == []
    with page.expect_navigation():
        press(page, "#found a")
    assert page.locator("h1").inner_text() == f"Melding {code}"
    assert "06 2233 4455" in page.locator("#contact-now").inner_text()


def test_the_intake_form_refuses_by_keyboard_and_says_why_next_to_each_field(page, live_server, member):
    log_in(page, live_server, EMAIL, PASSWORD)
    with page.expect_navigation():
        press(page, "button[type=submit].button-primary")
    expect(page.locator("#error-summary")).to_be_visible()
    expect(page.locator("#description-error-1")).to_be_visible()
    expect(page.locator("#location-error-1")).to_be_visible()
    assert page.locator("#channel-phone").is_checked()  # what was chosen is kept
    assert axe_violations(page) == []
