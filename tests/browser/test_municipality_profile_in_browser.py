"""The municipality profile screen in Chromium: it fits a phone and a desktop in both languages and passes axe,
an administrator works it by keyboard (a refused colour is said next to the field, a good one shows in the header
at once) and undoes the change with the button in the history."""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import expect
from sqlalchemy import delete

from models import MunicipalitySettings, Role
from tests.factories import PASSWORD, make_staff
from tests.support.browser import axe_violations, log_in

pytestmark = pytest.mark.browser
ADMIN = "profile.admin@browser.example"
WIDER_THAN_SCREEN = """() => [...document.querySelectorAll('main *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
  .map(e => e.tagName + '#' + e.id + '.' + e.className)"""
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")  # set it to look at the pages


@pytest.fixture(scope="module")
def administrator(live_app):
    with live_app.extensions["database"].session() as session:
        make_staff(session, Role.ADMIN, email=ADMIN, name="Beheerder Profiel")
        session.commit()
    yield
    with live_app.extensions["database"].session() as session:  # the other browser tests see the shipped profile
        session.execute(delete(MunicipalitySettings))
        session.commit()


def screenshot(page, name: str) -> None:
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_profile_screen_fits_and_passes_wcag(browser, live_server, administrator, width, language):
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        log_in(page, live_server, ADMIN, PASSWORD)
        assert page.goto(f"{live_server}/beheer/gemeente/?lang={language}").status == 200
        assert page.locator("main select#code option").count() >= 2
        screenshot(page, f"profile-{language}-{width}")
        wide = page.evaluate(WIDER_THAN_SCREEN)
        assert wide == [], wide
        assert axe_violations(page) == []
    finally:
        context.close()


def test_an_administrator_changes_the_colour_by_keyboard_and_undoes_it(page, live_server, administrator):
    log_in(page, live_server, ADMIN, PASSWORD)
    page.goto(f"{live_server}/beheer/gemeente/?lang=nl")
    shipped_name = page.locator("#name").input_value()
    page.locator("#colour").fill("#e07000")  # white text on orange: 3.2 : 1, under AA
    with page.expect_navigation():
        page.locator("#colour").press("Enter")
    error = page.locator("#colour-error-1")
    assert "het contrast is 3.2 : 1" in error.inner_text()
    assert page.locator("#colour").get_attribute("aria-invalid") == "true"
    assert "colour-error-1" in page.locator("#colour").get_attribute("aria-describedby")
    assert axe_violations(page) == []
    screenshot(page, "profile-refused")

    page.locator("#colour").fill("#1d4f91")
    page.locator("#name").fill("Spaarnestad")
    with page.expect_navigation():
        page.locator("#name").press("Enter")
    expect(page.locator(".flash-success")).to_be_visible()
    assert page.locator(".site-owner").inner_text() == "Gemeente Spaarnestad"
    brand = page.evaluate("() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim()")
    assert brand == "#1d4f91"

    undo = page.get_by_role("button", name="Versie 1 ongedaan maken")
    undo.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator(".site-owner").inner_text() == f"Gemeente {shipped_name}"
    assert page.locator("#name").input_value() == shipped_name
    assert axe_violations(page) == []
    screenshot(page, "profile-undone")
