"""Drill: a proposal job's worker is killed (SIGKILL) mid-job; how long until the proposal is made without a person?

A second production worker runs (`rq worker -w triage.worker.PreloadedWorker --with-scheduler`) and the periodic
run is called every --periodic seconds, as `rq cron triage.schedule` does (default 60 s). Prints the time from the
kill to the stored proposal. Run by hand: `.venv/bin/python tests/benchmarks/drill_killed_job.py` (2-3 minutes).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
REPORT = {"description": "Lantaarnpaal brandt niet", "lat": 52.3812, "lon": 4.6368}


def worker(redis_url: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "rq.cli", "worker", "-w", "triage.worker.PreloadedWorker", "--with-scheduler"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [*command, "--url", redis_url, "triage"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def proposals(app) -> int:
    from sqlalchemy import func, select

    from models import Proposal

    with app.extensions["database"].session_factory() as session:
        return session.scalar(select(func.count()).select_from(Proposal))


def kill_mid_job(app, redis_server) -> float:
    """Start a worker on the one owed proposal, hold the database's write lock so the job waits, kill the worker."""
    from redis import Redis
    from rq import Queue
    from rq.job import Job, JobStatus

    from models.database import WRITES_AHEAD

    connection = Redis(port=redis_server.port)
    job_id = next(j for j in Queue("triage", connection=connection).job_ids if j.startswith("propose-"))
    job = Job.fetch(job_id, connection=connection)
    holder = app.extensions["database"].engine.execution_options(**{WRITES_AHEAD: True}).connect()
    holder.begin()
    first = worker(redis_server.url)
    while job.get_status() != JobStatus.STARTED:
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait()
    holder.close()
    return time.monotonic()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--periodic", type=float, default=60.0, help="seconds between periodic runs")
    periodic = parser.parse_args().periodic
    folder = Path(tempfile.mkdtemp())
    url = f"sqlite:///{folder / 'drill.db'}"
    os.environ.update(
        INSTANCE_DIR=str(folder / "instance"), DATABASE_URL=url, ARTIFACT_DIR=str(folder / "art"), DEMO_HISTORY="0"
    )
    from tests.support.servers import RedisServer

    with RedisServer() as redis_server:
        os.environ["REDIS_URL"] = redis_server.url
        from triage.jobs import periodic_job
        from web import create_app

        settings = {"DATABASE_URL": url, "UPLOAD_DIR": str(folder / "up"), "RATELIMIT_ENABLED": False}
        app = create_app(settings | {"REDIS_URL": redis_server.url})
        assert app.test_cli_runner().invoke(args=["setup"]).exit_code == 0
        assert app.test_client().post("/api/v1/reports", json=REPORT).status_code == 201
        killed = next_run = kill_mid_job(app, redis_server)
        second = worker(redis_server.url)
        try:
            while proposals(app) == 0:
                if time.monotonic() >= next_run:
                    periodic_job()
                    next_run += periodic
                time.sleep(0.2)
                if time.monotonic() - killed > 900:
                    raise SystemExit("not redone within 15 minutes")
            took = time.monotonic() - killed
            print(f"redone without a person {took:.1f} s after the kill (periodic run every {periodic:.0f} s)")
        finally:
            second.send_signal(signal.SIGTERM)
            second.wait(timeout=30)


if __name__ == "__main__":
    main()
