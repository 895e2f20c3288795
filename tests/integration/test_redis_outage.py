"""Redis stopping never turns a resident away: rate limits fall back to memory and reports keep their jobs.

The app is set up as the README's production section advises (rate limits and jobs both in Redis), against
a redis-server of the test's own that the test stops mid-run. Runs on both databases: a fresh file or
database each, because the app commits for real.
"""

import html
import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from models import PendingJob, Report
from tests.factories import GROTE_MARKT, OFFICER_EMAIL, make_api_key, make_staff, request_fields
from tests.support.databases import DatabaseUnavailable, create_postgres_database, drop_postgres_database
from tests.support.skipping import unavailable
from tests.support.web import csrf_token_from, log_in, post_multipart

API_REPORT = {"description": "Lantaarnpaal brandt niet", "lat": GROTE_MARKT[1], "lon": GROTE_MARKT[0]}


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'outage.db'}"
        return
    try:
        url = create_postgres_database()
    except DatabaseUnavailable as reason:
        unavailable(str(reason))
    yield url
    drop_postgres_database(url)


@pytest.fixture
def production_app(tmp_path, monkeypatch, redis_server, database_url, set_up_artifacts):
    from models.staff import Role
    from web import create_app

    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path / "instance"))
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("ARTIFACT_DIR", str(set_up_artifacts))
    app = create_app(
        {
            "DATABASE_URL": database_url,
            "UPLOAD_DIR": str(tmp_path / "up"),
            "REDIS_URL": redis_server.url,
            "RATELIMIT_STORAGE_URI": redis_server.url,
            "RATELIMIT_ENABLED": True,
        }
    )
    assert app.test_cli_runner().invoke(args=["setup"]).exit_code == 0
    with app.extensions["database"].session() as session:
        make_staff(session, Role.TRIAGE_OFFICER, email=OFFICER_EMAIL, now=datetime.now(UTC))
        app.config["TEST_API_KEY"] = make_api_key(session)
    yield app
    app.extensions["database"].dispose()


def send_form(client):
    """The resident's way: the summary page, then its send button with the fields it carries."""
    token = csrf_token_from(client.get("/").get_data(as_text=True))
    form = {"csrf_token": token, "description": "De lantaarnpaal bij de kerk brandt niet."}
    form |= {"lon": str(GROTE_MARKT[0]), "lat": str(GROTE_MARKT[1]), "action": "review"}
    summary = post_multipart(client, "/melding", form)
    assert summary.status_code == 200, summary.get_data(as_text=True)
    hidden = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', summary.get_data(as_text=True))
    return client.post("/melding", data={name: html.unescape(value) for name, value in hidden} | {"action": "submit"})


def every_public_write(app) -> list[int]:
    client = app.test_client()
    return [
        send_form(client).status_code,
        client.post("/api/v1/reports", json=API_REPORT).status_code,
        client.post("/open311/v2/requests.json", data=request_fields(app.config["TEST_API_KEY"])).status_code,
    ]


def stored(app) -> tuple[int, int]:
    with app.extensions["database"].session_factory() as session:
        reports = session.scalar(select(func.count()).select_from(Report))
        pending = session.scalar(select(func.count()).select_from(PendingJob).where(PendingJob.done_at.is_(None)))
        return reports, pending


def test_reports_are_stored_with_their_jobs_pending_when_redis_stops(production_app, redis_server):
    assert every_public_write(production_app) == [303, 201, 201]
    redis_server.stop()
    assert every_public_write(production_app) == [303, 201, 201]
    assert stored(production_app) == (6, 6)  # nothing lost; nobody worked the jobs off


def test_staff_can_log_in_while_redis_is_down(production_app, redis_server):
    redis_server.stop()
    response = log_in(production_app.test_client())
    assert response.status_code == 302


def test_rate_limits_still_hold_in_memory_while_redis_is_down(production_app, redis_server):
    production_app.config["REPORT_RATE_LIMIT"] = "2 per minute"
    redis_server.stop()
    client = production_app.test_client()
    answers = [client.post("/api/v1/reports", json=API_REPORT).status_code for _ in range(3)]
    assert answers == [201, 201, 429]
    assert stored(production_app) == (2, 2)
