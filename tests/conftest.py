"""Shared fixtures: real databases (SQLite + SpatiaLite and PostgreSQL + PostGIS), the app, and domain factories.

Integration tests run once per database. Each test runs inside a transaction that is rolled back at the
end (SQLAlchemy's "join a session into an external transaction" recipe), so tests never see each other.
On a machine without PostgreSQL the PostgreSQL tier is skipped with a loud reason; with CI=true it fails.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy.orm import Session, sessionmaker

from models.database import Database
from models.migrate import upgrade
from tests.databases import DatabaseUnavailable, create_postgres_database, drop_postgres_database
from triage.reference.loading import load_reference_data

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
os.environ.setdefault("DEMO_HISTORY", "0")  # `setup` in tests makes no demo history unless a test asks for it

# Points used across the tests (lon, lat).
GROTE_MARKT = (4.6368, 52.3812)
HEEMSTEDE = (4.62, 52.355)
AMSTERDAM_DAM = (4.8924, 52.3731)


def unavailable(reason: str):
    """Skip loudly on a developer machine; in CI nothing may be skipped."""
    if IN_CI:
        pytest.fail(f"required in CI but unavailable: {reason}")
    pytest.skip(f"SKIPPED, NOT TESTED: {reason}")


def prepared_database(url: str) -> Database:
    """A migrated database with the shipped reference data, as `make run` leaves it."""
    database = Database(url)
    upgrade(database.engine)
    with database.session() as session:
        load_reference_data(session)
    return database


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database(request, tmp_path_factory) -> Database:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'test.db'}"
        database = prepared_database(url)
        yield database
        database.dispose()
        return
    try:
        url = create_postgres_database()
    except DatabaseUnavailable as reason:
        unavailable(str(reason))
    database = prepared_database(url)
    yield database
    database.dispose()
    drop_postgres_database(url)


@pytest.fixture
def connection(database: Database):
    with database.engine.connect() as connection:
        transaction = connection.begin()
        yield connection
        transaction.rollback()


@pytest.fixture
def session(connection) -> Session:
    session = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    yield session
    session.close()


@pytest.fixture
def upload_dir(tmp_path) -> Path:
    return tmp_path / "uploads"


@pytest.fixture
def make_app(database: Database, connection, upload_dir, tmp_path, monkeypatch):
    """Build the real app on the test database, its sessions joined to the test's rolled-back transaction."""
    from web import create_app

    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path / "instance"))

    def build(**overrides):
        app = create_app(
            {
                "TESTING": True,
                "DATABASE_URL": database.url,
                "UPLOAD_DIR": str(upload_dir),
                "RATELIMIT_ENABLED": False,
                "RATELIMIT_STORAGE_URI": "memory://",
                "JOBS_IN_BACKGROUND": False,
                "MAP_TILE_URL": "",
                "SERVER_NAME": "localhost",
                **overrides,
            }
        )
        database_of_app = app.extensions["database"]
        database_of_app.dispose()
        joined = sessionmaker(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
        database_of_app.session_factory = database_of_app.write_session_factory = joined
        return app

    return build


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def client(app):
    return app.test_client()


CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_token_from(html: str) -> str:
    match = CSRF_INPUT.search(html)
    assert match, "the page has no CSRF token"
    return match.group(1)


@pytest.fixture
def csrf_token(client) -> str:
    return csrf_token_from(client.get("/").get_data(as_text=True))


def jpeg_bytes(size=(64, 48), colour=(200, 30, 30), exif_gps: bool = False) -> bytes:
    """A real JPEG; with exif_gps it carries a GPS position, as phone photos do."""
    image = Image.new("RGB", size, colour)
    out = io.BytesIO()
    if exif_gps:
        exif = Image.Exif()
        exif[0x010F] = "PhoneMaker"  # Make
        exif.get_ifd(0x8825).update({1: "N", 2: (52.0, 22.0, 48.0), 3: "E", 4: (4.0, 38.0, 12.0)})
        image.save(out, format="JPEG", exif=exif)
    else:
        image.save(out, format="JPEG")
    return out.getvalue()


@pytest.fixture
def report_form(csrf_token) -> dict:
    """A valid report as the form sends it: a pin on the Grote Markt, no photos, no contact details."""
    return {
        "csrf_token": csrf_token,
        "description": "De lantaarnpaal bij de ingang van de kerk brandt niet.",
        "lon": str(GROTE_MARKT[0]),
        "lat": str(GROTE_MARKT[1]),
        "buurt_code": "",
        "location_text": "",
        "email": "",
        "phone": "",
    }


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
