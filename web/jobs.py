"""Handing owed jobs over after commit: to rq when Redis is configured, else run them inline.

Inline (the embedded default) every dispatch also runs whatever is still pending, so a job that failed
once is retried at the next report. With rq, a job that cannot be enqueued (Redis down) stays pending
and `flask --app web run-pending-jobs` (cron, or rq-scheduler) hands it over again.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from flask import current_app

from triage.mail_sender import SmtpSettings, send_outbox
from triage.pipeline import pending_jobs, run_proposal
from web.database import database

log = logging.getLogger(__name__)


def smtp_settings() -> SmtpSettings | None:
    config = current_app.config
    if not config.get("SMTP_HOST"):
        return None  # the embedded default: mail stays in the outbox, readable by admins
    return SmtpSettings(
        config["SMTP_HOST"],
        config["SMTP_PORT"],
        config["SMTP_SENDER"],
        config["SMTP_USER"],
        config["SMTP_PASSWORD"],
        config["SMTP_STARTTLS"],
    )


def send_mail() -> int:
    """Send the outbox after commit; with Redis a worker does it, so a slow mail server never holds a request."""
    if current_app.config.get("REDIS_URL"):
        return _enqueue_mail()
    with database().write_session_factory() as session:
        sent = send_outbox(session, smtp_settings(), current_app.config["PUBLIC_BASE_URL"], datetime.now(UTC))
        session.commit()
    return sent


def _enqueue_mail() -> int:
    from redis import Redis
    from redis.exceptions import RedisError
    from rq import Queue as RqQueue

    from triage.jobs import send_mail_job

    try:
        queue = RqQueue("triage", connection=Redis.from_url(current_app.config["REDIS_URL"], socket_timeout=2))
        queue.enqueue(send_mail_job, job_timeout=120)
    except RedisError as error:
        log.warning("Redis unavailable, mail stays in the outbox: %s", error)
        return 0
    return 1


def after_commit() -> None:
    """What every request that changed something owes after its commit: proposals and mail."""
    dispatch_pending()
    send_mail()


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
