"""Background jobs: importable functions that take plain values, are safe to run twice, and commit at the edge.

With Redis they run on rq workers (`rq worker -w triage.worker.PreloadedWorker triage`); in the embedded
default they run inline. A proposal job has the id `propose-<report id>` and retries with back-off, so a
worker killed mid-job is redone by rq itself once its heartbeat expires; whatever is still owed after that
(Redis was down, the retries ran out) the periodic run hands over again, never queuing a report twice.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from models.database import Database, database_url
from triage.notifications.sending import send_outbox
from triage.periodic import PeriodicSettings, periodic_work
from triage.proposals.classifying import LoadedClassifiers, load_classifiers, thresholds_from_environment
from triage.proposals.pipeline import run_proposal
from triage.proposals.sources import artifact_root

log = logging.getLogger(__name__)
QUEUE_NAME = "triage"
PROPOSAL_TIMEOUT_SECONDS = 60
# Seconds rq waits before each retry of a failed or abandoned proposal job (needs `rq worker --with-scheduler`).
PROPOSAL_RETRY_INTERVALS = [10, 60, 300]
_worker_classifiers: LoadedClassifiers | None = None
_worker_database: Database | None = None
# One Redis client and one rq queue per process and URL: a new client per enqueue cost a TCP connect and
# redis-py's and rq's look-ups of the server version on every create (31% of the request, measured).
_redis_clients: dict[tuple[int, str], object] = {}
_queues: dict[int, object] = {}


def redis_client(url: str):
    """The process's Redis client for `url`; its connection pool reuses connections across requests and jobs.

    Keyed by process id as well, so a forked gunicorn or rq worker never shares a socket with its parent.
    """
    key = (os.getpid(), url)
    if key not in _redis_clients:
        from redis import Redis

        _redis_clients[key] = Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2, health_check_interval=30)
    return _redis_clients[key]


def _queue(connection):
    """One rq Queue per client: it remembers the server's version instead of asking it on every enqueue."""
    if id(connection) not in _queues:
        from rq import Queue

        _queues[id(connection)] = Queue(QUEUE_NAME, connection=connection)
    queue = _queues[id(connection)]
    return queue if queue.connection is connection else Queue(QUEUE_NAME, connection=connection)


def preload() -> None:
    """Load the classifiers and open the database once, for every job this process will run (the worker)."""
    global _worker_database
    _classifiers()
    if _worker_database is None:
        _worker_database = Database(database_url())


def _classifiers() -> LoadedClassifiers:
    """Loaded once per worker process, like the app does at start."""
    global _worker_classifiers
    if _worker_classifiers is None:
        _worker_classifiers = load_classifiers(artifact_root(), thresholds_from_environment(os.environ))
    return _worker_classifiers


@contextmanager
def _database() -> Iterator[Database]:
    """The preloaded worker's database; a job run anywhere else opens its own and closes it afterwards."""
    if _worker_database is not None:
        yield _worker_database
        return
    database = Database(database_url())
    try:
        yield database
    finally:
        database.dispose()


def proposal_job(report_id: int) -> bool:
    """Make the proposal a stored report is owed (and route it when confident); safe to run twice."""
    with _database() as database:
        return bool(_propose(database, report_id))


def send_mail_job() -> int:
    """Send the outbox with the SMTP settings of the environment (SMTP_HOST, SMTP_PORT, ...)."""
    settings = PeriodicSettings.from_environment(os.environ)
    with _database() as database, database.session() as session:
        return send_outbox(session, settings.smtp, settings.public_base_url, datetime.now(UTC))


def periodic_job() -> dict:
    """The periodic work, run every minute by `rq cron triage.schedule`; owed proposals go back on the queue."""
    redis_url = os.environ.get("REDIS_URL")
    with _database() as database:
        return periodic_work(
            database.write_session_factory,
            PeriodicSettings.from_environment(os.environ),
            datetime.now(UTC),
            hand_over=lambda report_ids: _hand_over(database, redis_url, report_ids),
        )


def _hand_over(database: Database, redis_url: str | None, report_ids: list[int]) -> int:
    if redis_url:
        return enqueue_proposals(redis_client(redis_url), report_ids)
    return sum(_propose_or_keep_pending(database, report_id) for report_id in report_ids)


MAIL_JOB_ID = "send-mail"
HELD = ("queued", "started", "scheduled", "deferred")  # rq's statuses of a proposal job that will still run
# A mail run that has started may have read the outbox before this mail was in it: only a queued one will send it.
MAIL_HELD = ("queued",)


def enqueue_mail(connection) -> int:
    """Queue one outbox run, unless one is queued already: it has not read the outbox yet, so it sends this
    mail too (a burst of reports queues one mail job, not one each). Raises RedisError when Redis is down."""
    return len(_queue_unless_held(connection, [(_mail_data(), MAIL_HELD)]))


def hand_over_after_commit(connection, report_ids: Iterable[int]) -> int:
    """A request's owed work to rq in two round trips to Redis: the proposals of its reports and one mail run.

    On the create path every round trip counts (the request itself takes a few milliseconds). Settling
    abandoned jobs is the periodic hand-over's work (`enqueue_proposals`). Returns how many proposals were
    queued; raises RedisError when Redis is down.
    """
    jobs = [(_proposal_data(report_id), HELD) for report_id in dict.fromkeys(report_ids)]
    queued = _queue_unless_held(connection, [*jobs, (_mail_data(), MAIL_HELD)])
    return len([job_id for job_id in queued if job_id != MAIL_JOB_ID])


def proposal_job_id(report_id: int) -> str:
    return f"propose-{report_id}"


def enqueue_proposals(connection, report_ids: Iterable[int]) -> int:
    """Queue the owed proposals that rq does not hold already; returns how many were queued.

    A job that is queued, running or waiting for its retry is left alone, so running the hand-over twice
    queues nothing twice. Abandoned jobs (their worker was killed) are settled first: rq retries them or
    marks them failed, and a failed one is queued afresh. Raises RedisError when Redis is down.
    """
    _queue(connection).started_job_registry.cleanup()
    jobs = [(_proposal_data(report_id), HELD) for report_id in dict.fromkeys(report_ids)]
    return len(_queue_unless_held(connection, jobs))


def _queue_unless_held(connection, jobs: list) -> list[str]:
    """Queue each (job, statuses that hold it) whose job rq does not hold; returns the ids queued.

    Two round trips however many jobs: every status is read in one pipeline (HGET of the job's status, where
    fetching each job was a round trip of its own) and what is owed is queued in one `enqueue_many`.
    """
    from rq.job import Job

    with connection.pipeline(transaction=False) as reading:
        for data, _held in jobs:
            reading.hget(Job.key_for(data.job_id), "status")
        statuses = [status.decode() if status else None for status in reading.execute()]
    owed = [data for (data, held), status in zip(jobs, statuses, strict=True) if status not in held]
    if owed:
        _queue(connection).enqueue_many(owed)
    return [data.job_id for data in owed]


def _mail_data():
    from rq import Queue

    return Queue.prepare_data(send_mail_job, job_id=MAIL_JOB_ID, timeout=120)


def _proposal_data(report_id: int):
    from rq import Queue, Retry

    return Queue.prepare_data(
        proposal_job,
        (report_id,),
        job_id=proposal_job_id(report_id),
        timeout=PROPOSAL_TIMEOUT_SECONDS,
        retry=Retry(max=len(PROPOSAL_RETRY_INTERVALS), interval=PROPOSAL_RETRY_INTERVALS),
    )


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
