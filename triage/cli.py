"""The `triage` commands that need no app: classifier artifacts, history, retraining, demo data, accounts, keys.

The `triage` console script is web/cli.py's `main`, which holds these beside the app's own (setup, serve,
periodic, ...), so there is one command line; this group runs on its own too (`python -m triage.cli`).

    triage train --task category|queue [--data FILE --format katwijk|signalen|queue-labels|demo]
    triage evaluate --task category|queue --data FILE --format ... [--json OUT.json] [--artifact VERSION]
    triage artifacts list|promote VERSION|rollback --task category|queue
    triage import-history FILE.csv --format katwijk|signalen
    triage retrain --task category|queue
    triage users create|invite|disable|roles EMAIL ...
    triage apikeys create NAME | list | revoke ID
    triage seed-demo [--database URL] [--days 365] [--reports N] [--seed 1] [--replace]
No Flask here: the database, when needed, comes from DATABASE_URL (or --database).
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click

from classifiers.artifacts import ArtifactError, ArtifactStore
from classifiers.datasets import FORMATS, read_dataset, with_file_context
from classifiers.evaluation import plot
from classifiers.training import FORMAT_ORIGINS, evaluate_on
from models import Role
from triage.kernel import DecisionRefused, SubmissionRejected
from triage.notifications import mail_invitation
from triage.open311 import api_keys
from triage.proposals.history import HISTORY_FORMATS, import_history
from triage.proposals.learning import (
    ThresholdOrigin,
    decided_report_examples,
    history_examples,
    origin_of,
    retrain,
    train_and_store,
    when_none_is_promoted,
)
from triage.proposals.sources import DEMO_CORPUS, artifact_root, product_rules
from triage.reference import configured_categories, configured_categories_in, configured_data_dir
from triage.staff import (
    DEFAULT_INVITATION_HOURS,
    AccountForm,
    change_account,
    disable_account,
    find_user,
    invite,
    record_new_account,
)
from triage.staff.accounts import StaffError, create_user

TASKS = click.Choice(["category", "queue"])


def store_option(function):
    return click.option(
        "--artifacts",
        "artifacts",
        type=click.Path(path_type=Path),
        default=None,
        help="Artifact folder (default: $ARTIFACT_DIR or instance/artifacts).",
    )(function)


def _store(path: Path | None) -> ArtifactStore:
    return ArtifactStore(path or artifact_root())


def _read(data: Path, fmt: str):
    dataset = read_dataset(data, fmt)
    for line, problem in dataset.errors[:20]:
        click.echo(f"{data}:{line}: skipped: {problem}", err=True)
    if dataset.errors:
        click.echo(f"{len(dataset.errors)} rows could not be read", err=True)
    if not dataset.records:
        raise click.ClickException(f"no usable rows in {data}")
    return dataset


def _examples(data: Path | None, fmt: str | None, from_database: bool):
    """Labelled examples and a name for where they came from: a file, or the database."""
    if from_database:
        database = _database()
        with database.session() as session:
            records = with_file_context(history_examples(session) + decided_report_examples(session))
        database.dispose()
        if not records:
            raise click.ClickException("the database has no imported history and no decided reports yet")
        return [r.example for r in records], "database", ThresholdOrigin([origin_of(r) for r in records])
    if data is None or fmt is None:
        raise click.UsageError("give --data and --format, or --from-database")
    examples = _read(data, fmt).examples
    return examples, f"{fmt}:{data.name}", ThresholdOrigin.all_from(FORMAT_ORIGINS[fmt], examples)


def _configured_categories(from_database: bool):
    """The municipality's categories, known to the category classifier before their first report: the database's
    when training from it, else the data folder's (DATA_DIR)."""
    if not from_database:
        return configured_categories_in(configured_data_dir())
    database = _database()
    with database.session() as session:
        configured = configured_categories(session)
    database.dispose()
    return configured


@click.group()
def main() -> None:
    """Classifier artifacts and training data of the triage system."""


