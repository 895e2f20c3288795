"""`make bench` (region): the production set-up under a region's load, on PostgreSQL + PostGIS with Redis.

gunicorn with 4 workers and 2 rq workers (PreloadedWorker, with the scheduler for retries) serve a database
seeded with --reports reports (default 100,000, as bench_inbox.py seeds them). Two measurements:
1. create through the JSON API with bench_http.py (the client that measured Signalen): 1 client and 4 clients;
2. the load run: 4 clients creating reports (one in each buurt in turn, see `spread_reports`) and 2 reading
   staff lists (the triage inbox and a team's work list, logged in) at the same time for --seconds (60), then
   the proposal backlog (proposals still owed) at the end and the seconds until it is back to zero (target: no
   error, zero within 30 s).
Results go to a JSON file, so the figures can be re-run on a quiet machine and compared.
"""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_inbox import PASSWORD, log_in, run, seed  # noqa: E402
from tests.benchmarks.bench_intake import (  # noqa: E402
    FLASK,
    REPORT,
    bench_environment,
    publish,
    run_bench_http,
    start_gunicorn,
)
from tests.support.databases import create_postgres_database, drop_postgres_database  # noqa: E402
from tests.support.servers import RedisServer  # noqa: E402

BIN = Path(sys.executable).parent
STAFF_LISTS = ("/triage/", "/team/simple")


def create_staff(env: dict) -> None:
    command = [sys.executable, "-m", "triage.cli", "users", "create", "bench@haarlem.example", "--name", "Bench"]
    run([*command, "--role", "triage_officer", "--role", "team_lead", "--password", PASSWORD], env)


