"""Bad input gets a clear refusal that changes nothing, never a 500."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from models import Report, ReportStatus
from tests.factories import GROTE_MARKT, make_report, route_report
from tests.support.web import csrf_token_from, log_in
from triage.workflow.transitions import change_status

HUGE = str(10**30)


def stored(session) -> int:
    return session.scalar(select(func.count()).select_from(Report))


@pytest.fixture
def payload():
    return {"description": "Container bij de ingang is vol", "lat": GROTE_MARKT[1], "lon": GROTE_MARKT[0]}


def form_fields(client, **fields):
    token = csrf_token_from(client.get("/").get_data(as_text=True))
    return {"csrf_token": token, "lat": str(GROTE_MARKT[1]), "lon": str(GROTE_MARKT[0]), "action": "review", **fields}


def test_a_json_body_over_the_limit_gets_413_as_json(make_app, session):
    client = make_app(MAX_CONTENT_LENGTH=1000).test_client()
    response = client.post("/api/v1/reports", data="x" * 5000, content_type="application/json")
    assert response.status_code == 413
    assert response.json["errors"]["request"][0]["code"] == "error.too_large"
    assert stored(session) == 0


def test_a_form_over_the_limit_gets_a_413_page(make_app, session):
    client = make_app(MAX_CONTENT_LENGTH=1000).test_client()
    token = csrf_token_from(client.get("/").get_data(as_text=True))
    response = client.post("/melding", data={"csrf_token": token, "description": "x" * 5000, "action": "review"})
    assert response.status_code == 413
    assert "Te groot" in response.get_data(as_text=True)
    assert stored(session) == 0


def test_a_lone_surrogate_in_json_is_refused_per_field(client, session, payload):
    lon, lat = GROTE_MARKT
    body = f'{{"description": "kapot \\ud800 ding", "lat": {lat}, "lon": {lon}}}'
    response = client.post("/api/v1/reports", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json["errors"]["description"][0]["code"] == "text.invalid_characters"
    assert stored(session) == 0


def test_a_lone_surrogate_in_the_form_is_refused_beside_the_field(client, session):
    parts = [
        f'--X\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in form_fields(client).items()
    ]
    parts.append(b'--X\r\nContent-Disposition: form-data; name="description"\r\n\r\nkapot\xed\xa0\x80ding\r\n--X--\r\n')
    response = client.post("/melding", data=b"".join(parts), content_type="multipart/form-data; boundary=X")
    assert response.status_code == 422
    assert "tekens die we niet kunnen lezen" in response.get_data(as_text=True)
    assert stored(session) == 0


def test_deeply_nested_json_is_refused_with_400(client, session):
    body = "[" * 100_000 + "]" * 100_000
    response = client.post("/api/v1/reports", data=body, content_type="application/json")
    assert response.status_code == 400
    assert response.json["errors"]["body"][0]["code"] == "api.invalid_json"


@pytest.mark.parametrize("value", [["a"], {"a": 1}, 12])
def test_a_description_of_the_wrong_json_type_is_refused_per_field(client, session, payload, value):
    response = client.post("/api/v1/reports", json={**payload, "description": value})
    assert response.status_code == 400
    assert response.json["errors"]["description"][0]["code"] == "field.wrong_type"
    assert stored(session) == 0


@pytest.mark.parametrize("text", ["\u200b\u200b\u200b", "\u00a0\u00a0", "\x01\x02\x03", "\u200b \u2060\ufeff"])
def test_a_description_of_only_invisible_characters_counts_as_empty(client, session, payload, text):
    response = client.post("/api/v1/reports", json={**payload, "description": text})
    assert response.status_code == 400
    assert response.json["errors"]["description"][0]["code"] == "description.required"
    assert stored(session) == 0


def test_text_over_the_limit_is_refused_with_its_real_length(client, session, payload):
    response = client.post("/api/v1/reports", json={**payload, "description": "a" * 25000})
    assert response.status_code == 400
    [error] = response.json["errors"]["description"]
    assert error["code"] == "description.too_long"
    assert "25000" in error["message"]
    assert stored(session) == 0


def test_an_answer_over_the_limit_is_refused_with_its_real_length(client, session, tmp_path, officer, team_member):
    earlier = datetime.now(UTC) - timedelta(hours=1)
    report = make_report(session, tmp_path, "Container zit vol", now=earlier)
    route_report(session, report, officer, now=earlier)
    report.assignee_id = team_member.id
    change_status(session, report, team_member, report.version, "in_progress", "", earlier)
    change_status(session, report, team_member, report.version, "waiting_resident", "Welke container?", earlier)
    token = csrf_token_from(client.get(f"/melding/{report.status_token}").get_data(as_text=True))
    response = client.post(f"/melding/{report.status_token}/reactie", data={"csrf_token": token, "text": "a" * 25000})
    assert response.status_code == 422
    assert "25000" in response.get_data(as_text=True)
    assert report.status is ReportStatus.WAITING_RESIDENT


def test_unexpected_query_parameters_are_ignored(client, session, payload):
    response = client.post("/api/v1/reports?_method=DELETE&x=1", json=payload)
    assert response.status_code == 201
    assert client.get("/?_method=POST").status_code == 200


def test_a_wrong_method_gets_405_with_allow(client):
    response = client.delete("/api/v1/reports")
    assert response.status_code == 405
    assert "POST" in response.headers["Allow"]
    page = client.put("/melding")
    assert page.status_code == 405
    assert "POST" in page.headers["Allow"]


@pytest.mark.parametrize("page", [HUGE, "9" * 5000, "²", "-3", "0", "1.5"])
def test_a_team_page_number_beyond_any_integer_or_not_a_number_gives_a_page(client, team_member, page):
    log_in(client, team_member.email)
    response = client.get(f"/team/simple?page={page}&_method=POST")
    assert response.status_code == 200


def test_a_drill_down_page_number_beyond_any_integer_gives_a_page(client, lead):
    log_in(client, lead.email)
    response = client.get(f"/dashboard/meldingen?set=inflow&pagina={HUGE}")
    assert response.status_code == 200


@pytest.mark.parametrize("name", ["page", "page_size"])
def test_an_open311_page_number_beyond_any_integer_is_refused(client, name):
    response = client.get(f"/open311/v2/requests.json?{name}={HUGE}")
    assert response.status_code == 400


def test_the_openapi_document_states_the_limits_the_server_enforces(client):
    document = client.get("/api/v1/openapi.json").json
    post = document["paths"]["/reports"]["post"]
    description = post["requestBody"]["content"]["application/json"]["schema"]["properties"]["description"]
    assert (description["minLength"], description["maxLength"]) == (1, 3000)
    [lang] = [p for p in post["parameters"] if p["name"] == "lang"]
    assert lang["schema"]["enum"] == ["nl", "en"]


def test_a_wrong_method_on_open311_gets_405_with_allow(client):
    response = client.put("/open311/v2/requests.json")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]
