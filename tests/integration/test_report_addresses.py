"""Addresses instead of coordinates: the form finds the address of the pin (or of a typed address) through a
geocoder answering like PDOK Locatieserver, stores it on the report, and every page and mail shows it. Without a
geocoder, or with one that is down or slow, reports are still stored and read as their buurt; reports from the API
are looked up afterwards by the periodic run, never inside the request.

The geocoder is a stand-in on 127.0.0.1 (tests/support/pdok.py); nothing here reaches an outside host.
"""

from __future__ import annotations

import html
import re
import time

import pytest
from sqlalchemy import select

from models import OutboxMail, Report
from tests.factories import GROTE_MARKT, route_report
from tests.support.pdok import ADDRESS_ID, ADDRESS_LINE, ADDRESS_POINT, pdok_stand_in
from tests.support.servers import free_port
from tests.support.web import form_token, log_in, post_multipart
from web.jobs import run_periodic

COORDINATES = re.compile(r"52\.38\d{2,}")


@pytest.fixture(scope="module")
def pdok():
    with pdok_stand_in() as stand_in:
        yield stand_in


@pytest.fixture
def geocoded_app(make_app, pdok):
    pdok.seen.clear()
    return make_app(GEOCODER_URL=f"{pdok.url}/pdok", GEOCODER_TIMEOUT=1.0)


def hidden_fields(page: str) -> dict:
    found = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page)
    return {name: html.unescape(value) for name, value in found if name != "photo_keys"}


def review(client, form: dict):
    """The summary step, with this client's own form token (the fixture's belongs to another client)."""
    return post_multipart(client, "/melding", dict(form, csrf_token=form_token(client, "/"), action="review"))


def send(client, form: dict):
    summary = review(client, form)
    assert summary.status_code == 200, summary.get_data(as_text=True)
    return client.post("/melding", data=dict(hidden_fields(summary.get_data(as_text=True)), action="submit"))


def stored(session) -> list[Report]:
    session.expire_all()
    return list(session.scalars(select(Report).order_by(Report.id)))


def page_of(client, response) -> str:
    assert response.status_code == 303, response.get_data(as_text=True)
    return client.get(response.headers["Location"]).get_data(as_text=True)


# The endpoints the browser calls --------------------------------------------------------------------------


def test_address_search_suggests_addresses_in_our_municipality(geocoded_app, pdok):
    answer = geocoded_app.test_client().get("/adres/zoek?q=grote markt 2")
    assert answer.status_code == 200
    assert answer.json == [{"id": ADDRESS_ID, "label": ADDRESS_LINE}]
    [asked] = pdok.seen
    assert asked.startswith("/pdok/suggest?") and "gemeentecode%3A0392" in asked and "type%3Aadres" in asked


def test_a_chosen_suggestion_gives_its_point_and_address(geocoded_app):
    answer = geocoded_app.test_client().get(f"/adres/{ADDRESS_ID}")
    assert answer.json == {"id": ADDRESS_ID, "label": ADDRESS_LINE, "lon": ADDRESS_POINT[0], "lat": ADDRESS_POINT[1]}


def test_a_point_gives_the_nearest_address(geocoded_app, pdok):
    answer = geocoded_app.test_client().get(f"/adres/bij?lat={GROTE_MARKT[1]}&lon={GROTE_MARKT[0]}")
    assert answer.json["label"] == ADDRESS_LINE
    [asked] = pdok.seen
    assert asked.startswith("/pdok/reverse?") and "type=adres" in asked and "rows=1" in asked


def test_without_a_geocoder_the_endpoints_answer_nothing_and_call_nobody(client, pdok):
    pdok.seen.clear()
    assert client.get("/adres/zoek?q=grote markt").json == []
    assert client.get(f"/adres/{ADDRESS_ID}").status_code == 204
    assert client.get("/adres/bij?lat=52.38&lon=4.63").status_code == 204
    assert pdok.seen == []


