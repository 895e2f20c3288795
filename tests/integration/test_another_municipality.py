"""A second municipality runs from its data folder alone: its areas, pages, refusals and Open311 are its own."""

import pytest
from sqlalchemy import select

from models import OutboxMail, Role, Team
from tests.factories import GROTE_MARKT, HEEMSTEDE, other_municipality
from tests.support.web import csrf_token_from, log_in
from triage.reference.data_folder import PRODUCT_DATA_DIR
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


# The shipped second municipality: the same code with DATA_DIR=data/heemstede speaks of Heemstede everywhere, and the
# shipped default of Haarlem; each refuses the other's pins in the other's name.
SHIPPED = {
    "haarlem": ("Haarlem", GROTE_MARKT, HEEMSTEDE, "Heemstede", "haarlem.nl"),
    "heemstede": ("Heemstede", HEEMSTEDE, GROTE_MARKT, "Haarlem", "heemstede.nl"),
}


@pytest.fixture(params=sorted(SHIPPED))
def shipped(request, make_app, session):
    folder = PRODUCT_DATA_DIR / request.param
    load_reference_data(session, folder)
    app = make_app(DATA_DIR=str(folder))
    return (app.test_client(), *SHIPPED[request.param])


def report_form(client, at, **fields) -> dict:
    return {
        "csrf_token": csrf_token_from(client.get("/").get_data(as_text=True)),
        "description": "De lantaarnpaal bij de ingang van de kerk brandt niet.",
        "lat": str(at[1]),
        "lon": str(at[0]),
        **fields,
    }


def test_each_shipped_municipality_names_itself_and_refuses_the_other_by_name(shipped):
    client, name, inside, outside, neighbour, _domain = shipped
    assert f"– Gemeente {name}</title>" in client.get("/").get_data(as_text=True)
    refused = client.post("/melding", data=report_form(client, outside, action="review")).get_data(as_text=True)
    assert f"Deze plek ligt in {neighbour}, niet in {name}." in refused
    accepted = client.post("/melding", data=report_form(client, inside, action="review")).get_data(as_text=True)
    assert "Deze plek ligt in" not in accepted


def test_each_shipped_municipality_mails_in_its_own_name(shipped, session):
    client, name, inside, *_ = shipped
    form = report_form(client, inside, action="submit", email="bewoner@example.org", contact_consent="on")
    assert client.post("/melding", data=form).status_code in (200, 302, 303)
    mail = session.scalars(select(OutboxMail).order_by(OutboxMail.id.desc())).first()
    assert mail.to_address == "bewoner@example.org" and f"Gemeente {name} – Meldingen openbare ruimte" in mail.body


def test_each_shipped_municipality_answers_open311_for_its_own_jurisdiction(shipped):
    client, name, _inside, _outside, _neighbour, domain = shipped
    assert name in client.get("/open311/v2/discovery.json").json["contact"]
    assert client.get(f"/open311/v2/services.json?jurisdiction_id={domain}").status_code == 200
    other = "haarlem.nl" if domain == "heemstede.nl" else "heemstede.nl"
    assert client.get(f"/open311/v2/services.json?jurisdiction_id={other}").status_code == 404


def test_each_shipped_municipality_shows_its_dashboard_in_its_own_name(shipped, staff_by_role):
    client, name, *_ = shipped
    log_in(client, staff_by_role[Role.TEAM_LEAD].email)
    page = client.get("/dashboard").get_data(as_text=True)
    assert f"– Gemeente {name}</title>" in page


def test_the_heemstede_folder_brings_its_own_teams_norms_and_the_shared_taxonomy(session):
    summary = load_reference_data(session, PRODUCT_DATA_DIR / "heemstede")
    assert summary.categories == 168 and summary.areas == 1 + 9 + 12  # its boundary, 9 neighbours, 12 provinces
    assert session.scalar(select(Team).where(Team.slug == "afd-buitendienst")).name == "Buitendienst"
    assert load_profile(PRODUCT_DATA_DIR / "heemstede").code == "GM0397"
