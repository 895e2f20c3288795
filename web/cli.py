"""The one command line, `triage`: the commands of the running product and those of the classifiers and data.

    triage setup | serve | periodic | run-pending-jobs | anonymise-contacts | prune-drafts   (need the app)
    triage backup --to DIR | restore --from DIR [--force]                                   (need the app)
    triage train | evaluate | artifacts | import-history | retrain | seed-demo | users | apikeys

The first kind run inside the app (made lazily, from the environment); the second are triage.cli's and need
no app. `flask --app web setup` and the app's other commands keep working for what already calls them.
"""

from __future__ import annotations

import os
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import ScriptInfo, with_appcontext

from classifiers.artifacts import ArtifactError, ArtifactStore
from classifiers.datasets import read_dataset
from models.migrate import upgrade
from triage import cli as triage_cli
from triage.proposals import DEMO_CORPUS, ThresholdOrigin, product_rules, train_and_store, when_none_is_promoted
from triage.reference import configured_categories_in, load_reference_data
from web.database import database


def init_app(app: Flask) -> None:
    for command in APP_COMMANDS:
        app.cli.add_command(command)


@click.group()
@click.pass_context
def main(context: click.Context) -> None:
    """Set up, serve and run the triage system; train its classifiers; manage its data and accounts."""
    context.obj = ScriptInfo(create_app=lambda: _create_app(context), set_debug_flag=False)


def _create_app(context: click.Context) -> Flask:
    """The app from the environment, made only for a command that needs it; its connections close with the CLI."""
    from web import create_app

    app = create_app()
    context.call_on_close(app.extensions["database"].dispose)
    return app


@click.command("setup")
@with_appcontext
def setup() -> None:
    """Bring the database to the newest schema and load the municipality's data (DATA_DIR); safe to run again."""
    db = database()
    click.echo("Database bijwerken naar het nieuwste schema ...")
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as connection:
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS postgis")
    upgrade(db.engine)
    click.echo("Gegevens van de gemeente laden (teams, categorieën, gebieden) ...")
    with db.session() as session:
        summary = load_reference_data(session, Path(current_app.config["DATA_DIR"]))
    click.echo(f"Database klaar: {summary.teams} teams, {summary.categories} categorieën, {summary.areas} gebieden.")
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
    if not (Path(current_app.config["DATA_DIR"]) / "demo_history.json").is_file():
        click.echo("Deze gemeente heeft geen demo_history.json in haar map: geen demogeschiedenis.")
        return
    with database().session() as session:
        if demo_history.has_reports(session):
            return
        click.echo(
            "Een jaar demogeschiedenis maken voor het dashboard (een minuut of twee; DEMO_HISTORY=0 slaat dit over) ..."
        )
        code = current_app.config["MUNICIPALITY_CODE"]
        summary = demo_history.seed(session, now=datetime.now(UTC), days=365, municipality_code=code)
    click.echo(f"Demogeschiedenis klaar: {summary.describe()}")


def _train_missing_classifiers(root: Path) -> None:
    """Out of the box the classifiers learn from the shipped demo corpus; a promoted artifact that still loads is
    kept. One this code can no longer read (an older format after an upgrade) is replaced by a demo model, whose
    proposals all wait for a person, rather than leaving every proposal unmade."""
    store = ArtifactStore(root)
    for task in ("category", "queue"):
        usable = _promoted_still_loads(store, task)
        if usable:
            continue
        click.echo(f"Classifier trainen op de demoset ({TASK_WORDS[task]}) ...")
        examples = read_dataset(DEMO_CORPUS, "demo").examples
        first = when_none_is_promoted(store, task) if usable is None else (lambda _candidate: True)
        source = "demo:" + DEMO_CORPUS.name
        configured = configured_categories_in(Path(current_app.config["DATA_DIR"]))
        origin = ThresholdOrigin.demo(examples)
        stored = train_and_store(store, task, examples, product_rules(), source, first, origin, configured=configured)
        click.echo(
            f"Classifier voor {TASK_WORDS[task]} klaar: versie {stored.version}, macro-F1 "
            f"{stored.metrics.get('macro_f1', 0):.2f}. Geleerd van een verzonnen demoset: elk voorstel wacht op een "
            "mens tot de classifier van echte beslissingen heeft geleerd (of CATEGORY_THRESHOLD/QUEUE_THRESHOLD)."
        )


def _promoted_still_loads(store: ArtifactStore, task: str) -> bool | None:
    """None when nothing is promoted; False (and said why) when the promoted artifact cannot be used."""
    if not store.promoted(task):
        return None
    try:
        store.load_promoted(task)
    except ArtifactError as error:
        click.echo(
            f"De classifier voor {TASK_WORDS[task]} is met deze versie niet meer te gebruiken ({error}). Er komt een "
            "demo-classifier voor in de plaats; train opnieuw op echte beslissingen met `triage train`."
        )
        return False
    return True


