"""What Open311 makes us do beyond our own database: fetch media, look up addresses, write access logs, limit.

Media and the geocoder are served by a local HTTP server on 127.0.0.1 standing in for a client's media host
and for PDOK Locatieserver; nothing here reaches an outside host.
"""

from __future__ import annotations

import json
import logging
import threading
from urllib.request import urlopen

import pytest
from sqlalchemy import select
from werkzeug.serving import make_server

from models import ApiSubmission, Channel, Report
from tests.factories import jpeg_bytes, make_api_key, request_fields
from tests.support.open311 import errors, post_request, stored_counts
from tests.support.servers import Answer, HttpStandIn
from triage.intake.remote_media import MediaSettings, fetch_media

PDOK_ANSWER = {"response": {"numFound": 1, "docs": [{"centroide_ll": "POINT(4.63675 52.38117)"}]}}

# A client's media host and a geocoder in one: fixed answers per path, every request remembered.
LOCAL_HOST = HttpStandIn(
    {
        "/photo.jpg": Answer(200, "image/jpeg", jpeg_bytes(exif_gps=True)),
        "/not-an-image.jpg": Answer(200, "image/jpeg", b"<html>login first</html>"),
        "/redirect.jpg": Answer(302, "text/plain", headers=(("Location", "/photo.jpg"),)),
        "/slow.jpg": Answer(404, "text/plain", b"not here", delay=1.0),
        "/pdok/free": Answer(200, "application/json", json.dumps(PDOK_ANSWER).encode()),
        "/pdok-empty/free": Answer(200, "application/json", b'{"response": {"numFound": 0, "docs": []}}'),
        "/pdok-broken/free": Answer(500, "text/plain", b"oops"),
    }
)


@pytest.fixture(scope="module")
def local_host():
    with LOCAL_HOST:
        yield LOCAL_HOST.url


def created_report(session, response) -> Report:
    assert response.status_code == 201, response.get_data(as_text=True)
    session.expire_all()
    return session.scalar(select(Report).where(Report.tracking_code == response.json[0]["service_request_id"]))


def media_url_of(session, report: Report) -> str | None:
    return session.scalar(select(ApiSubmission.media_url).where(ApiSubmission.report_id == report.id))


def test_media_from_a_listed_host_becomes_a_photo(make_app, session, valid_request, local_host):
    client = make_app(OPEN311_MEDIA_HOSTS="127.0.0.1").test_client()
    report = created_report(session, post_request(client, valid_request, media_url=f"{local_host}/photo.jpg"))
    [photo] = report.attachments
    assert photo.content_type == "image/jpeg" and photo.original_name == "photo.jpg"
    assert media_url_of(session, report) == f"{local_host}/photo.jpg"


def test_media_is_kept_only_as_a_link_when_fetching_is_off(client, session, valid_request, local_host):
    requests_before = len(LOCAL_HOST.seen)
    report = created_report(session, post_request(client, valid_request, media_url=f"{local_host}/photo.jpg"))
    assert report.attachments == [] and len(LOCAL_HOST.seen) == requests_before
    assert media_url_of(session, report) == f"{local_host}/photo.jpg"


@pytest.mark.parametrize("path", ["/not-an-image.jpg", "/missing.jpg", "/redirect.jpg"])
def test_media_that_is_no_photo_leaves_the_report_with_only_the_link(
    make_app, session, valid_request, local_host, upload_dir, path
):
    client = make_app(OPEN311_MEDIA_HOSTS="127.0.0.1").test_client()
    report = created_report(session, post_request(client, valid_request, media_url=local_host + path))
    assert report.attachments == [] and media_url_of(session, report) == local_host + path
    assert not any(p.is_file() for p in (upload_dir / "drafts").rglob("*"))
    assert "/photo.jpg" not in LOCAL_HOST.seen[-1], "a redirect is not followed"


@pytest.mark.parametrize(
    ("settings", "path", "asked"),
    [
        (MediaSettings(hosts=frozenset({"127.0.0.1"}), max_bytes=100), "/photo.jpg", 1),  # too large
        (MediaSettings(hosts=frozenset({"127.0.0.1"}), timeout=0.2), "/slow.jpg", 1),
        (MediaSettings(hosts=frozenset({"media.example.org"})), "/photo.jpg", 0),  # host not listed
    ],
)
def test_media_fetching_is_guarded_by_size_time_and_host(local_host, settings, path, asked):
    requests_before = len(LOCAL_HOST.seen)
    assert fetch_media(settings, local_host + path) is None
    assert len(LOCAL_HOST.seen) == requests_before + asked


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/a.jpg", "http:///a.jpg", "gopher://x"])
def test_only_web_links_are_ever_fetched(url):
    assert fetch_media(MediaSettings(hosts=frozenset({"127.0.0.1", ""})), url) is None


def test_address_string_is_located_by_the_geocoder_in_our_municipality(make_app, session, valid_request, local_host):
    client = make_app(GEOCODER_URL=f"{local_host}/pdok").test_client()
    response = post_request(client, valid_request, lat=None, long=None, address_string="Grote Markt 2, Haarlem")
    report = created_report(session, response)
    assert report.location_text == "Grote Markt 2, Haarlem" and report.buurt.code.startswith("BU0392")
    assert "gemeentecode%3A0392" in LOCAL_HOST.seen[-1] and "Grote+Markt+2" in LOCAL_HOST.seen[-1]
    assert report.channel is Channel.OPEN311


@pytest.mark.parametrize(
    ("geocoder", "mentioned"),
    [
        ("/pdok-empty", "niet gevonden"),
        ("/pdok-broken", "kan nu niet"),
        ("http://127.0.0.1:9", "kan nu niet"),  # nothing listens there
    ],
)
def test_an_address_that_cannot_be_located_is_refused_and_nothing_is_stored(
    make_app, session, valid_request, local_host, geocoder, mentioned
):
    url = geocoder if geocoder.startswith("http") else local_host + geocoder
    client = make_app(GEOCODER_URL=url, GEOCODER_TIMEOUT=1.0).test_client()
    before = stored_counts(session)
    response = post_request(client, valid_request, lat=None, long=None, address_string="Nergensstraat 1")
    assert any(mentioned in text for text in errors(response, "json", 400))
    assert stored_counts(session) == before


def test_api_keys_never_reach_the_logs_even_in_a_query_string(app, caplog, session, valid_request):
    caplog.set_level(logging.DEBUG)
    server = make_server("127.0.0.1", 0, app)
    worker = threading.Thread(target=server.handle_request, daemon=True)
    worker.start()
    secret = "geheime-sleutel-123"
    with urlopen(f"http://127.0.0.1:{server.server_port}/open311/v2/discovery.json?api_key={secret}&x=1") as answer:
        assert answer.status == 200
    worker.join(5)
    server.server_close()
    assert "api_key=[hidden]&x=1" in caplog.text
    app.test_client().post("/open311/v2/requests.json", data=valid_request)
    assert secret not in caplog.text and valid_request["api_key"] not in caplog.text


def test_writes_are_limited_per_key(make_app, session, valid_request):
    client = make_app(RATELIMIT_ENABLED=True, OPEN311_RATE_LIMIT="2 per minute").test_client()
    assert [post_request(client, valid_request).status_code for _ in range(2)] == [201, 201]
    before = stored_counts(session)
    errors(post_request(client, valid_request, fmt="xml"), "xml", 429)
    assert stored_counts(session) == before
    other_client_system = request_fields(make_api_key(session, "Buitenbeter"))
    assert post_request(client, other_client_system).status_code == 201
