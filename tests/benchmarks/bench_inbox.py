"""`make bench` (part 2): the triage inbox and a team view with 100,000 reports in PostgreSQL + PostGIS.

Seeds 100,000 reports spread over Haarlem and two years, the open ones the newest as in a municipality's
database (the latest 2% waiting for triage, each with a proposal, the 8% before them in progress; a seed with
every tenth report of the two years open had hidden that the lists read the handled reports first), serves
the app with waitress (the embedded default's server) and then with gunicorn (the production server, 2 sync
workers as Signalen was measured), logs in as an officer and times the inbox list, a report page with its
duplicate candidates and a team's work list. bench_http.py cannot log in, so the timing loop here follows its
method: one persistent session, sequential warm-up, perf_counter around each request, nearest-rank percentiles.
"""

from __future__ import annotations

import argparse
import math
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_intake import FLASK, bench_environment, publish, serving  # noqa: E402
from tests.support.databases import create_postgres_database, drop_postgres_database  # noqa: E402

PASSWORD = "bench wachtwoord 2026"
TARGETS = "issue 17, production path (gunicorn): team work list of 50 median < 15 ms, triage inbox < 8 ms"
SEED_SQL = """
INSERT INTO report (tracking_code, status_token, description, location, location_text, location_is_approximate,
                    status, channel, language, created_at, priority, version, queue, queue_entered_at, due_at)
SELECT 'B-' || lpad(g::text, 9, '0'), md5(g::text) || md5((g + 7)::text),
       (ARRAY['Container zit vol', 'Lantaarnpaal brandt niet', 'Losse stoeptegel', 'Zwerfafval op het plein',
              'Auto op de stoep', 'Overhangende takken'])[1 + g % 6] || ' bij nummer ' || (g % 200),
       ST_SetSRID(ST_MakePoint(4.605 + random() * 0.07, 52.355 + random() * 0.06), 4326), '', false,
       CASE WHEN g <= :n / 50 THEN 'received' WHEN g <= :n / 10 THEN 'in_progress' ELSE 'done' END, 'web', 'nl',
       now() - make_interval(mins => (g * 10.5)::int), 'normal', 1,
       CASE WHEN g <= :n / 50 THEN NULL ELSE (ARRAY['simple', 'complex', 'maatwerk'])[1 + g % 3] END,
       CASE WHEN g <= :n / 50 THEN NULL ELSE now() - make_interval(mins => (g * 10.5)::int) END,
       CASE WHEN g <= :n / 50 THEN NULL ELSE now() - make_interval(mins => (g * 10.5)::int) + interval '5 days' END
FROM generate_series(1, :n) AS g;
UPDATE report r SET buurt_id = a.id FROM area a WHERE a.kind = 'buurt' AND ST_Contains(a.geom, r.location);
UPDATE report r SET wijk_id = a.id FROM area a WHERE a.kind = 'wijk' AND ST_Contains(a.geom, r.location);
UPDATE report SET category_id = (SELECT id FROM category WHERE slug = 'container-is-vol') WHERE queue IS NOT NULL;
INSERT INTO proposal (report_id, category_id, category_confidence, queue, queue_confidence, needs_person, reasons,
                      artifacts, created_at)
SELECT r.id, c.id, 0.61, 'simple', 0.55, true, '{}', '{}', r.created_at
FROM report r, category c WHERE r.status = 'received' AND c.slug = 'container-is-vol' AND c.parent_id IS NOT NULL;
ANALYZE report; ANALYZE proposal;
"""


def run(command: list[str], env: dict) -> None:
    subprocess.run(command, env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)


def seed(url: str, n: int) -> None:
    """The reports in SQL, then what autovacuum does within a minute of a bulk load (as bench_dashboard.py):
    statistics, and the visibility map that lets the work list's counts read the index alone. Without it the
    count visited 7,000 heap pages (6.5 ms) where a production database visits none (0.4 ms)."""
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        for statement in SEED_SQL.split(";"):
            if statement.strip():
                connection.execute(sa.text(statement), {"n": n})
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(sa.text("VACUUM ANALYZE"))
    engine.dispose()


def timed(session: requests.Session, url: str, n: int, warmup: int) -> dict:
    for _ in range(warmup):
        session.get(url).raise_for_status()
    latencies = []
    started = time.perf_counter()
    for _ in range(n):
        t0 = time.perf_counter()
        response = session.get(url)
        _ = response.content
        latencies.append((time.perf_counter() - t0) * 1000)
        response.raise_for_status()
    wall = time.perf_counter() - started
    latencies.sort()

    def pct(q: float) -> float:
        return round(latencies[max(0, math.ceil(q * len(latencies)) - 1)], 2)

    return {
        "url": url,
        "n": n,
        "median_ms": round(statistics.median(latencies), 2),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "req_per_s": round(n / wall, 1),
    }


def staff_pages(base: str, url: str, n: int) -> dict:
    """The officer's and the team's pages, each timed on its own after a warm-up."""
    session = log_in(base)
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        waiting = connection.execute(
            sa.text("SELECT id FROM report WHERE status = 'received' ORDER BY created_at DESC LIMIT 1")
        ).scalar()
    engine.dispose()
    return {
        "inbox": timed(session, base + "/triage/", n, 20),
        "report_with_duplicate_candidates": timed(session, f"{base}/triage/melding/{waiting}", n, 20),
        "team_view": timed(session, base + "/team/simple", n, 20),
        "team_view_filtered": timed(session, base + "/team/simple?timing=overdue&area=WK039201", n, 20),
    }


def log_in(base: str) -> requests.Session:
    session = requests.Session()
    page = session.get(base + "/medewerkers/inloggen").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = session.post(
        base + "/medewerkers/inloggen",
        data={"csrf_token": token, "email": "bench@haarlem.example", "password": PASSWORD},
    )
    response.raise_for_status()
    return session


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="bench-inbox.json")
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    url = create_postgres_database()
    try:
        with tempfile.TemporaryDirectory() as folder:
            env = bench_environment(url, Path(folder))
            run([*FLASK, "setup"], env)
            run(
                [
                    sys.executable,
                    "-m",
                    "triage.cli",
                    "users",
                    "create",
                    "bench@haarlem.example",
                    "--name",
                    "Bench",
                    "--role",
                    "triage_officer",
                    "--role",
                    "team_lead",
                    "--password",
                    PASSWORD,
                ],
                env,
            )
            started = time.perf_counter()
            seed(url, args.reports)
            seed_seconds = round(time.perf_counter() - started, 1)
            results = {"reports": args.reports, "seed_seconds": seed_seconds, "target": TARGETS}
            for server_kind in ("waitress", "gunicorn"):
                with serving(env, server_kind) as base:
                    results[server_kind] = staff_pages(base, url, args.n)
    finally:
        drop_postgres_database(url)
    publish(results, args.out)


if __name__ == "__main__":
    main()
