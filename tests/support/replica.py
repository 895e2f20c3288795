"""A PostgreSQL primary and a streaming replica of it, both throw-away, for testing DATABASE_REPLICA_URL.

The machine's own server on 127.0.0.1:5432 admits no replication connection (its pg_hba.conf has no
`replication` line, and the tests do not change the machine's server), so the primary is a cluster of our own:
initdb with replication allowed from 127.0.0.1, then `pg_basebackup -R` makes the replica, which pg_ctl
starts on a second free port, streaming from the primary. Both run as the postgres OS user when the tests
run as root (PostgreSQL refuses to run as root) and are stopped and removed afterwards.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from tests.support.servers import free_port


def _bindir() -> Path:
    config = shutil.which("pg_config") or "/usr/bin/pg_config"
    return Path(subprocess.run([config, "--bindir"], capture_output=True, text=True, check=True).stdout.strip())


def _as_postgres(command: list) -> list[str]:
    command = [str(part) for part in command]
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


class StreamingReplica:
    """`primary_url` and `replica_url` while the block runs; `caught_up()` waits until the replica has replayed
    everything the primary has committed."""

    def __init__(self, database: str = "triage") -> None:
        self.database = database
        self.folder = Path(tempfile.mkdtemp(prefix="triage-replica-"))
        self.primary_port, self.replica_port = free_port(), free_port()
        self.bin = _bindir()

    def url(self, port: int) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{port}/{self.database}"

    @property
    def primary_url(self) -> str:
        return self.url(self.primary_port)

    @property
    def replica_url(self) -> str:
        return self.url(self.replica_port)

    def _run(self, *command) -> None:
        subprocess.run(_as_postgres(command), check=True, capture_output=True, timeout=180)

    def _start(self, data: Path, port: int) -> None:
        options = f"-p {port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self._run(self.bin / "pg_ctl", "-D", data, "-l", self.folder / f"{data.name}.log", "-o", options, "-w", "start")

    def __enter__(self) -> StreamingReplica:
        try:
            self._set_up()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _set_up(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        primary, replica = self.folder / "primary", self.folder / "replica"
        self._run(self.bin / "initdb", "-D", primary, "-U", "postgres", "-A", "trust", "--no-sync")
        with open(primary / "postgresql.conf", "a") as conf:  # initdb's pg_hba.conf admits local replication
            conf.write("wal_level = replica\nmax_wal_senders = 4\nhot_standby = on\n")
        self._start(primary, self.primary_port)
        admin = sa.create_engine(
            self.url(self.primary_port).replace(self.database, "postgres"), isolation_level="AUTOCOMMIT"
        )
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{self.database}"')
        admin.dispose()
        engine = sa.create_engine(self.primary_url)
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE EXTENSION postgis")
        engine.dispose()
        self._run(
            self.bin / "pg_basebackup",
            "-h",
            "127.0.0.1",
            "-p",
            self.primary_port,
            "-U",
            "postgres",
            "-D",
            replica,
            "-R",
            "-X",
            "stream",
            "--checkpoint=fast",
        )  # -R: standby.signal and primary_conninfo
        self._start(replica, self.replica_port)

    def caught_up(self, timeout: float = 30) -> None:
        primary, replica = sa.create_engine(self.primary_url), sa.create_engine(self.replica_url)
        try:
            with primary.connect() as connection:
                target = connection.exec_driver_sql("SELECT pg_current_wal_lsn()").scalar()
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                with replica.connect() as connection:
                    if connection.exec_driver_sql(f"SELECT pg_last_wal_replay_lsn() >= '{target}'").scalar():
                        return
                time.sleep(0.1)
            raise TimeoutError(f"the replica did not replay up to {target} in {timeout} s")
        finally:
            primary.dispose()
            replica.dispose()

    def __exit__(self, *exc) -> None:
        for name in ("replica", "primary"):
            if (self.folder / name / "postmaster.pid").exists():
                subprocess.run(
                    _as_postgres([self.bin / "pg_ctl", "-D", self.folder / name, "-m", "fast", "-w", "stop"]),
                    capture_output=True,
                    timeout=60,
                )
        shutil.rmtree(self.folder, ignore_errors=True)