@pytest.mark.parametrize("query", ["lat=noord&lon=4.63", "lat=91&lon=4.63", "lat=nan&lon=4.63", "lon=4.63"])
def test_a_point_that_is_not_a_point_is_refused_without_asking(geocoded_app, pdok, query):
    assert geocoded_app.test_client().get(f"/adres/bij?{query}").status_code == 400
    assert pdok.seen == []


def test_an_id_that_is_no_address_is_not_looked_up(geocoded_app, pdok):
    assert geocoded_app.test_client().get("/adres/weg-123").status_code == 204
    assert pdok.seen == []


@pytest.mark.parametrize("base", ["/slow", "/broken", "/empty"])
def test_a_slow_broken_or_empty_geocoder_gives_no_address_quickly(make_app, pdok, base):
    client = make_app(GEOCODER_URL=f"{pdok.url}{base}", GEOCODER_TIMEOUT=0.3).test_client()
    started = time.monotonic()
    assert client.get("/adres/zoek?q=grote").json in ([], [{"id": ADDRESS_ID, "label": ADDRESS_LINE}])
    assert client.get("/adres/bij?lat=52.3812&lon=4.6368").status_code == 204
    assert time.monotonic() - started < 1.5


def test_address_look_ups_are_rate_limited_per_client(make_app, pdok):
    client = make_app(
        GEOCODER_URL=f"{pdok.url}/pdok", RATELIMIT_ENABLED=True, ADDRESS_RATE_LIMIT="2 per minute"
    ).test_client()
    assert [client.get("/adres/zoek?q=grote").status_code for _ in range(3)] == [200, 200, 429]


# The form ----------------------------------------------------------------------------------------------------


def test_the_pin_is_stored_with_its_nearest_address_and_shown_instead_of_coordinates(
    geocoded_app, report_form, session
):
    client = geocoded_app.test_client()
    summary = review(client, report_form).get_data(as_text=True)
    assert ADDRESS_LINE in summary and not COORDINATES.search(summary.split("<form")[1].split('name="lat"')[0])
    form = dict(report_form, email="bewoner@example.org", contact_consent="1")
    confirmation = page_of(client, send(client, form))
    [report] = stored(session)
    assert (report.street, report.house_number, report.postcode, report.place) == (
        "Grote Markt",
        "2",
        "2011RD",
        "Haarlem",
    )
    assert report.address_sought_at is not None
    assert ADDRESS_LINE in confirmation
    status_page = client.get(f"/melding/{report.status_token}").get_data(as_text=True)
    assert ADDRESS_LINE in status_page and not COORDINATES.search(status_page)
    mail = session.scalar(select(OutboxMail).where(OutboxMail.report_id == report.id))
    assert f"Plek: {ADDRESS_LINE}" in mail.body and f"Place: {ADDRESS_LINE}" in mail.body


def test_a_chosen_suggestion_is_the_address_when_the_pin_is_on_it(geocoded_app, report_form, session, pdok):
    form = dict(report_form, lon=str(ADDRESS_POINT[0]), lat=str(ADDRESS_POINT[1]), address_id=ADDRESS_ID)
    form["address_query"] = ADDRESS_LINE
    client = geocoded_app.test_client()
    page_of(client, send(client, form))
    assert stored(session)[0].street == "Grote Markt"
    assert [path.split("?")[0] for path in pdok.seen] == ["/pdok/lookup"]  # the summary asked; sending did not


def test_without_javascript_a_typed_address_becomes_the_pin(geocoded_app, report_form, session):
    form = dict(report_form, lat="", lon="", address_query="Grote Markt 2")
    client = geocoded_app.test_client()
    page_of(client, send(client, form))
    [report] = stored(session)
    assert report.street == "Grote Markt" and not report.location_is_approximate
    assert report.buurt is not None


def test_a_typed_address_that_is_not_found_is_refused_with_the_text_kept(make_app, report_form, session, pdok):
    client = make_app(GEOCODER_URL=f"{pdok.url}/empty").test_client()
    response = review(client, dict(report_form, lat="", lon="", address_query="Nergensstraat 99"))
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Wij vinden dit adres niet" in page and 'value="Nergensstraat 99"' in page
    assert stored(session) == []


