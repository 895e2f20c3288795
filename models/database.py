"""Engine and session set-up for both runtime sizes: SQLite + SpatiaLite (embedded) and PostgreSQL + PostGIS.

Python's own sqlite3 is often built without extension loading, so on SQLite we use pysqlite3 when it is
installed and load mod_spatialite on every new connection.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from geoalchemy2.admin.dialects.sqlite import init_spatialite
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

SPATIALITE_PACKAGE_HINT = (
    "SpatiaLite could not be loaded. Install the OS package that provides mod_spatialite "
    "(Debian/Ubuntu: libsqlite3-mod-spatialite; Fedora: libspatialite; macOS/Homebrew: libspatialite) "
    "or set SPATIALITE_LIBRARY_PATH to the library."
)


WRITES_AHEAD = "writes_ahead"
WRITER_TURN = "writer_turn"  # marks, in a connection's info, that it holds this process's writer turn
BUSY_TIMEOUT_MS = 10_000  # how long a SQLite writer waits for the write lock before "database is locked"
log = logging.getLogger(__name__)


class SpatiaLiteMissing(RuntimeError):
    pass


def _sqlite_module():
    """The DB-API module to use for SQLite: pysqlite3 can load extensions where the stdlib module cannot."""
    try:
        import pysqlite3.dbapi2 as module
    except ImportError:
        import sqlite3 as module
    return module


def _on_sqlite_connect(dbapi_conn, _record) -> None:
    try:
        dbapi_conn.enable_load_extension(True)
        dbapi_conn.load_extension(os.environ.get("SPATIALITE_LIBRARY_PATH", "mod_spatialite"))
        dbapi_conn.enable_load_extension(False)
        init_spatialite(dbapi_conn, init_mode="WGS84", transaction=True)
    except Exception as exc:  # the driver raises its own OperationalError or AttributeError
        raise SpatiaLiteMissing(SPATIALITE_PACKAGE_HINT) from exc
    # WAL lets the web server read while a report is being written; the timeout rides out short locks.
    dbapi_conn.execute("PRAGMA journal_mode=WAL")
    dbapi_conn.execute("PRAGMA synchronous=NORMAL")
    dbapi_conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    dbapi_conn.execute("PRAGMA foreign_keys=ON")


def _take_over_sqlite_transactions(engine: Engine) -> None:
    """Let SQLAlchemy, not the driver, start transactions, so SAVEPOINTs work (SQLAlchemy's pysqlite recipe),
    and let this process's writers take turns (`_WriterTurns`)."""

    @event.listens_for(engine, "connect")
    def _no_driver_transactions(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None

    turns = _WriterTurns()
    # The turn ends as the transaction ends (just before its COMMIT or ROLLBACK reaches SQLite, which takes
    # microseconds in WAL mode, well inside the busy handler's first wait).
    event.listen(engine, "commit", turns.give_back)
    event.listen(engine, "rollback", turns.give_back)

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        # A writer takes the write lock up front: a deferred transaction that reads first and then writes
        # fails at once with "database is locked" when another writer got in between; this one waits instead.
        if not connection.get_execution_options().get(WRITES_AHEAD, False):
            connection.exec_driver_sql("BEGIN")
            return
        turns.take(connection)
        try:
            connection.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            turns.give_back(connection)
            raise


class _WriterTurns:
    """This process's SQLite writers in line for the one write lock, woken in turn instead of polling for it.

    Why: a writer that finds the lock taken is put to sleep by SQLite's busy handler for 1, 2, 5 ... up to
    100 ms at a time and tries again, so under four concurrent residents one unlucky request kept losing to
    the others and waited over a second. Waiting on a lock of our own (re-entrant, so a thread that nests
    writers fails on SQLite's busy timeout as before instead of hanging) wakes the next writer as soon as the
    last one ends. Other processes (the CLI, a second server) still meet SQLite's busy timeout.
    """

    def __init__(self) -> None:
        self.lock = threading.RLock()

    def take(self, connection) -> None:
        # Bounded like SQLite's own wait: should a turn ever not be given back, writers are slow, never stuck.
        if self.lock.acquire(timeout=BUSY_TIMEOUT_MS / 1000):
            connection.info[WRITER_TURN] = True
        else:
            log.warning("no SQLite writer turn within %d ms; going ahead on SQLite's busy timeout", BUSY_TIMEOUT_MS)

    def give_back(self, connection) -> None:
        if connection.info.pop(WRITER_TURN, False):
            self.lock.release()


MAY_HAVE_WRITTEN = "may_have_written"  # Session.info: a session meant to write, or one that has flushed


@event.listens_for(Session, "after_flush")
def _mark_written(session: Session, _flush_context) -> None:
    session.info[MAY_HAVE_WRITTEN] = True


def may_write(session: Session) -> Session:
    """Mark a session that is meant to write: `end_a_read` leaves it to be rolled back if its work is not committed."""
    session.info[MAY_HAVE_WRITTEN] = True
    return session


def end_a_read(session: Session) -> None:
    """End a transaction that only read with COMMIT rather than the ROLLBACK of closing: for a read the two are
    the same, but psycopg forgets every prepared statement of the connection at a rollback, so each staff page was
    planned anew on every request (a work list's page query: 2.0 ms a time unprepared, 0.6 ms prepared). A session
    meant to write, one that flushed, or one holding unflushed changes is left as it is, to be rolled back. A COMMIT
    that fails (the database went away after the page was made) is left to the rollback of closing, as before: a
    read has nothing to lose, and the page already made must not become an error."""
    unflushed = session.new or session.dirty or session.deleted
    if not session.in_transaction() or session.info.get(MAY_HAVE_WRITTEN) or unflushed:
        return
    try:
        session.commit()
    except SQLAlchemyError as error:
        log.warning("ending a read with COMMIT failed; the session is rolled back instead: %s", error)


def spatialite_available() -> bool:
    """Whether mod_spatialite can be loaded here; `make` uses it to decide whether to install the OS package."""
    try:
        connection = _sqlite_module().connect(":memory:")
        connection.enable_load_extension(True)
        connection.load_extension(os.environ.get("SPATIALITE_LIBRARY_PATH", "mod_spatialite"))
        connection.close()
    except Exception:  # the driver raises its own OperationalError, or AttributeError without extensions
        return False
    return True


def make_engine(url: str, **kwargs) -> Engine:
    """Create an engine for either database; SQLite gets SpatiaLite, PostgreSQL needs PostGIS installed."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            os.makedirs(os.path.dirname(os.path.abspath(parsed.database)), exist_ok=True)
        engine = create_engine(url, module=_sqlite_module(), **kwargs)
        event.listen(engine, "connect", _on_sqlite_connect)
        _take_over_sqlite_transactions(engine)
        return engine
    pool = {
        "pool_size": int(os.environ.get("DATABASE_POOL_SIZE", "5")),  # per process: see docs/REGION.md
        "max_overflow": int(os.environ.get("DATABASE_MAX_OVERFLOW", "5")),
    }
    return create_engine(url, pool_pre_ping=True, **{**pool, **kwargs})


def instance_dir() -> Path:
    """Where the embedded default keeps its database, photos and artifacts (INSTANCE_DIR, else ./instance)."""
    return Path(os.environ.get("INSTANCE_DIR", Path.cwd() / "instance")).resolve()


def database_url() -> str:
    """DATABASE_URL, or the embedded SQLite database under the instance folder."""
    return os.environ.get("DATABASE_URL") or f"sqlite:///{instance_dir() / 'triage.db'}"


def replica_url() -> str:
    """DATABASE_REPLICA_URL: a streaming replica for the heavy reads (dashboard, exports); empty: the primary."""
    return os.environ.get("DATABASE_REPLICA_URL", "")


class Database:
    """One engine per app, with a session factory for reading and one for units of work that write.

    On SQLite a writing unit of work begins with BEGIN IMMEDIATE; on PostgreSQL both behave the same.
    With a replica URL the heavy reads (dashboard, exports) get a session factory of their own on the
    replica, so counting a year of reports never competes with intake for the primary; without one they
    read the primary. Tests may swap the factories to join a rolled-back transaction.
    """

    def __init__(self, url: str, replica_url: str = "", **engine_kwargs) -> None:
        self.url = url
        self.engine = make_engine(url, **engine_kwargs)
        self.session_factory = sessionmaker(bind=self.engine, expire_on_commit=False)
        self.write_session_factory = sessionmaker(
            bind=self.engine.execution_options(**{WRITES_AHEAD: True}), expire_on_commit=False
        )
        self.replica_engine = make_engine(replica_url, **engine_kwargs) if replica_url else None
        self.replica_session_factory = (
            sessionmaker(bind=self.replica_engine, expire_on_commit=False) if self.replica_engine else None
        )

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for a unit of work outside a request (CLI, jobs) that writes; commits on success."""
        session = self.write_session_factory()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
        if self.replica_engine is not None:
            self.replica_engine.dispose()
