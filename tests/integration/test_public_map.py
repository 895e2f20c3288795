"""The public map and list of open reports (/kaart): public categories only, category, status and a rough place,
never the resident's words, photos or contact details; filters refused beside their field; the same reports as
Open311 GET requests, since both come from one read."""

from datetime import UTC, datetime, timedelta

import pytest

from models import ReportStatus
from tests.factories import GROTE_MARKT, category, jpeg_bytes, make_report
from triage.intake.photo_store import PhotoStore
from triage.intake.photos import prepare_photo
from triage.reference.categories import service_code

START = datetime.now(UTC).replace(microsecond=0) - timedelta(days=3)
WORDS = "Losse stoeptegel voor de deur van Pietersen, nummer 7"
EMAIL = "pietersen@example.nl"
PHONE = "0612345678"
LIGHT, CONTAINER = "lantaarnpaal-straatverlichting", "container-is-vol"


def in_category(session, report, slug: str, public: bool = True):
    report.category = category(session, slug)
    report.category.is_public = public
    session.flush()
    return report


@pytest.fixture
def reports(session, tmp_path):
    store = PhotoStore(tmp_path / "photos")
    key = store.save_draft(prepare_photo(jpeg_bytes(), "foto.jpg"))
    light = make_report(
        session, store, WORDS, email=EMAIL, phone=PHONE, contact_consent=True, photo_keys=[key], now=START
    )
    container = make_report(session, store, "Container vol", at=(GROTE_MARKT[0] + 0.003, GROTE_MARKT[1]), now=START)
    done = make_report(session, store, "Lamp gerepareerd", now=START)
    private = make_report(session, store, "Buurman maakt herrie", now=START)
    in_category(session, done, LIGHT).status = ReportStatus.DONE
    container.status = ReportStatus.IN_PROGRESS
    return {
        "light": in_category(session, light, LIGHT),
        "container": in_category(session, container, CONTAINER),
        "done": done,
        "private": in_category(session, private, "overige-overlast-door-personen", public=False),
    }


def codes_in(html: str, reports: dict) -> set[str]:
    return {name for name, report in reports.items() if report.tracking_code in html}


def test_the_map_lists_open_reports_of_public_categories_with_category_status_and_buurt(client, reports):
    response = client.get("/kaart")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert codes_in(html, reports) == {"light", "container"}
    assert "Straatverlichting" in html and "In behandeling" in html and reports["light"].buurt.name in html
    assert 'id="public-reports"' in html and '<th scope="col">' in html  # the list works without JavaScript


def test_neither_the_page_nor_the_geojson_carries_words_photos_or_contact_details(client, reports):
    light = reports["light"]
    html = client.get("/kaart").get_data(as_text=True)
    geojson = client.get("/kaart/meldingen.geojson").get_data(as_text=True)
    for secret in (WORDS, "Pietersen", EMAIL, PHONE, light.status_token, light.attachments[0].storage_key, "/foto/"):
        assert secret not in html and secret not in geojson


def test_the_geojson_places_are_rounded_to_about_a_hundred_metres(client, reports):
    collection = client.get("/kaart/meldingen.geojson").json
    points = {feature["properties"]["code"]: feature["geometry"]["coordinates"] for feature in collection["features"]}
    assert points[reports["light"].tracking_code] == [round(GROTE_MARKT[0], 3), round(GROTE_MARKT[1], 3)]
    assert set(collection["features"][0]["properties"]) == {
        "code", "category", "status", "status_label", "buurt", "reported_on", "follow_url",
    }  # fmt: skip


def test_the_map_shows_the_same_reports_as_open311_get_requests(client, reports):
    listed = {item["service_request_id"] for item in client.get("/open311/v2/requests.json?status=open").json}
    mapped = {feature["properties"]["code"] for feature in client.get("/kaart/meldingen.geojson").json["features"]}
    assert mapped == listed == {reports["light"].tracking_code, reports["container"].tracking_code}


def test_filters_by_category_and_status(client, reports):
    response = client.get(f"/kaart?categorie={service_code(reports['light'].category)}")
    assert response.status_code == 200 and codes_in(response.get_data(as_text=True), reports) == {"light"}
    assert codes_in(client.get("/kaart?status=in_progress").get_data(as_text=True), reports) == {"container"}
    geojson = client.get("/kaart/meldingen.geojson?status=received").json
    assert [f["properties"]["code"] for f in geojson["features"]] == [reports["light"].tracking_code]


@pytest.mark.parametrize("query, field", [("categorie=geheim", "categorie"), ("status=done", "status")])
def test_a_filter_value_not_on_offer_is_refused_beside_its_field(client, reports, query, field):
    response = client.get(f"/kaart?{query}")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f'id="{field}-error-1"' in html and 'class="error-summary"' in html
    assert "done" not in codes_in(html, reports)  # a closed report never shows, whatever is asked


def test_the_map_speaks_english(client, reports):
    html = client.get("/kaart?lang=en").get_data(as_text=True)
    assert "Open reports on the map" in html and "Street lighting" in html and "Being handled" in html


def test_the_map_page_is_linked_from_every_public_page(client):
    assert 'href="/kaart"' in client.get("/").get_data(as_text=True)
