"""Apps create reports through POST /api/v1/reports: the same checks as the form, errors per field as JSON."""

import io

import pytest
from sqlalchemy import select

from models import Channel, Report
from tests.factories import GROTE_MARKT, HEEMSTEDE, jpeg_bytes
from tests.support.web import post_multipart


@pytest.fixture
def payload():
    return {"description": "Container bij de ingang is vol", "lat": GROTE_MARKT[1], "lon": GROTE_MARKT[0]}


def stored_reports(session) -> list[Report]:
    return session.scalars(select(Report)).all()


def test_json_report_is_created(client, session, payload):
    response = client.post("/api/v1/reports", json=payload)
    assert response.status_code == 201, response.json
    body = response.json
    assert body["status"] == "received"
    assert body["wijk"] == {"code": "WK039201", "name": "Oude Stad"}
    assert body["buurt"]["code"].startswith("BU039201")
    assert body["tracking_code"].startswith("MOR-")
    assert client.get(response.headers["Location"]).json["tracking_code"] == body["tracking_code"]
    [report] = stored_reports(session)
    assert report.channel is Channel.API


def test_multipart_report_with_photos(client, payload):
    data = {key: str(value) for key, value in payload.items()}
    data["photos"] = [(io.BytesIO(jpeg_bytes(exif_gps=True)), "a.jpg"), (io.BytesIO(jpeg_bytes()), "b.jpg")]
    response = post_multipart(client, "/api/v1/reports", data)
    assert response.status_code == 201, response.json
    assert response.json["photos"] == 2


def test_errors_are_given_per_field(client, session):
    response = client.post(
        "/api/v1/reports",
        json={
            "description": "",
            "lat": HEEMSTEDE[1],
            "lon": HEEMSTEDE[0],
            "email": "x@",
            "contact_consent": True,
        },
    )
    assert response.status_code == 400
    errors = response.json["errors"]
    assert errors["description"][0]["code"] == "description.required"
    assert errors["location"][0] == {
        "code": "location.outside_named",
        "message": "Deze plek ligt in Heemstede, niet in Haarlem. Meld het probleem bij "
        "Heemstede, of zet de pin op een plek in Haarlem.",
    }
    assert errors["email"][0]["code"] == "email.invalid"
    assert stored_reports(session) == []


def test_errors_in_english_when_asked(client):
    response = client.post("/api/v1/reports", json={"lat": 52.38}, headers={"Accept-Language": "en"})
    assert response.json["errors"]["description"][0]["message"] == "Describe the problem."


def test_non_image_photo_is_refused_with_nothing_stored(client, session, payload, upload_dir):
    data = {key: str(value) for key, value in payload.items()}
    data["photos"] = [(io.BytesIO(b"GIF89a not really"), "foto.jpg")]
    response = post_multipart(client, "/api/v1/reports", data)
    assert response.status_code == 400
    assert response.json["errors"]["photos"][0]["code"] == "photo.not_an_image"
    assert stored_reports(session) == []


def test_refused_report_leaves_no_photo_files_behind(client, upload_dir):
    data = {"description": "", "lat": "52.38", "lon": "4.63", "photos": [(io.BytesIO(jpeg_bytes()), "a.jpg")]}
    assert post_multipart(client, "/api/v1/reports", data).status_code == 400
    assert not any(path.is_file() for path in upload_dir.rglob("*"))


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"data": "{not json", "content_type": "application/json"}, "api.invalid_json"),
        ({"data": "[1, 2]", "content_type": "application/json"}, "api.invalid_json"),
        ({"data": "description=x", "content_type": "text/plain"}, "api.unsupported_media_type"),
    ],
)
def test_malformed_bodies_are_refused_as_json(client, kwargs, code):
    response = client.post("/api/v1/reports", **kwargs)
    assert response.status_code == 400
    assert response.json["errors"]["body"][0]["code"] == code


def test_api_needs_no_csrf_token_but_the_form_does(app):
    client = app.test_client()
    assert client.post("/api/v1/reports", json={}).status_code == 400  # refused for content, not for CSRF
    assert client.post("/melding", data={"description": "x"}).status_code == 400


def test_unknown_report_is_a_json_404(client):
    response = client.get("/api/v1/reports/doesnotexist")
    assert response.status_code == 404
    assert response.json["errors"]["token"][0]["code"] == "api.not_found"


def test_unknown_api_path_is_json(client):
    response = client.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert response.is_json
