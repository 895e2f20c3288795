"""On SQLite one writer at a time: a report sent while another connection holds the write lock waits for it
(the busy timeout) instead of failing. SQLite only: PostgreSQL has row locks and no single write lock."""

import threading
import time

import pytest
from sqlalchemy import func, select

from models import Report
from models.database import WRITES_AHEAD

REPORT = {"description": "Lantaarnpaal brandt niet", "lat": 52.3812, "lon": 4.6368}


@pytest.fixture
def file_app(tmp_path, monkeypatch, set_up_artifacts):
    from web import create_app

    url = f"sqlite:///{tmp_path / 'locks.db'}"
    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path / "instance"))
    monkeypatch.setenv("ARTIFACT_DIR", str(set_up_artifacts))
    app = create_app({"DATABASE_URL": url, "UPLOAD_DIR": str(tmp_path / "up"), "RATELIMIT_ENABLED": False})
    app.config["JOBS_IN_BACKGROUND"] = False
    assert app.test_cli_runner().invoke(args=["setup"]).exit_code == 0
    yield app
    app.extensions["database"].dispose()


def hold_write_lock(app, seconds: float, taken: threading.Event) -> None:
    """Another writer (a worker, the periodic run) in a long transaction, on a connection of its own."""
    with app.extensions["database"].engine.execution_options(**{WRITES_AHEAD: True}).connect() as connection:
        connection.begin()
        taken.set()
        time.sleep(seconds)
        connection.rollback()


def test_a_report_sent_while_another_writer_holds_the_lock_waits_and_is_stored(file_app):
    taken = threading.Event()
    holder = threading.Thread(target=hold_write_lock, args=(file_app, 2.0, taken))
    holder.start()
    taken.wait(5)
    started = time.monotonic()
    response = file_app.test_client().post("/api/v1/reports", json=REPORT)
    waited = time.monotonic() - started
    holder.join()
    assert response.status_code == 201
    assert waited > 1.5  # it really waited for the other writer
    with file_app.extensions["database"].session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Report)) == 1
