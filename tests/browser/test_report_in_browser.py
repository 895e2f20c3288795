"""A resident reports in a real browser: with the map and a photo, and without JavaScript; axe checks every page."""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from models import Report
from tests.factories import jpeg_bytes
from tests.support.browser import axe_violations

pytestmark = pytest.mark.browser


def photo_file() -> dict:
    photo = jpeg_bytes(size=(800, 600), colour=(40, 120, 200))
    return {"name": "kapotte-bank.jpg", "mimeType": "image/jpeg", "buffer": photo}


def stored_report(live_app, tracking_code: str) -> Report:
    database = live_app.extensions["database"]
    with database.session_factory() as session:
        report = session.scalar(select(Report).where(Report.tracking_code == tracking_code))
        assert report is not None
        _ = (report.buurt, report.wijk, report.attachments)
        return report


def test_resident_reports_with_map_pin_and_photo(page, live_server, live_app, tile_server):
    tiles_before = len(tile_server.seen)
    page.goto(live_server + "/")
    assert axe_violations(page) == []

    page.get_by_label("Wat is het probleem?").fill("De bank bij de speeltuin is kapot, er steekt een spijker uit.")
    page.wait_for_function("() => document.querySelectorAll('#map path.leaflet-interactive, #map svg path').length > 0")
    page.locator("#map").click()  # the map is fitted to Haarlem's outline: its middle lies in Haarlem
    assert page.locator("#lat").input_value() and page.locator("#lon").input_value()
    assert "De pin staat op de kaart" in page.locator("#pin-status").inner_text()
    page.set_input_files("#photos", files=[photo_file()])
    assert page.locator("#photo-preview img").count() == 1
    assert len(tile_server.seen) > tiles_before, "tiles come from the local tile server"

    page.get_by_role("button", name="Controleer uw melding").click()
    expect(page.get_by_role("heading", name="Controleer uw melding")).to_be_visible()
    assert page.locator("dl.summary img").count() == 1
    assert axe_violations(page) == []

    page.get_by_role("button", name="Verstuur melding").click()
    code = page.locator("#tracking-code").inner_text().strip()
    assert re.fullmatch(r"MOR-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    assert axe_violations(page) == []

    page.locator("#status-link").click()
    assert page.locator("#report-status").inner_text() == "Ontvangen"
    assert "spijker" in page.locator("#report-description").inner_text()
    page.wait_for_function("() => [...document.images].every(img => img.complete && img.naturalWidth > 0)")
    assert axe_violations(page) == []

    report = stored_report(live_app, code)
    assert report.buurt is not None and report.wijk is not None
    assert report.wijk.code == "WK" + report.buurt.code[2:8]
    assert len(report.attachments) == 1


def test_pin_can_be_placed_when_tiles_do_not_load(browser, live_server):
    context = browser.new_context(locale="nl-NL")
    context.route("**/tiles/**", lambda route: route.abort())
    page = context.new_page()
    try:
        page.goto(live_server + "/")
        page.locator("#map").click()
        assert page.locator("#lat").input_value()
    finally:
        context.close()


def test_keyboard_user_places_the_pin_with_the_button(page, live_server):
    page.goto(live_server + "/")
    page.locator("#pin-centre").focus()
    page.keyboard.press("Enter")
    assert page.locator("#lat").input_value()


def test_english_pages_pass_axe(page, live_server):
    page.goto(live_server + "/?lang=en")
    expect(page.get_by_label("What is the problem?")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("button", name="Check your report").click()
    assert "Describe the problem." in page.locator(".error-summary").inner_text()
    assert axe_violations(page) == []


def test_refused_form_in_browser_keeps_input_and_passes_axe(page, live_server):
    page.goto(live_server + "/")
    page.get_by_label("Wat is het probleem?").fill("Zwerfafval op het plein")
    page.get_by_label("E-mailadres").fill("bewoner@example.nl")
    page.get_by_role("button", name="Controleer uw melding").click()
    assert "Geef aan waar het probleem is" in page.locator(".error-summary").inner_text()
    assert page.get_by_label("Wat is het probleem?").input_value() == "Zwerfafval op het plein"
    assert page.get_by_label("E-mailadres").input_value() == "bewoner@example.nl"
    assert axe_violations(page) == []


def test_resident_without_javascript_reports_by_buurt(page_without_js, live_server, live_app):
    page = page_without_js
    page.goto(live_server + "/")
    assert not page.locator("#map").is_visible()
    page.get_by_label("Wat is het probleem?").fill("Losliggende stoeptegels")
    page.get_by_label("Buurt", exact=True).select_option(label="Binnenstad")
    page.get_by_label("Straat of beschrijving van de plek").fill("Voor de ingang van de Grote Kerk")
    page.get_by_role("button", name="Controleer uw melding").click()
    page.get_by_role("button", name="Verstuur melding").click()
    code = page.locator("#tracking-code").inner_text().strip()
    report = stored_report(live_app, code)
    assert report.buurt.name == "Binnenstad"
    assert report.location_is_approximate
