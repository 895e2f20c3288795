"""The JSON API's OpenAPI document, and a page that reads it out for people: both made from web/openapi.py.

The page is rendered on the server from the same document, with nothing loaded from elsewhere, so it works
without JavaScript and meets the same accessibility bar as the rest of the site.
"""

from __future__ import annotations

from flask import Blueprint, jsonify, render_template, url_for

from web.api import api_language
from web.i18n import current_language
from web.openapi import openapi_document

blueprint = Blueprint("api_docs", __name__, url_prefix="/api/v1")
METHODS = ("get", "post", "put", "patch", "delete")


@blueprint.get("/openapi.json")
def openapi_json():
    return jsonify(openapi_document(api_language()))


@blueprint.get("/docs")
def docs_page():
    document = openapi_document(current_language())
    return render_template(
        "api/docs.html",
        document=document,
        operations=list(operations(document)),
        schemas=document["components"]["schemas"],
        discovery_url=url_for("open311.discovery", fmt="xml", _external=True),
    )


def operations(document: dict):
    """(method, path, operation) in the document's order, with the server's base in front of the path."""
    base = document["servers"][0]["url"]
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                yield method.upper(), base + path, item[method]


def type_of(schema: dict) -> str:
    """A schema's type as a reader would say it: "string (binary)[]", "Report", "number"."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return type_of(schema.get("items", {})) + "[]"
    kind = schema.get("type", "object")
    detail = schema.get("format") or (" | ".join(schema["enum"]) if "enum" in schema else "")
    return f"{kind} ({detail})" if detail else kind


@blueprint.app_template_filter("schema_type")
def _schema_type(schema: dict) -> str:
    return type_of(schema)
