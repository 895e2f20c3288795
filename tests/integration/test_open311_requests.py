"""Open311 GET requests, GET one request and GET tokens: who sees what, the filters, and their errors.

Anyone may read, so only reports in a category made public are listed to everyone, without the resident's
words; the key that sent a report sees it in full. Contact details never appear, whoever asks.
"""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from models import Report, ReportMessage, ReportStatus
from tests.factories import GROTE_MARKT, category, make_api_key, make_report, request_fields
from tests.support.open311 import (
    FORMATS,
    W3C_TIME,
    errors,
    plain,
    post_request,
    stored_counts,
)

BASE = "/open311/v2"
CONTACT = {"email": "bewoner@example.org", "phone": "0612345678", "first_name": "Jantje", "last_name": "Pietersen"}


def form_report(session, tmp_path, text: str, slug: str, public: bool) -> Report:
    """A report from the web form that an officer put in a category, public or not."""
    report = make_report(session, tmp_path, text, now=_now())
    report.category = category(session, slug)
    report.category.is_public = public
    session.flush()
    return report


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def world(client, session, tmp_path, api_key):
    """One report in a public category, one in a private one, and one sent by our client with contact details."""
    sent = post_request(client, request_fields(api_key), **CONTACT, media_url="https://fotos.example.org/c.jpg")
    assert sent.status_code == 201, sent.get_data(as_text=True)
    session.expire_all()
    return {
        "key": api_key,
        "public": form_report(session, tmp_path, "Lantaarnpaal knippert", "lantaarnpaal-straatverlichting", True),
        "private": form_report(session, tmp_path, "Overlast door buurman", "overige-overlast-door-personen", False),
        "own": session.scalar(select(Report).where(Report.tracking_code == sent.json[0]["service_request_id"])),
    }


def listed(client, query: str = "", fmt: str = "json") -> dict[str, dict]:
    response = client.get(f"{BASE}/requests.{fmt}?{query}")
    assert response.status_code == 200, response.get_data(as_text=True)
    return {item["service_request_id"]: item for item in plain(response, fmt)}


@pytest.mark.parametrize("fmt", FORMATS)
def test_everyone_sees_public_categories_without_the_residents_words(client, world, fmt):
    seen = listed(client, fmt=fmt)
    assert list(seen) == [world["public"].tracking_code]
    item = seen[world["public"].tracking_code]
    assert item["status"] == "open" and item["service_name"] == "Straatverlichting"
    assert item["description"] is None and item["address"] is None and item["media_url"] is None
    assert float(item["lat"]) == round(GROTE_MARKT[1], 3) and float(item["long"]) == round(GROTE_MARKT[0], 3)  # rough
    assert all(W3C_TIME.match(item[name]) for name in ("requested_datetime", "updated_datetime"))


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_sending_key_sees_its_own_report_in_full_but_never_contact_details(client, world, fmt):
    response = client.get(f"{BASE}/requests.{fmt}?api_key={world['key']}")
    seen = {item["service_request_id"]: item for item in plain(response, fmt)}
    assert set(seen) == {world["public"].tracking_code, world["own"].tracking_code}
    own = seen[world["own"].tracking_code]
    assert own["description"].startswith("De container bij de kerk")
    assert own["media_url"] == "https://fotos.example.org/c.jpg"
    assert own["service_code"] == "afval_container-is-vol"  # asked for; no officer has decided yet
    assert seen[world["public"].tracking_code]["description"] is None  # not sent by this key
    for value in CONTACT.values():
        assert value not in response.get_data(as_text=True)


def test_another_key_does_not_see_what_the_first_one_sent(client, session, world):
    other = make_api_key(session, "Buitenbeter")
    assert world["own"].tracking_code not in listed(client, f"api_key={other}")
    [item] = client.get(f"{BASE}/requests/{world['own'].tracking_code}.json?api_key={other}").json
    assert item["status"] == "open" and item["description"] is None and item["media_url"] is None


def test_status_closed_with_the_teams_message_as_status_notes_for_the_sender(client, session, world):
    own = world["own"]
    own.status = ReportStatus.DONE
    session.add(ReportMessage(report_id=own.id, at=_now(), actor="team", kind="resident", text="Geleegd."))
    session.add(ReportMessage(report_id=own.id, at=_now(), actor="team", kind="internal", text="Intern"))
    session.flush()
    [item] = client.get(f"{BASE}/requests/{own.tracking_code}.json?api_key={world['key']}").json
    assert (item["status"], item["status_notes"]) == ("closed", "Geleegd.")


def _age(session, report: Report, days: int) -> None:
    report.created_at = _now() - timedelta(days=days)
    session.flush()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"public", "own"}),
        ("service_code=verlichting_lantaarnpaal-straatverlichting", set()),
        ("service_code=wegen-verkeer-straatmeubilair_lantaarnpaal-straatverlichting", {"public"}),
        ("service_code=afval_container-is-vol,nope_nope", {"own"}),
        ("status=open", {"public", "own"}),
        ("status=closed", set()),
        ("status=open,closed", {"public", "own"}),
        ("status=", {"public", "own"}),  # empty counts as absent
        ("start_date={days_ago_3}", {"own"}),
        ("end_date={days_ago_3}", {"public"}),
        ("start_date={days_ago_30}&end_date={days_ago_3}", {"public"}),
        ("start_date=&end_date=", {"public", "own"}),
        ("page_size=1", {"own"}),
        ("page_size=1&page=2", {"public"}),
        ("page=3&page_size=1", set()),
    ],
)
def test_filters_of_get_requests(client, session, world, query, expected):
    _age(session, world["public"], 10)
    names = {report.tracking_code: name for name, report in world.items() if name != "key"}
    moments = {"days_ago_3": _now() - timedelta(days=3), "days_ago_30": _now() - timedelta(days=30)}
    query = query.format(**{name: moment.isoformat().replace("+00:00", "Z") for name, moment in moments.items()})
    seen = listed(client, f"api_key={world['key']}&{query}")
    assert {names[code] for code in seen} == expected


