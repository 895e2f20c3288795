"""A real server on 127.0.0.1 with its own SQLite database, a local tile server, and Debian's Chromium."""

from __future__ import annotations

import io
import os

import pytest
from PIL import Image

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.databases import prepared_database
from tests.support.servers import Answer, HttpStandIn, WsgiServer
from tests.support.skipping import unavailable


def _tile_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (256, 256), (225, 232, 218)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture(scope="session")
def tile_server():
    """Serves the same plain tile for every path and remembers the requests, standing in for PDOK."""
    with HttpStandIn({}, fallback=Answer(200, "image/png", _tile_png())) as server:
        yield server


@pytest.fixture(scope="session")
def live_app(tmp_path_factory, tile_server):
    from web import create_app

    folder = tmp_path_factory.mktemp("browser")
    os.environ["INSTANCE_DIR"] = str(folder / "instance")
    database = prepared_database(f"sqlite:///{folder / 'browser.db'}")
    database.dispose()
    app = create_app(
        {
            "DATABASE_URL": database.url,
            "UPLOAD_DIR": str(folder / "uploads"),
            "MAP_TILE_URL": tile_server.url + "/tiles/{z}/{x}/{y}.png",
            "RATELIMIT_ENABLED": False,
        }
    )
    return app


@pytest.fixture(scope="session")
def live_server(live_app):
    with WsgiServer(live_app) as server:
        yield server.url
    live_app.extensions["database"].dispose()


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        unavailable(f"Chromium at {CHROMIUM} (Debian package: chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1100, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def page_without_js(browser):
    context = browser.new_context(locale="nl-NL", java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()
