"""`make bench`: how many proposals per second one production rq worker makes, sustained (bench-worker.json).

A burst of reports is stored through the JSON API of an app that hands its jobs to a redis-server of the
bench's own, then one worker works the queue off in burst mode, as the README's production section runs it
(`rq worker -w triage.worker.PreloadedWorker`). The rate is taken from rq's own start and end times of the
jobs, so the worker's start-up (loading the classifiers once) is not counted; mail jobs the same requests
queued are worked off in the same window, as in production. A small sample also goes through rq's default
worker (a new process per job), the command the README gave before, for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

REPORT = {"description": "De lantaarnpaal voor nummer 12 brandt al een week niet.", "lat": 52.3812, "lon": 4.6368}
PRELOADED = ["-w", "triage.worker.PreloadedWorker"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_redis() -> tuple[subprocess.Popen, str]:
    from redis import Redis

    port = free_port()
    server = subprocess.Popen(
        [shutil.which("redis-server") or "/usr/bin/redis-server", "--port", str(port), "--bind", "127.0.0.1"]
        + ["--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            Redis(port=port).ping()
            return server, f"redis://127.0.0.1:{port}/0"
        except Exception:
            time.sleep(0.05)
    server.kill()
    raise SystemExit("redis-server did not start")


def environment(folder: Path, redis_url: str) -> dict:
    os.environ.update(
        DATABASE_URL=f"sqlite:///{folder / 'bench.db'}",
        INSTANCE_DIR=str(folder),
        UPLOAD_DIR=str(folder / "uploads"),
        ARTIFACT_DIR=str(folder / "artifacts"),
        REDIS_URL=redis_url,
        RATELIMIT_ENABLED="0",
        DEMO_HISTORY="0",
        PYTHONPATH=str(ROOT),
    )
    return dict(os.environ)


def store_reports(n: int) -> None:
    """The burst: n reports through the JSON API, each handing its proposal (and mail) job to rq."""
    from web import create_app

    app = create_app()
    client = app.test_client()
    for _ in range(n):
        assert client.post("/api/v1/reports", json=REPORT).status_code == 201
    app.extensions["database"].dispose()


def work_off(redis_url: str, env: dict, worker_options: list[str]) -> dict:
    """One worker in burst mode over the whole queue; the rate from the first job's start to the last one's end."""
    from redis import Redis
    from rq import Queue

    queue = Queue("triage", connection=Redis.from_url(redis_url))
    job_ids = queue.job_ids
    started = time.monotonic()
    command = [sys.executable, "-m", "rq.cli", "worker", *worker_options, "--burst", "--url", redis_url, "triage"]
    subprocess.run(command, env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.monotonic() - started
    jobs = [job for job in queue.job_class.fetch_many(job_ids, connection=queue.connection) if job]
    proposals = [job for job in jobs if job.id.startswith("propose-")]
    window = (max(job.ended_at for job in jobs) - min(job.started_at for job in jobs)).total_seconds()
    return {
        "proposal_jobs": len(proposals),
        "mail_jobs": len(jobs) - len(proposals),
        "failed": sum(job.get_status() != "finished" for job in jobs),
        "window_seconds": round(window, 2),
        "wall_seconds_with_start_up": round(wall, 2),
        "proposals_per_second": round(len(proposals) / window, 2),
    }


def proposals_made() -> int:
    from sqlalchemy import func, select

    from models import Proposal
    from models.database import Database

    database = Database(os.environ["DATABASE_URL"])
    with database.session_factory() as session:
        made = session.scalar(select(func.count()).select_from(Proposal))
    database.dispose()
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="bench-worker.json")
    parser.add_argument("--reports", type=int, default=600, help="the burst worked off by the preloaded worker")
    parser.add_argument("--forking-sample", type=int, default=5, help="reports through rq's default worker")
    args = parser.parse_args()
    redis, redis_url = start_redis()
    folder = Path(tempfile.mkdtemp(prefix="bench-worker-"))
    try:
        env = environment(folder, redis_url)
        subprocess.run([sys.executable, "-m", "flask", "--app", "web", "setup"], env=env, cwd=ROOT, check=True)
        results = {"machine_cpus": os.cpu_count(), "database": "sqlite"}
        store_reports(args.forking_sample)
        results["default_forking_worker"] = work_off(redis_url, env, [])
        store_reports(args.reports)
        results["preloaded_worker"] = work_off(redis_url, env, PRELOADED)
        results["proposals_in_database"] = proposals_made()
        results["reports"] = args.reports + args.forking_sample
    finally:
        redis.terminate()
        redis.wait()
        shutil.rmtree(folder, ignore_errors=True)
    Path(args.out).write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
