"""The API documentation page in a real browser: readable, keyboard-usable, and clean under axe in both languages."""

import pytest
from playwright.sync_api import expect

from tests.support.browser import axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["nl", "en"])
def test_api_documentation_passes_axe(page, live_server, language):
    elsewhere = []
    page.on("request", lambda request: request.url.startswith(live_server) or elsewhere.append(request.url))
    page.goto(f"{live_server}/api/v1/docs?lang={language}")
    assert page.locator("h1").inner_text() in ("API voor apps en andere systemen", "API for apps and other systems")
    assert axe_violations(page) == []
    assert elsewhere == [], "the page loads nothing from another host"


def test_endpoint_list_leads_to_each_operation_by_keyboard(page, live_server):
    page.goto(f"{live_server}/api/v1/docs")
    link = page.get_by_role("link", name="GET /api/v1/categories")
    link.focus()
    page.keyboard.press("Enter")
    assert page.url.endswith("#listCategories")
    expect(page.get_by_role("heading", name="GET /api/v1/categories: De categorieën")).to_be_visible()
    expect(page.get_by_role("table", name="application/json").first).to_be_visible()


def test_openapi_document_link_opens_the_json(page, live_server):
    page.goto(f"{live_server}/api/v1/docs?lang=en")
    with page.expect_response(lambda response: "openapi.json" in response.url) as answer:
        page.get_by_role("link", name="The full description as an OpenAPI 3 document").click()
    assert answer.value.json()["openapi"] == "3.0.3"
