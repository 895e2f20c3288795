"""The database being down gives 503 with Retry-After, never a 500; the resident's typed report is kept."""

import pytest

from models import Role
from tests.factories import GROTE_MARKT, make_staff
from tests.support.databases import own_database, prepared_database
from tests.support.web import app_on, csrf_token_from, log_in

LEAD = "lead@haarlem.example"
TYPED = "De lantaarnpaal bij de brug brandt niet meer"


def with_a_lead(url: str) -> None:
    database = prepared_database(url)
    with database.session() as session:
        make_staff(session, Role.TEAM_LEAD, email=LEAD)
        session.commit()
    database.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def going_down(request, tmp_path, monkeypatch):
    """A client of an app on its own database, and a function that takes that database away."""
    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path / "instance"))
    url, remove = own_database(request.param, tmp_path, with_a_lead)
    app = app_on(url, tmp_path / "uploads")
    database = app.extensions["database"]
    client = app.test_client()
    token = csrf_token_from(client.get("/").get_data(as_text=True))

    def take_down():
        database.dispose()
        remove()

    yield client, token, take_down
    database.dispose()


def test_a_form_sent_while_the_database_is_down_is_shown_again_with_503(going_down):
    client, token, take_down = going_down
    take_down()
    lon, lat = GROTE_MARKT
    form = {"csrf_token": token, "description": TYPED, "lat": lat, "lon": lon, "action": "review"}
    response = client.post("/melding", data=form)
    assert response.status_code == 503
    assert response.headers["Retry-After"].isdigit()
    page = response.get_data(as_text=True)
    assert TYPED in page
    assert "Uw gegevens staan er nog" in page


def test_the_api_answers_503_json_while_the_database_is_down(going_down):
    client, _, take_down = going_down
    take_down()
    response = client.post("/api/v1/reports", json={"description": TYPED, "lat": GROTE_MARKT[1], "lon": GROTE_MARKT[0]})
    assert response.status_code == 503
    assert response.headers["Retry-After"].isdigit()
    assert response.json["errors"]["request"][0]["code"] == "error.unavailable"
    documented = client.application.test_client()  # the document is static: it needs no database
    assert "503" in documented.get("/api/v1/openapi.json").json["paths"]["/reports"]["post"]["responses"]


def test_a_staff_login_while_the_database_is_down_gets_a_503_page(going_down):
    client, _, take_down = going_down
    token = csrf_token_from(client.get("/medewerkers/inloggen").get_data(as_text=True))
    take_down()
    response = client.post(
        "/medewerkers/inloggen", data={"csrf_token": token, "email": "a@haarlem.example", "password": "x" * 12}
    )
    assert response.status_code == 503
    assert response.headers["Retry-After"].isdigit()
    assert "Even niet beschikbaar" in response.get_data(as_text=True)


def test_a_staff_page_while_the_database_is_down_gets_a_503_page(going_down):
    client, _, take_down = going_down
    assert log_in(client, LEAD).status_code == 302
    take_down()
    response = client.get("/dashboard")
    assert response.status_code == 503
    assert response.headers["Retry-After"].isdigit()
    assert "Even niet beschikbaar" in response.get_data(as_text=True)
