"""`make bench` (part 3): the team leads' dashboard with 1,000,000 reports in PostgreSQL + PostGIS.

Seeds the demo history (triage/demo_history: the product's own norms, outcomes, proposals, corrections and
feedback) with a million reports over four years, serves the app with waitress, logs in as a team lead and
times the whole dashboard page (every figure, chart and the map) for the default quarter and for a full
year, plus a drill-down page and a figure's CSV. Timing follows bench_http.py's method (see bench_inbox.py).
Target: the dashboard with all figures renders in under 1 s median. The seed ends by counting the dashboard's
day rows (triage/monitoring/daily_rows.py), as the periodic run keeps them in production: `seed_seconds`
includes that; the views read whole days from those rows and count today from the reports.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_inbox import log_in, run, timed  # noqa: E402
from tests.benchmarks.bench_intake import FLASK, bench_environment, publish, serving  # noqa: E402
from tests.support.databases import create_postgres_database, drop_postgres_database  # noqa: E402

PASSWORD = "bench wachtwoord 2026"


def seed_history(url: str, reports: int, days: int) -> float:
    """Seed through the product's own demo-history generator; returns seconds taken."""
    from models.database import Database
    from triage.demo_history import seed

    database = Database(url)
    started = time.perf_counter()
    with database.session() as session:
        seed(session, now=datetime.now(UTC), days=days, reports=reports, seed=1)
        session.commit()
    seconds = round(time.perf_counter() - started, 1)
    # What autovacuum does within minutes of a bulk load: statistics, and the visibility map that lets the
    # turnaround percentiles read their times from the index alone (a production database is in that state).
    with database.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(sa.text("VACUUM ANALYZE"))
    database.dispose()
    return seconds


def built_days(url: str) -> int:
    """How many days the dashboard reads from its day rows rather than counting them."""
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        days = connection.execute(sa.text("SELECT count(*) FROM dashboard_built_day")).scalar()
    engine.dispose()
    return days


def create_lead(env: dict) -> None:
    command = [sys.executable, "-m", "triage.cli", "users", "create", "bench@haarlem.example", "--name", "Bench"]
    run([*command, "--role", "team_lead", "--password", PASSWORD], env)


def views(base: str) -> dict[str, str]:
    today = date.today()
    year = f"van={(today - timedelta(days=364)).isoformat()}&tot={today.isoformat()}"
    return {
        "dashboard_default_quarter": f"{base}/dashboard",
        "dashboard_full_year": f"{base}/dashboard?{year}",
        "dashboard_filtered_maatwerk_wijk": f"{base}/dashboard?wachtrij=maatwerk&gebied=WK039201",
        "drill_down_resolved_late": f"{base}/dashboard/meldingen?set=resolved_late",
        "figure_csv_norm_category": f"{base}/dashboard/cijfers/norm_category.csv",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="bench-dashboard.json")
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--days", type=int, default=4 * 365)
    parser.add_argument("--n", type=int, default=20)
    args = parser.parse_args()
    url = create_postgres_database()
    try:
        with tempfile.TemporaryDirectory() as folder:
            env = {**bench_environment(url, Path(folder)), "DEMO_HISTORY": "0"}
            run([*FLASK, "setup"], env)
            create_lead(env)
            seed_seconds = seed_history(url, args.reports, args.days)
            days_built = built_days(url)
            with serving(env) as base:
                session = log_in(base)
                results = {
                    "reports": args.reports,
                    "days": args.days,
                    "seed_seconds": seed_seconds,
                    "dashboard_days_built": days_built,
                    "target": "dashboard median < 1000 ms",
                    **{name: timed(session, target, args.n, 3) for name, target in views(base).items()},
                }
    finally:
        drop_postgres_database(url)
    publish(results, args.out)


if __name__ == "__main__":
    main()
