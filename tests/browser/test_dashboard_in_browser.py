"""A team lead reads the dashboard in Chromium: charts with tables, a drill-down by keyboard, a CSV download."""

import csv
import io
from pathlib import Path

import pytest

from models import Role
from tests.factories import PASSWORD, make_staff
from tests.support.browser import axe_violations
from tests.support.browser import log_in as log_in_as
from tests.support.dashboard_history import NOW, build_history

pytestmark = pytest.mark.browser
VIEW = "/dashboard?van=2026-04-20&tot=2026-05-03"


@pytest.fixture(scope="module")
def lead(live_app, tmp_path_factory):
    with live_app.extensions["database"].session() as session:
        reports = build_history(session, tmp_path_factory.mktemp("dashboard-photos"))
        make_staff(session, Role.TEAM_LEAD, email="lead@dashboard.example", name="Lead", now=NOW)
        session.commit()
        return "lead@dashboard.example", {name: report.tracking_code for name, report in reports.items()}


def log_in(page, live_server, email):
    log_in_as(page, live_server, email, PASSWORD)


def test_lead_reads_the_charts_drills_down_by_keyboard_and_downloads_a_csv(page, live_server, lead):
    email, codes = lead
    log_in(page, live_server, email)
    page.goto(live_server + VIEW)
    assert page.locator("svg.chart").count() >= 10
    assert page.get_by_role("img", name="Binnen de norm per wachtrij").count() == 1
    assert page.get_by_role("table", name="Tabel: Binnen de norm per wachtrij").count() == 1
    assert axe_violations(page) == []

    table = page.get_by_role("table", name="Tabel: Binnen de norm per wachtrij")
    late = table.get_by_role("row", name="Eenvoudig").get_by_role("link").nth(2)  # resolved, within norm, late
    late.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "set=resolved_late" in page.url and "van=2026-04-20" in page.url
    assert codes["F"] in page.locator("table").inner_text()
    assert codes["A"] not in page.locator("table").inner_text()
    assert axe_violations(page) == []

    page.goto(live_server + VIEW)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download als CSV: Binnen de norm per wachtrij").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")  # with the byte order mark Excel needs
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][0] == "Wachtrij"
    assert next(r for r in rows if r[0] == "Eenvoudig")[1:4] == ["5", "4", "1"]


def test_the_dashboard_works_without_javascript(page_without_js, live_server, lead):
    email, _ = lead
    log_in(page_without_js, live_server, email)
    page_without_js.goto(live_server + VIEW + "&wachtrij=maatwerk")
    assert page_without_js.locator("svg.chart").count() >= 10
    assert page_without_js.get_by_label("Wachtrij", exact=True).input_value() == "maatwerk"