def start_rq_workers(env: dict, redis_url: str, count: int) -> list[subprocess.Popen]:
    command = [str(BIN / "rq"), "worker", "-w", "triage.worker.PreloadedWorker", "--with-scheduler"]
    return [
        subprocess.Popen(
            [*command, "--url", redis_url, "triage"],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(count)
    ]


def summary(latencies: list[float], errors: int, seconds: float) -> dict:
    latencies = sorted(latencies)
    if not latencies:
        return {"n": 0, "errors": errors}

    def pct(q: float) -> float:
        return round(latencies[max(0, math.ceil(q * len(latencies)) - 1)] * 1000, 2)

    return {
        "n": len(latencies),
        "errors": errors,
        "req_per_s": round(len(latencies) / seconds, 1),
        "median_ms": round(statistics.median(latencies) * 1000, 2),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "max_ms": pct(1.0),
    }


TEXTS = (
    "Container zit vol, er staan zakken naast",
    "Lantaarnpaal brandt niet",
    "Losse stoeptegel, je struikelt erover",
    "Zwerfafval op het plein",
    "Auto op de stoep geparkeerd",
    "Overhangende takken over het fietspad",
)


def spread_reports(engine: sa.Engine) -> list[dict]:
    """A report in each buurt (a point inside it), each with one of a few texts: a region's reports come from all
    over it. The create measurement above sends bench_http.py's one report to one pin; the load run sent it too
    until this, which piled every report of the run onto one spot (a festival ground, not a region), `--one-pin`
    still does."""
    with engine.connect() as connection:
        points = connection.execute(
            sa.text(
                "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_PointOnSurface(geom) AS p, code FROM area "
                "WHERE kind = 'buurt') AS inside ORDER BY code"
            )
        ).all()
    return [{"description": TEXTS[i % len(TEXTS)], "lat": y, "lon": x} for i, (x, y) in enumerate(points)]


class Load:
    """Clients that each repeat one kind of request until `stop` is set, timing each as bench_http.py does."""

    def __init__(self, reports: list[dict]) -> None:
        self.reports = reports
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = {"create": [], "staff_lists": []}
        self.errors: dict[str, int] = {"create": 0, "staff_lists": 0}
        self.error_samples: list[str] = []

    def _record(self, kind: str, started: float, response: requests.Response | None, expect: int) -> None:
        with self.lock:
            if response is not None and response.status_code == expect:
                self.latencies[kind].append(time.perf_counter() - started)
                return
            self.errors[kind] += 1
            if len(self.error_samples) < 5:
                status = response.status_code if response is not None else "no answer"
                self.error_samples.append(f"{kind}: {status}")

    def creator(self, base: str, offset: int) -> None:
        http = requests.Session()
        turn = offset
        while not self.stop.is_set():
            started, response = time.perf_counter(), None
            report = self.reports[turn % len(self.reports)]
            turn += 1
            try:
                response = http.post(base + "/api/v1/reports", json=report, timeout=30)
                _ = response.content
            except requests.RequestException:
                pass
            self._record("create", started, response, 201)

    def reader(self, base: str, offset: int) -> None:
        http = log_in(base)
        turn = offset
        while not self.stop.is_set():
            started, response = time.perf_counter(), None
            try:
                response = http.get(base + STAFF_LISTS[turn % len(STAFF_LISTS)], timeout=30)
                _ = response.content
            except requests.RequestException:
                pass
            self._record("staff_lists", started, response, 200)
            turn += 1

    def run(self, base: str, creators: int, readers: int, seconds: float) -> dict:
        threads = [threading.Thread(target=self.creator, args=(base, i * 29)) for i in range(creators)]
        threads += [threading.Thread(target=self.reader, args=(base, i)) for i in range(readers)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        time.sleep(seconds)
        self.stop.set()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        return {
            "seconds": round(wall, 1),
            "creators": creators,
            "readers": readers,
            **{kind: summary(self.latencies[kind], self.errors[kind], wall) for kind in self.latencies},
            "error_samples": self.error_samples,
        }


def backlog(engine: sa.Engine) -> int:
    """Proposals still owed: reports whose proposal job has not been done (queued, running or waiting)."""
    with engine.connect() as connection:
        return connection.execute(
            sa.text("SELECT count(*) FROM pending_job WHERE done_at IS NULL AND report_id IS NOT NULL")
        ).scalar()


def drain(engine: sa.Engine, limit: float) -> dict:
    at_end = backlog(engine)
    started = time.perf_counter()
    left = at_end
    while left and time.perf_counter() - started < limit:
        time.sleep(0.5)
        left = backlog(engine)
    return {
        "backlog_at_end": at_end,
        "seconds_to_zero": round(time.perf_counter() - started, 1) if not left else None,
        "backlog_after_wait": left,
    }


def measure(url: str, env: dict, args) -> dict:
    server, base = start_gunicorn(env, args.workers)
    workers = start_rq_workers(env, env["REDIS_URL"], args.rq_workers)
    engine = sa.create_engine(url)
    try:
        with tempfile.TemporaryDirectory() as folder:
            create = {
                "c1": run_bench_http(base, args.n, 1, "create-pg-redis", Path(folder)),
                "c4": run_bench_http(base, args.n, 4, "create-pg-redis-c4", Path(folder)),
            }
        drain(engine, 120)  # the creates' proposals first, so the load run starts with an empty backlog
        reports = [REPORT] if args.one_pin else spread_reports(engine)
        load = Load(reports).run(base, 4, 2, args.seconds)
        places = {"places": len(reports)}
        return {"create_with_redis": create, "load_run": {**places, **load, **drain(engine, args.drain_limit)}}
    finally:
        engine.dispose()
        for process in [server, *workers]:
            process.terminate()
        for process in [server, *workers]:
            process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="bench-region.json")
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--n", type=int, default=1000, help="requests per create measurement")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--rq-workers", type=int, default=2)
    parser.add_argument("--drain-limit", type=float, default=120)
    parser.add_argument("--one-pin", action="store_true", help="the load run's reports all at one pin, as before")
    args = parser.parse_args()
    url = create_postgres_database()
    try:
        with tempfile.TemporaryDirectory() as folder, RedisServer() as redis:
            env = {**bench_environment(url, Path(folder)), "REDIS_URL": redis.url}
            run([*FLASK, "setup"], env)
            create_staff(env)
            started = time.perf_counter()
            seed(url, args.reports)
            seeded = round(time.perf_counter() - started, 1)
            results = {
                "reports": args.reports,
                "seed_seconds": seeded,
                "gunicorn_workers": args.workers,
                "rq_workers": args.rq_workers,
                "targets": "create c1 median < 6 ms, p95 < 10 ms; c4 >= 300 reports/s; load run: no error, "
                "backlog back to zero within 30 s",
                **measure(url, env, args),
            }
    finally:
        drop_postgres_database(url)
    publish(results, args.out)


if __name__ == "__main__":
    main()
