"""Every resident and staff page fits a phone: nothing scrolls sideways at 360 px (and 320 px), in Dutch and English.

A page may hold a wide table, but it scrolls inside its own box; the page itself never gets wider than the screen.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from models import Role
from tests.factories import PASSWORD, make_report, make_staff, route_report
from tests.support.browser import log_in
from triage.intake import PhotoStore
from triage.workflow import change_status

pytestmark = pytest.mark.browser
NOW = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)
ADMIN = "narrow.admin@browser.example"
LONG_TEXT = "Heelveelletterszonderspatiesdieeenpaginatebreedkunnenmaken " * 4


@pytest.fixture(scope="module")
def pages(live_app, tmp_path_factory):
    """A report waiting in the inbox and one in the simple queue with a message; an admin who may open every page."""
    store = PhotoStore(tmp_path_factory.mktemp("photos"))
    with live_app.extensions["database"].session() as session:
        admin = make_staff(session, Role.ADMIN, Role.TEAM_LEAD, email=ADMIN, name="Beheerder", now=NOW)
        officer = make_staff(session, Role.TRIAGE_OFFICER, email="narrow.officer@browser.example", now=NOW)
        waiting = make_report(
            session, store, "Losse stoeptegel " + LONG_TEXT, now=NOW, email="a@example.nl", contact_consent=True
        )
        routed = make_report(session, store, "Kapotte lantaarnpaal " + LONG_TEXT, now=NOW)
        route_report(session, routed, officer, "simple", now=NOW)
        change_status(session, routed, admin, routed.version, "in_progress", "", NOW)
        change_status(session, routed, admin, routed.version, "done", "Gerepareerd. " + LONG_TEXT, NOW)
        session.flush()
        ids = {"waiting": waiting.id, "routed": routed.id}
        tokens = {"waiting": waiting.status_token, "routed": routed.status_token}
        codes = {"routed": routed.tracking_code}
    resident = [
        "/",
        f"/melding/{tokens['waiting']}/ontvangen",
        f"/melding/{tokens['waiting']}",
        f"/melding/{tokens['routed']}",
        f"/volgen?code={codes['routed']}",
        "/api/v1/docs",
    ]
    staff = [
        "/triage/",
        f"/triage/melding/{ids['waiting']}",
        "/triage/correcties",
        "/team/simple",
        f"/team/melding/{ids['routed']}",
        "/dashboard",
        "/dashboard/meldingen?set=overdue",
        "/beheer/uitbak",
    ]
    return resident, staff


def overflow(page) -> int:
    """How many CSS pixels the page is wider than the screen (0 when nothing scrolls sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def wide_elements(page) -> list[str]:
    """The outermost elements sticking out on the right (outside any box that scrolls itself), to say what to fix."""
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth + 1;
          const scrolls = e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
          const inScrollBox = e => { for (let a = e.parentElement; a; a = a.parentElement) if (scrolls(a)) return true;
                                     return false; };
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                            + (typeof e.className === 'string' && e.className ? '.' + e.className.split(' ')[0] : '');
          return [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > width && !inScrollBox(e))
            .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= width)
            .slice(0, 5).map(e => (e.parentElement ? name(e.parentElement) + ' > ' : '') + name(e));
        }"""
    )


def narrow_context(browser, width: int, locale: str):
    return browser.new_context(locale=locale, viewport={"width": width, "height": 740}, is_mobile=True)


def visit(page, live_server, path: str, language: str) -> int:
    return page.goto(f"{live_server}{path}{'&' if '?' in path else '?'}lang={language}").status


@pytest.mark.parametrize("width", [360, 320])
@pytest.mark.parametrize("language", ["nl", "en"])
def test_no_page_scrolls_sideways_on_a_phone(browser, live_server, pages, width, language):
    resident, staff = pages
    context = narrow_context(browser, width, "nl-NL" if language == "nl" else "en-GB")
    page = context.new_page()
    try:
        wide = {}
        for path in resident:
            assert visit(page, live_server, path, language) == 200, path
            if overflow(page) > 0:
                wide[path] = wide_elements(page)
        log_in(page, live_server, ADMIN, PASSWORD)
        for path in staff:
            assert visit(page, live_server, path, language) == 200 and "inloggen" not in page.url, path
            if overflow(page) > 0:
                wide[path] = wide_elements(page)
        assert wide == {}, f"pages wider than {width} px: {wide}"
    finally:
        context.close()


def test_feedback_choices_are_large_enough_to_tap(browser, live_server, pages):
    resident, _ = pages
    status_page_of_done_report = resident[3]
    context = narrow_context(browser, 360, "nl-NL")
    page = context.new_page()
    try:
        page.goto(live_server + status_page_of_done_report)
        for choice in ("#satisfied-yes", "#satisfied-no"):
            label = page.locator(f"label[for={choice[1:]}]").bounding_box()
            radio = page.locator(choice).bounding_box()
            assert label["height"] >= 40 and label["width"] >= 44, label  # the whole label takes the tap
            assert radio["height"] >= 24 and radio["width"] >= 24, radio  # WCAG 2.2 target size, at least
    finally:
        context.close()
