"""`triage setup` (what `make run` calls; also `flask --app web setup`) builds a fresh database, keeps reports."""

import pytest
from sqlalchemy import func, select

from models import Area, Report
from tests.factories import QUIET_PERIODIC_RUN
from tests.support.artifacts import copy_of


@pytest.fixture
def fresh_app(tmp_path, monkeypatch):
    """A new install: nothing in the database, no classifiers (the first `setup` trains them)."""
    from web import create_app

    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path / "instance"))
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}", "UPLOAD_DIR": str(tmp_path / "up")})
    yield app
    app.extensions["database"].dispose()


@pytest.fixture
def trained_install(tmp_path, demo_artifact_folder):
    """An install whose classifiers `setup` trained before (the same demo models), so this `setup` keeps them."""
    copy_of(demo_artifact_folder, tmp_path / "instance" / "artifacts")


def test_setup_twice_keeps_reports_and_areas(fresh_app):
    runner = fresh_app.test_cli_runner()
    first = runner.invoke(args=["setup"])
    assert first.exit_code == 0, first.output
    assert "17 teams, 168 categorieën, 154 gebieden" in first.output

    client = fresh_app.test_client()
    created = client.post("/api/v1/reports", json={"description": "Gat in de weg", "lat": 52.3812, "lon": 4.6368})
    assert created.status_code == 201

    second = runner.invoke(args=["setup"])
    assert second.exit_code == 0, second.output
    database = fresh_app.extensions["database"]
    with database.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Report)) == 1
        assert session.scalar(select(func.count()).select_from(Area)) == 154


def test_setup_replaces_a_promoted_classifier_this_version_cannot_read(trained_install, fresh_app, tmp_path):
    """After an upgrade that changes a model's format, setup (every deploy runs it) puts a demo model in place of
    the unreadable one instead of leaving every proposal unmade, and says so; a readable one is kept."""
    from classifiers.artifacts import ArtifactStore

    runner = fresh_app.test_cli_runner()
    assert runner.invoke(args=["setup"]).exit_code == 0
    store = ArtifactStore(tmp_path / "instance" / "artifacts")
    category, old_queue = store.promoted("category"), store.promoted("queue")
    (store.root / "queue" / old_queue / "artifact.joblib").write_bytes(b"not a model of this version")

    again = runner.invoke(args=["setup"])
    assert again.exit_code == 0, again.output
    assert "niet meer te gebruiken" in again.output
    assert store.promoted("category") == category
    assert store.promoted("queue") != old_queue
    assert store.load_promoted("queue").version == store.promoted("queue")


def test_embedded_default_makes_the_proposal_after_the_response(trained_install, fresh_app):
    from models import PendingJob, Proposal
    from web.jobs import background_runner

    assert fresh_app.test_cli_runner().invoke(args=["setup"]).exit_code == 0
    created = fresh_app.test_client().post(
        "/api/v1/reports", json={"description": "Lamp kapot", "lat": 52.3812, "lon": 4.6368}
    )
    assert created.status_code == 201
    background_runner(fresh_app).wait()
    with fresh_app.extensions["database"].session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Proposal)) == 1
        assert session.scalar(select(func.count()).select_from(PendingJob).where(PendingJob.done_at.is_(None))) == 0


def test_triage_is_one_command_line_for_the_app_and_the_classifiers(trained_install, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from web.cli import main

    for name, value in {
        "INSTANCE_DIR": str(tmp_path / "instance"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'one.db'}",
        "UPLOAD_DIR": str(tmp_path / "up"),
    }.items():
        monkeypatch.setenv(name, value)
    runner = CliRunner()

    set_up = runner.invoke(main, ["setup"])
    assert set_up.exit_code == 0, set_up.output
    assert "17 teams, 168 categorieën, 154 gebieden" in set_up.output
    listed = runner.invoke(main, ["artifacts", "list", "--task", "queue"])
    assert listed.exit_code == 0 and listed.output.startswith("* "), listed.output
    periodic = runner.invoke(main, ["periodic"])
    assert periodic.exit_code == 0, periodic.output
    done = QUIET_PERIODIC_RUN
    assert f"Periodic run: {done}" in periodic.output
