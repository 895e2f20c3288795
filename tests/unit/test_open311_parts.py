"""The parts of Open311 that need no database: formats, times, filters, form fields, links, log lines."""

import logging
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest

from geo.geocoder import GeocoderSettings, parse_point
from triage.intake.remote_media import is_web_link
from triage.kernel.refusals import SubmissionRejected
from triage.open311.posting import ServiceRequestPost, attributes_from, check_post
from triage.open311.requests import MAX_RESULTS, parse_moment, parse_query
from web.open311.formats import w3c_time, xml_document
from web.open311.logs import HideApiKeys

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def test_xml_has_the_declaration_list_items_and_plain_values():
    text = xml_document("services", [{"service_code": "a_b", "metadata": False, "group": None, "n": 3}])
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<services><service>')
    service = ET.fromstring(text.encode()).find("service")
    assert [(child.tag, child.text) for child in service] == [
        ("service_code", "a_b"),
        ("metadata", "false"),
        ("group", None),
        ("n", "3"),
    ]


def test_xml_leaves_out_characters_xml_cannot_carry():
    text = xml_document("errors", [{"code": 400, "description": "a\x00b\x0bc\ufffed ✓"}])
    assert ET.fromstring(text.encode()).find("error/description").text == "abcd ✓"


@pytest.mark.parametrize(
    ("moment", "written"),
    [
        (datetime(2026, 1, 15, 11, 0, tzinfo=UTC), "2026-01-15T12:00:00+01:00"),
        (datetime(2026, 7, 15, 11, 0, 30, 999, tzinfo=UTC), "2026-07-15T13:00:30+02:00"),
        (None, None),
    ],
)
def test_times_are_dutch_local_time_with_their_zone(moment, written):
    assert w3c_time(moment) == written


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("2026-11-01T00:00:00Z", datetime(2026, 11, 1, tzinfo=UTC)),
        ("2026-11-01T01:00:00+01:00", datetime(2026, 11, 1, tzinfo=UTC)),
        ("2026-11-01T00:00:00", None),
        ("2026-11-01", None),
        ("1 november", None),
    ],
)
def test_only_dates_with_a_time_zone_are_accepted(text, parsed):
    assert parse_moment(text) == parsed


def test_default_window_is_the_last_90_days_and_at_most_1000_results():
    query = parse_query({}, NOW)
    assert (query.start, query.end, query.page, query.page_size) == (NOW - timedelta(days=90), NOW, 1, MAX_RESULTS)
    assert parse_query({"start_date": "", "status": "", "page": ""}, NOW) == query


def test_one_end_of_the_window_gives_90_days_from_it():
    start = datetime(2026, 3, 1, tzinfo=UTC)
    assert parse_query({"start_date": "2026-03-01T00:00:00Z"}, NOW).end == start + timedelta(days=90)
    assert parse_query({"end_date": "2026-03-01T00:00:00Z"}, NOW).start == start - timedelta(days=90)


def test_every_bad_filter_is_named_at_once():
    with pytest.raises(SubmissionRejected) as refusal:
        parse_query({"start_date": "x", "status": "weg", "page_size": "0"}, NOW)
    assert set(refusal.value.problems) == {"start_date", "status", "page_size"}


def test_attributes_come_as_single_values_and_lists():
    fields = [("attribute[kleur]", "groen"), ("attribute[soort][]", "glas"), ("attribute[soort][]", "papier")]
    assert attributes_from([*fields, ("attribute", "x"), ("description", "y")]) == {
        "kleur": "groen",
        "soort": ["glas", "papier"],
    }


@pytest.mark.parametrize(
    ("post", "fields"),
    [
        (ServiceRequestPost(lat="52.38", long="4.63"), set()),
        (ServiceRequestPost(address_string="Grote Markt 2"), set()),
        (ServiceRequestPost(), {"lat"}),
        (ServiceRequestPost(lat="52.38"), {"lat"}),
        (ServiceRequestPost(lat="52,38", long="4,63"), set()),  # a decimal comma, as the form accepts
        (ServiceRequestPost(lat="x", long="4.63", media_url="javascript:alert(1)"), {"lat", "media_url"}),
        (ServiceRequestPost(address_string="a" * 301, description="d" * 4001), {"address_string", "description"}),
    ],
)
def test_open311_checks_before_the_intake(post, fields):
    assert set(check_post(post)) == fields


@pytest.mark.parametrize(
    ("url", "web"),
    [
        ("https://media.example.org/a.jpg", True),
        ("http://127.0.0.1:8000/a.jpg", True),
        ("ftp://media.example.org/a.jpg", False),
        ("file:///etc/passwd", False),
        ("https:///a.jpg", False),
        ("https://[::1", False),
        ("https://example.org/" + "a" * 2000, False),
    ],
)
def test_only_absolute_web_links_count(url, web):
    assert is_web_link(url) is web


def test_geocoder_reads_pdoks_longitude_first_point_and_is_off_without_a_url():
    assert parse_point("POINT(4.63675 52.38117)") == (4.63675, 52.38117)
    assert parse_point("POINT(4.6 )") is None and parse_point("") is None
    assert not GeocoderSettings("", "GM0392").enabled and GeocoderSettings("https://pdok", "GM0392").enabled


def test_request_log_lines_hide_api_keys():
    record = logging.LogRecord(
        "werkzeug", logging.INFO, __file__, 1, '"%s" %s %s', ("GET /x.json?API_KEY=s3cr3t&b=1 HTTP/1.1", 200, 9), None
    )
    assert HideApiKeys().filter(record)
    assert record.getMessage() == '"GET /x.json?API_KEY=[hidden]&b=1 HTTP/1.1" 200 9'
    encoded = logging.LogRecord("werkzeug", logging.INFO, __file__, 1, "GET /x?api%5Fkey=abc", (), None)
    HideApiKeys().filter(encoded)
    assert "abc" not in encoded.getMessage()
