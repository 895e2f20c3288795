"""What the Open311 tests share: reading both formats into the same plain values, refusals, posting a request.

A client key and a valid request are factories (tests/factories.py).

XML is read back into the Spark-convention shape of the JSON (lists for the list elements, text for
values), so one assertion serves both formats.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from sqlalchemy import func, select

from models import ApiSubmission, AuditEvent, PendingJob, Report, Reporter

FORMATS = ("json", "xml")
CONTENT_TYPES = {"json": "application/json; charset=utf-8", "xml": "text/xml; charset=utf-8"}
LIST_ELEMENTS = {"services", "service_requests", "errors", "attributes", "values", "endpoints", "formats"}
W3C_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$")


def plain(response, fmt: str):
    """The body as plain values; XML must carry the declaration the specification asks for."""
    assert response.content_type == CONTENT_TYPES[fmt], response.get_data(as_text=True)
    if fmt == "json":
        return response.json
    text = response.get_data(as_text=True)
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n')
    return _from_xml(ET.fromstring(text.encode("utf-8")))


def _from_xml(element: ET.Element):
    children = list(element)
    if element.tag in LIST_ELEMENTS:
        return [_from_xml(child) for child in children]
    if children:
        return {child.tag: _from_xml(child) for child in children}
    return element.text


def as_text(value):
    """JSON values as XML writes them, to compare the two formats."""
    if isinstance(value, list):
        return [as_text(item) for item in value]
    if isinstance(value, dict):
        return {name: as_text(item) for name, item in value.items()}
    if isinstance(value, bool):
        return "true" if value else "false"
    return None if value is None else str(value)


def in_format(value, fmt: str):
    return as_text(value) if fmt == "xml" else value


def errors(response, fmt: str, status: int) -> list[str]:
    """The specification's error list: each with the HTTP status as code and a description; returns those."""
    assert response.status_code == status, response.get_data(as_text=True)
    body = plain(response, fmt)
    assert body and all(int(error["code"]) == status and error["description"] for error in body), body
    return [error["description"] for error in body]


def stored_counts(session) -> tuple[int, ...]:
    """What a refused request must leave unchanged."""
    session.expire_all()
    return tuple(
        session.scalar(select(func.count()).select_from(table))
        for table in (Report, ApiSubmission, Reporter, PendingJob, AuditEvent)
    )


def post_request(client, fields: dict, fmt: str = "json", **changes):
    """POST form-encoded; a change to None leaves that field out."""
    data = {name: value for name, value in {**fields, **changes}.items() if value is not None}
    return client.post(f"/open311/v2/requests.{fmt}", data=data)
