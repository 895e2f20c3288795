"""Command-line entry points: `flask --app web setup` (migrate and load shipped data) and `serve`."""

from __future__ import annotations

import os
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import with_appcontext

from classifiers.artifacts import ArtifactStore
from classifiers.datasets import read_dataset
from classifiers.training import metadata, train_category, train_queue
from models.migrate import upgrade
from triage.proposals.sources import DEMO_CORPUS, product_rules
from triage.reference.loading import load_reference_data
from web.database import database


def init_app(app: Flask) -> None:
    app.cli.add_command(setup)
    app.cli.add_command(serve)
    app.cli.add_command(prune_drafts)
    app.cli.add_command(anonymise_contacts)
    app.cli.add_command(run_pending_jobs)
    app.cli.add_command(periodic)


@click.command("setup")
@with_appcontext
def setup() -> None:
    """Bring the database to the newest schema and load the municipality's data (DATA_DIR); safe to run again."""
    db = database()
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as connection:
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis")
    upgrade(db.engine)
    with db.session() as session:
        summary = load_reference_data(session, Path(current_app.config["DATA_DIR"]))
    click.echo(f"Database ready: {summary.teams} teams, {summary.categories} categories, {summary.areas} areas.")
    _seed_demo_history_into_empty_database()
    _train_missing_classifiers(Path(current_app.config["ARTIFACT_DIR"]))


def _switched_on(value) -> bool:
    return str(value).strip().lower() not in ("0", "false", "no", "off", "")


def _seed_demo_history_into_empty_database() -> None:
    """A database without a single report gets a year of demo history (DEMO- reports, data/DEMO_HISTORY.md),
    so the dashboard shows something right after `make run`. DEMO_HISTORY=0 switches this off; a database
    with reports, real or demo, is left alone."""
    from datetime import UTC, datetime

    from triage import demo_history

    if not _switched_on(current_app.config.get("DEMO_HISTORY", os.environ.get("DEMO_HISTORY", "1"))):
        return
    with database().session() as session:
        if demo_history.has_reports(session):
            return
        code = current_app.config["MUNICIPALITY_CODE"]
        summary = demo_history.seed(session, now=datetime.now(UTC), days=365, municipality_code=code)
    click.echo(f"Demo history for the dashboard (DEMO_HISTORY=0 switches it off): {summary.describe()}")


def _train_missing_classifiers(root: Path) -> None:
    """Out of the box the classifiers learn from the shipped demo corpus; a promoted artifact is kept."""
    store = ArtifactStore(root)
    for task in ("category", "queue"):
        if store.promoted(task):
            continue
        examples = read_dataset(DEMO_CORPUS, "demo").examples
        classifier, metrics = train_category(examples) if task == "category" else train_queue(examples, product_rules())
        version = store.save(task, classifier, metadata(task, examples, metrics, "demo:" + DEMO_CORPUS.name))
        store.promote(task, version)
        click.echo(
            f"Trained and promoted the {task} classifier {version} on the demo corpus "
            f"(macro-F1 {metrics.get('macro_f1', 0):.2f})."
        )


@click.command("serve")
@with_appcontext
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True)
@click.option("--threads", default=8, show_default=True)
def serve(host: str, port: int, threads: int) -> None:
    """Serve the app with waitress, the embedded default's production-grade WSGI server."""
    from waitress import serve as waitress_serve

    app = current_app._get_current_object()
    _start_periodic_thread(app)
    click.echo(f"Serving on http://{host}:{port}/ (Ctrl+C stops)")
    waitress_serve(app, host=host, port=port, threads=threads)


def _start_periodic_thread(app: Flask) -> None:
    """The embedded default has no scheduler: a daemon thread runs the periodic work every PERIODIC_SECONDS."""
    import threading
    import time

    def loop() -> None:
        while True:
            time.sleep(app.config["PERIODIC_SECONDS"])
            try:
                run_periodic(app)
            except Exception:  # keep serving; the next run tries again
                app.logger.exception("periodic run failed")

    threading.Thread(target=loop, name="periodic", daemon=True).start()


@click.command("prune-drafts")
@with_appcontext
def prune_drafts() -> None:
    """Remove photo drafts of forms that were never sent (older than a day)."""
    from web.intake_request import photo_store

    click.echo(f"Removed {photo_store().prune_drafts()} old drafts.")


@click.command("anonymise-contacts")
@with_appcontext
def anonymise_contacts() -> None:
    """Erase reporters' contact details once the retention period (REPORTER_RETENTION_DAYS) has passed."""
    from datetime import UTC, datetime

    from triage.intake.privacy import anonymise_expired_contacts

    days = current_app.config["REPORTER_RETENTION_DAYS"]
    with database().session() as session:
        count = anonymise_expired_contacts(session, datetime.now(UTC), days)
    click.echo(f"Erased the contact details of {count} reports older than {days} days.")


@click.command("run-pending-jobs")
@with_appcontext
def run_pending_jobs() -> None:
    """Hand over (rq) or run (inline) every proposal job still owed, e.g. after Redis was down."""
    from web.jobs import dispatch_pending

    click.echo(f"Handled {dispatch_pending()} pending proposal jobs.")


def run_periodic(app: Flask) -> dict:
    """The periodic work plus owed proposals and mail: what the embedded default runs every few minutes."""
    from datetime import UTC, datetime

    from triage.periodic import periodic_work
    from web.jobs import dispatch_pending, send_mail

    with app.app_context():
        with database().session() as session:
            done = periodic_work(session, datetime.now(UTC), app.config["REPORTER_RETENTION_DAYS"])
        dispatch_pending()
        send_mail()
    return done


@click.command("periodic")
@with_appcontext
def periodic() -> None:
    """Run the periodic work once (cron, or rq-scheduler with triage.jobs.periodic_job in production)."""
    click.echo(f"Periodic run: {run_periodic(current_app._get_current_object())}")
