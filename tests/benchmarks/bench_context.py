"""`make bench` (context): a proposal's context queries cost the same at 1,000 and at 1,000,000 reports.

For each size a fresh PostgreSQL + PostGIS database is seeded in SQL (generate_series, one statement per
table: a million rows in a minute or two) with reports spread over the city and four years, each with its own
contact row; one busy address sends one report in every 476 (2,100 at a million). Then the product's own
`report_input` (the reports within 250 m in 30 days, and the same person's reports in 90 days) is timed for
recent reports and for the busy address's latest one. Results go to a JSON file; --sizes changes the sizes.
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_intake import publish  # noqa: E402
from tests.support.databases import create_postgres_database, drop_postgres_database, prepared_database  # noqa: E402

BUSY = "druk@example.org"
SEED_SQL = """
INSERT INTO reporter (id, email, phone)
SELECT g, CASE WHEN g % 476 = 0 THEN :busy ELSE 'r' || g || '@example.org' END, NULL FROM generate_series(1, :n) AS g;
SELECT setval(pg_get_serial_sequence('reporter', 'id'), :n);
INSERT INTO report (tracking_code, status_token, description, location, location_text, location_is_approximate,
                    status, channel, language, created_at, priority, version, queue, category_id, reporter_id)
SELECT 'C-' || lpad(g::text, 9, '0'), md5(g::text) || md5((g + 7)::text), 'Container zit vol bij nummer ' || (g % 200),
       ST_SetSRID(ST_MakePoint(4.605 + random() * 0.07, 52.355 + random() * 0.06), 4326), '', false,
       CASE WHEN g % 10 = 0 THEN 'in_progress' ELSE 'done' END, 'web', 'nl',
       now() - make_interval(secs => (:n - g) * (4 * 365 * 86400.0 / :n)), 'normal', 1,
       (ARRAY['simple', 'complex', 'maatwerk'])[1 + g % 3], (SELECT id FROM category WHERE slug = 'container-is-vol'), g
FROM generate_series(1, :n) AS g;
ANALYZE reporter;
ANALYZE report
"""


def seed(url: str, n: int) -> float:
    engine = sa.create_engine(url)
    started = time.perf_counter()
    with engine.begin() as connection:
        for statement in SEED_SQL.split(";"):
            if statement.strip():
                connection.execute(sa.text(statement), {"n": n, "busy": BUSY})
    engine.dispose()
    return round(time.perf_counter() - started, 1)


def timings(seconds: list[float]) -> dict:
    ordered = sorted(seconds)
    return {
        "n": len(ordered),
        "median_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)] * 1000, 2),
    }


def time_context(database, report_ids: list[int], repeat: int) -> dict:
    from models import Report
    from triage.proposals.classifying import report_input

    seconds = []
    with database.session_factory() as session:
        reports = [session.get(Report, report_id) for report_id in report_ids]
        for _ in range(repeat):
            for report in reports:
                started = time.perf_counter()
                report_input(session, report, datetime.now(UTC))
                seconds.append(time.perf_counter() - started)
                session.expire(report, ["attachments"])
    return timings(seconds)


def bench_size(n: int, sample: int, repeat: int) -> dict:
    url = create_postgres_database()
    try:
        database = prepared_database(url)
        seeded = seed(url, n)
        with database.engine.connect() as connection:
            recent = connection.execute(
                sa.text("SELECT id FROM report ORDER BY created_at DESC LIMIT :k"), {"k": sample}
            ).scalars()
            recent = list(recent)
            busy = connection.execute(
                sa.text(
                    "SELECT r.id FROM report r JOIN reporter p ON p.id = r.reporter_id "
                    "WHERE p.email = :busy ORDER BY r.created_at DESC LIMIT 1"
                ),
                {"busy": BUSY},
            ).scalar()
            busy_reports = connection.execute(
                sa.text("SELECT count(*) FROM reporter WHERE email = :busy"), {"busy": BUSY}
            ).scalar()
        result = {
            "reports": n,
            "seed_seconds": seeded,
            "busy_address_reports": busy_reports,
            "recent_report_context": time_context(database, recent, repeat),
            "busy_reporter_context": time_context(database, [busy], repeat * 10),
        }
        database.dispose()
        return result
    finally:
        drop_postgres_database(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="bench-context.json")
    parser.add_argument("--sizes", default="1000,1000000")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    results = {"target": "the same cost at every size", "sizes": {}}
    for size in (int(part) for part in args.sizes.split(",")):
        results["sizes"][str(size)] = bench_size(size, args.sample, args.repeat)
    publish(results, args.out)


if __name__ == "__main__":
    main()
