"""Open311's two formats, chosen by the URL's suffix: XML (required by the specification) and JSON.

The JSON is the XML mapped the "Spark" way: the root element is dropped, so a list of services is a
top-level array, and repeated child elements become arrays. Both are built from the same plain values.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import datetime

from flask import Response, request

from triage.kernel import LOCAL_TIME_ZONE

CONTENT_TYPES = {"xml": "text/xml; charset=utf-8", "json": "application/json; charset=utf-8"}
ITEM_TAGS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}
NOT_IN_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")  # XML 1.0 forbids these


class Open311Error(Exception):
    """A refusal in the specification's shape: one HTTP status, one or more descriptions."""

    def __init__(self, status: int, descriptions: list[str]) -> None:
        super().__init__(f"{status}: {descriptions}")
        self.status = status
        self.descriptions = descriptions


def requested_format() -> str | None:
    """The suffix of the last path segment, if it names a format we speak."""
    last = request.path.rsplit("/", 1)[-1]
    suffix = last.rpartition(".")[2] if "." in last else ""
    return suffix if suffix in CONTENT_TYPES else None


def without_format(name: str) -> str:
    """ "afval_container-is-vol.json" -> "afval_container-is-vol"; the suffix was checked before the view."""
    return name.rpartition(".")[0] if "." in name else ""


def w3c_time(moment: datetime | None) -> str | None:
    """A W3C date and time with its zone, in Dutch local time as people here read it."""
    return moment.astimezone(LOCAL_TIME_ZONE).isoformat(timespec="seconds") if moment else None


def render(root: str, value: list | dict, status: int = 200, fmt: str | None = None) -> Response:
    fmt = fmt or requested_format() or "xml"
    body = json.dumps(value, ensure_ascii=False) if fmt == "json" else xml_document(root, value)
    return Response(body, status, content_type=CONTENT_TYPES[fmt])


def error_response(error: Open311Error) -> Response:
    """Errors in the format asked for; XML when the suffix was missing or unknown, as XML is the default."""
    errors = [{"code": error.status, "description": text} for text in error.descriptions]
    return render("errors", errors, error.status)


def xml_document(root: str, value: list | dict) -> str:
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(_element(root, value), encoding="unicode")


def _element(tag: str, value) -> ET.Element:
    element = ET.Element(tag)
    if isinstance(value, list):
        element.extend(_element(ITEM_TAGS[tag], item) for item in value)
    elif isinstance(value, dict):
        element.extend(_element(name, item) for name, item in value.items())
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        element.text = NOT_IN_XML.sub("", str(value))
    return element
