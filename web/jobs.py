"""Handing owed jobs over after commit: to rq when Redis is configured, else run them inline.

Inline (the embedded default) every dispatch also runs whatever is still pending, so a job that failed
once is retried at the next report. With rq, a job that cannot be enqueued (Redis down) stays pending
and `flask --app web run-pending-jobs` (cron, or rq-scheduler) hands it over again.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from flask import current_app

from triage.pipeline import pending_jobs, run_proposal
from web.database import database

log = logging.getLogger(__name__)


def dispatch_pending() -> int:
    """Hand over or run every pending proposal job; returns how many were handed over or run."""
    with database().write_session_factory() as session:
        report_ids = [job.report_id for job in pending_jobs(session)]
    if not report_ids:
        return 0
    if current_app.config.get("REDIS_URL"):
        return _enqueue(report_ids)
    return sum(_run_inline(report_id) for report_id in dict.fromkeys(report_ids))


def _enqueue(report_ids: list[int]) -> int:
    from redis import Redis
    from redis.exceptions import RedisError
    from rq import Queue as RqQueue

    from triage.jobs import PROPOSAL_TIMEOUT_SECONDS, proposal_job

    try:
        queue = RqQueue("triage", connection=Redis.from_url(current_app.config["REDIS_URL"], socket_timeout=2))
        for report_id in dict.fromkeys(report_ids):
            queue.enqueue(
                proposal_job, report_id, job_timeout=PROPOSAL_TIMEOUT_SECONDS, job_id=f"propose-{report_id}", retry=None
            )
    except RedisError as error:
        log.warning("Redis unavailable, %d proposal jobs stay pending: %s", len(report_ids), error)
        return 0
    return len(report_ids)


def _run_inline(report_id: int) -> int:
    try:
        with database().write_session_factory() as session:
            run_proposal(session, current_app.extensions["classifiers"], report_id, datetime.now(UTC))
            session.commit()
        return 1
    except Exception:  # the report is stored; its job stays pending and is retried at the next dispatch
        log.exception("proposal for report %s failed; it stays pending", report_id)
        return 0