@main.command()
@click.option("--task", type=TASKS, required=True)
@click.option("--data", type=click.Path(exists=True, path_type=Path), default=DEMO_CORPUS, show_default=True)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="demo", show_default=True)
@click.option("--from-database", is_flag=True, help="Train on imported history and officers' decisions.")
@click.option("--promote/--no-promote", default=None, help="Promote the new artifact (default: only if none is).")
@store_option
def train(task: str, data: Path, fmt: str, from_database: bool, promote: bool | None, artifacts: Path | None) -> None:
    """Train on a file (or the database) and write a versioned artifact."""
    examples, source, origin = _examples(data, fmt, from_database)
    store = _store(artifacts)
    decides = when_none_is_promoted(store, task) if promote is None else lambda _candidate: promote
    configured = _configured_categories(from_database)
    stored = train_and_store(store, task, examples, product_rules(), source, decides, origin, configured=configured)
    click.echo(
        f"{task} artifact {stored.version}: {len(examples)} examples, "
        f"macro-F1 {stored.metrics.get('macro_f1', float('nan')):.3f}, threshold {stored.classifier.threshold}"
    )
    _echo_queue_figures(stored.metrics)
    if stored.promoted:
        click.echo(f"promoted {stored.version}")


def _echo_queue_figures(metrics: dict) -> None:
    """A queue artifact's thresholds per queue, the routed share at them, the rules it kept as features, the costs
    it chose and the enriched rows' weight (fixed in classifiers.queue, chosen on rolling-origin validation)."""
    if "queue_thresholds" not in metrics:
        return
    routed = metrics["routed"]
    right = "-" if routed["accuracy_routed"] is None else f"{routed['accuracy_routed']:.3f}"
    click.echo(
        f"thresholds per queue {metrics['queue_thresholds']}; routed without a person "
        f"{routed['share_routed']:.3f}, right {right} ({metrics['n']} held-out, "
        f"{metrics['training_only']} training-only rows never scored)"
    )
    click.echo(f"rules kept as features: {', '.join(metrics['rules_kept']) or 'none'}")
    if "enriched_weight" in metrics:
        missed = metrics["costs"]["maatwerk"]
        click.echo(
            f"chosen by cross-validation: a missed maatwerk costs {missed['complex']} as complex, "
            f"{missed['simple']} as simple; enriched rows weigh {metrics['enriched_weight']} (chosen on later reports)"
        )


@main.command()
@click.option("--task", type=TASKS, required=True)
@click.option("--data", type=click.Path(exists=True, path_type=Path), default=None)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None)
@click.option("--from-database", is_flag=True, help="Use imported history and officers' decisions instead.")
@click.option("--json", "json_out", type=click.Path(path_type=Path), default=None)
@click.option("--artifact", "version", default=None, help="Version to evaluate (default: the promoted one).")
@store_option
def evaluate(
    task: str,
    data: Path | None,
    fmt: str | None,
    from_database: bool,
    json_out: Path | None,
    version: str | None,
    artifacts: Path | None,
) -> None:
    """Measure an artifact on labelled data: accuracy, macro-F1, per class, calibration, automation curve."""
    store = _store(artifacts)
    try:
        loaded = store.load(task, version) if version else store.load_promoted(task)
    except ArtifactError as error:
        raise click.ClickException(str(error)) from error
    examples, source, _origin = _examples(data, fmt, from_database)
    result = evaluate_on(loaded.classifier, examples)
    result["artifact"] = loaded.version
    click.echo(
        f"{task} {loaded.version} on {source}: n={result['n']} accuracy {result['accuracy']:.3f} "
        f"macro-F1 {result['macro_f1']:.3f} ECE {result['expected_calibration_error']:.3f}"
    )
    for label, scores in result["per_class"].items():
        click.echo(
            f"  {label[:40]:40} P {scores['precision']:.2f} R {scores['recall']:.2f} "
            f"F1 {scores['f1']:.2f} n {scores['support']}"
        )
    if json_out:
        json_out.write_text(json.dumps(result, indent=2, ensure_ascii=False))
        plot(result, json_out.with_suffix(".png"), f"{task} {loaded.version} on {source}")
        click.echo(f"wrote {json_out} and {json_out.with_suffix('.png')}")


@main.group()
def artifacts() -> None:
    """List, promote or roll back artifacts."""


@artifacts.command("list")
@click.option("--task", type=TASKS, required=True)
@store_option
def list_artifacts(task: str, artifacts: Path | None) -> None:
    store = _store(artifacts)
    current = store.promoted(task)
    for meta in store.versions(task):
        marker = "*" if meta["version"] == current else " "
        f1 = meta.get("metrics", {}).get("macro_f1")
        click.echo(
            f"{marker} {meta['version']}  n={meta.get('training_size', '?')}  "
            f"macro-F1={'?' if f1 is None else f'{f1:.3f}'}  {meta.get('source', '')}"
        )


@artifacts.command("promote")
@click.argument("version")
@click.option("--task", type=TASKS, required=True)
@store_option
def promote_artifact(version: str, task: str, artifacts: Path | None) -> None:
    store = _store(artifacts)
    try:
        store.load(task, version)
        store.promote(task, version)
    except ArtifactError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"promoted {task} {version}")


