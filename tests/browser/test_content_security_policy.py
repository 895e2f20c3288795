"""The pages work under the Content-Security-Policy in Chromium: nothing is refused (no violation event, no CSP
message in the console), the maps load their tiles, the form still places a pin, and axe stays clean."""

from datetime import UTC, datetime

import pytest

from models import Role
from tests.factories import PASSWORD, make_proposal, make_report, make_staff, route_report
from tests.support.browser import axe_violations
from tests.support.browser import log_in as log_in_as
from triage.intake.photo_store import PhotoStore

pytestmark = pytest.mark.browser
NOW = datetime(2026, 1, 6, 9, 0, tzinfo=UTC)
EMAIL = "csp@browser.example"
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""


@pytest.fixture(scope="module")
def reports(live_app, tmp_path_factory):
    """A staff member with every role; one report waiting in the inbox, one in the simple queue."""
    store = PhotoStore(tmp_path_factory.mktemp("csp-photos"))
    with live_app.extensions["database"].session() as session:
        person = make_staff(session, *Role, email=EMAIL, name="Alles", teams=["team-eenvoudig"], now=NOW)
        waiting = make_report(session, store, "Lantaarnpaal brandt niet", now=NOW)
        make_proposal(session, waiting, now=NOW)
        routed = route_report(session, make_report(session, store, "Container zit vol", now=NOW), person, now=NOW)
        session.commit()
        return {"waiting": waiting.id, "routed": routed.id, "token": routed.status_token}


@pytest.fixture
def watched(page):
    """The page, with every CSP refusal it meets collected: events in the page and messages in the console."""
    page.add_init_script(WATCH_VIOLATIONS)
    console = []
    page.on("console", lambda message: console.append(message.text))
    page.refusals = lambda: (
        page.evaluate("window.__violations") + [text for text in console if "Content Security Policy" in text]
    )
    return page


def log_in(page, live_server):
    log_in_as(page, live_server, EMAIL, PASSWORD)


def test_the_report_form_with_its_map_works_under_the_policy(watched, live_server):
    response = watched.goto(live_server + "/")
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    watched.locator(".leaflet-tile-loaded").first.wait_for()
    watched.locator("#map").click()
    assert watched.locator("#lat").input_value() != ""
    assert watched.locator(".leaflet-marker-icon").count() == 1
    assert watched.refusals() == []
    assert axe_violations(watched) == []


def test_the_status_page_works_under_the_policy(watched, live_server, reports):
    watched.goto(f"{live_server}/melding/{reports['token']}")
    assert watched.refusals() == []
    assert axe_violations(watched) == []


@pytest.mark.parametrize(
    "path",
    ["/triage/", "/triage/melding/{waiting}", "/team/simple", "/team/melding/{routed}", "/dashboard"],
)
def test_staff_pages_work_under_the_policy(watched, live_server, reports, path):
    log_in(watched, live_server)
    watched.goto(live_server + path.format(**reports))
    if watched.locator(".leaflet-container").count():  # a Leaflet map: its tiles come from the tile server
        watched.locator(".leaflet-tile-loaded").first.wait_for()
    assert watched.refusals() == []
    assert axe_violations(watched) == []
