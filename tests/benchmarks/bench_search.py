"""`make bench` (part 4): the staff search with 100,000 reports in PostgreSQL + PostGIS.

Seeds the reports as bench_inbox.py does, gives one of them a tracking code people can type, serves the app
with waitress, logs in as an officer and times a words search (Dutch full text), one with a typo (the
trigram fallback) and a tracking-code search
(answered by a redirect to the report, which is not followed: the search is what is timed). The timing loop is
bench_inbox.py's, which follows the method of /work/shared/tools/bench_http.py.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.bench_inbox import PASSWORD, log_in, run, seed, timed  # noqa: E402
from tests.benchmarks.bench_intake import FLASK, bench_environment, publish, serving  # noqa: E402
from tests.support.databases import create_postgres_database, drop_postgres_database  # noqa: E402

TYPED_CODE = "mor 2345 6789"  # as a resident reads it out over the phone
STORED_CODE = "MOR-2345-6789"


class NoRedirects:
    """A requests session whose GETs stop at the redirect, so a code search times the search and not the page."""

    def __init__(self, session) -> None:
        self.session = session

    def get(self, url: str):
        response = self.session.get(url, allow_redirects=False)
        if response.status_code != 302:
            raise RuntimeError(f"{url} answered {response.status_code}, not a redirect to the report")
        return response


def give_a_tracking_code(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(
            sa.text("UPDATE report SET tracking_code = :code WHERE id = (SELECT max(id) FROM report)"),
            {"code": STORED_CODE},
        )
    engine.dispose()


def create_officer(env: dict) -> None:
    run(
        [sys.executable, "-m", "triage.cli", "users", "create", "bench@haarlem.example", "--name", "Bench"]
        + ["--role", "triage_officer", "--password", PASSWORD],
        env,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="bench-search.json")
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    url = create_postgres_database()
    try:
        with tempfile.TemporaryDirectory() as folder:
            env = bench_environment(url, Path(folder))
            run([*FLASK, "setup"], env)
            create_officer(env)
            started = time.perf_counter()
            seed(url, args.reports)
            give_a_tracking_code(url)
            seed_seconds = round(time.perf_counter() - started, 1)
            with serving(env) as base:
                session = log_in(base)
                search = base + "/medewerkers/zoeken?q="
                results = {
                    "reports": args.reports,
                    "seed_seconds": seed_seconds,
                    "target": "under 300 ms",
                    "words": timed(session, search + "lantaarnpalen", args.n, 20),
                    "words_in_a_queue": timed(session, search + "containers&queue=simple", args.n, 20),
                    "typo_by_trigrams": timed(session, search + "lantarnpaal", args.n, 20),
                    "tracking_code": timed(NoRedirects(session), search + TYPED_CODE.replace(" ", "+"), args.n, 20),
                }
    finally:
        drop_postgres_database(url)
    publish(results, args.out)


if __name__ == "__main__":
    main()
