"""The API enforces the `lang` enum its OpenAPI document gives: an unknown language is refused with 400 and the
reason (in Dutch, the default), not silently answered in Dutch; a report with an unknown language is not stored."""

from sqlalchemy import func, select

from models import Report

VALID = {"description": "Lantaarnpaal brandt niet meer", "lat": 52.38, "lon": 4.64}


def reports(session) -> int:
    return session.scalar(select(func.count()).select_from(Report))


def refusal(response, field: str) -> dict:
    assert response.status_code == 400, response.get_data(as_text=True)
    [problem] = response.get_json()["errors"][field]
    return problem


def test_an_unknown_lang_parameter_is_refused_on_every_operation(client):
    for url in ("/api/v1/categories?lang=de", "/api/v1/reports/no-such-token?lang=xx"):
        problem = refusal(client.get(url), "lang")
        assert problem["code"] == "api.unknown_language"
        assert "nl of en" in problem["message"]


def test_a_report_with_an_unknown_language_is_refused_and_not_stored(client, session):
    before = reports(session)
    asked = client.post("/api/v1/reports?lang=fr", json=VALID)
    assert refusal(asked, "lang")["code"] == "api.unknown_language"
    in_body = client.post("/api/v1/reports", json={**VALID, "language": "de"})
    assert refusal(in_body, "language")["code"] == "api.unknown_language"
    assert reports(session) == before


def test_the_known_languages_and_no_language_still_work(client, session):
    assert client.get("/api/v1/categories?lang=en").status_code == 200
    assert client.get("/api/v1/categories").status_code == 200
    assert client.post("/api/v1/reports?lang=en", json={**VALID, "language": "en"}).status_code == 201


def test_the_document_lists_the_refusal_for_every_operation_with_a_lang_parameter(client):
    document = client.get("/api/v1/openapi.json").get_json()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if any(p["name"] == "lang" for p in operation.get("parameters", [])):
                assert "400" in operation["responses"], f"{method} {path}"
