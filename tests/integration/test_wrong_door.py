"""No wrong door: a pin outside the municipality is named wherever it lies in the Netherlands, never a province
where a municipality can be named, with the page to report there when the profile knows one."""

import json

import pytest

from geo.areas import place_point
from geo.geocoder import GeocoderSettings
from geo.wrong_door import WrongDoor, nearest_place
from tests.factories import AMSTERDAM_DAM, HEEMSTEDE, MUNICIPALITY, other_municipality
from tests.support.pdok import pdok_stand_in
from tests.support.web import csrf_token_from

NOWHERE = WrongDoor()
NORTH_SEA = (3.9, 52.6)


# A few postcode areas in the shape of the real file (PLACES_FILE, {"<PC4>": {"city": ..., "c": [lat, lon]}}), so
# these tests need nothing outside the project. 1002 is a PO-box postcode of Amsterdam placed near Dordrecht, as
# the real file has them: it must never make a pin there "Amsterdam".
POSTCODE_AREAS = {
    "1011": {"city": "Amsterdam", "c": [52.3720, 4.9010]},
    "1012": {"city": "Amsterdam", "c": [52.3740, 4.8930]},
    "1017": {"city": "Amsterdam", "c": [52.3630, 4.8890]},
    "1002": {"city": "Amsterdam", "c": [51.8612, 4.3590]},
    "2011": {"city": "Haarlem", "c": [52.3830, 4.6320]},
    "2101": {"city": "Heemstede", "c": [52.3520, 4.6130]},
    "3311": {"city": "Dordrecht", "c": [51.8130, 4.6700]},
    "3262": {"city": "Oud-Beijerland", "c": [51.8240, 4.4130]},
    "9999": {"city": "", "c": [53.0, 6.0]},  # without a place: left out
}


@pytest.fixture
def places(tmp_path):
    path = tmp_path / "postcode_places.json"
    path.write_text(json.dumps(POSTCODE_AREAS), encoding="utf-8")
    return path


def refusal(client, at) -> str:
    form = {
        "csrf_token": csrf_token_from(client.get("/").get_data(as_text=True)),
        "description": "Er ligt een omgevallen boom over het fietspad.",
        "lat": str(at[1]),
        "lon": str(at[0]),
        "action": "review",
    }
    return client.post("/melding", data=form).get_data(as_text=True)


def test_without_any_source_a_pin_in_amsterdam_falls_back_to_its_province(session):
    placement = place_point(session, *AMSTERDAM_DAM, MUNICIPALITY, NOWHERE)
    assert (placement.inside, placement.elsewhere) == (False, "Noord-Holland")


def test_offline_the_nearest_postcode_area_names_amsterdam(session, places):
    placement = place_point(session, *AMSTERDAM_DAM, MUNICIPALITY, WrongDoor(places_file=places))
    assert placement.elsewhere == "Amsterdam"


def test_offline_a_pin_far_from_every_postcode_area_is_not_given_a_place(places):
    assert nearest_place(places, *NORTH_SEA) is None


def test_a_po_box_postcode_far_from_its_town_does_not_name_that_town(places):
    assert nearest_place(places, 4.3590, 51.8612) == "Oud-Beijerland"  # not the stray centroid's "Amsterdam"


def test_an_unreadable_or_missing_places_file_names_no_place(session, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{}", encoding="utf-8")
    assert WrongDoor(places_file=broken).name_at(*AMSTERDAM_DAM) is None
    assert WrongDoor(places_file=tmp_path / "missing.json").name_at(*AMSTERDAM_DAM) is None


def test_a_shipped_neighbour_is_named_from_its_own_boundary_before_any_look_up(session, places):
    geocoder = GeocoderSettings("http://127.0.0.1:9/amsterdam", MUNICIPALITY, 0.5)  # would be wrong if asked
    assert place_point(session, *HEEMSTEDE, MUNICIPALITY, WrongDoor(geocoder, places)).elsewhere == "Heemstede"


def test_with_a_geocoder_pdok_names_the_gemeente(session):
    with pdok_stand_in() as pdok:
        geocoder = GeocoderSettings(pdok.url + "/amsterdam", MUNICIPALITY, 2.0)
        assert place_point(session, *AMSTERDAM_DAM, MUNICIPALITY, WrongDoor(geocoder)).elsewhere == "Amsterdam"
        assert any("type=gemeente" in path for path in pdok.seen)


def test_when_pdok_is_down_the_postcode_areas_still_name_the_place(session, places):
    with pdok_stand_in() as pdok:
        geocoder = GeocoderSettings(pdok.url + "/broken", MUNICIPALITY, 2.0)
        assert place_point(session, *AMSTERDAM_DAM, MUNICIPALITY, WrongDoor(geocoder, places)).elsewhere == "Amsterdam"


def test_the_form_names_amsterdam_offline(make_app, places):
    client = make_app(PLACES_FILE=str(places)).test_client()
    page = refusal(client, AMSTERDAM_DAM)
    assert "Deze plek ligt in Amsterdam, niet in Haarlem." in page and "Noord-Holland" not in page


def test_the_form_names_amsterdam_through_pdok_and_links_to_its_report_page(make_app, session, tmp_path):
    links = {"Amsterdam": "https://www.amsterdam.nl/melding"}
    folder = other_municipality(tmp_path, name="Haarlem", neighbour_report_urls=links)
    with pdok_stand_in() as pdok:
        client = make_app(DATA_DIR=str(folder), GEOCODER_URL=pdok.url + "/amsterdam", PLACES_FILE="").test_client()
        page = refusal(client, AMSTERDAM_DAM)
    assert "Deze plek ligt in Amsterdam, niet in Haarlem." in page
    assert '<a href="https://www.amsterdam.nl/melding">Meld het bij Amsterdam</a>' in page
