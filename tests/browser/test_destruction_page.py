"""The destruction page reads well on a phone and a desktop, in Dutch and English, and passes axe's WCAG checks."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest

from models import Role
from tests.factories import PASSWORD, make_report, make_staff
from tests.support.browser import axe_violations
from triage.intake import PhotoStore
from triage.workflow import change_status

pytestmark = pytest.mark.browser
ADMIN = "destruction.admin@browser.example"
KEEPING_DAYS = 3000
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")  # set it to look at the pages


@pytest.fixture(scope="module")
def due_reports(live_app, tmp_path_factory):
    """Two reports cancelled long ago, an admin, and destruction switched on for this module only."""
    store = PhotoStore(tmp_path_factory.mktemp("photos"))
    closed = datetime.now(UTC) - timedelta(days=KEEPING_DAYS + 30)
    with live_app.extensions["database"].session() as session:
        admin = make_staff(session, Role.ADMIN, email=ADMIN, name="Beheerder", now=closed)
        for text in ("Losse stoeptegel", "Zwerfvuil bij de bank"):
            report = make_report(session, store, text, now=closed - timedelta(days=2))
            change_status(session, report, admin, report.version, "cancelled", "Al opgelost.", closed)
    live_app.config["REPORT_DESTRUCTION_DAYS"] = KEEPING_DAYS
    yield
    live_app.config["REPORT_DESTRUCTION_DAYS"] = None


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_destruction_page_fits_and_passes_wcag(browser, live_server, due_reports, width, language):
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        page.goto(live_server + "/medewerkers/inloggen")
        page.locator("input[name=email]").fill(ADMIN)
        page.locator("input[name=password]").fill(PASSWORD)
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.goto(f"{live_server}/beheer/vernietigen?lang={language}").status == 200
        assert page.locator("main form button[type=submit]").count() == 1
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
        assert axe_violations(page) == []
        if SCREENSHOTS:
            page.screenshot(path=f"{SCREENSHOTS}/destruction-{language}-{width}.png", full_page=True)
    finally:
        context.close()
