"""Backup and restore of everything a running triage system needs, for both runtime sizes.

A backup folder holds the database (SQLite: a consistent copy made with SQLite's online backup API, so the
server may keep running; PostgreSQL: a pg_dump in custom format), the uploaded photos, the classifiers'
artifacts, the secret key when the embedded default keeps one in instance/secret_key, and manifest.json with
the row count of every table and a SHA-256 checksum of every file. Restoring checks every checksum first,
refuses a database that already holds reports unless forced, and compares the row counts afterwards.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlalchemy as sa

from models import Base

MANIFEST = "manifest.json"
SQLITE_COPY = "database.sqlite3"
POSTGRES_DUMP = "database.pgdump"
SECRET_KEY = "secret_key"
FOLDERS = ("uploads", "artifacts")


class BackupRefused(RuntimeError):
    """Why a backup or restore did not start (or did not finish as it should); nothing was overwritten."""


@dataclass(frozen=True)
class Installation:
    """Where one installation keeps its state; the CLI fills it from the app's settings."""

    database_url: str
    upload_dir: Path
    artifact_dir: Path
    secret_key_file: Path  # instance/secret_key; absent when SECRET_KEY comes from the environment

    def folder(self, name: str) -> Path:
        return {"uploads": self.upload_dir, "artifacts": self.artifact_dir}[name]

    @property
    def dialect(self) -> str:
        return sa.engine.make_url(self.database_url).get_backend_name()


def back_up(installation: Installation, target: Path, now: datetime) -> dict:
    """Write a complete backup into `target` (a new or empty folder) and return its manifest."""
    if target.exists() and any(target.iterdir()):
        raise BackupRefused(f"{target} is not empty; choose a new folder for each backup.")
    target.mkdir(parents=True, exist_ok=True)
    _dump_database(installation, target)
    for name in FOLDERS:
        if installation.folder(name).is_dir():
            shutil.copytree(installation.folder(name), target / name)
    if installation.secret_key_file.is_file():
        shutil.copy2(installation.secret_key_file, target / SECRET_KEY)
        (target / SECRET_KEY).chmod(0o600)
    manifest = {
        "created_at": now.isoformat(),
        "database": installation.dialect,
        "counts": row_counts(installation.database_url),
        "secret_key": "included" if (target / SECRET_KEY).exists() else "from the environment (SECRET_KEY), not here",
        "files": {path: _sha256(target / path) for path in _files_in(target)},
    }
    (target / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True), encoding="utf-8")
    return manifest


def restore(installation: Installation, origin: Path, force: bool = False) -> dict:
    """Bring a backup back: checksums first, then database, files and secret key; returns the manifest."""
    manifest = _checked_manifest(origin)
    if manifest["database"] != installation.dialect:
        raise BackupRefused(f"The backup is of a {manifest['database']} database, not {installation.dialect}.")
    if not force and _holds_reports(installation.database_url):
        raise BackupRefused("The database already holds reports; restore into an empty one, or use --force.")
    _load_database(installation, origin)
    for name in FOLDERS:
        if (origin / name).is_dir():
            shutil.copytree(origin / name, installation.folder(name), dirs_exist_ok=True)
    if (origin / SECRET_KEY).is_file():
        installation.secret_key_file.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(origin / SECRET_KEY, installation.secret_key_file)
        installation.secret_key_file.chmod(0o600)
    restored = row_counts(installation.database_url)
    if restored != manifest["counts"]:
        raise BackupRefused(f"Row counts differ after the restore: {restored} instead of {manifest['counts']}.")
    return manifest


def row_counts(database_url: str) -> dict[str, int]:
    """The number of rows of every table of the schema: the manifest's check that nothing went missing."""
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as connection:
            present = set(sa.inspect(connection).get_table_names())
            return {
                table.name: connection.scalar(sa.select(sa.func.count()).select_from(table))
                for table in Base.metadata.sorted_tables
                if table.name in present
            }
    finally:
        engine.dispose()


def _holds_reports(database_url: str) -> bool:
    return row_counts(database_url).get("report", 0) > 0


def _dump_database(installation: Installation, target: Path) -> None:
    if installation.dialect == "sqlite":
        _sqlite_copy(_sqlite(installation.database_url), sqlite3.connect(target / SQLITE_COPY))
        return
    _run(
        ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(target / POSTGRES_DUMP)],
        installation.database_url,
    )


def _load_database(installation: Installation, origin: Path) -> None:
    if installation.dialect == "sqlite":
        _sqlite_copy(sqlite3.connect(origin / SQLITE_COPY), _sqlite(installation.database_url))
        return
    options = ["--no-owner", "--no-privileges", "--clean", "--if-exists", "--single-transaction", "--exit-on-error"]
    _run(["pg_restore", *options, str(origin / POSTGRES_DUMP)], installation.database_url)


def _sqlite_copy(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    """SQLite's online backup API: a consistent copy page by page, while others may keep writing."""
    with closing(source), closing(target):
        source.backup(target)


def _sqlite(database_url: str) -> sqlite3.Connection:
    path = Path(sa.engine.make_url(database_url).database)
    path.parent.mkdir(parents=True, exist_ok=True)
    return sqlite3.connect(path)


def _run(command: list[str], database_url: str) -> None:
    """Run a PostgreSQL client tool against the database; the password goes in the environment, not argv."""
    url = sa.engine.make_url(database_url)
    environment = {**os.environ, "PGPASSWORD": url.password or os.environ.get("PGPASSWORD", "")}
    conninfo = url.set(drivername="postgresql", password=None, query={}).render_as_string(hide_password=False)
    result = subprocess.run([*command, "--dbname", conninfo], env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupRefused(f"{command[0]} failed: {result.stderr.strip()}")


def _checked_manifest(origin: Path) -> dict:
    if not (origin / MANIFEST).is_file():
        raise BackupRefused(f"{origin} holds no {MANIFEST}: not a backup made by `triage backup`.")
    manifest = json.loads((origin / MANIFEST).read_text(encoding="utf-8"))
    present = set(_files_in(origin)) - {MANIFEST}
    if present != set(manifest["files"]):
        raise BackupRefused(f"Files missing or added since the backup: {sorted(present ^ set(manifest['files']))}")
    damaged = [path for path, digest in manifest["files"].items() if _sha256(origin / path) != digest]
    if damaged:
        raise BackupRefused(f"Checksums do not match, the backup is damaged: {damaged}")
    return manifest


def _files_in(folder: Path) -> list[str]:
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
