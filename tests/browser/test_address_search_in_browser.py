"""Address search in a real browser: by keyboard alone a resident finds the address, picks it, and the pin is
placed on it; the summary and status page show the address. The geocoder is the PDOK stand-in on 127.0.0.1."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models import Report
from tests.support.browser import axe_violations
from tests.support.pdok import ADDRESS_LINE, ADDRESS_POINT, pdok_stand_in

pytestmark = pytest.mark.browser


@pytest.fixture
def geocoded(live_app):
    """The shared live app with a geocoder for this test only: it reads GEOCODER_URL on every look-up."""
    with pdok_stand_in() as stand_in:
        live_app.config["GEOCODER_URL"] = f"{stand_in.url}/pdok"
        try:
            yield stand_in
        finally:
            live_app.config["GEOCODER_URL"] = ""


def test_an_address_chosen_by_keyboard_places_the_pin_and_is_stored(page, live_server, live_app, geocoded):
    page.goto(live_server + "/")
    page.get_by_label("Wat is het probleem?").fill("Er ligt glas op de stoep voor de deur.")
    field = page.get_by_role("combobox", name="Adres (als u dat weet)")
    field.press_sequentially("Grote Markt 2", delay=20)
    page.wait_for_selector("#address-suggestions [role=option]")
    assert field.get_attribute("aria-expanded") == "true"
    assert axe_violations(page) == []

    field.press("ArrowDown")
    assert field.get_attribute("aria-activedescendant") == "address-option-0"
    assert page.locator("#address-option-0").get_attribute("aria-selected") == "true"
    field.press("Enter")
    page.wait_for_function("() => document.getElementById('lat').value !== ''")
    assert field.input_value() == ADDRESS_LINE and field.get_attribute("aria-expanded") == "false"
    assert abs(float(page.locator("#lon").input_value()) - ADDRESS_POINT[0]) < 1e-5
    assert ADDRESS_LINE in page.locator("#address-status").inner_text()
    assert any(path.startswith("/pdok/lookup") for path in geocoded.seen)

    page.get_by_role("button", name="Controleer uw melding").click()
    assert ADDRESS_LINE in page.locator("#review-place").inner_text()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Verstuur melding").click()
    code = page.locator("#tracking-code").inner_text().strip()
    assert ADDRESS_LINE in page.locator("#confirmed-place").inner_text()

    with live_app.extensions["database"].session_factory() as session:
        report = session.scalar(select(Report).where(Report.tracking_code == code))
        assert (report.street, report.house_number, report.postcode) == ("Grote Markt", "2", "2011RD")


def test_without_a_geocoder_the_search_says_nothing_was_found(page, live_server):
    page.goto(live_server + "/")
    field = page.get_by_role("combobox", name="Adres (als u dat weet)")
    field.press_sequentially("Grote Markt", delay=20)
    page.wait_for_function("() => document.getElementById('address-status').textContent !== ''")
    assert field.get_attribute("aria-expanded") == "false"
    assert page.locator("#address-suggestions [role=option]").count() == 0
