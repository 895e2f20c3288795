"""A second municipality runs from its data folder alone: its areas, pages, refusals and Open311 are its own."""

import pytest

from tests.factories import HEEMSTEDE, other_municipality
from tests.support.web import csrf_token_from
from triage.reference.loading import load_reference_data
from triage.reference.profile import load_profile


@pytest.fixture
def zuidstad(tmp_path, make_app):
    folder = other_municipality(
        tmp_path, name="Zuidstad", open311_jurisdiction="zuidstad.nl", logo="img/zuidstad.svg", colour="#00563f"
    )
    return make_app(DATA_DIR=str(folder)).test_client()


def test_the_form_page_names_the_municipality_of_the_data_folder_and_shows_its_logo(zuidstad):
    page = zuidstad.get("/").get_data(as_text=True)
    assert "– Gemeente Zuidstad</title>" in page
    assert '<img class="site-logo" src="/static/img/zuidstad.svg" alt="Gemeente Zuidstad">' in page


def test_a_pin_outside_is_refused_in_the_name_of_the_municipality_of_the_data_folder(zuidstad):
    form = {
        "csrf_token": csrf_token_from(zuidstad.get("/").get_data(as_text=True)),
        "description": "De lantaarnpaal bij de ingang van de kerk brandt niet.",
        "lat": str(HEEMSTEDE[1]),
        "lon": str(HEEMSTEDE[0]),
        "action": "review",
    }
    page = zuidstad.post("/melding", data=form).get_data(as_text=True)
    assert "Deze plek ligt in Heemstede, niet in Zuidstad." in page


def test_open311_answers_for_the_jurisdiction_of_the_data_folder(zuidstad):
    assert zuidstad.get("/open311/v2/services.json?jurisdiction_id=zuidstad.nl").status_code == 200
    default = load_profile().open311_jurisdiction
    assert zuidstad.get(f"/open311/v2/services.json?jurisdiction_id={default}").status_code == 404
    assert "Zuidstad" in zuidstad.get("/open311/v2/discovery.json").json["contact"]


def test_the_house_colour_comes_from_the_data_folder(zuidstad):
    style = zuidstad.get("/huisstijl.css")
    assert style.mimetype == "text/css" and "--brand: #00563f;" in style.get_data(as_text=True)


def test_reference_data_loads_the_area_files_the_profile_names(tmp_path, session):
    folder = other_municipality(tmp_path, area_files=["provincies.geojson"])
    summary = load_reference_data(session, folder)
    assert (summary.teams, summary.categories, summary.areas) == (17, 168, 12)
