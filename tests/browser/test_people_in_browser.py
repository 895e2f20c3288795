"""An administrator invites a team member in Chromium, by keyboard; the new colleague opens the link from the mail
(read from the outbox page, where the embedded default keeps mail), sets a password, logs in and lands on their
team's work list. Axe checks every page on the way, also a refused form."""

import re

import pytest
from playwright.sync_api import expect

from models import Role
from tests.factories import PASSWORD, make_staff
from tests.support.browser import axe_violations, log_in

pytestmark = pytest.mark.browser
ADMIN = "beheerder@people.example"
NEW = "nieuwe.collega@people.example"
NEW_PASSWORD = "fietsen langs het spaarne"
LINK = re.compile(r"\{base_url\}(/medewerkers/wachtwoord/[A-Za-z0-9_-]+)")


@pytest.fixture(scope="module")
def admin(live_app):
    with live_app.extensions["database"].session() as session:
        make_staff(session, Role.ADMIN, email=ADMIN, name="Bea Beheer")
        session.commit()


def check_axe(page):
    assert axe_violations(page) == [], page.url


def follow(page, locator) -> None:
    """Click and wait for the next page, so what is checked next is that page (and not the one it leaves)."""
    with page.expect_navigation():
        locator.click()


def invite_by_keyboard(page, name: str):
    page.get_by_label("E-mailadres").fill(NEW)
    page.get_by_label("Naam", exact=True).fill(name)
    page.get_by_label("Teamlid").check()
    page.get_by_label("Team Eenvoudig (Eenvoudig)").check()
    page.get_by_role("button", name="Uitnodiging versturen").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_an_admin_invites_a_team_member_who_sets_a_password_and_sees_the_team_work_list(
    live_server, page, browser, admin
):
    log_in(page, live_server, ADMIN, PASSWORD)
    follow(page, page.get_by_role("link", name="Beheer"))
    follow(page, page.get_by_role("link", name="Mensen"))
    check_axe(page)
    follow(page, page.get_by_role("link", name="Collega uitnodigen"))
    check_axe(page)

    invite_by_keyboard(page, "")
    assert page.locator("#name-error-1").inner_text().endswith("Vul een naam in.")
    assert page.get_by_label("E-mailadres").input_value() == NEW  # what was typed is kept
    check_axe(page)
    invite_by_keyboard(page, "Nieuwe Collega")
    assert f"Uitnodiging verstuurd naar {NEW}" in page.locator(".flashes").inner_text()
    assert "Uitgenodigd, link werkt tot" in page.get_by_role("row", name=re.compile("Nieuwe Collega")).inner_text()

    page.goto(live_server + "/beheer/uitbak")
    mail = page.locator("details", has_text="Uw account voor meldingen")
    mail.locator("summary").click()
    link = LINK.search(mail.locator("pre").inner_text()).group(1)

    context = browser.new_context(locale="nl-NL")
    colleague = context.new_page()
    colleague.goto(live_server + link)
    assert "Welkom, Nieuwe Collega" in colleague.locator("main").inner_text()
    check_axe(colleague)
    colleague.get_by_label("Nieuw wachtwoord", exact=True).fill(NEW_PASSWORD)
    colleague.get_by_label("Nieuw wachtwoord nog een keer").fill(NEW_PASSWORD)
    with colleague.expect_navigation():
        colleague.keyboard.press("Enter")
    assert "Uw wachtwoord is opgeslagen" in colleague.locator(".flashes").inner_text()
    log_in(colleague, live_server, NEW, NEW_PASSWORD)
    assert colleague.url.endswith("/team/simple")
    check_axe(colleague)
    colleague.goto(live_server + link)
    assert "Deze link werkt niet (meer)" in colleague.locator("h1").inner_text()
    context.close()


def test_the_account_and_team_pages_pass_axe_in_both_languages(live_server, page, admin):
    log_in(page, live_server, ADMIN, PASSWORD)
    for language in ("nl", "en"):
        page.goto(f"{live_server}/beheer/mensen/?lang={language}")
        follow(page, page.get_by_role("link", name="Bea Beheer"))
        check_axe(page)
        page.goto(f"{live_server}/beheer/mensen/teams")
        check_axe(page)
        follow(page, page.get_by_role("link", name="Team Complex"))
        check_axe(page)
        page.goto(f"{live_server}/beheer/mensen/teams/nieuw")
        follow(page, page.get_by_role("button").filter(has_text=re.compile("Team maken|Create team")))
        expect(page.locator("#name-error-1")).to_be_visible()
        check_axe(page)
