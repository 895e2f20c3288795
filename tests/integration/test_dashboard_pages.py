"""The dashboard page for leads and the monitoring team: access, filters in the URL, drill-down and exports."""

import csv
import io
import json
from datetime import date

import pytest
from flask import url_for
from sqlalchemy import func, select

from models import Report, Role
from tests.factories import PASSWORD, make_staff
from tests.support.web import csrf_token_from, log_in
from triage.monitoring.dimensions import Group
from triage.monitoring.figures import Column, Row
from triage.monitoring.filters import Filters, Period
from web.dashboard import drill_link

PERIOD = "van=2026-04-20&tot=2026-05-03"


@pytest.fixture
def people(session, lead, team_member):
    """A lead, a member of the monitoring team, and a member of a queue team (who may not see the dashboard)."""
    make_staff(session, Role.TEAM_MEMBER, email="monitor@haarlem.example", teams=["team-monitoring"])


@pytest.mark.parametrize(
    ("who", "status"),
    [(None, 302), ("member@haarlem.example", 403), ("lead@haarlem.example", 200), ("monitor@haarlem.example", 200)],
)
def test_only_leads_and_the_monitoring_team_see_the_dashboard(client, people, who, status):
    if who:
        log_in(client, who)
    for url in ("/dashboard", "/dashboard/meldingen?set=inflow", "/dashboard/cijfers/backlog.csv"):
        assert client.get(url).status_code == status, url


def test_the_page_shows_every_figure_with_chart_table_and_links_that_keep_the_filters(client, people, history):
    log_in(client, "lead@haarlem.example")
    page = client.get(f"/dashboard?{PERIOD}&lang=nl").get_data(as_text=True)
    assert page.count('<svg class="chart"') >= 10 and '<svg class="area-map"' in page
    assert page.count("<table") >= 18
    assert "Het duurde te lang." in page
    assert f"/dashboard/meldingen?{PERIOD}&amp;set=resolved_late" in page or "set=resolved_late" in page
    assert "/dashboard/cijfers/norm_queue.csv?van=2026-04-20&amp;tot=2026-05-03" in page


def test_a_drill_down_lists_exactly_the_reports_behind_the_count(client, people, history):
    log_in(client, "lead@haarlem.example")
    page = client.get(f"/dashboard/meldingen?{PERIOD}&wachtrij=simple&set=resolved_late").get_data(as_text=True)
    assert history["F"].tracking_code in page
    assert history["A"].tracking_code not in page


def test_a_figure_downloads_as_csv_with_the_same_numbers(client, people, history):
    log_in(client, "lead@haarlem.example")
    response = client.get(f"/dashboard/cijfers/norm_queue.csv?{PERIOD}&lang=en")
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")  # Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert rows[0][:4] == ["Queue", "Resolved", "Within norm", "Late"]
    simple = next(r for r in rows if r[0] == "Simple")
    assert simple[1:5] == ["5", "4", "1", "0,8000"]


def test_the_filtered_reports_download_as_csv_and_geojson_without_personal_details(client, people, history):
    log_in(client, "lead@haarlem.example")
    text = client.get(f"/dashboard/meldingen.csv?{PERIOD}&wachtrij=maatwerk&lang=nl").get_data(as_text=True)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert sorted(r["Meldingnummer"] for r in rows) == sorted(history[n].tracking_code for n in ("M1", "M2", "M3"))
    assert {r["Op tijd eerste contact"] for r in rows} == {"ja", "nee", ""}
    assert {(r["Wachtrij"], r["Wachtrijcode"]) for r in rows} == {("Maatwerk", "maatwerk")}
    assert all(r["Categorie"] and r["Categorie"] != r["Categoriecode"] for r in rows if r["Categoriecode"])
    assert all(r["Buurt"] and r["Buurtcode"].startswith("BU") for r in rows if r["Buurtcode"])
    assert "Melding voor het dashboard" not in text  # the resident's words stay behind the staff pages
    collection = json.loads(client.get(f"/dashboard/meldingen.geojson?{PERIOD}&wachtrij=maatwerk").get_data())
    assert len(collection["features"]) == 3
    lon, lat = collection["features"][0]["geometry"]["coordinates"]
    assert 4.5 < lon < 4.7 and 52.3 < lat < 52.45


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("van=2026-05-03&tot=2026-04-20", "De einddatum ligt voor de begindatum"),
        ("van=gisteren", "Vul een datum in als 2026-03-31"),
        ("wachtrij=spoed", "Deze keuze bestaat niet"),
        ("van=2020-01-01&tot=2026-01-01", "hoogstens 3 jaar"),
    ],
)
def test_bad_filters_get_a_message_next_to_the_field_and_keep_what_was_typed(client, people, query, message):
    log_in(client, "lead@haarlem.example")
    response = client.get(f"/dashboard?{query}&lang=nl")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert message in page
    if query.startswith("van="):
        typed = query.split("&")[0].removeprefix("van=")
        assert f'value="{typed}"' in page  # what the person typed stays in the field


def test_an_unknown_figure_or_set_is_refused_and_changes_nothing(client, people, history, session):
    log_in(client, "lead@haarlem.example")
    before = session.scalar(select(func.count()).select_from(Report))
    assert client.get("/dashboard/cijfers/bestaat-niet.csv").status_code == 404
    response = client.get("/dashboard/meldingen?set=bestaat-niet&lang=nl")
    assert response.status_code == 400 and "Dit cijfer bestaat niet" in response.get_data(as_text=True)
    assert client.get("/dashboard/meldingen.xlsx").status_code == 404
    assert session.scalar(select(func.count()).select_from(Report)) == before


@pytest.mark.parametrize(
    ("email", "start"),
    [
        ("lead@haarlem.example", "/dashboard"),
        ("monitor@haarlem.example", "/dashboard"),
        ("member@haarlem.example", "/team/simple"),
    ],
)
def test_after_logging_in_each_person_lands_on_their_own_work(client, people, email, start):
    token = csrf_token_from(client.get("/medewerkers/inloggen").get_data(as_text=True))
    response = client.post("/medewerkers/inloggen", data={"csrf_token": token, "email": email, "password": PASSWORD})
    assert response.status_code == 302 and response.headers["Location"].endswith(start)


def test_the_list_links_only_to_report_pages_the_person_may_open(client, people, history):
    log_in(client, "monitor@haarlem.example")
    page = client.get(f"/dashboard/meldingen?{PERIOD}&set=inflow").get_data(as_text=True)
    assert history["A"].tracking_code in page and "/team/melding/" not in page
    log_in(client, "lead@haarlem.example")
    page = client.get(f"/dashboard/meldingen?{PERIOD}&set=inflow").get_data(as_text=True)
    assert f"/team/melding/{history['A'].id}" in page


def test_drill_links_are_the_addresses_url_for_gives(app):
    """The page writes its cells' links itself (url_for once per page); they must stay url_for's addresses."""
    filters = Filters(Period(date(2026, 4, 20), date(2026, 5, 3)), category="12")
    column = Column("dashboard.col.inflow", "count", "inflow")
    narrowings = [{}, {"area": "BU0392 01/a b&c"}, {"period": Period(date(2026, 4, 27), date(2026, 4, 27))}]
    with app.test_request_context("/dashboard"):
        for narrowing in narrowings:
            row = Row(Group("k", "label", False, narrowing), [1])
            expected = url_for("dashboard.drill_down", **filters.narrowed(**narrowing).params(), set="inflow")
            assert drill_link(filters, row, column) == expected
