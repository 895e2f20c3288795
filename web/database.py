"""One database session per request, committed by the view that changes something and closed at teardown."""

from __future__ import annotations

from flask import Flask, current_app, g, request
from sqlalchemy.orm import Session

from models.database import Database, end_a_read, may_write


def init_app(app: Flask) -> None:
    app.extensions["database"] = Database(app.config["DATABASE_URL"], app.config.get("DATABASE_REPLICA_URL", ""))
    app.teardown_appcontext(_close_session)


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
        g.db_session = may_write(db.write_session_factory()) if _writes() else db.session_factory()
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
    """A request that only read ends with COMMIT (`end_a_read`: it keeps the connection's prepared statements);
    one that failed, or may have written what its view did not commit, with the rollback of closing."""
    for name in ("db_session", "db_replica_session"):
        db_session = g.pop(name, None)
        if db_session is not None:
            if exc is None:
                end_a_read(db_session)
            db_session.close()
