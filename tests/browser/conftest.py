"""A real server on 127.0.0.1 with its own SQLite database, a local tile server, and Debian's Chromium.

Chromium runs with background networking off and every host name except 127.0.0.1 unresolvable, so a
stray URL in a page cannot reach the outside world.
"""

from __future__ import annotations

import io
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources

import pytest
from PIL import Image
from werkzeug.serving import make_server

from tests.conftest import prepared_database, unavailable

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _tile_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (256, 256), (225, 232, 218)).save(out, format="PNG")
    return out.getvalue()


class TileHandler(BaseHTTPRequestHandler):
    """Serves the same plain tile for every path and counts requests, standing in for PDOK."""

    tile = _tile_png()
    requests = 0

    def do_GET(self):  # noqa: N802 (http.server naming)
        TileHandler.requests += 1
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.tile)))
        self.end_headers()
        self.wfile.write(self.tile)

    def log_message(self, *args):
        pass


def _serve_in_thread(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


@pytest.fixture(scope="session")
def tile_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), TileHandler)
    _serve_in_thread(server)
    yield f"http://127.0.0.1:{server.server_port}/tiles/{{z}}/{{x}}/{{y}}.png"
    server.shutdown()
    server.server_close()


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
            "MAP_TILE_URL": tile_server,
            "RATELIMIT_ENABLED": False,
        }
    )
    return app


@pytest.fixture(scope="session")
def live_server(live_app):
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    _serve_in_thread(server)
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
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


AXE_SOURCE = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page for WCAG 2.1 A and AA; returns the serious and critical violations."""
    page.add_script_tag(content=AXE_SOURCE)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
        }
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