def test_a_typed_address_without_a_geocoder_asks_for_the_pin_or_buurt(client, report_form, session):
    response = review(client, dict(report_form, lat="", lon="", address_query="Grote Markt 2"))
    assert response.status_code == 422
    assert "Kies een buurt en beschrijf de plek" in response.get_data(as_text=True)
    assert stored(session) == []


@pytest.mark.parametrize("geocoder", ["down", "slow"])
def test_a_geocoder_that_is_down_or_slow_still_stores_the_report_as_its_buurt(
    make_app, report_form, session, pdok, geocoder
):
    url = f"http://127.0.0.1:{free_port()}" if geocoder == "down" else f"{pdok.url}/slow"
    client = make_app(GEOCODER_URL=url, GEOCODER_TIMEOUT=0.3).test_client()
    started = time.monotonic()
    status_page = page_of(client, send(client, dict(report_form, location_text="bij de kerk")))
    assert time.monotonic() - started < 2.0
    [report] = stored(session)
    assert report.street is None and report.address_sought_at is None  # owed: the periodic run asks again
    assert f"Buurt {report.buurt.name}, wijk {report.wijk.name}" in status_page and "bij de kerk" in status_page


def test_an_address_slipped_into_the_last_step_is_not_stored(geocoded_app, report_form, session):
    client = geocoded_app.test_client()
    fields = hidden_fields(review(client, report_form).get_data(as_text=True))
    other = dict(fields, lat=str(GROTE_MARKT[1] + 0.01), action="submit")
    client.post("/melding", data=dict(other, address_seal=fields["address_seal"][:-3] + "abc"))
    [report] = stored(session)
    assert report.street is None and report.address_sought_at is None


def test_a_buurt_without_a_pin_is_not_owed_an_address(geocoded_app, report_form, session, pdok):
    client = geocoded_app.test_client()
    form = dict(report_form, lat="", lon="", buurt_code="BU03920102", location_text="achter het station")
    page_of(client, send(client, form))
    assert stored(session)[0].location_is_approximate
    assert run_periodic(geocoded_app)["addressed"] == 0
    assert not any(path.startswith("/pdok/reverse") for path in pdok.seen)


# Reports from other channels, and staff pages ---------------------------------------------------------------


def test_an_api_report_gets_its_address_from_the_periodic_run_not_the_request(geocoded_app, session, pdok):
    client = geocoded_app.test_client()
    answer = client.post(
        "/api/v1/reports", json={"description": "Container vol", "lat": GROTE_MARKT[1], "lon": GROTE_MARKT[0]}
    )
    assert answer.status_code == 201, answer.json
    assert pdok.seen == []
    [report] = stored(session)
    assert report.street is None and report.address_sought_at is None
    assert run_periodic(geocoded_app)["addressed"] == 1
    [report] = stored(session)
    assert report.street == "Grote Markt" and report.version == 1  # no officer's form is made stale by it
    assert run_periodic(geocoded_app)["addressed"] == 0


def test_an_owed_address_stays_owed_while_the_geocoder_is_down(make_app, session):
    app = make_app(GEOCODER_URL=f"http://127.0.0.1:{free_port()}", GEOCODER_TIMEOUT=0.3)
    app.test_client().post("/api/v1/reports", json={"description": "Container vol", "lat": 52.3812, "lon": 4.6368})
    assert run_periodic(app)["addressed"] == 0
    assert stored(session)[0].address_sought_at is None


def test_staff_pages_show_the_address_not_coordinates(geocoded_app, report_form, session, officer, team_member):
    client = geocoded_app.test_client()
    send(client, report_form)
    [report] = stored(session)
    log_in(client)
    for url in ("/triage/", f"/triage/melding/{report.id}"):
        page = client.get(url).get_data(as_text=True)
        assert ADDRESS_LINE in page, url
        assert not COORDINATES.search(page.split("<main")[1].split("data-")[0]), url
    route_report(session, report, officer)
    session.flush()
    team = geocoded_app.test_client()
    log_in(team, "member@haarlem.example")
    for url in ("/team/simple", f"/team/melding/{report.id}"):
        page = team.get(url).get_data(as_text=True)
        assert ADDRESS_LINE in page, url
