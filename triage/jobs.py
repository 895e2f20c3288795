"""Background jobs: importable functions that take plain values, are safe to run twice, and commit at the edge.

With Redis they run on rq workers (`rq worker triage`); in the embedded default they run inline.
"""

from __future__ import annotations

import logging
import os
from datetime import UTC, datetime

from models.database import Database, database_url
from triage.notifications.sending import send_outbox
from triage.periodic import PeriodicSettings, periodic_work
from triage.proposals.classifying import LoadedClassifiers, load_classifiers, thresholds_from_environment
from triage.proposals.pipeline import run_proposal
from triage.proposals.sources import artifact_root

log = logging.getLogger(__name__)
PROPOSAL_TIMEOUT_SECONDS = 60
_worker_classifiers: LoadedClassifiers | None = None


def _classifiers() -> LoadedClassifiers:
    """Loaded once per worker process, like the app does at start."""
    global _worker_classifiers
    if _worker_classifiers is None:
        _worker_classifiers = load_classifiers(artifact_root(), thresholds_from_environment(os.environ))
    return _worker_classifiers


def proposal_job(report_id: int) -> bool:
    """Make the proposal a stored report is owed (and route it when confident); safe to run twice."""
    database = Database(database_url())
    try:
        return bool(_propose(database, report_id))
    finally:
        database.dispose()


def send_mail_job() -> int:
    """Send the outbox with the SMTP settings of the environment (SMTP_HOST, SMTP_PORT, ...)."""
    settings = PeriodicSettings.from_environment(os.environ)
    database = Database(database_url())
    try:
        with database.session() as session:
            return send_outbox(session, settings.smtp, settings.public_base_url, datetime.now(UTC))
    finally:
        database.dispose()


def periodic_job() -> dict:
    """The periodic work, run every few minutes by rq-scheduler in production; owed proposals are made here."""
    database = Database(database_url())
    try:
        return periodic_work(
            database.write_session_factory,
            PeriodicSettings.from_environment(os.environ),
            datetime.now(UTC),
            hand_over=lambda report_ids: sum(_propose_or_keep_pending(database, report_id) for report_id in report_ids),
        )
    finally:
        database.dispose()


def _propose(database: Database, report_id: int) -> int:
    with database.session() as session:
        return int(run_proposal(session, _classifiers(), report_id, datetime.now(UTC)) is not None)


def _propose_or_keep_pending(database: Database, report_id: int) -> int:
    """One failing proposal must not stop the rest of the periodic run; it stays pending for the next."""
    try:
        return _propose(database, report_id)
    except Exception:
        log.exception("proposal for report %s failed; it stays pending", report_id)
        return 0
