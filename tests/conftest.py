"""Shared fixtures: real databases (SQLite + SpatiaLite and PostgreSQL + PostGIS) and the app.

Integration tests run once per database. Each test runs inside a transaction that is rolled back at the
end (SQLAlchemy's "join a session into an external transaction" recipe), so tests never see each other.
On a machine without PostgreSQL the PostgreSQL tier is skipped with a loud reason; with CI=true it fails.
The domain factories (tests/factories.py) and the local servers (tests/support/servers.py) are fixtures too.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy.orm import Session, sessionmaker

from models.database import Database
from tests.factories import GROTE_MARKT
from tests.support.databases import (
    DatabaseUnavailable,
    create_postgres_database,
    drop_postgres_database,
    prepared_database,
)
from tests.support.skipping import unavailable
from tests.support.web import TEST_SETTINGS, csrf_token_from

pytest_plugins = [
    "tests.factories",
    "tests.support.servers",
    "tests.support.dashboard_history",
    "tests.support.artifacts",
]
os.environ.setdefault("DEMO_HISTORY", "0")  # `setup` in tests makes no demo history unless a test asks for it


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
def cli_database(tmp_path, monkeypatch):
    """A fresh migrated SQLite database that the CLI reaches through DATABASE_URL."""
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    database = prepared_database(url)
    yield database
    database.dispose()


@pytest.fixture
def upload_dir(tmp_path) -> Path:
    return tmp_path / "uploads"


@pytest.fixture
def make_app(database: Database, connection, upload_dir, tmp_path, monkeypatch):
    """Build the real app on the test database, its sessions joined to the test's rolled-back transaction."""
    from web import create_app

    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path / "instance"))

    def build(**overrides):
        app = create_app({**TEST_SETTINGS, "DATABASE_URL": database.url, "UPLOAD_DIR": str(upload_dir), **overrides})
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


@pytest.fixture
def csrf_token(client) -> str:
    return csrf_token_from(client.get("/").get_data(as_text=True))


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


@pytest.fixture(autouse=True)
def served_municipality():
    """An app serves its DATA_DIR to the whole process (mails outside a request speak of it): after each test the
    process serves the default data folder again, so one test's municipality never leaks into the next."""
    yield
    from triage.reference import serve_data_dir
    from triage.reference.data_folder import DEFAULT_DATA_DIR

    serve_data_dir(DEFAULT_DATA_DIR)
