"""With Redis, proposal jobs go to rq; if Redis is down at intake, the report is kept and its job runs later.

Uses a real redis-server of its own on a free port (so stopping it does not disturb anything else) and a
real rq worker in burst mode. The database is a fresh SQLite file, because the worker has its own
connection and must see committed data.
"""

import pytest
from redis import Redis
from rq import Queue, SimpleWorker
from sqlalchemy import select

from models import PendingJob, Proposal, Report
from tests.factories import QUIET_PERIODIC_RUN


@pytest.fixture
def redis_app(tmp_path, monkeypatch, redis_server, set_up_artifacts):
    from web import create_app

    url = f"sqlite:///{tmp_path / 'jobs.db'}"
    for name, value in {
        "INSTANCE_DIR": str(tmp_path / "instance"),
        "DATABASE_URL": url,
        "ARTIFACT_DIR": str(set_up_artifacts),
    }.items():
        monkeypatch.setenv(name, value)
    app = create_app(
        {
            "DATABASE_URL": url,
            "UPLOAD_DIR": str(tmp_path / "up"),
            "RATELIMIT_ENABLED": False,
            "REDIS_URL": redis_server.url,
        }
    )
    assert app.test_cli_runner().invoke(args=["setup"]).exit_code == 0
    yield app
    app.extensions["database"].dispose()


def work_off(port: int) -> None:
    connection = Redis(port=port)
    SimpleWorker([Queue("triage", connection=connection)], connection=connection).work(burst=True)


def state(app):
    with app.extensions["database"].session_factory() as session:
        reports = session.scalars(select(Report)).all()
        proposals = session.scalars(select(Proposal)).all()
        pending = session.scalars(select(PendingJob).where(PendingJob.done_at.is_(None))).all()
        return len(reports), len(proposals), len(pending)


REPORT = {"description": "Lantaarnpaal brandt niet", "lat": 52.3812, "lon": 4.6368}


def test_report_gets_its_proposal_through_rq(redis_app, redis_server):
    assert redis_app.test_client().post("/api/v1/reports", json=REPORT).status_code == 201
    assert state(redis_app) == (1, 0, 1)  # handed to rq, not yet worked off
    work_off(redis_server.port)
    assert state(redis_app) == (1, 1, 0)


def test_report_accepted_while_redis_is_down_gets_its_proposal_when_it_is_back(redis_app, redis_server):
    redis_server.stop()
    response = redis_app.test_client().post("/api/v1/reports", json=REPORT)
    assert response.status_code == 201
    assert state(redis_app) == (1, 0, 1)

    redis_server.start()
    result = redis_app.test_cli_runner().invoke(args=["run-pending-jobs"])
    assert "Handled 1 pending proposal jobs." in result.output
    work_off(redis_server.port)
    assert state(redis_app) == (1, 1, 0)


def test_running_a_proposal_job_twice_does_no_harm(redis_app, redis_server):
    from triage.jobs import proposal_job

    redis_app.test_client().post("/api/v1/reports", json=REPORT)
    work_off(redis_server.port)
    with redis_app.extensions["database"].session_factory() as session:
        report_id = session.scalar(select(Report.id))
    assert proposal_job(report_id)
    assert state(redis_app) == (1, 1, 0)


def test_mail_and_periodic_jobs_run_on_an_rq_worker(redis_app, redis_server, smtp_server, monkeypatch):
    from triage.jobs import periodic_job

    monkeypatch.setenv("SMTP_HOST", "127.0.0.1")
    monkeypatch.setenv("SMTP_PORT", str(smtp_server.port))
    report = dict(REPORT, email="bewoner@example.nl", contact_consent=True)
    assert redis_app.test_client().post("/api/v1/reports", json=report).status_code == 201
    work_off(redis_server.port)  # the proposal job, then the mail job
    assert ["bewoner@example.nl"] in smtp_server.recipients
    queue = Queue("triage", connection=Redis(port=redis_server.port))
    job = queue.enqueue(periodic_job)
    work_off(redis_server.port)
    job.refresh()
    assert job.return_value() == QUIET_PERIODIC_RUN
