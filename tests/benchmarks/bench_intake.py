"""`make bench`: intake speed through the JSON API on both databases, and the weight of the report form.

Each database gets a fresh, migrated copy with the shipped data; the app is served by waitress (the
embedded default's server) in its own process; the load comes from ../shared/tools/bench_http.py, the
client that measured Signalen on this machine, so the figures compare. Results go to a JSON file.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BENCH_HTTP = ROOT.parent / "shared" / "tools" / "bench_http.py"
sys.path.insert(0, str(ROOT))

from tests.support.databases import create_postgres_database, drop_postgres_database  # noqa: E402

REPORT = {
    "description": "De lantaarnpaal voor nummer 12 brandt al een week niet.",
    "lat": 52.3812,
    "lon": 4.6368,
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


FLASK = [sys.executable, "-m", "flask", "--app", "web"]


def bench_environment(database_url: str, folder: Path) -> dict:
    return dict(
        os.environ,
        DATABASE_URL=database_url,
        INSTANCE_DIR=str(folder),
        UPLOAD_DIR=str(folder / "uploads"),
        ARTIFACT_DIR=str(folder / "artifacts"),
        RATELIMIT_ENABLED="0",
        MAP_TILE_URL="",
        DEMO_HISTORY="0",  # the benchmarks make their own reports
    )


def serve(env: dict) -> tuple[subprocess.Popen, str]:
    """waitress, the embedded default's server, on a free port with the given environment, once it answers."""
    port = free_port()
    return _started([*FLASK, "serve", "--port", str(port), "--threads", "4"], env, port)


def start_gunicorn(env: dict, workers: int) -> tuple[subprocess.Popen, str]:
    """gunicorn with sync workers, the production server (docs/REGION.md), on a free port, once it answers."""
    port = free_port()
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    return _started(
        [gunicorn, "-w", str(workers), "-b", f"127.0.0.1:{port}", "--timeout", "60", "web:create_app()"], env, port
    )


def _started(command: list[str], env: dict, port: int) -> tuple[subprocess.Popen, str]:
    server = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):  # a minute: loading the classifiers on a busy machine takes more than ten seconds
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            return server, base
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit(f"{command[0]} did not start")


GUNICORN_WORKERS = 2  # as Signalen was measured on this machine (../shared/tools/bench_http.py)


@contextmanager
def serving(env: dict, server_kind: str = "waitress") -> Iterator[str]:
    """The server's base URL while the block runs; stopped afterwards, also when the block fails. waitress is the
    embedded default's server, gunicorn the production one."""
    server, base = serve(env) if server_kind == "waitress" else start_gunicorn(env, GUNICORN_WORKERS)
    try:
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def publish(results: dict, out: str) -> None:
    """Write the figures as JSON for `make bench` and show them."""
    Path(out).write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


def start_server(database_url: str, folder: Path) -> tuple[subprocess.Popen, str]:
    env = bench_environment(database_url, folder)
    subprocess.run([*FLASK, "setup"], env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    return serve(env)


def run_bench_http(base: str, n: int, concurrency: int, label: str, folder: Path) -> dict:
    body = folder / "report.json"
    body.write_text(json.dumps(REPORT))
    command = [
        sys.executable,
        str(BENCH_HTTP),
        "POST",
        base + "/api/v1/reports",
        "--body",
        str(body),
        "--n",
        str(n),
        "--concurrency",
        str(concurrency),
        "--expect",
        "201",
        "--label",
        label,
    ]
    completed = subprocess.run(command, check=True, capture_output=True, text=True)
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    if result["n"] != n:  # bench_http's worker threads stop silently on an unexpected status
        raise SystemExit(f"{label}: only {result['n']} of {n} requests succeeded\n{completed.stderr[-2000:]}")
    return result


def fetch(url: str) -> tuple[bytes, int]:
    """The body, and the bytes on the wire with gzip accepted (as every browser does)."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        raw = response.read()
        wire = len(raw)
        if response.headers.get("Content-Encoding") == "gzip":
            raw = gzip.decompress(raw)
    return raw, wire


def form_page_weight(base: str) -> dict:
    """Bytes transferred for the form page and everything it loads, map tiles excluded."""
    html, html_wire = fetch(base + "/")
    assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', html.decode())
    assets += [
        "/kaart/gemeente.geojson",
        "/static/vendor/leaflet/images/marker-icon.png",
        "/static/vendor/leaflet/images/marker-shadow.png",
    ]
    sizes = {"/": html_wire}
    for path in assets:
        sizes[path] = fetch(base + path)[1]
    return {
        "total_bytes": sum(sizes.values()),
        "total_kb": round(sum(sizes.values()) / 1024, 1),
        "parts": sizes,
    }


def bench_database(kind: str, url: str, n: int, folder: Path) -> dict:
    server, base = start_server(url, folder)
    try:
        result = {
            "sequential": run_bench_http(base, n, 1, f"create-{kind}", folder),
            "concurrent_4": run_bench_http(base, n // 4, 4, f"create-{kind}-c4", folder),
        }
        if kind == "sqlite":
            result["form_page"] = form_page_weight(base)
        return result
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="bench-results.json")
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    if not BENCH_HTTP.exists():
        raise SystemExit(f"the benchmark client is missing: {BENCH_HTTP}")
    results = {"n": args.n, "target": "p95 under 50 ms per report on SQLite; form page under 150 KB"}
    with tempfile.TemporaryDirectory() as tmp:
        for kind in args.databases.split(","):
            folder = Path(tmp) / kind
            folder.mkdir()
            if kind == "sqlite":
                results[kind] = bench_database(kind, f"sqlite:///{folder / 'bench.db'}", args.n, folder)
            else:
                url = create_postgres_database()
                try:
                    results[kind] = bench_database(kind, url, args.n, folder)
                finally:
                    drop_postgres_database(url)
    publish(results, args.out)


if __name__ == "__main__":
    main()
