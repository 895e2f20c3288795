"""The JSON API is described by its OpenAPI document, and answers as the document says.

schemathesis reads /api/v1/openapi.json from the real app (WSGI, both databases) and sends generated
requests, valid and invalid, to every operation: none may get a 5xx, and every answer must match the
documented status codes, content type, headers and schema. Examples are bounded and derandomised, so the
run is short and the same in CI each time.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from models import ReportStatus
from tests.factories import GROTE_MARKT

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES_PER_OPERATION = 25


@pytest.mark.parametrize("mode", [schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE])
def test_generated_requests_get_no_server_error_and_answers_that_match_the_document(app, mode):
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert {operation.label for operation in operations} == {
        "POST /reports",
        "GET /reports/{token}",
        "GET /categories",
    }
    for operation in operations:

        @given(case=operation.as_strategy(generation_mode=mode))
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def answers_as_documented(case):
            case.call_and_validate(headers={"Accept-Encoding": "identity"}, checks=CHECKS)

        answers_as_documented()


def test_document_covers_every_route_of_the_api(app, client):
    document = client.get("/api/v1/openapi.json").json
    documented = {(method.upper(), "/api/v1" + path) for path, item in document["paths"].items() for method in item}
    routes = {
        (method, rule.rule.replace("<token>", "{token}"))
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    assert documented == routes
    assert document["openapi"].startswith("3.")
    statuses = document["components"]["schemas"]["Report"]["properties"]["status"]["enum"]
    assert statuses == [status.value for status in ReportStatus]


def test_document_in_english_when_asked(client):
    assert client.get("/api/v1/openapi.json?lang=en").json["info"]["title"] == "Reports about public space"
    english = client.get("/api/v1/openapi.json", headers={"Accept-Language": "en"}).json
    assert english["paths"]["/reports"]["post"]["summary"] == "Send a report"


def test_documentation_page_reads_out_every_operation_and_field(client):
    page = client.get("/api/v1/docs")
    assert page.status_code == 200 and page.content_type.startswith("text/html")
    html = page.get_data(as_text=True)
    for anchor in ('id="createReport"', 'id="getReport"', 'id="listCategories"', 'id="schema-Report"'):
        assert anchor in html
    assert "<code>contact_consent</code>" in html and "Toestemming om contact op te nemen" in html
    assert "/open311/v2/discovery.xml" in html
    assert "Send a report" in client.get("/api/v1/docs?lang=en").get_data(as_text=True)
    assert "http" not in html.split("<main")[1].replace("http://localhost/open311", ""), "nothing from elsewhere"


def test_categories_are_active_mains_with_their_active_subs_and_norms(client):
    categories = client.get("/api/v1/categories").json["categories"]
    waste = next(main for main in categories if main["slug"] == "afval")
    full = next(sub for sub in waste["subcategories"] if sub["slug"] == "container-is-vol")
    assert full == {
        "slug": "container-is-vol",
        "name": "Container is vol",
        "description": full["description"],
        "code": "afval_container-is-vol",
        "norm": {"days": 3, "calendar_days": False},
    }
    assert "bedrijfsafval" not in {sub["slug"] for sub in waste["subcategories"]}  # inactive
    english = client.get("/api/v1/categories?lang=en").json["categories"]
    assert next(main for main in english if main["slug"] == "afval")["name"] == "Waste"


def test_nul_characters_are_dropped_from_a_report_rather_than_breaking_the_database(client):
    response = client.post(
        "/api/v1/reports", json={"description": "Vol\x00 bak", "lat": GROTE_MARKT[1], "lon": GROTE_MARKT[0]}
    )
    assert response.status_code == 201 and response.json["description"] == "Vol bak"
    assert client.get("/api/v1/reports/abc\x00def").status_code == 404
