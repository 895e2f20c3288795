"""Background jobs: importable functions that take plain values, are safe to run twice, and commit at the edge.

With Redis they run on rq workers (`rq worker triage`); in the embedded default they run inline.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from classifiers.artifacts import ArtifactStore
from classifiers.datasets import read_dataset
from models.database import Database, database_url
from triage.notifications.sending import SmtpSettings, send_outbox
from triage.periodic import periodic_work
from triage.proposals.classifying import LoadedClassifiers, load_classifiers
from triage.proposals.learning import retrain
from triage.proposals.pipeline import run_proposal
from triage.proposals.sources import DEMO_CORPUS, artifact_root, product_rules

RETRAIN_TIMEOUT_SECONDS = 30 * 60
PROPOSAL_TIMEOUT_SECONDS = 60
_worker_classifiers: LoadedClassifiers | None = None


def _classifiers() -> LoadedClassifiers:
    """Loaded once per worker process, like the app does at start."""
    global _worker_classifiers
    if _worker_classifiers is None:
        _worker_classifiers = load_classifiers(artifact_root())
    return _worker_classifiers


def proposal_job(report_id: int) -> bool:
    """Make the proposal a stored report is owed (and route it when confident); safe to run twice."""
    database = Database(database_url())
    try:
        with database.session() as session:
            return run_proposal(session, _classifiers(), report_id, datetime.now(UTC)) is not None
    finally:
        database.dispose()


def retrain_job(task: str) -> dict:
    """Retrain one task; returns the decision so it is visible in rq's job result."""
    database = Database(database_url())
    try:
        with database.session() as session:
            decision = retrain(
                session,
                ArtifactStore(artifact_root()),
                task,
                read_dataset(DEMO_CORPUS, "demo", False).records,
                product_rules(),
                datetime.now(UTC),
            )
        return decision.__dict__
    finally:
        database.dispose()


def send_mail_job() -> int:
    """Send the outbox with the SMTP settings of the environment (SMTP_HOST, SMTP_PORT, ...)."""
    database = Database(database_url())
    try:
        with database.session() as session:
            base_url = os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:5000")
            return send_outbox(session, SmtpSettings.from_environment(os.environ), base_url, datetime.now(UTC))
    finally:
        database.dispose()


def periodic_job() -> dict:
    """Escalation and retention, run every few minutes by rq-scheduler in production."""
    database = Database(database_url())
    try:
        with database.session() as session:
            return periodic_work(session, datetime.now(UTC), int(os.environ.get("REPORTER_RETENTION_DAYS", "365")))
    finally:
        database.dispose()
