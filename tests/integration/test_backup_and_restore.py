"""`triage backup` and `triage restore`: a backup restored into an empty database brings back every report,
photo and status link, on both databases; a damaged backup or a database in use is refused."""

import json
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from models import Attachment, Report
from tests.factories import jpeg_bytes, make_report
from tests.support.databases import (
    DatabaseUnavailable,
    create_postgres_database,
    drop_postgres_database,
    prepared_database,
)
from tests.support.skipping import unavailable
from triage.backup import BackupRefused, Installation, back_up, restore
from triage.intake import PhotoStore
from triage.intake.photos import prepare_photo

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
SECRET = "a" * 64


@pytest.fixture(params=["sqlite", "postgresql"])
def new_database(request, tmp_path):
    """Makes empty databases of one kind (PostgreSQL: with PostGIS, without tables) and removes them after."""
    made = []

    def make(name: str) -> str:
        if request.param == "sqlite":
            return f"sqlite:///{tmp_path / name}.db"
        try:
            url = create_postgres_database()
        except DatabaseUnavailable as reason:
            unavailable(str(reason))
        made.append(url)
        return url

    yield make
    for url in made:
        drop_postgres_database(url)


def installation(root: Path, url: str) -> Installation:
    return Installation(url, root / "uploads", root / "artifacts", root / "instance" / "secret_key")


@pytest.fixture
def running(tmp_path, new_database) -> Installation:
    """An installation in use: two reports with photos, a classifier artifact, a secret key of its own."""
    site = installation(tmp_path / "site", new_database("site"))
    database = prepared_database(site.database_url)
    store = PhotoStore(site.upload_dir)
    with database.session() as session:
        for text in ("Losse stoeptegel", "Kapotte lamp"):
            key = store.save_draft(prepare_photo(jpeg_bytes(), "foto.jpg"))
            make_report(session, store, text, photo_keys=[key], now=NOW)
    database.dispose()
    (site.artifact_dir / "category").mkdir(parents=True)
    (site.artifact_dir / "category" / "model.json").write_text('{"version": 1}')
    site.secret_key_file.parent.mkdir(parents=True)
    site.secret_key_file.write_text(SECRET)
    return site


def test_a_restored_backup_brings_back_every_report_photo_and_status_link(running, tmp_path, new_database, monkeypatch):
    manifest = back_up(running, tmp_path / "backup", NOW)
    assert manifest["counts"]["report"] == 2 and manifest["counts"]["attachment"] == 2
    assert manifest["secret_key"] == "included"

    spare = installation(tmp_path / "spare", new_database("spare"))
    restore(spare, tmp_path / "backup")

    database = prepared_database(running.database_url)
    with database.session() as session:
        originals = [(r.status_token, r.description, r.attachments[0]) for r in session.scalars(select(Report))]
        photos = {
            a.storage_key: PhotoStore(running.upload_dir).path(a.storage_key).read_bytes()
            for a in session.scalars(select(Attachment))
        }
    database.dispose()
    with app_on(spare, monkeypatch) as app:
        check_every_link(app.test_client(), originals, photos)
    assert (spare.artifact_dir / "category" / "model.json").read_text() == '{"version": 1}'
    assert spare.secret_key_file.read_text() == SECRET


def check_every_link(client, originals, photos):
    for token, description, attachment in originals:
        status = client.get(f"/melding/{token}")
        assert status.status_code == 200 and description in status.get_data(as_text=True)
        with client.get(f"/melding/{token}/foto/{attachment.position}") as photo:
            assert photo.status_code == 200 and photo.data == photos[attachment.storage_key]


@contextmanager
def app_on(site: Installation, monkeypatch):
    from web import create_app

    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("INSTANCE_DIR", str(site.secret_key_file.parent))
    app = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": site.database_url,
            "UPLOAD_DIR": str(site.upload_dir),
            "RATELIMIT_ENABLED": False,
            "JOBS_IN_BACKGROUND": False,
            "MAP_TILE_URL": "",
        }
    )
    assert app.config["SECRET_KEY"] == SECRET
    yield app
    app.extensions["database"].dispose()


def test_restoring_into_a_database_with_reports_is_refused_and_changes_nothing(running, tmp_path):
    back_up(running, tmp_path / "backup", NOW)
    (running.upload_dir / "marker").write_text("untouched")

    with pytest.raises(BackupRefused, match="already holds reports"):
        restore(running, tmp_path / "backup")

    assert (running.upload_dir / "marker").read_text() == "untouched"


def test_a_damaged_backup_is_refused_before_anything_is_restored(running, tmp_path, new_database):
    back_up(running, tmp_path / "backup", NOW)
    photo = next((tmp_path / "backup" / "uploads").rglob("*.thumb.jpg"))
    photo.write_bytes(b"broken")
    spare = installation(tmp_path / "spare", new_database("spare"))

    with pytest.raises(BackupRefused, match="Checksums do not match"):
        restore(spare, tmp_path / "backup")

    assert not spare.upload_dir.exists()


def test_a_backup_goes_only_into_an_empty_folder(running, tmp_path):
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "old.txt").write_text("older backup")

    with pytest.raises(BackupRefused, match="not empty"):
        back_up(running, tmp_path / "backup", NOW)


def test_the_commands_back_up_and_restore_the_embedded_default(running, tmp_path, monkeypatch):
    from web import create_app

    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("INSTANCE_DIR", str(running.secret_key_file.parent))
    app = create_app(
        {
            "DATABASE_URL": running.database_url,
            "UPLOAD_DIR": str(running.upload_dir),
            "ARTIFACT_DIR": str(running.artifact_dir),
        }
    )
    runner = app.test_cli_runner()

    made = runner.invoke(args=["backup", "--to", str(tmp_path / "backup")])
    assert made.exit_code == 0, made.output
    assert "2 reports" in made.output
    assert json.loads((tmp_path / "backup" / "manifest.json").read_text())["counts"]["report"] == 2

    refused = runner.invoke(args=["restore", "--from", str(tmp_path / "backup")])
    assert refused.exit_code != 0 and "already holds reports" in refused.output
    forced = runner.invoke(args=["restore", "--from", str(tmp_path / "backup"), "--force"])
    assert forced.exit_code == 0, forced.output
    app.extensions["database"].dispose()
