"""DATABASE_REPLICA_URL: the dashboard and its exports read from a streaming replica, so a region's heavy
counting never competes with intake for the primary; everything else (log-in, forms) stays on the primary.

A real primary and a real streaming replica (tests/support/replica.py: initdb, pg_basebackup -R, pg_ctl).
"""

import pytest
from sqlalchemy import event, text

from models import Role
from tests.factories import make_staff
from tests.support.artifacts import copy_of
from tests.support.replica import StreamingReplica
from tests.support.web import log_in

REPORT = {"description": "Lantaarnpaal brandt niet", "lat": 52.3812, "lon": 4.6368}
LEAD = "lead@haarlem.example"


@pytest.fixture(scope="module")
def streaming():
    with StreamingReplica() as pair:
        yield pair


@pytest.fixture(scope="module")
def replica_app(streaming, tmp_path_factory, demo_artifact_folder):
    from web import create_app

    tmp_path = tmp_path_factory.mktemp("replica")
    copy_of(demo_artifact_folder, tmp_path / "artifacts")  # setup finds the classifiers and trains none
    with pytest.MonkeyPatch.context() as monkeypatch:
        yield from _app(create_app, streaming, tmp_path, monkeypatch)


def _app(create_app, streaming, tmp_path, monkeypatch):
    for name, value in {
        "INSTANCE_DIR": str(tmp_path / "instance"),
        "DATABASE_URL": streaming.primary_url,
        "ARTIFACT_DIR": str(tmp_path / "artifacts"),
        "DEMO_HISTORY": "0",
    }.items():
        monkeypatch.setenv(name, value)
    app = create_app(
        {
            "DATABASE_URL": streaming.primary_url,
            "DATABASE_REPLICA_URL": streaming.replica_url,
            "UPLOAD_DIR": str(tmp_path / "up"),
            "RATELIMIT_ENABLED": False,
        }
    )
    app.config["JOBS_IN_BACKGROUND"] = False
    assert app.test_cli_runner().invoke(args=["setup"]).exit_code == 0
    with app.extensions["database"].session() as session:
        make_staff(session, Role.TEAM_LEAD, email=LEAD)
    yield app
    app.extensions["database"].dispose()


def report_reads(engine) -> list[str]:
    """Statements touching the report table sent on `engine` from now on (the caller removes the listener)."""
    seen: list[str] = []

    def listener(_conn, _cursor, statement, *_args) -> None:
        if "FROM report" in statement:
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", listener)
    return seen


def test_the_replica_streams_from_the_primary_and_is_read_only(streaming, replica_app):
    database = replica_app.extensions["database"]
    with database.replica_session_factory() as session:
        assert session.scalar(text("SELECT pg_is_in_recovery()")) is True
        assert session.scalar(text("SELECT count(*) FROM pg_stat_wal_receiver WHERE status = 'streaming'")) == 1


def test_dashboard_and_exports_read_from_the_replica_and_see_what_the_primary_committed(streaming, replica_app):
    client = replica_app.test_client()
    created = client.post("/api/v1/reports", json=REPORT)
    assert created.status_code == 201
    streaming.caught_up()
    database = replica_app.extensions["database"]
    on_replica, on_primary = report_reads(database.replica_engine), report_reads(database.engine)
    log_in(client, LEAD)
    assert client.get("/dashboard").status_code == 200
    export = client.get("/dashboard/meldingen.csv?set=inflow&lang=nl")
    assert export.status_code == 200
    assert created.get_json()["tracking_code"] in export.get_data(as_text=True)
    assert on_replica  # the figures and the export were counted on the replica
    assert on_primary == []  # and not one of them on the primary


def test_without_a_replica_the_heavy_reads_use_the_primary(tmp_path):
    from models.database import Database

    database = Database(f"sqlite:///{tmp_path / 'one.db'}")
    assert database.replica_engine is None and database.replica_session_factory is None
    database.dispose()
