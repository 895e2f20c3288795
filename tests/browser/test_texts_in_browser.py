"""In Chromium: an administrator writes a standard text and the Dutch "done" mail; a team member picks the text
(filled in place by JavaScript, or by the server without it), edits it, previews the mail and sends it; the
resident's mail in the outbox is the edited template with the edited message. Axe checks every page on the way."""

from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from models import OutboxMail, Role, StaffUser
from tests.factories import PASSWORD, make_report, make_staff, route_report
from tests.support.browser import axe_violations, log_in
from triage.notifications import TypedText, save_standard_text
from triage.workflow.transitions import change_status

pytestmark = pytest.mark.browser
NOW = datetime.now(UTC) - timedelta(hours=1)
SCREENSHOTS = "/tmp/h/texts"
ADMIN, MEMBER = "beheer@texts.example", "lid@texts.example"


@pytest.fixture(scope="module")
def in_progress(live_app):
    """A report with the resident's address, in the simple queue and in progress: the team may mark it done."""
    with live_app.extensions["database"].session() as session:
        make_staff(session, Role.ADMIN, email=ADMIN, name="Beheerder")
        member = make_staff(session, Role.TEAM_MEMBER, email=MEMBER, name="Teamlid", teams=["team-eenvoudig"])
        officer = make_staff(session, Role.TRIAGE_OFFICER, email="officier@texts.example")
        report = make_report(session, live_app.config["UPLOAD_DIR"], "Container vol bij de kerk",
                             email="bewoner@texts.example", contact_consent="yes", now=NOW)  # fmt: skip
        route_report(session, report, officer, "simple", now=NOW)
        change_status(session, report, member, report.version, "in_progress", "", NOW)
        session.commit()
        return report.id, report.tracking_code


def done_mail(live_app, report_id) -> OutboxMail | None:
    with live_app.extensions["database"].session_factory() as session:
        query = select(OutboxMail).where(OutboxMail.report_id == report_id, OutboxMail.kind == "done")
        return session.scalar(query)


def shoot(page, name):
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 1000})
        page.screenshot(path=f"{SCREENSHOTS}/{name}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1100, "height": 900})


def write_standard_text(page, live_server):
    page.goto(live_server + "/medewerkers/inloggen")
    page.locator("nav.staff-nav a[href='/beheer/']").click()
    page.locator("main a[href='/beheer/teksten/']").click()
    assert axe_violations(page) == []
    shoot(page, "texts-index-nl")
    page.locator("#new-text").click()
    page.locator("#title").fill("Container geleegd")
    page.locator("#status").select_option("done")
    page.locator("#body").fill("Beste melder, {{ naam }}")
    page.locator("#save-text").click()
    expect(page.locator("#body-error-1")).to_be_visible()  # refused next to the field, what was typed kept
    assert page.locator("#body").input_value() == "Beste melder, {{ naam }}"
    assert axe_violations(page) == []
    shoot(page, "standard-text-refused")
    page.locator("#body").fill("Wij hebben de container bij melding {{ code }} geleegd.")
    page.locator("#save-text").click()
    expect(page.locator("#standard-texts").get_by_text("Container geleegd")).to_be_visible()


def edit_done_mail(page, live_server):
    page.goto(live_server + "/beheer/teksten/mail/done/nl")
    page.locator("#subject").fill("Klaar: melding {{ code }}")
    page.locator("#body").fill("{{ message }}\n\nMet vriendelijke groet, het team.\n{{ feedback_link }}")
    page.locator("#preview-mail").click()
    assert "Klaar: melding M-2026-0042" in page.locator("#example-subject").inner_text()
    assert axe_violations(page) == []
    shoot(page, "mail-template-preview")
    page.locator("#save-mail").click()
    page.goto(live_server + "/beheer/teksten/mail/done/nl?lang=en")
    assert "your own text" in page.locator("#mail-state").inner_text()
    assert axe_violations(page) == []
    shoot(page, "mail-template-en")
    page.goto(live_server + "/beheer/teksten/")
    done_dutch = page.locator("#mail-templates").get_by_role("link", name="Report done, Dutch: change")
    assert done_dutch.inner_text() == "Own text"
    assert axe_violations(page) == []
    shoot(page, "texts-index-en")


def test_admin_writes_texts_and_a_team_member_picks_edits_previews_and_sends(browser, page, live_server, live_app,
                                                                            in_progress):  # fmt: skip
    report_id, code = in_progress
    log_in(page, live_server, ADMIN, PASSWORD)
    write_standard_text(page, live_server)
    edit_done_mail(page, live_server)
    context = browser.new_context(locale="nl-NL", viewport={"width": 1100, "height": 900})
    member = context.new_page()
    log_in(member, live_server, MEMBER, PASSWORD)
    member.goto(f"{live_server}/team/melding/{report_id}")
    member.locator("#standard_text").select_option(label="Container geleegd (NL)")
    member.locator("#use-text").click()  # filled in place: no page load
    assert member.locator("#message").input_value() == f"Wij hebben de container bij melding {code} geleegd."
    assert member.locator("#status").input_value() == "done"
    member.locator("#message").press("End")
    member.keyboard.type(" Er lag ook afval naast; dat is mee.")
    member.locator("#preview-mail").click()
    preview = member.locator("#preview-body").inner_text()
    assert member.locator("#preview-subject").inner_text().startswith(f"Klaar: melding {code} / ")
    assert "dat is mee.\n\nMet vriendelijke groet, het team." in preview
    assert axe_violations(member) == []
    shoot(member, "team-preview")
    member.locator("#save-status").click()
    mail = done_mail(live_app, report_id)
    assert mail.subject.startswith(f"Klaar: melding {code} / ")
    assert mail.body.startswith(f"Wij hebben de container bij melding {code} geleegd. Er lag ook afval naast")
    assert "Met vriendelijke groet, het team." in mail.body
    context.close()


def test_without_javascript_the_server_fills_in_the_standard_text(page_without_js, live_server, live_app, in_progress):
    """The picker without JavaScript: "use" is a round trip that fills the message and the status (axe ran on this
    page with JavaScript above; axe itself needs JavaScript)."""
    with live_app.extensions["database"].session() as session:
        save_standard_text(session, None, TypedText("Later", "waiting_external", language="en",
                           body="{{ code }} waits for the contractor."), "0", ADMIN, NOW)  # fmt: skip
        officer = session.scalar(select(StaffUser).where(StaffUser.email == "officier@texts.example"))
        member = session.scalar(select(StaffUser).where(StaffUser.email == MEMBER))
        report = make_report(session, live_app.config["UPLOAD_DIR"], "Nog een volle container", now=NOW)
        route_report(session, report, officer, "simple", now=NOW)
        change_status(session, report, member, report.version, "in_progress", "", NOW)
        session.commit()
        report_id, code = report.id, report.tracking_code
    page = page_without_js
    log_in(page, live_server, MEMBER, PASSWORD)
    page.goto(f"{live_server}/team/melding/{report_id}")
    page.locator("#standard_text").select_option(label="Later (EN)")
    with page.expect_navigation():
        page.locator("#use-text").click()
    assert page.locator("#message").input_value() == f"{code} waits for the contractor."
    assert page.locator("#status").input_value() == "waiting_external"
    with page.expect_navigation():
        page.locator("#preview-mail").click()
    expect(page.locator("#preview-no-address")).to_be_visible()  # this resident left no address: nothing is mailed