@artifacts.command("rollback")
@click.option("--task", type=TASKS, required=True)
@store_option
def rollback_artifact(task: str, artifacts: Path | None) -> None:
    try:
        version = _store(artifacts).rollback(task)
    except ArtifactError as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"{task} rolled back to {version}")


def _database(url: str | None = None):
    from models.database import Database, database_url

    return Database(url or database_url())


@main.command("import-history")
@click.argument("data", type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(HISTORY_FORMATS), required=True)
def import_history_command(data: Path, fmt: str) -> None:
    """Load historical reports (text, category, place, times) as training examples, all or nothing."""
    database = _database()
    with database.session() as session:
        result = import_history(session, data, fmt, datetime.now(UTC))
    for line, problem in result.errors[:50]:
        click.echo(f"{data}:{line}: not imported: {problem}", err=True)
    click.echo(
        f"imported {result.imported} new and updated {result.updated} examples; {len(result.errors)} rows not imported"
    )
    database.dispose()


@main.command("retrain")
@click.option("--task", type=TASKS, required=True)
@click.option("--base", type=click.Path(exists=True, path_type=Path), default=DEMO_CORPUS, show_default=True)
@click.option("--base-format", type=click.Choice(FORMATS), default="demo", show_default=True)
@store_option
def retrain_command(task: str, base: Path, base_format: str, artifacts: Path | None) -> None:
    """Train on the base corpus plus history and officers' decisions; promote only if not worse."""
    database = _database()
    with database.session() as session:
        decision = retrain(
            session,
            _store(artifacts),
            task,
            read_dataset(base, base_format, False).records,
            product_rules(),
            datetime.now(UTC),
            FORMAT_ORIGINS[base_format],
        )
    current = "none" if decision.current_macro_f1 is None else f"{decision.current_macro_f1:.3f}"
    click.echo(
        f"{task}: candidate {decision.candidate} macro-F1 {decision.candidate_macro_f1:.3f} against "
        f"current {decision.current or 'none'} {current} on {decision.holdout_size} held-out reports: "
        + ("promoted" if decision.promoted else "NOT promoted, the current artifact stays")
    )
    database.dispose()


@main.command("seed-demo")
@click.option("--database", "url", default=None, help="Database URL (default: $DATABASE_URL, else the embedded one).")
@click.option("--days", type=click.IntRange(1, 3660), default=365, show_default=True, help="Days of history.")
@click.option(
    "--reports",
    type=click.IntRange(0, 9_999_999),
    default=None,
    help="Number of reports (default: the municipality's volume for that many days, from its demo_history.json).",
)
@click.option("--seed", "seed_value", type=int, default=1, show_default=True, help="Same seed, same history.")
@click.option("--replace", is_flag=True, help="Remove the earlier demo reports and all their rows first.")
def seed_demo_command(url: str | None, days: int, reports: int | None, seed_value: int, replace: bool) -> None:
    """Write a demo history for the dashboard: DEMO-... reports, handled as the product would have.

    Real reports are never touched. See data/DEMO_HISTORY.md for what is drawn from real data."""
    from sqlalchemy import inspect

    from triage.demo_history import DemoDataExists, DemoReportsInUse, seed

    database = _database(url)
    try:
        if not inspect(database.engine).has_table("report"):
            raise click.ClickException("the database is not set up yet: run `triage setup` first")
        with database.session() as session:
            summary = seed(session, now=datetime.now(UTC), days=days, reports=reports, seed=seed_value, replace=replace)
    except DemoDataExists as error:
        raise click.ClickException(
            "the database has demo reports already; nothing was changed. Run again with --replace to remove "
            "them and seed anew (real reports are never touched)."
        ) from error
    except (DemoReportsInUse, LookupError) as error:
        raise click.ClickException(f"{error}; nothing was changed.") from error
    finally:
        database.dispose()
    click.echo(summary.describe())


@main.group()
def users() -> None:
    """Staff accounts: create, disable, set roles and teams."""


ROLE_NAMES = click.Choice([role.value for role in Role])


@users.command("create")
@click.argument("email")
@click.option("--name", required=True)
@click.option("--role", "roles", type=ROLE_NAMES, multiple=True, required=True)
@click.option("--team", "teams", multiple=True, help="Team slug, e.g. team-eenvoudig; repeat for several.")
@click.password_option(help="At least 12 characters; asked for when not given.")
def create_user_command(email: str, name: str, roles: tuple[str, ...], teams: tuple[str, ...], password: str) -> None:
    def create(session):
        now = datetime.now(UTC)
        user = create_user(session, email, name, password, [Role(r) for r in roles], list(teams), now)
        record_new_account(session, user, CLI_ACTOR, now)

    _change_accounts(create)
    click.echo(f"created {email} with roles {', '.join(roles)}")


