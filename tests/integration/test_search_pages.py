"""The staff search box and its results page, and the triage inbox's filters, through HTTP on both databases."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from models import Channel, Report, Role
from tests.factories import make_proposal, make_report, make_staff, route_report
from tests.support.web import log_in

NOW = datetime.now(UTC)


@pytest.fixture
def reports(session, tmp_path, officer):
    lamp = make_report(session, tmp_path, "De lantaarnpaal bij de kerk brandt niet", now=NOW - timedelta(days=4))
    make_proposal(session, lamp)
    phoned = make_report(session, tmp_path, "Kapotte bank in het park", channel=Channel.PHONE)
    bin_ = route_report(session, make_report(session, tmp_path, "Vuilnis naast de container"), officer, "simple")
    tree = route_report(session, make_report(session, tmp_path, "Omgewaaide boom"), officer, "complex")
    return {"lamp": lamp, "phoned": phoned, "bin": bin_, "tree": tree}


def test_every_staff_page_has_the_search_box(client, officer):
    log_in(client)
    page = client.get("/triage/").get_data(as_text=True)
    assert 'role="search"' in page and 'action="/medewerkers/zoeken"' in page
    assert '<input type="hidden" name="status" value="received">' in page  # the inbox's own scope


def test_residents_get_no_search_box_and_cannot_reach_the_search(client, reports):
    assert 'role="search"' not in client.get("/").get_data(as_text=True)
    response = client.get("/medewerkers/zoeken?q=kerk")
    assert response.status_code == 302 and "/medewerkers/inloggen" in response.location


@pytest.mark.parametrize("role", list(Role))
def test_every_staff_role_may_search(client, session, role):
    make_staff(session, role, email="zoeker@haarlem.example")
    log_in(client, "zoeker@haarlem.example")
    response = client.get("/medewerkers/zoeken?q=kerk")
    if role is Role.CONTACT_CENTRE:  # the contact centre's look-up is its own, audited
        assert response.status_code == 302 and "/kcc/zoeken" in response.location
    else:
        assert response.status_code == 200


def test_a_tracking_code_opens_the_report(client, officer, reports):
    log_in(client)
    code = reports["lamp"].tracking_code
    response = client.get("/medewerkers/zoeken", query_string={"q": code.lower().replace("-", "")})
    assert response.status_code == 302
    assert response.location.endswith(f"/triage/melding/{reports['lamp'].id}")


def test_a_team_member_opens_the_team_page_of_a_code_in_the_own_queue(client, team_member, reports):
    log_in(client, "member@haarlem.example")
    response = client.get("/medewerkers/zoeken", query_string={"q": reports["bin"].tracking_code})
    assert response.location.endswith(f"/team/melding/{reports['bin'].id}")
    refused = client.get("/medewerkers/zoeken", query_string={"q": reports["tree"].tracking_code})
    assert refused.status_code == 200
    assert f'href="/team/melding/{reports["tree"].id}"' not in refused.get_data(as_text=True)


def test_words_list_the_reports_with_links_and_keep_the_filters(client, officer, reports):
    log_in(client)
    page = client.get("/medewerkers/zoeken?q=kerk&status=received").get_data(as_text=True)
    assert f'href="/triage/melding/{reports["lamp"].id}"' in page
    assert '<option value="received" selected>' in page
    assert reports["bin"].tracking_code not in page


def results_of(client, words: str) -> str:
    page = client.get("/medewerkers/zoeken", query_string={"q": words}).get_data(as_text=True)
    return page.split("results-heading")[2]


def test_results_link_a_team_member_only_to_own_team_pages(client, team_member, reports):
    log_in(client, "member@haarlem.example")
    assert f'href="/team/melding/{reports["bin"].id}"' in results_of(client, "vuilnis")
    for words in ("boom", "kerk", "bank"):
        assert "/melding/" not in results_of(client, words)


@pytest.mark.parametrize("typed", ["", "'; DROP TABLE report; --", '"*', "%_%", "NEAR(", "x" * 500])
def test_odd_or_empty_input_gets_a_page_and_changes_nothing(client, session, officer, reports, typed):
    log_in(client)
    before = session.scalar(select(func.count()).select_from(Report))
    response = client.get("/medewerkers/zoeken", query_string={"q": typed})
    assert response.status_code == 200
    assert session.scalar(select(func.count()).select_from(Report)) == before


def test_a_bad_filter_is_refused_next_to_its_field_and_the_words_still_search(client, officer, reports):
    log_in(client)
    response = client.get("/medewerkers/zoeken?q=kerk&channel=fax")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'id="channel-error-1"' in page and '<option value="fax" selected>' in page
    assert reports["lamp"].tracking_code in page


def test_inbox_filters_narrow_the_waiting_reports(client, officer, reports):
    log_in(client)
    by_channel = client.get("/triage/?channel=phone").get_data(as_text=True)
    assert reports["phoned"].tracking_code in by_channel and reports["lamp"].tracking_code not in by_channel
    by_age = client.get("/triage/?age=3").get_data(as_text=True)
    assert reports["lamp"].tracking_code in by_age and reports["phoned"].tracking_code not in by_age
    by_category = client.get("/triage/?category=afval").get_data(as_text=True)
    assert reports["lamp"].tracking_code in by_category and reports["phoned"].tracking_code not in by_category
    buurt = reports["lamp"].buurt.code
    assert reports["lamp"].tracking_code in client.get(f"/triage/?buurt={buurt}").get_data(as_text=True)


@pytest.mark.parametrize(
    ("field", "value"), [("category", "geen"), ("channel", "fax"), ("buurt", "BU0000"), ("age", "-1")]
)
def test_a_bad_inbox_filter_is_refused_next_to_its_field(client, officer, reports, field, value):
    log_in(client)
    response = client.get("/triage/", query_string={field: value})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'id="{field}-error-1"' in page and f'<option value="{value}" selected>' in page
    assert reports["lamp"].tracking_code in page and reports["phoned"].tracking_code in page
