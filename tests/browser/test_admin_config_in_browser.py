"""An administrator in the browser: creates a category with a norm, adds a routing rule after its preview, undoes a
change in the history; each page passes axe's WCAG checks, fits a phone, and reads in Dutch and English."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from models import Category, Role
from tests.factories import GROTE_MARKT, PASSWORD, make_report, make_staff
from tests.support.browser import axe_violations, log_in
from triage.intake import PhotoStore

pytestmark = pytest.mark.browser
ADMIN = "config.admin@browser.example"
PAGES = ["/beheer/", "/beheer/categorieen", "/beheer/categorieen/nieuw", "/beheer/routering", "/beheer/geschiedenis"]
SCREENSHOTS = os.environ.get("SCREENSHOT_DIR")  # set it to look at the pages


@pytest.fixture(scope="module")
def admin_and_a_report(live_app, tmp_path_factory):
    """An administrator, and a report of last week on the Grote Markt so the routing preview has something to show."""
    store = PhotoStore(tmp_path_factory.mktemp("photos"))
    with live_app.extensions["database"].session() as session:
        make_staff(session, Role.ADMIN, email=ADMIN, name="Beheerder")
        report = make_report(session, store, "De container is vol en er staan zakken naast.", at=GROTE_MARKT,
                             now=datetime.now(UTC) - timedelta(days=7))  # fmt: skip
        report.category = session.scalar(select(Category).where(Category.slug == "container-is-vol"))
        buurt = report.buurt.name
        session.commit()
    return buurt


def checked(page, name: str) -> None:
    assert axe_violations(page) == [], name
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def test_an_administrator_creates_a_category_routes_it_and_undoes_a_change(page, live_server, admin_and_a_report):
    log_in(page, live_server, ADMIN, PASSWORD)
    page.goto(live_server + "/beheer/")
    checked(page, "admin-home")
    page.get_by_role("link", name="Categorieën").click()
    checked(page, "admin-categories")
    page.get_by_role("link", name="Subcategorie toevoegen aan Afval").click()

    page.get_by_label("Naam", exact=True).fill("Zwerfkat")
    page.get_by_label("Naam in het Engels").fill("Stray cat")
    page.get_by_label("Termijn in dagen").fill("1000")
    page.get_by_role("button", name="Categorie toevoegen").click()
    expect(page.locator("#service_norm_days-error-1")).to_be_visible()
    assert page.get_by_label("Naam", exact=True).input_value() == "Zwerfkat"  # what was typed is kept
    checked(page, "admin-category-refused")

    page.get_by_label("Termijn in dagen").fill("4")
    page.get_by_label("kalenderdagen").check()
    page.get_by_label("Team", exact=True).select_option(label="GGD")
    page.get_by_role("button", name="Categorie toevoegen").click()
    expect(page.get_by_text("Categorie Afval › Zwerfkat is toegevoegd.")).to_be_visible()
    expect(page.get_by_role("row", name="Zwerfkat").get_by_text("4 kalenderdagen")).to_be_visible()

    page.goto(live_server + "/beheer/routering")
    checked(page, "admin-routing")
    page.get_by_label("Wijk of buurt").select_option(label=admin_and_a_report)
    page.get_by_label("Categorie", exact=True).select_option(label="Container is vol")
    page.get_by_label("Team", exact=True).select_option(label="Stadswerken")
    page.get_by_label("Complex").check()
    page.get_by_role("button", name="Bekijk het effect").click()
    assert "zouden er 1 een ander team" in page.locator("#preview-summary").inner_text()
    expect(page.locator("#preview-sample")).to_be_visible()
    checked(page, "admin-routing-preview")
    page.get_by_role("button", name="Regel opslaan").click()
    expect(page.get_by_text("De regel is opgeslagen.")).to_be_visible()  # waits for the page after the post
    expect(page.locator("#rules").get_by_text("Stadswerken")).to_be_visible()

    page.goto(live_server + "/beheer/geschiedenis")
    checked(page, "admin-history")
    latest = page.locator("#changes > li").first
    assert "Routeringsregel" in latest.inner_text() and "Stadswerken" in latest.inner_text()
    latest.get_by_role("button", name="Maak ongedaan").click()
    expect(page.get_by_text("De wijziging is ongedaan gemaakt.")).to_be_visible()
    page.goto(live_server + "/beheer/routering")
    assert page.locator("#rules").count() == 0


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("path", PAGES)
def test_the_configuration_pages_fit_and_pass_wcag(browser, live_server, admin_and_a_report, width, language, path):
    context = browser.new_context(locale="nl-NL", viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        log_in(page, live_server, ADMIN, PASSWORD)
        assert page.goto(f"{live_server}{path}?lang={language}").status == 200
        assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0
        name = path.strip("/").replace("/", "-") or "beheer"
        checked(page, f"{name}-{language}-{width}")
    finally:
        context.close()
