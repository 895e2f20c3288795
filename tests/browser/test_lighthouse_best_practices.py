"""Lighthouse's best-practice audits, run by Lighthouse itself (pinned in tests/browser/lighthouse) in Debian's
Chromium against the real server: its CSP check (csp-xss) and frame-control check (clickjacking-mitigation) find
nothing to report, and the best-practices category scores full marks, on a resident page, a status page whose
address holds a secret token, and a staff page.

Lighthouse reports these two audits as "not applicable" with no findings when the policy holds; a page without
a CSP or a frame policy gets findings ("No CSP found in enforcement mode"), which fail this test.
"""

from __future__ import annotations

import json
import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from models import Role
from tests.factories import PASSWORD, make_report, make_staff
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS
from tests.support.web import log_in
from triage.intake.photo_store import PhotoStore

pytestmark = pytest.mark.browser
LIGHTHOUSE = Path(__file__).parent / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
NOW = datetime(2026, 1, 6, 9, 0, tzinfo=UTC)
EMAIL = "lighthouse@browser.example"
POLICY_AUDITS = ("csp-xss", "clickjacking-mitigation")
# Sessions are bound to the browser that logged in (strong session protection), so Lighthouse's browser
# announces the same user agent as the client that logged in for it.
USER_AGENT = "TriageLighthouseAudit/1.0"


@pytest.fixture(scope="module")
def status_path(live_app, tmp_path_factory) -> str:
    with live_app.extensions["database"].session() as session:
        make_staff(session, Role.TRIAGE_OFFICER, email=EMAIL, name="Lighthouse", now=NOW)
        report = make_report(session, PhotoStore(tmp_path_factory.mktemp("lh-photos")), "Bankje kapot", now=NOW)
        session.commit()
        return f"/melding/{report.status_token}"


@pytest.fixture(scope="module")
def staff_cookie(live_app, status_path) -> str:
    """A logged-in officer's session cookie, made through the login form, for Lighthouse's requests."""
    client = live_app.test_client()
    client.environ_base["HTTP_USER_AGENT"] = USER_AGENT
    assert log_in(client, EMAIL, PASSWORD).status_code == 302
    return f"session={client.get_cookie('session').value}"


def lighthouse(url: str, tmp_path: Path, headers: dict | None = None) -> dict:
    assert LIGHTHOUSE.exists(), "Lighthouse is missing: `make test` installs it (npm)"
    out = tmp_path / "report.json"
    flags = " ".join(f'"{flag}"' if " " in flag else flag for flag in CHROMIUM_ARGS)
    command = [str(LIGHTHOUSE), url, "--only-categories=best-practices", "--output=json", f"--output-path={out}"]
    command += [f"--chrome-flags={flags}", "--quiet", "--max-wait-for-load=20000"]
    command.append(f"--emulated-user-agent={USER_AGENT}")
    if headers:
        command.append(f"--extra-headers={json.dumps(headers)}")
    environment = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(command, check=True, timeout=180, env=environment, capture_output=True)
    return json.loads(out.read_text(encoding="utf-8"))


def findings(report: dict, audit: str) -> list:
    return report["audits"][audit].get("details", {}).get("items", [])


def assert_best_practices(report: dict) -> None:
    for audit in POLICY_AUDITS:
        assert findings(report, audit) == [], (audit, findings(report, audit))
    failed = {
        key: audit["title"]
        for key, audit in report["audits"].items()
        if audit.get("scoreDisplayMode") == "binary" and audit.get("score") == 0
    }
    assert report["categories"]["best-practices"]["score"] == 1, failed


@pytest.mark.parametrize("path", ["/", "/medewerkers/inloggen"])
def test_public_pages_pass_the_best_practice_audits(live_server, tmp_path, path):
    assert_best_practices(lighthouse(live_server + path, tmp_path))


def test_a_status_page_passes_the_best_practice_audits(live_server, tmp_path, status_path):
    assert_best_practices(lighthouse(live_server + status_path, tmp_path))


def test_a_staff_page_passes_the_best_practice_audits(live_server, tmp_path, staff_cookie):
    report = lighthouse(live_server + "/triage/", tmp_path, {"Cookie": staff_cookie})
    assert report["finalDisplayedUrl"].endswith("/triage/"), "Lighthouse was not logged in"
    assert_best_practices(report)
