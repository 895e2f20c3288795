"""One database session per request, committed by the view that changes something and closed at teardown."""

from __future__ import annotations

from flask import Flask, current_app, g, request
from sqlalchemy import event
from sqlalchemy.orm import Session

from models.database import Database

MAY_HAVE_WRITTEN = "may_have_written"  # session.info: a write session, or one that flushed a change


def init_app(app: Flask) -> None:
    app.extensions["database"] = Database(app.config["DATABASE_URL"], app.config.get("DATABASE_REPLICA_URL", ""))
    app.teardown_appcontext(_close_session)


@event.listens_for(Session, "after_flush")
def _mark_written(db_session: Session, _flush_context) -> None:
    db_session.info[MAY_HAVE_WRITTEN] = True


def database() -> Database:
    return current_app.extensions["database"]


WRITING_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def writes_on_read(view):
    """Mark a GET view that writes (an audited look at personal data): it takes the write lock up front too, so
    SQLite never has to turn its read into a write while a background job writes (that fails at once)."""
    view.takes_write_lock = True
    return view


def _writes() -> bool:
    view = current_app.view_functions.get(request.endpoint or "")
    return request.method in WRITING_METHODS or getattr(view, "takes_write_lock", False)


def session() -> Session:
    """The request's session; a request that may write gets one that takes the write lock up front."""
    if "db_session" not in g:
        db = database()
        writes = _writes()
        g.db_session = (db.write_session_factory if writes else db.session_factory)()
        g.db_session.info[MAY_HAVE_WRITTEN] = writes
    return g.db_session


def replica_session() -> Session:
    """The request's session for heavy reads (dashboard, exports): on DATABASE_REPLICA_URL when set, which
    lags the primary by a moment, so only pages that show figures and lists, never a form, use it."""
    replica = database().replica_session_factory
    if replica is None:  # one database: the request's own session, not a second connection
        return session()
    if "db_replica_session" not in g:
        g.db_replica_session = replica()
    return g.db_replica_session


def _close_session(exc) -> None:
    for name in ("db_session", "db_replica_session"):
        db_session = g.pop(name, None)
        if db_session is not None:
            _end_a_read(db_session, exc)
            db_session.close()


def _end_a_read(db_session: Session, exc) -> None:
    """A request that only read (a read session that never flushed, no error) ends its transaction with COMMIT
    rather than the ROLLBACK of closing, which changes nothing for a read and keeps what the connection has
    prepared: psycopg forgets every prepared statement at a rollback, so each staff page was planned anew on every
    request (a work list's page query: 2.0 ms a time unprepared, 0.6 ms prepared). A session that may have
    written, or holds a change it has not flushed, still ends in a rollback of whatever its view did not commit."""
    unflushed = db_session.new or db_session.dirty or db_session.deleted
    if exc is None and db_session.in_transaction() and not db_session.info.get(MAY_HAVE_WRITTEN) and not unflushed:
        db_session.commit()
