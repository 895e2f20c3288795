"""The OpenAPI 3 document of the JSON API (/api/v1), in the reader's language.

Written by hand next to web/api.py rather than generated, so each field says what it means to an app
builder; the schemathesis test holds the two together by checking every answer against this document.
"""

from __future__ import annotations

from models import ReportStatus
from triage.intake import MAX_DESCRIPTION, MAX_LOCATION_TEXT, MIN_DESCRIPTION
from web.i18n import translate

OPENAPI_VERSION = "3.0.3"
API_VERSION = "1.0.0"
CONTENT = "application/json"


def _t(key: str, language: str) -> str:
    return translate(f"api.openapi.{key}", language)


def _response(key: str, schema: str, language: str) -> dict:
    reference = {"$ref": f"#/components/schemas/{schema}"}
    return {"description": _t(key, language), "content": {CONTENT: {"schema": reference}}}


def _errors_response(key: str, language: str) -> dict:
    return _response(key, "Errors", language)


def _unavailable_response(language: str) -> dict:
    """Any operation may meet a database that is down (web/errors.py): 503, and when to try again."""
    retry = {"description": _t("retry_after", language), "schema": {"type": "integer"}}
    return {**_errors_response("unavailable", language), "headers": {"Retry-After": retry}}


def _lang_parameter(language: str) -> dict:
    return {
        "name": "lang",
        "in": "query",
        "required": False,
        "description": _t("lang", language),
        "schema": {"type": "string", "enum": ["nl", "en"]},
    }


def report_input_schema(language: str, *, form: bool, photos: bool = False) -> dict:
    """The fields of a new report; a form sends every value as text, and a multipart one may add photos."""
    number = {"type": "string"} if form else {"type": "number"}
    flag = {"type": "string", "enum": ["true", "false"]} if form else {"type": "boolean"}
    fields = {
        "description": {"type": "string", "minLength": MIN_DESCRIPTION, "maxLength": MAX_DESCRIPTION},
        "lat": number,
        "lon": number,
        "buurt_code": {"type": "string"},
        "location_text": {"type": "string", "maxLength": MAX_LOCATION_TEXT},
        "email": {"type": "string"},
        "phone": {"type": "string"},
        "contact_consent": flag,
        "language": {"type": "string", "enum": ["nl", "en"]},
    }
    if photos:
        fields["photos"] = {"type": "array", "maxItems": 3, "items": {"type": "string", "format": "binary"}}
    properties = {name: {**schema, "description": _t(f"field.{name}", language)} for name, schema in fields.items()}
    return {"type": "object", "required": ["description"], "properties": properties}


def _area_schema() -> dict:
    return {
        "type": "object",
        "nullable": True,
        "required": ["code", "name"],
        "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
    }


def report_schema() -> dict:
    """What an app sees of a report: never the reporter's contact details."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [
            "tracking_code",
            "status",
            "status_url",
            "api_url",
            "created_at",
            "description",
            "location_is_approximate",
            "location_text",
            "buurt",
            "wijk",
            "photos",
        ],
        "properties": {
            "tracking_code": {"type": "string", "pattern": "^MOR-[0-9A-Z]{4}-[0-9A-Z]{4}$", "example": "MOR-7KQ4-X2MP"},
            "status": {"type": "string", "enum": [status.value for status in ReportStatus]},
            "status_url": {"type": "string", "format": "uri"},
            "api_url": {"type": "string", "format": "uri"},
            "created_at": {"type": "string", "format": "date-time"},
            "description": {"type": "string"},
            "location_is_approximate": {"type": "boolean"},
            "location_text": {"type": "string", "maxLength": MAX_LOCATION_TEXT},
            "buurt": _area_schema(),
            "wijk": _area_schema(),
            "photos": {"type": "integer", "minimum": 0},
        },
    }


def errors_schema() -> dict:
    """Problems per field (or "body", "request", "token"), each with a stable code and a readable message."""
    problem = {
        "type": "object",
        "required": ["code", "message"],
        "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
    }
    return {
        "type": "object",
        "required": ["errors"],
        "properties": {"errors": {"type": "object", "additionalProperties": {"type": "array", "items": problem}}},
    }


def categories_schema() -> dict:
    named = {"slug": {"type": "string"}, "name": {"type": "string"}, "description": {"type": "string"}}
    norm = {
        "type": "object",
        "nullable": True,
        "required": ["days", "calendar_days"],
        "properties": {"days": {"type": "integer", "minimum": 1}, "calendar_days": {"type": "boolean"}},
    }
    sub = {
        "type": "object",
        "required": ["slug", "name", "description", "code", "norm"],
        "properties": {**named, "code": {"type": "string"}, "norm": norm},
    }
    main = {
        "type": "object",
        "required": ["slug", "name", "description", "subcategories"],
        "properties": {**named, "subcategories": {"type": "array", "items": sub}},
    }
    return {
        "type": "object",
        "required": ["categories"],
        "properties": {"categories": {"type": "array", "items": main}},
    }


def _create_report(language: str) -> dict:
    return {
        "operationId": "createReport",
        "summary": _t("create_report", language),
        "description": _t("create_report_detail", language),
        "parameters": [_lang_parameter(language)],
        "requestBody": {
            "required": True,
            "content": {
                CONTENT: {"schema": report_input_schema(language, form=False)},
                "multipart/form-data": {"schema": report_input_schema(language, form=True, photos=True)},
                "application/x-www-form-urlencoded": {"schema": report_input_schema(language, form=True)},
            },
        },
        "responses": {
            "201": {
                **_response("created", "Report", language),
                "headers": {"Location": {"description": _t("report_status", language), "schema": {"type": "string"}}},
            },
            "400": _errors_response("refused", language),
            "413": _errors_response("too_large", language),
            "429": _errors_response("too_many", language),
            "503": _unavailable_response(language),
        },
    }


def _report_status(language: str) -> dict:
    token = {"name": "token", "in": "path", "required": True, "description": _t("token", language)}
    return {
        "operationId": "getReport",
        "summary": _t("report_status", language),
        "description": _t("report_status_detail", language),
        "parameters": [{**token, "schema": {"type": "string"}}, _lang_parameter(language)],
        "responses": {
            "200": _response("ok", "Report", language),
            "400": _errors_response("unknown_language", language),
            "404": _errors_response("not_found", language),
            "503": _unavailable_response(language),
        },
    }


def _categories(language: str) -> dict:
    return {
        "operationId": "listCategories",
        "summary": _t("categories", language),
        "description": _t("categories_detail", language),
        "parameters": [_lang_parameter(language)],
        "responses": {
            "200": _response("ok", "Categories", language),
            "400": _errors_response("unknown_language", language),
            "503": _unavailable_response(language),
        },
    }


def openapi_document(language: str) -> dict:
    return {
        "openapi": OPENAPI_VERSION,
        "info": {"title": _t("title", language), "version": API_VERSION, "description": _t("description", language)},
        "servers": [{"url": "/api/v1"}],
        "paths": {
            "/reports": {"post": _create_report(language)},
            "/reports/{token}": {"get": _report_status(language)},
            "/categories": {"get": _categories(language)},
        },
        "components": {
            "schemas": {"Report": report_schema(), "Errors": errors_schema(), "Categories": categories_schema()}
        },
    }
