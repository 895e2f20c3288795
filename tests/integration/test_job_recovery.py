"""Background work recovers by itself: a killed worker's job is redone, a hand-over never queues a report twice.

A redis-server of the test's own and real rq workers (one in a process of its own, to be killed); the
database is a fresh SQLite file because the workers have connections of their own and see only commits.
"""

import os
import signal
import subprocess
import sys
import time

import pytest
from redis import Redis
from rq import Queue, SimpleWorker
from rq.job import Job, JobStatus
from sqlalchemy import func, select

from models import PendingJob, Proposal
from models.database import WRITES_AHEAD

REPORT = {"description": "Lantaarnpaal brandt niet", "lat": 52.3812, "lon": 4.6368}


@pytest.fixture
def redis_app(tmp_path, monkeypatch, redis_server, set_up_artifacts):
    from web import create_app

    url = f"sqlite:///{tmp_path / 'jobs.db'}"
    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path / "instance"))
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("ARTIFACT_DIR", str(set_up_artifacts))
    monkeypatch.setattr(
        "triage.jobs.PROPOSAL_RETRY_INTERVALS", [1, 1, 1], raising=False
    )  # the back-off, in seconds, kept short
    settings = {"DATABASE_URL": url, "UPLOAD_DIR": str(tmp_path / "up"), "RATELIMIT_ENABLED": False}
    app = create_app(settings | {"REDIS_URL": redis_server.url})
    assert app.test_cli_runner().invoke(args=["setup"]).exit_code == 0
    yield app
    app.extensions["database"].dispose()


def queue_of(redis_server) -> Queue:
    return Queue("triage", connection=Redis(port=redis_server.port))


def proposal_job_ids(redis_server) -> list[str]:
    return [job_id for job_id in queue_of(redis_server).job_ids if job_id.startswith("propose-")]


def owed_and_made(app) -> tuple[int, int]:
    with app.extensions["database"].session_factory() as session:
        owed = session.scalar(select(func.count()).select_from(PendingJob).where(PendingJob.done_at.is_(None)))
        return owed, session.scalar(select(func.count()).select_from(Proposal))


def work_off(redis_server) -> None:
    queue = queue_of(redis_server)
    SimpleWorker([queue], connection=queue.connection).work(burst=True, with_scheduler=True)


def test_handing_over_twice_queues_each_report_once(redis_app, redis_server):
    redis_server.stop()
    assert redis_app.test_client().post("/api/v1/reports", json=REPORT).status_code == 201
    redis_server.start()
    runner = redis_app.test_cli_runner()
    assert "Handled 1 pending" in runner.invoke(args=["run-pending-jobs"]).output
    assert "Handled 0 pending" in runner.invoke(args=["run-pending-jobs"]).output
    assert len(proposal_job_ids(redis_server)) == 1
    work_off(redis_server)
    assert owed_and_made(redis_app) == (0, 1)


def test_a_report_handed_over_at_intake_is_not_queued_again_by_the_periodic_run(redis_app, redis_server, monkeypatch):
    from triage.jobs import periodic_job

    monkeypatch.setenv("REDIS_URL", redis_server.url)
    assert redis_app.test_client().post("/api/v1/reports", json=REPORT).status_code == 201
    assert periodic_job()["handed_over"] == 0
    assert len(proposal_job_ids(redis_server)) == 1


def worker_process(redis_server) -> subprocess.Popen:
    """The README's production worker, in a process of its own so that it can be killed."""
    command = [
        sys.executable,
        "-m",
        "rq.cli",
        "worker",
        "-w",
        "triage.worker.PreloadedWorker",
        "--url",
        redis_server.url,
    ]
    env = dict(os.environ, PYTHONPATH=os.getcwd())
    return subprocess.Popen([*command, "triage"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def write_lock(app):
    """Hold SQLite's write lock through the app's own driver: a second copy of SQLite in one process drops
    the app's file locks when it closes (SQLite's "multiple copies" hazard) and corrupts the database."""
    connection = app.extensions["database"].engine.execution_options(**{WRITES_AHEAD: True}).connect()
    connection.begin()
    return connection


def wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "waited too long"
        time.sleep(0.05)


def test_a_job_whose_worker_was_killed_is_redone_by_rq(redis_app, redis_server):
    assert redis_app.test_client().post("/api/v1/reports", json=REPORT).status_code == 201
    job = Job.fetch(proposal_job_ids(redis_server)[0], connection=Redis(port=redis_server.port))
    holder = write_lock(redis_app)  # the job waits for the lock, so the worker is killed mid-job
    worker = worker_process(redis_server)
    try:
        wait_for(lambda: job.get_status() == JobStatus.STARTED)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
    finally:
        holder.close()
    assert owed_and_made(redis_app) == (1, 0)

    # Once the dead worker's heartbeat has expired, rq settles the abandoned job: it is retried.
    queue_of(redis_server).started_job_registry.cleanup(timestamp=time.time() + 3600)
    assert job.get_status() == JobStatus.SCHEDULED
    time.sleep(1.2)  # the retry's back-off
    work_off(redis_server)
    assert owed_and_made(redis_app) == (0, 1)


def test_a_burst_of_reports_queues_one_mail_job(redis_app, redis_server):
    client = redis_app.test_client()
    for _ in range(3):
        assert client.post("/api/v1/reports", json=REPORT).status_code == 201
    assert [job_id for job_id in queue_of(redis_server).job_ids if not job_id.startswith("propose-")] == ["send-mail"]
