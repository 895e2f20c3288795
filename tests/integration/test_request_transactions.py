"""How a request's transaction ends: a page that only read ends with COMMIT, so PostgreSQL keeps what the
connection prepared (psycopg forgets every prepared statement at a rollback); a request that may have written
something it did not commit still ends in a rollback, so nothing of it stays."""

import pytest
from sqlalchemy import event, select, text
from sqlalchemy.exc import OperationalError

from models import Role, StaffUser
from tests.factories import make_staff
from tests.support.databases import own_database, prepared_database
from tests.support.web import app_on, log_in
from web.database import session

LEAD = "lead@haarlem.example"


def with_a_lead(url: str) -> None:
    database = prepared_database(url)
    with database.session() as db_session:
        make_staff(db_session, Role.TEAM_LEAD, Role.TRIAGE_OFFICER, email=LEAD, name="Lead")
        db_session.commit()
    database.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def own_app(request, tmp_path, monkeypatch):
    """The app on a database of its own, with its own session factories (not joined to a test transaction), so
    that what a request's end commits or rolls back is what the database keeps."""
    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path / "instance"))
    url, remove = own_database(request.param, tmp_path, with_a_lead)
    app = app_on(url, tmp_path / "uploads")
    yield app
    app.extensions["database"].dispose()
    remove()


def lead_name(app) -> str:
    with app.extensions["database"].session() as db_session:
        return db_session.scalar(select(StaffUser.name).where(StaffUser.email == LEAD))


@pytest.mark.parametrize("own_app", ["postgresql"], indirect=True)  # prepared statements are PostgreSQL's
def test_pages_that_only_read_keep_the_connections_prepared_statements(own_app):
    client = own_app.test_client()
    log_in(client, LEAD)
    for _ in range(8):  # psycopg prepares a statement at its fifth execution on a connection
        assert client.get("/triage/").status_code == 200
    with own_app.extensions["database"].engine.connect() as connection:  # the pool's one connection
        prepared = connection.execute(text("SELECT count(*) FROM pg_prepared_statements")).scalar()
    assert prepared > 0


@pytest.mark.parametrize("flush", [False, True])
def test_a_change_a_reading_request_did_not_commit_is_not_kept(own_app, flush):
    with own_app.test_request_context("/triage/", method="GET"):
        lead = session().scalar(select(StaffUser).where(StaffUser.email == LEAD))
        lead.name = "Changed while reading"
        if flush:
            session().flush()
    assert lead_name(own_app) == "Lead"


def test_a_reading_request_that_commits_itself_keeps_its_change(own_app):
    with own_app.test_request_context("/triage/", method="GET"):
        session().scalar(select(StaffUser).where(StaffUser.email == LEAD)).name = "Saved"
        session().commit()
    assert lead_name(own_app) == "Saved"


def test_a_page_is_served_when_the_commit_that_ends_its_read_fails(own_app):
    """The database went away after the page was made: the read has nothing to lose, the person gets the page."""
    client = own_app.test_client()
    log_in(client, LEAD)
    engine = own_app.extensions["database"].engine

    def gone(_connection) -> None:
        raise OperationalError("COMMIT", {}, ConnectionError("the database went away"))

    event.listen(engine, "commit", gone)
    try:
        response = client.get("/triage/")
    finally:
        event.remove(engine, "commit", gone)
    assert response.status_code == 200