def test_by_default_only_the_last_90_days_but_ids_override_every_other_filter(client, session, world):
    _age(session, world["public"], 91)
    assert world["public"].tracking_code not in listed(client)
    codes = f"{world['public'].tracking_code.lower()},{world['own'].tracking_code},MOR-2222-2222"
    seen = listed(client, f"service_request_id={codes}&status=closed&api_key={world['key']}")
    assert set(seen) == {world["public"].tracking_code, world["own"].tracking_code}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("query", "mentioned"),
    [
        ("start_date=gisteren", "start_date"),
        ("start_date=2026-11-01T00:00:00", "start_date"),  # no time zone
        ("end_date=2026-11-01", "end_date"),
        ("start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", "90"),
        ("start_date=2026-06-01T00:00:00Z&end_date=2026-05-01T00:00:00Z", "start_date"),
        ("status=opgelost", "status"),
        ("page=0", "page"),
        ("page_size=1001", "page_size"),
        ("page_size=veel", "page_size"),
    ],
)
def test_bad_filters_are_a_400_that_says_which(client, fmt, query, mentioned):
    descriptions = errors(client.get(f"{BASE}/requests.{fmt}?{query}"), fmt, 400)
    assert any(mentioned in description for description in descriptions), descriptions


@pytest.mark.parametrize("fmt", FORMATS)
def test_reading_with_a_wrong_key_or_jurisdiction_is_refused(client, fmt):
    errors(client.get(f"{BASE}/requests.{fmt}?api_key=ingetrokken"), fmt, 403)
    errors(client.get(f"{BASE}/requests.{fmt}?jurisdiction_id=amsterdam.nl"), fmt, 404)
    errors(client.get(f"{BASE}/requests/MOR-2222-2222.{fmt}?jurisdiction_id=amsterdam.nl"), fmt, 404)
    errors(client.get(f"{BASE}/tokens/abc.{fmt}?jurisdiction_id=amsterdam.nl"), fmt, 404)


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_request_is_a_list_of_one_and_unknown_ones_are_not_found(client, world, fmt):
    public = world["public"].tracking_code
    [item] = plain(client.get(f"{BASE}/requests/{public}.{fmt}"), fmt)
    assert item["service_request_id"] == public and item["description"] is None
    [own] = plain(client.get(f"{BASE}/requests/{world['own'].tracking_code}.{fmt}?api_key={world['key']}"), fmt)
    assert own["address"] is None and own["description"]
    for unknown in ("MOR-2222-2222", "onzin"):
        errors(client.get(f"{BASE}/requests/{unknown}.{fmt}"), fmt, 404)
    errors(client.get(f"{BASE}/requests/.{fmt}"), fmt, 400)


STATUS_ONLY = {"service_request_id", "status", "requested_datetime", "updated_datetime"}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("which", ["private", "own"])
def test_one_request_by_its_id_without_a_key_shows_its_status_only_in_any_category(client, session, world, fmt, which):
    """As the tracking page: whoever has the code sees status and dates; the category, place and words stay hidden."""
    report = world[which]
    [item] = plain(client.get(f"{BASE}/requests/{report.tracking_code}.{fmt}"), fmt)
    shown = {name for name, value in item.items() if value not in (None, "")}
    assert shown == STATUS_ONLY, shown
    assert item["service_request_id"] == report.tracking_code and item["status"] == "open"
    assert all(W3C_TIME.match(item[name]) for name in ("requested_datetime", "updated_datetime"))
    body = client.get(f"{BASE}/requests/{report.tracking_code}.{fmt}").get_data(as_text=True)
    for secret in (report.description[:20], CONTACT["email"], CONTACT["phone"], report.status_token):
        assert secret not in body
    report.status = ReportStatus.DONE
    session.flush()
    [item] = plain(client.get(f"{BASE}/requests/{report.tracking_code}.{fmt}"), fmt)
    assert item["status"] == "closed"
    assert report.tracking_code not in listed(client, fmt=fmt)  # the list stays limited to public categories


@pytest.mark.parametrize("fmt", FORMATS)
def test_one_public_request_without_a_key_shows_its_category_and_rough_place(client, world, fmt):
    [item] = plain(client.get(f"{BASE}/requests/{world['public'].tracking_code}.{fmt}"), fmt)
    assert item["service_name"] == "Straatverlichting" and item["service_code"]
    assert (float(item["lat"]), float(item["long"])) == (round(GROTE_MARKT[1], 3), round(GROTE_MARKT[0], 3))
    assert item["description"] is None and item["address"] is None and item["status_notes"] is None


@pytest.mark.parametrize("fmt", FORMATS)
def test_token_of_the_status_link_gives_the_request_id(client, world, fmt):
    token = world["private"].status_token
    [item] = plain(client.get(f"{BASE}/tokens/{token}.{fmt}"), fmt)
    assert item == {"service_request_id": world["private"].tracking_code, "token": token}
    errors(client.get(f"{BASE}/tokens/geen-token.{fmt}"), fmt, 404)
    errors(client.get(f"{BASE}/tokens/.{fmt}"), fmt, 400)


def test_reading_changes_nothing(client, session, world):
    before = stored_counts(session)
    listed(client, f"api_key={world['key']}")
    client.get(f"{BASE}/requests/{world['own'].tracking_code}.xml?api_key={world['key']}")
    assert stored_counts(session) == before
