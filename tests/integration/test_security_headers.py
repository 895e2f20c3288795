"""Every response carries the security headers; pages whose address holds a secret (a resident's status page,
confirmation and photos) and staff pages are neither stored nor indexed, and robots.txt keeps crawlers off them."""

from urllib.robotparser import RobotFileParser

import pytest

from models import Role
from tests.factories import jpeg_bytes, make_report, make_staff, route_report
from tests.support.web import log_in
from triage.intake import PhotoStore, Submission, Upload, accept_uploads
from triage.kernel import Problems

PUBLIC = ["/", "/volgen", "/api/v1/categories", "/api/v1/docs", "/open311/v2/services.json", "/kaart/gemeente.geojson"]
SECRET_ADDRESS = [
    "/melding/{token}",
    "/melding/{token}/ontvangen",
    "/melding/{token}/foto/1",
    "/melding/{token}/foto/1/thumb",
    "/api/v1/reports/{token}",
]
STAFF = [
    "/medewerkers/inloggen",
    "/triage/",
    "/triage/melding/{id}",
    "/triage/melding/{id}/foto/1",
    "/team/simple",
    "/team/melding/{id}",
    "/dashboard",
    "/beheer/uitbak",
]


@pytest.fixture
def everyone(session):
    """A staff member with every role, in the simple queue's team, so every staff page opens."""
    return make_staff(session, *Role, email="alles@haarlem.example", teams=["team-eenvoudig"])


@pytest.fixture
def photographed(session, upload_dir, everyone):
    """A report with one photo, as the form stores it, routed to the simple queue."""
    store = PhotoStore(upload_dir)
    submission = Submission(description="x", lon="0", lat="0")
    accept_uploads(store, submission, [Upload("a.jpg", jpeg_bytes())], Problems())
    report = make_report(session, store, "Container zit vol", photo_keys=submission.photo_keys)
    return route_report(session, report, everyone)


@pytest.fixture
def staff_client(client, everyone):
    assert log_in(client, "alles@haarlem.example").status_code == 302
    return client


def get(client, url, report):
    """The response's headers; the body is closed (a photo is a file)."""
    with client.get(url.format(token=report.status_token, id=report.id)) as response:
        assert response.status_code == 200, url
        return response.headers


@pytest.mark.parametrize("url", PUBLIC + SECRET_ADDRESS + STAFF)
def test_every_response_carries_the_security_headers(staff_client, photographed, url):
    headers = get(staff_client, url, photographed)
    policy = headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("url", SECRET_ADDRESS + STAFF)
def test_pages_with_a_secret_address_and_staff_pages_are_not_stored_nor_indexed(staff_client, photographed, url):
    headers = get(staff_client, url, photographed)
    assert headers["Cache-Control"] == "no-store"
    assert "noindex" in headers["X-Robots-Tag"]


@pytest.mark.parametrize("url", ["/", "/volgen", "/api/v1/docs"])
def test_public_pages_may_be_indexed(client, url):
    assert "X-Robots-Tag" not in client.get(url).headers


def test_robots_txt_keeps_crawlers_off_secret_addresses_and_staff_pages(client, photographed):
    robots = RobotFileParser()
    robots.parse(client.get("/robots.txt").get_data(as_text=True).splitlines())
    for url in SECRET_ADDRESS + STAFF:
        assert not robots.can_fetch("*", url.format(token=photographed.status_token, id=photographed.id)), url
    for url in PUBLIC:
        assert robots.can_fetch("*", url), url


@pytest.mark.parametrize(
    ("tiles", "source"),
    [
        ("https://tiles.example.nl/wmts/{z}/{x}/{y}.png", "https://tiles.example.nl"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        ("http://127.0.0.1:8123/tiles/{z}/{x}/{y}.png", "http://127.0.0.1:8123"),
    ],
)
def test_the_map_tiles_host_from_the_settings_may_serve_images(make_app, tiles, source):
    policy = make_app(MAP_TILE_URL=tiles).test_client().get("/").headers["Content-Security-Policy"]
    [images] = [part for part in policy.split(";") if part.strip().startswith("img-src")]
    assert images.split() == ["img-src", "'self'", "data:", "blob:", source]


def test_https_responses_ask_browsers_to_keep_to_https(client):
    assert "max-age=" in client.get("/", base_url="https://localhost").headers["Strict-Transport-Security"]
    assert "Strict-Transport-Security" not in client.get("/").headers  # plain HTTP: the header would mean nothing
