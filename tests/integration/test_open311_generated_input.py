"""Generated input for Open311 (Hypothesis): whatever a client sends, the answer is one the specification allows.

Never a 5xx; always a body in the asked format; a refusal is the error list with the status it carries.
Bounded and derandomised like the schemathesis run of the JSON API.
"""

from urllib.parse import quote, urlencode

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import CONTAINER, GROTE_MARKT, make_api_key
from tests.support.open311 import plain

ALLOWED = {"POST": {201, 400, 403, 404}, "GET": {200, 400, 403, 404}}
BOUNDED = settings(
    max_examples=40, deadline=None, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
text = st.text(max_size=60)
coordinate = st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(str), text)


def answered_as_allowed(response, method: str, fmt: str) -> None:
    assert response.status_code in ALLOWED[method], response.get_data(as_text=True)
    body = plain(response, fmt)
    if response.status_code >= 400:
        assert body and all(int(error["code"]) == response.status_code for error in body)


def test_generated_posts_get_an_answer_the_specification_allows(client, session):
    key = make_api_key(session)
    fields = st.fixed_dictionaries(
        {},
        optional={
            "api_key": st.sampled_from([key, "", "onbekend"]),
            "service_code": st.one_of(st.just(CONTAINER), text),
            "lat": st.one_of(st.just(str(GROTE_MARKT[1])), coordinate),
            "long": st.one_of(st.just(str(GROTE_MARKT[0])), coordinate),
            "address_string": text,
            "description": st.text(max_size=400),
            "email": text,
            "phone": text,
            "media_url": text,
            "jurisdiction_id": st.sampled_from(["", "haarlem.nl", "elders.nl"]),
            "attribute[vraag]": text,
        },
    )

    @given(data=fields, fmt=st.sampled_from(["json", "xml"]))
    @BOUNDED
    def posted(data, fmt):
        answered_as_allowed(client.post(f"/open311/v2/requests.{fmt}", data=data), "POST", fmt)

    posted()


def test_generated_filters_get_an_answer_the_specification_allows(client):
    names = ["service_request_id", "service_code", "start_date", "end_date", "status", "page", "page_size", "api_key"]
    query = st.dictionaries(st.sampled_from(names), text, max_size=4)

    @given(query=query, fmt=st.sampled_from(["json", "xml"]), single=st.one_of(st.none(), st.text(max_size=20)))
    @BOUNDED
    def read(query, fmt, single):
        path = "requests" if single is None else f"requests/{quote(single, safe='')}"
        answered_as_allowed(client.get(f"/open311/v2/{path}.{fmt}?{urlencode(query)}"), "GET", fmt)

    read()
