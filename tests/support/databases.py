"""Databases for the tests and the benchmarks: throw-away PostgreSQL + PostGIS ones on 127.0.0.1:5432, and a
migrated database with the shipped reference data, as `make run` leaves it."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa

from models.database import Database
from models.migrate import upgrade
from triage.reference.loading import load_reference_data

POSTGRES_ADMIN_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


class DatabaseUnavailable(RuntimeError):
    pass


def _admin_engine() -> sa.Engine:
    return sa.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")


def create_postgres_database() -> str:
    """Create an empty database with PostGIS and return its URL; raise DatabaseUnavailable when we cannot."""
    name = f"triage_test_{uuid.uuid4().hex[:12]}"
    admin = _admin_engine()
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.OperationalError as error:
        raise DatabaseUnavailable(f"PostgreSQL at {POSTGRES_ADMIN_URL}: {error.orig}") from error
    finally:
        admin.dispose()
    url = sa.engine.make_url(POSTGRES_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis")
    except sa.exc.SQLAlchemyError as error:
        drop_postgres_database(url)
        raise DatabaseUnavailable(f"PostGIS extension (Debian: postgresql-15-postgis-3): {error}") from error
    finally:
        engine.dispose()
    return url


def drop_postgres_database(url: str) -> None:
    name = sa.engine.make_url(url).database
    admin = _admin_engine()
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def prepared_database(url: str) -> Database:
    """A migrated database with the shipped reference data, as `make run` leaves it."""
    database = Database(url)
    upgrade(database.engine)
    with database.session() as session:
        load_reference_data(session)
    return database


def own_database(kind: str, folder: Path, fill: Callable[[str], None]) -> tuple[str, Callable[[], None]]:
    """A database for one test alone ("sqlite": a file under `folder`; "postgresql": a new database), filled by
    `fill(url)`, and the function that removes it; a test skips when PostgreSQL cannot be reached."""
    if kind == "sqlite":
        place = folder / "own-db"
        place.mkdir()
        url = f"sqlite:///{place / 'own.db'}"
        fill(url)
        return url, lambda: shutil.rmtree(place)
    from tests.support.skipping import unavailable

    try:
        url = create_postgres_database()
    except DatabaseUnavailable as reason:
        unavailable(str(reason))
    fill(url)
    return url, lambda: drop_postgres_database(url)
