"""Talking to the app as a browser does: the CSRF token of a page, logging in, posting a multipart form."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Flask

from tests.factories import OFFICER_EMAIL, PASSWORD

# What every test app runs with: limits off (tests log in often), jobs in the request, no map tiles to fetch.
TEST_SETTINGS = {
    "TESTING": True,
    "RATELIMIT_ENABLED": False,
    "RATELIMIT_STORAGE_URI": "memory://",
    "JOBS_IN_BACKGROUND": False,
    "MAP_TILE_URL": "",
    "SERVER_NAME": "localhost",
}


def app_on(url: str, uploads: Path) -> Flask:
    """The real app on a database of its own, with its own sessions (not joined to a test's transaction)."""
    from web import create_app

    return create_app({**TEST_SETTINGS, "DATABASE_URL": url, "UPLOAD_DIR": str(uploads)})


CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token_from(html: str) -> str:
    match = CSRF_INPUT.search(html)
    assert match, "the page has no CSRF token"
    return match.group(1)


def form_token(client, url: str) -> str:
    """The CSRF token of the form on that page, as a person who opened it would send it."""
    return csrf_token_from(client.get(url).get_data(as_text=True))


def log_in(client, email: str = OFFICER_EMAIL, password: str = PASSWORD):
    """Log in through the form; staff made by tests/factories.py all have PASSWORD."""
    token = form_token(client, "/medewerkers/inloggen")
    return client.post("/medewerkers/inloggen", data={"csrf_token": token, "email": email, "password": password})


def post_multipart(client, url: str, data: dict):
    """POST a multipart form encoded in memory.

    Werkzeug's test client spools bodies over 500 KB to a temporary file that nothing closes; left open it
    surfaces later as a ResourceWarning, which fails the tests. (photo tuples are (stream, filename).)
    """
    from werkzeug.datastructures import FileStorage, MultiDict
    from werkzeug.test import encode_multipart

    fields = MultiDict()
    for name, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, tuple):
                item = FileStorage(stream=item[0], filename=item[1], content_type="application/octet-stream")
            fields.add(name, item)
    boundary, body = encode_multipart(fields)
    return client.post(url, data=body, content_type=f"multipart/form-data; boundary={boundary}")
