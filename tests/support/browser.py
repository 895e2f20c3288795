"""Debian's Chromium, kept off the network, and axe-core's check of a page against WCAG 2.1 A and AA.

Chromium runs with background networking off and every host name except 127.0.0.1 unresolvable, so a
stray URL in a page cannot reach the outside world.
"""

from __future__ import annotations

import os
from importlib import resources

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
AXE_SOURCE = resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page for WCAG 2.1 A and AA; returns the serious and critical violations.

    axe is evaluated through the browser's debugging protocol, not added as an inline <script>: the pages'
    Content-Security-Policy refuses inline scripts, as it should."""
    page.evaluate(AXE_SOURCE)
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


def log_in(page, live_server: str, email: str, password: str) -> None:
    """Log in on the staff log-in page by keyboard, as staff do, in whatever language the page is, and wait for the
    page it leads to."""
    page.goto(live_server + "/medewerkers/inloggen")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password]").fill(password)
    with page.expect_navigation():
        page.keyboard.press("Enter")
