"""The public account of the algorithm in a real browser: clean under axe, in both languages and on a phone."""

import pytest
from playwright.sync_api import expect

from tests.support.browser import axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["nl", "en"])
def test_algorithm_page_passes_axe(page, live_server, language):
    page.goto(f"{live_server}/algoritme?lang={language}")
    assert page.locator("h1").inner_text() in (
        "Het algoritme dat meldingen sorteert",
        "The algorithm that sorts reports",
    )
    assert axe_violations(page) == []


def test_the_report_form_footer_leads_to_the_algorithm_page(page, live_server):
    page.goto(f"{live_server}/")
    page.get_by_role("link", name="Hoe wij meldingen sorteren: het algoritme").click()
    assert page.url.endswith("/algoritme")
    expect(page.get_by_role("heading", name="Wilt u dat een mens opnieuw kijkt?")).to_be_visible()


def test_algorithm_page_fits_a_narrow_screen(page, live_server):
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{live_server}/algoritme")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    assert axe_violations(page) == []
