"""Open311 GeoReport v2 conformance: every endpoint in JSON and XML, and every error case the specification names.

Requests go through the real app on both databases; a refused request is checked to store nothing.
"""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from models import ApiKey, ApiSubmission, Category, Channel, PendingJob, Report, ReportStatus
from tests.factories import CONTAINER, HEEMSTEDE
from tests.support.open311 import (
    FORMATS,
    W3C_TIME,
    as_text,
    errors,
    in_format,
    plain,
    post_request,
    stored_counts,
)
from tests.support.web import log_in
from triage.open311.api_keys import revoke

BASE = "/open311/v2"


@pytest.mark.parametrize("fmt", FORMATS)
def test_discovery_names_our_endpoint_its_formats_and_how_to_get_a_key(client, fmt):
    body = plain(client.get(f"{BASE}/discovery.{fmt}"), fmt)
    [endpoint] = body["endpoints"]
    assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
    assert endpoint["url"] == "http://localhost/open311/v2"
    assert endpoint["type"] == "production"
    assert endpoint["formats"] == ["text/xml", "application/json"]
    assert W3C_TIME.match(body["changeset"]) and W3C_TIME.match(endpoint["changeset"])
    assert "Haarlem" in body["contact"] and "api_key" in body["key_service"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_service_list_offers_every_active_sub_category(client, session, fmt):
    services = plain(client.get(f"{BASE}/services.{fmt}"), fmt)
    active = session.scalars(
        select(Category).where(Category.parent_id.is_not(None), Category.is_active, Category.parent.has(is_active=True))
    ).all()
    assert len(services) == len(active) > 100
    container = next(service for service in services if service["service_code"] == CONTAINER)
    assert container == in_format(
        {
            "service_code": CONTAINER,
            "service_name": "Container is vol",
            "description": container["description"],
            "metadata": False,
            "type": "realtime",
            "keywords": container["keywords"],
            "group": "Afval",
        },
        fmt,
    )
    assert "afval_bedrijfsafval" not in {service["service_code"] for service in services}  # inactive


def test_service_names_in_english_when_asked(client):
    services = client.get(f"{BASE}/services.json?lang=en").json
    assert next(s for s in services if s["service_code"] == CONTAINER)["service_name"] == "Container full"
    refused = client.get(f"{BASE}/services/nope_nope.json", headers={"Accept-Language": "en"})
    assert "does not exist" in refused.json[0]["description"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_service_definition_has_no_extra_questions(client, fmt):
    body = plain(client.get(f"{BASE}/services/{CONTAINER}.{fmt}"), fmt)
    assert body == {"service_code": CONTAINER, "attributes": []}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("services/afval_bestaat-niet.{fmt}", 404),
        ("services/afval_bedrijfsafval.{fmt}", 404),  # inactive
        ("services/geen-code.{fmt}", 404),
        ("services/.{fmt}", 400),
        ("services/{code}.{fmt}?jurisdiction_id=amsterdam.nl", 404),
        ("services.{fmt}?jurisdiction_id=amsterdam.nl", 404),
        ("discovery.{fmt}?jurisdiction_id=amsterdam.nl", 404),
    ],
)
def test_service_errors_follow_the_specification(client, fmt, path, status):
    errors(client.get(f"{BASE}/" + path.format(fmt=fmt, code=CONTAINER)), fmt, status)


def test_our_own_jurisdiction_and_an_empty_one_are_accepted(client):
    for jurisdiction in ("haarlem.nl", ""):
        assert client.get(f"{BASE}/services.json?jurisdiction_id={jurisdiction}").status_code == 200


@pytest.mark.parametrize("fmt", FORMATS)
def test_posted_request_is_a_report_that_went_through_the_intake_pipeline(client, session, valid_request, fmt):
    contact = {"email": "bewoner@example.org", "phone": "06 12345678", "first_name": "Jan", "last_name": "Jansen"}
    response = post_request(client, valid_request, fmt, **contact, device_id="toestel-1", account_id="acc-7")
    assert response.status_code == 201
    [created] = plain(response, fmt)
    assert set(created) == {"service_request_id", "service_notice", "account_id"}
    assert "3 werkdagen" in created["service_notice"] and created["account_id"] is None
    for value in contact.values():
        assert value not in response.get_data(as_text=True)
    report = session.scalar(select(Report).where(Report.tracking_code == created["service_request_id"]))
    assert (report.channel, report.status) == (Channel.OPEN311, ReportStatus.RECEIVED)
    assert report.buurt.code.startswith("BU0392") and report.description.startswith("De container bij de kerk")
    assert (report.reporter.email, report.reporter.phone) == ("bewoner@example.org", "06 12345678")
    submission = session.scalar(select(ApiSubmission).where(ApiSubmission.report_id == report.id))
    assert (submission.api_key.name, submission.category.slug) == ("FixMyStreet", "container-is-vol")
    assert report.category is None, "the client's choice is kept apart; triage decides the category"
    job = session.scalar(select(PendingJob).where(PendingJob.report_id == report.id))
    assert job.done_at is not None, "the proposal pipeline ran after commit, as for the form"
    assert report.events[0].actor == "open311:FixMyStreet"


def test_description_is_optional_and_then_the_service_name_says_what_is_wrong(client, session, valid_request):
    response = post_request(client, valid_request, description=None)
    assert response.status_code == 201
    report = session.scalar(select(Report).where(Report.tracking_code == response.json[0]["service_request_id"]))
    assert report.description == "Container is vol"


