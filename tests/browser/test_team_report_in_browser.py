"""A team member opens a report in Chromium: map with the pin, the place in words, a photo that opens full size,
and the resident's phone and e-mail as links; an officer and another team get none. Axe checks the page."""

from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from models import AuditEvent, Role
from tests.factories import PASSWORD, jpeg_bytes, make_report, make_staff, route_report
from tests.support.browser import axe_violations
from tests.support.browser import log_in as log_in_as
from triage.intake.photo_store import PhotoStore
from triage.intake.photos import prepare_photo
from triage.kernel.audit import AuditAction

pytestmark = pytest.mark.browser
NOW = datetime.now(UTC) - timedelta(hours=2)
SCREENSHOTS = "/tmp/tp"


@pytest.fixture(scope="module")
def routed(live_app):
    """A report with a photo and contact details in the simple queue, and the people who look at it."""
    store = PhotoStore(live_app.config["UPLOAD_DIR"])
    with live_app.extensions["database"].session() as session:
        make_staff(
            session, Role.TEAM_MEMBER, email="lid@teampage.example", name="Sanne de Vries", teams=["team-eenvoudig"]
        )
        make_staff(session, Role.TEAM_MEMBER, email="complex@teampage.example", teams=["team-complex"])
        officer = make_staff(session, Role.TRIAGE_OFFICER, email="officier@teampage.example", name="Olaf")
        key = store.save_draft(prepare_photo(jpeg_bytes(size=(800, 600)), "container.jpg"))
        report = make_report(
            session,
            store,
            "Container zit vol, zakken ernaast",
            email="bewoner@example.org",
            phone="06 1234 5678",
            contact_consent="yes",
            location_text="Naast de bakker",
            photo_keys=[key],
            now=NOW,
        )
        route_report(session, report, officer, "simple", now=NOW)
        session.commit()
        return report.id


def log_in(page, live_server, email):
    log_in_as(page, live_server, email, PASSWORD)


def contact_views(live_app, report_id) -> int:
    with live_app.extensions["database"].session_factory() as session:
        query = select(func.count()).where(
            AuditEvent.report_id == report_id, AuditEvent.action == AuditAction.CONTACT_VIEWED
        )
        return session.scalar(query)


def test_team_member_sees_map_place_photo_and_contact_links(page, live_server, live_app, routed, tile_server):
    log_in(page, live_server, "lid@teampage.example")
    before = contact_views(live_app, routed)
    page.goto(f"{live_server}/team/melding/{routed}")
    assert contact_views(live_app, routed) == before + 1
    page.locator("#report-map .leaflet-marker-pane, #report-map .leaflet-overlay-pane svg path").first.wait_for()
    assert "Naast de bakker" in page.locator("#location").inner_text()
    expect(page.locator("a[href='tel:0612345678']")).to_be_visible()
    expect(page.locator("a[href='mailto:bewoner@example.org']")).to_be_visible()
    assert "Bel 112" not in page.content()
    assert axe_violations(page) == []
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 1400})
        page.screenshot(path=f"{SCREENSHOTS}/team-report-nl-{width}.png", full_page=True)
    page.goto(f"{live_server}/team/melding/{routed}?lang=en")
    assert axe_violations(page) == []
    page.screenshot(path=f"{SCREENSHOTS}/team-report-en-1280.png", full_page=True)
    with page.expect_navigation():
        page.locator("#photos a").first.click()
    size = page.evaluate("() => [document.images[0].naturalWidth, document.images[0].naturalHeight]")
    assert size[0] > 160


@pytest.mark.parametrize("email", ["complex@teampage.example", "officier@teampage.example"])
def test_officer_and_other_team_get_no_contact_details(page, live_server, live_app, routed, email):
    log_in(page, live_server, email)
    before = contact_views(live_app, routed)
    response = page.goto(f"{live_server}/team/melding/{routed}")
    assert response.status == 403
    assert "U heeft geen toegang tot deze pagina" in page.content()
    assert page.locator("a[href^='tel:'], a[href^='mailto:']").count() == 0
    assert axe_violations(page) == []
    page.screenshot(path=f"{SCREENSHOTS}/forbidden-{email.split('@')[0]}.png", full_page=True)
    assert contact_views(live_app, routed) == before