TASK_WORDS = {"category": "categorie", "queue": "wachtrij"}


@click.command("serve")
@with_appcontext
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True)
@click.option("--threads", default=8, show_default=True)
def serve(host: str, port: int, threads: int) -> None:
    """Serve the app with waitress, the embedded default's production-grade WSGI server."""
    from waitress import serve as waitress_serve

    from web.config import public_base_url
    from web.jobs import start_periodic_thread

    app = current_app._get_current_object()
    app.config["PUBLIC_BASE_URL"] = public_base_url(host, port, app.config["PUBLIC_BASE_URL"])
    start_periodic_thread(app)
    click.echo(
        f"De app draait op http://{host}:{port}/ (Ctrl+C stopt hem; links in mails: {app.config['PUBLIC_BASE_URL']})"
    )
    waitress_serve(app, host=host, port=port, threads=threads)


@click.command("prune-drafts")
@with_appcontext
def prune_drafts() -> None:
    """Remove photo drafts of forms that were never sent (older than a day)."""
    from web.intake_request import photo_store

    click.echo(f"Removed {photo_store().prune_drafts()} old drafts.")


@click.command("anonymise-contacts")
@with_appcontext
def anonymise_contacts() -> None:
    """Erase reporters' contact details once the retention period (REPORTER_RETENTION_DAYS) has passed.

    The periodic run does this too; this command is for a retention run on its own (daily cron)."""
    from datetime import UTC, datetime

    from triage.intake import anonymise_expired_contacts
    from web.config import periodic_settings

    days = periodic_settings(current_app.config).retention_days
    with database().session() as session:
        count = anonymise_expired_contacts(session, datetime.now(UTC), days)
    click.echo(f"Erased the contact details of {count} reports older than {days} days.")


def _installation():
    """Where this app keeps its state, for `backup` and `restore`."""
    from triage.backup import Installation

    config = current_app.config
    return Installation(
        config["DATABASE_URL"],
        Path(config["UPLOAD_DIR"]),
        Path(config["ARTIFACT_DIR"]),
        Path(config["INSTANCE_DIR"]) / "secret_key",
    )


@click.command("backup")
@with_appcontext
@click.option("--to", "target", required=True, type=click.Path(path_type=Path), help="A new or empty folder.")
def backup(target: Path) -> None:
    """Back up the database, uploaded photos, classifier artifacts and secret key into a folder (README: Backup)."""
    from datetime import UTC, datetime

    from triage.backup import BackupRefused, back_up

    try:
        manifest = back_up(_installation(), target, datetime.now(UTC))
    except BackupRefused as refusal:
        raise click.ClickException(str(refusal)) from refusal
    click.echo(f"Backup in {target}: {manifest['counts'].get('report', 0)} reports, {len(manifest['files'])} files.")


@click.command("restore")
@with_appcontext
@click.option("--from", "origin", required=True, type=click.Path(path_type=Path, exists=True, file_okay=False))
@click.option("--force", is_flag=True, help="Overwrite a database that already holds reports.")
def restore(origin: Path, force: bool) -> None:
    """Restore a backup made by `triage backup`: checksums first; an empty database unless --force."""
    from triage.backup import BackupRefused
    from triage.backup import restore as restore_backup

    current_app.extensions["database"].dispose()  # the restore replaces the database under the app's feet
    try:
        manifest = restore_backup(_installation(), origin, force)
    except BackupRefused as refusal:
        raise click.ClickException(str(refusal)) from refusal
    click.echo(f"Restored {manifest['counts'].get('report', 0)} reports from {origin} ({manifest['created_at']}).")


@click.command("run-pending-jobs")
@with_appcontext
def run_pending_jobs() -> None:
    """Hand over (rq) or run (inline) every proposal job still owed, e.g. after Redis was down."""
    from web.jobs import dispatch_pending

    click.echo(f"Handled {dispatch_pending()} pending proposal jobs.")


@click.command("periodic")
@with_appcontext
def periodic() -> None:
    """Run the periodic work once: reminders, owed proposals, mail, retention (cron; in production
    `rq cron triage.schedule` runs triage.jobs.periodic_job instead)."""
    from web.jobs import run_periodic

    click.echo(f"Periodic run: {run_periodic(current_app._get_current_object())}")


APP_COMMANDS = (setup, serve, periodic, run_pending_jobs, anonymise_contacts, prune_drafts, backup, restore)
for _command in (*APP_COMMANDS, *triage_cli.main.commands.values()):
    main.add_command(_command)