@users.command("invite")
@click.argument("email")
@click.option("--name", required=True)
@click.option("--role", "roles", type=ROLE_NAMES, multiple=True, required=True)
@click.option("--team", "teams", multiple=True, help="Team slug, e.g. team-eenvoudig; repeat for several.")
@click.option("--hours", type=click.IntRange(1, 24 * 30), default=DEFAULT_INVITATION_HOURS, show_default=True)
@click.option("--language", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
def invite_command(email, name, roles, teams, hours, language) -> None:
    """As the administration screen does: an account without a password and a mailed link to set one."""

    def send_invitation(session):
        now = datetime.now(UTC)
        invitation = invite(
            session, AccountForm(name, list(roles), list(teams), email), CLI_ACTOR, now, timedelta(hours=hours)
        )
        mail_invitation(session, invitation, language, now)

    _change_accounts(send_invitation)
    click.echo(f"invited {email}; the mail with the link is in the outbox (valid {hours} hours)")


@users.command("disable")
@click.argument("email")
def disable_user_command(email: str) -> None:
    _change_accounts(lambda session: disable_account(session, _account(session, email), CLI_ACTOR, datetime.now(UTC)))
    click.echo(f"disabled {email}; they can no longer log in")


@users.command("roles")
@click.argument("email")
@click.option("--role", "roles", type=ROLE_NAMES, multiple=True, required=True)
@click.option("--team", "teams", multiple=True)
def roles_command(email: str, roles: tuple[str, ...], teams: tuple[str, ...]) -> None:
    def change(session):
        user = _account(session, email)
        change_account(session, user, AccountForm(user.name, list(roles), list(teams)), CLI_ACTOR, datetime.now(UTC))

    _change_accounts(change)
    click.echo(f"{email}: roles {', '.join(roles)}; teams {', '.join(teams) or 'none'}")


CLI_ACTOR = "cli"  # who the history names for a change made on the command line


def _account(session, email: str):
    user = find_user(session, email)
    if user is None:
        raise click.ClickException(f"no staff account for {email}")
    return user


def _change_accounts(change) -> None:
    """One transaction through the same functions as the administration screens; a refusal changes nothing."""
    database = _database()
    try:
        with database.session() as session:
            change(session)
    except StaffError as error:
        raise click.ClickException(str(error)) from error
    except SubmissionRejected as refused:
        reasons = "; ".join(f"{name}: {p.code}" for name, items in refused.problems.items() for p in items)
        raise click.ClickException(f"refused ({reasons}); nothing was changed") from refused
    except DecisionRefused as refused:
        raise click.ClickException(f"refused ({refused.code}); nothing was changed") from refused
    finally:
        database.dispose()


@main.group()
def apikeys() -> None:
    """API keys of client systems that send reports through Open311."""


@apikeys.command("create")
@click.argument("name")
def create_api_key_command(name: str) -> None:
    """Make a key for the named client; it is printed once and stored only as a hash."""
    database = _database()
    try:
        with database.session() as session:
            row, key = api_keys.create_key(session, name, datetime.now(UTC))
            key_id = row.id
    except api_keys.ApiKeyError as error:
        raise click.ClickException(str(error)) from error
    finally:
        database.dispose()
    click.echo(f"API key {key_id} for {name.strip()} (shown only now; hand it over safely):")
    click.echo(key)


@apikeys.command("list")
def list_api_keys_command() -> None:
    database = _database()
    with database.session() as session:
        for row in api_keys.all_keys(session):
            state = f"revoked {row.revoked_at:%Y-%m-%d}" if row.revoked_at else "active"
            click.echo(f"{row.id}  {row.name}  created {row.created_at:%Y-%m-%d}  {state}")
    database.dispose()


@apikeys.command("revoke")
@click.argument("key_id", type=int)
def revoke_api_key_command(key_id: int) -> None:
    """Stop a key at once; reports it sent keep saying who sent them."""
    database = _database()
    try:
        with database.session() as session:
            name = api_keys.revoke(session, key_id, datetime.now(UTC)).name
    except api_keys.ApiKeyError as error:
        raise click.ClickException(str(error)) from error
    finally:
        database.dispose()
    click.echo(f"revoked API key {key_id} of {name}")


if __name__ == "__main__":
    sys.exit(main())