# Each case changes a valid request; None leaves the field out.
REFUSALS = [
    ({"api_key": None}, 403, "api_key"),
    ({"api_key": "geen-sleutel"}, 403, "api_key"),
    ({"service_code": None}, 400, "service_code"),
    ({"service_code": "afval_bestaat-niet"}, 404, "afval_bestaat-niet"),
    ({"jurisdiction_id": "amsterdam.nl"}, 404, "amsterdam.nl"),
    ({"lat": None, "long": None}, 400, "lat"),
    ({"long": None}, 400, "lat"),
    ({"lat": "noord"}, 400, "lat"),
    ({"lat": str(HEEMSTEDE[1]), "long": str(HEEMSTEDE[0])}, 400, "Heemstede"),
    ({"description": "x" * 4001}, 400, "4000"),
    ({"description": "x" * 3500}, 400, "description"),  # within Open311's limit, over the intake's
    ({"email": "geen-adres"}, 400, "email"),
    ({"phone": "bel me"}, 400, "phone"),
    ({"media_url": "ftp://example.org/foto.jpg"}, 400, "media_url"),
    ({"lat": None, "long": None, "address_string": "Grote Markt 2"}, 400, "address_string"),  # no geocoder set
    ({"lat": None, "long": None, "address_id": "0392200000012345"}, 400, "address_id"),
    ({"attribute[x]": "y" * 501}, 400, "attribute"),
    ({"description": "Vol\x00"}, 400, "NUL"),  # PostgreSQL cannot store it: refused, never a 500
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("changes", "status", "mentioned"), REFUSALS)
def test_refused_post_says_why_with_the_prescribed_status_and_stores_nothing(
    client, session, valid_request, fmt, changes, status, mentioned
):
    before = stored_counts(session)
    descriptions = errors(post_request(client, valid_request, fmt, **changes), fmt, status)
    assert any(mentioned in description for description in descriptions), descriptions
    assert stored_counts(session) == before


def test_revoked_key_is_refused(client, session, valid_request):
    key = session.scalar(select(ApiKey))
    revoke(session, key.id, datetime.now(UTC))
    before = stored_counts(session)
    errors(post_request(client, valid_request), "json", 403)
    assert stored_counts(session) == before


@pytest.mark.parametrize(
    "kwargs",
    [
        {"json": {"service_code": CONTAINER}},
        {"data": "service_code=x", "content_type": "text/plain"},
    ],
)
def test_post_must_be_form_encoded(client, session, kwargs):
    before = stored_counts(session)
    assert "application/x-www-form-urlencoded" in errors(client.post(f"{BASE}/requests.json", **kwargs), "json", 400)[0]
    assert stored_counts(session) == before


def test_several_problems_are_reported_together(client, valid_request):
    descriptions = errors(post_request(client, valid_request, email="x@", description="x" * 3001), "json", 400)
    assert len(descriptions) == 2 and {d.split(":")[0] for d in descriptions} == {"description", "email"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_unknown_paths_formats_and_methods_get_the_error_list(client, fmt):
    errors(client.get(f"{BASE}/nothing-here.{fmt}"), fmt, 404)
    errors(client.put(f"{BASE}/requests.{fmt}"), fmt, 405)
    errors(client.delete(f"{BASE}/services.{fmt}"), fmt, 405)


@pytest.mark.parametrize(
    "path",
    ["services/afval_x\x00.json", "tokens/a\x00b.json", "requests.json?service_code=a%00b", "requests.json?a%00=1"],
)
def test_nul_characters_in_a_read_are_a_400_not_a_server_error(client, path):
    errors(client.get(f"{BASE}/{path}"), "json", 400)


@pytest.mark.parametrize("path", ["services.html", "services.csv", "discovery", "requests/MOR-2345-6789", "services"])
def test_unsupported_or_missing_format_is_a_404_in_xml(client, path):
    errors(client.get(f"{BASE}/{path}"), "xml", 404)


def test_every_read_says_the_same_in_xml_and_json(client, session, valid_request):
    created = post_request(client, valid_request).json[0]["service_request_id"]
    key = valid_request["api_key"]
    paths = [
        "discovery.{fmt}",
        "services.{fmt}",
        f"services/{CONTAINER}.{{fmt}}",
        f"requests.{{fmt}}?api_key={key}",
        f"requests/{created}.{{fmt}}?api_key={key}",
        "requests/MOR-2222-2222.{fmt}",
        "tokens/onbekend.{fmt}",
    ]
    for path in paths:
        as_json = client.get(f"{BASE}/" + path.format(fmt="json"))
        as_xml = client.get(f"{BASE}/" + path.format(fmt="xml"))
        assert as_json.status_code == as_xml.status_code
        assert as_text(plain(as_json, "json")) == plain(as_xml, "xml"), path


def test_text_that_xml_cannot_carry_is_left_out_rather_than_breaking_the_document(client, valid_request):
    created = post_request(client, valid_request, description="Vol\x01 container\x1b").json[0]["service_request_id"]
    body = plain(client.get(f"{BASE}/requests/{created}.xml?api_key={valid_request['api_key']}"), "xml")
    assert body[0]["description"] == "Vol container"


def test_request_sent_through_open311_waits_in_the_triage_inbox_with_its_channel(
    client, session, officer, valid_request
):
    response = post_request(client, valid_request)
    report = session.scalar(select(Report).where(Report.tracking_code == response.json[0]["service_request_id"]))
    log_in(client)
    inbox = client.get("/triage/").get_data(as_text=True)
    assert report.tracking_code in inbox
    detail = client.get(f"/triage/melding/{report.id}").get_data(as_text=True)
    assert "open311" in detail and "De container bij de kerk zit vol" in detail
