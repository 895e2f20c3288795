"""Handing owed jobs over after commit: to rq when Redis is configured, else run them inline.

Inline (the embedded default) every dispatch also runs whatever is still pending, so a job that failed
once is retried at the next report. With rq, a job that cannot be enqueued (Redis down) stays pending
and the periodic run (or `triage run-pending-jobs`) hands it over again. The embedded server runs the
periodic work on a thread of its own, with the settings of the app.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from flask import Flask, current_app
from werkzeug.wsgi import ClosingIterator

from triage.notifications import send_outbox
from triage.periodic import periodic_work
from triage.proposals import pending_jobs, prepare_proposal, store_proposal
from web.config import periodic_settings
from web.database import database

log = logging.getLogger(__name__)


def send_mail() -> int:
    """Send the outbox after commit; with Redis a worker does it, so a slow mail server never holds a request."""
    if current_app.config.get("REDIS_URL"):
        return _enqueue_mail()
    with database().write_session_factory() as session:
        sent = send_outbox(
            session, current_app.config["SMTP"], current_app.config["PUBLIC_BASE_URL"], datetime.now(UTC)
        )
        session.commit()
    return sent


def _enqueue_mail() -> int:
    from triage.jobs import enqueue_mail

    return _to_rq(enqueue_mail, "mail stays in the outbox")


def _to_rq(hand_over: Callable[..., int], what_waits: str, *args) -> int:
    """Hand work to rq on this process's Redis client; with Redis down nothing is lost (the proposal jobs stay
    pending, the mail in the outbox) and the periodic run hands it over again, so the request goes on."""
    from redis.exceptions import RedisError

    from triage.jobs import redis_client

    try:
        return hand_over(redis_client(current_app.config["REDIS_URL"]), *args)
    except RedisError as error:
        log.warning("Redis unavailable, %s: %s", what_waits, error)
        return 0


def after_commit(report_ids: Iterable[int] = ()) -> None:
    """What a request that changed something owes after its commit: the new reports' proposals, and mail.

    With Redis the work goes to rq. On the embedded default it runs on the app's background thread, so the
    resident does not wait for the classifier or the mail server (tests run it at once); whatever is still
    pending if the process stops is picked up by the periodic sweep (`dispatch_pending`).
    """
    report_ids = list(dict.fromkeys(report_ids))
    if current_app.config.get("REDIS_URL"):
        _hand_over_to_rq(report_ids)
        return
    app = current_app._get_current_object()
    if app.config.get("JOBS_IN_BACKGROUND", True):
        background_runner(app).submit(lambda: _run_owed(report_ids))
    else:
        _run_owed(report_ids)


def _run_owed(report_ids: list[int]) -> None:
    for report_id in report_ids:
        _run_inline(report_id)
    send_mail()


# How long the embedded default's background work waits for a moment without requests before it goes ahead.
QUIET_WAIT_SECONDS = 0.5


def init_app(app: Flask) -> None:
    """Count the requests in flight, so the background work of the embedded default lets them go first."""
    in_flight = RequestsInFlight()
    app.extensions["requests_in_flight"] = in_flight
    app.wsgi_app = CountsRequests(app.wsgi_app, in_flight)


class RequestsInFlight:
    """The requests this process is serving right now, and a way to wait for a moment without any.

    Why: on the embedded default the owed proposals run on a thread of the web server's own process. A proposal
    is 10-20 ms of Python, which holds the interpreter lock and then SQLite's one write lock that a resident's
    request needs; with four residents at once that put a request's p95 at 150 ms and the worst over a second.
    A proposal is owed in the outbox, so it can wait a moment without anything being lost; it waits at most
    QUIET_WAIT_SECONDS, so a steady stream of requests slows the proposals down but never stops them.
    """

    def __init__(self) -> None:
        self._count = 0
        self._changed = threading.Condition()

    def enter(self) -> None:
        with self._changed:
            self._count += 1

    def leave(self) -> None:
        with self._changed:
            self._count -= 1
            if self._count == 0:
                self._changed.notify_all()

    def wait_for_quiet(self, limit: float) -> None:
        with self._changed:
            self._changed.wait_for(lambda: self._count == 0, timeout=limit)


class CountsRequests:
    """WSGI middleware: a request is in flight from its call until the server has sent and closed its response."""

    def __init__(self, wsgi_app, in_flight: RequestsInFlight) -> None:
        self.wsgi_app = wsgi_app
        self.in_flight = in_flight

    def __call__(self, environ, start_response):
        self.in_flight.enter()
        try:
            response = self.wsgi_app(environ, start_response)
        except BaseException:
            self.in_flight.leave()
            raise
        return ClosingIterator(response, self.in_flight.leave)


def _wait_for_quiet(app: Flask) -> None:
    in_flight = app.extensions.get("requests_in_flight")
    if in_flight is not None:
        in_flight.wait_for_quiet(QUIET_WAIT_SECONDS)


def background_runner(app: Flask) -> BackgroundRunner:
    if "background" not in app.extensions:
        app.extensions["background"] = BackgroundRunner(app)
    return app.extensions["background"]


class BackgroundRunner:
    """One daemon thread that runs owed work in order, inside an app context; one at a time keeps SQLite calm."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.tasks: queue.Queue = queue.Queue()
        self.lock = threading.Lock()
        self.thread: threading.Thread | None = None

    def submit(self, task: Callable[[], object]) -> None:
        with self.lock:
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._work, name="owed-jobs", daemon=True)
                self.thread.start()
        self.tasks.put(task)

    def _work(self) -> None:
        while True:
            task = self.tasks.get()
            _wait_for_quiet(self.app)
            try:
                with self.app.app_context():
                    task()
            except Exception:  # the job stays pending; the periodic sweep retries it
                log.exception("background job failed")
            finally:
                self.tasks.task_done()

    def wait(self) -> None:
        """Block until everything submitted so far has run (tests, and a clean shutdown)."""
        self.tasks.join()


def dispatch_pending() -> int:
    """Hand over or run every pending proposal job; returns how many were handed over or run."""
    with database().write_session_factory() as session:
        report_ids = [job.report_id for job in pending_jobs(session)]
    return hand_over(report_ids) if report_ids else 0


def hand_over(report_ids: list[int]) -> int:
    """Proposals still owed go to rq when Redis is configured, else they are made here and now."""
    if current_app.config.get("REDIS_URL"):
        return _enqueue_owed(report_ids)
    return sum(_run_inline(report_id) for report_id in dict.fromkeys(report_ids))


def run_periodic(app: Flask) -> dict:
    """The periodic work with this app's settings: what the embedded server runs every PERIODIC_SECONDS."""
    with app.app_context():
        return periodic_work(
            database().write_session_factory, periodic_settings(app.config), datetime.now(UTC), hand_over
        )


def start_periodic_thread(app: Flask) -> None:
    """The embedded default has no scheduler: a daemon thread runs the periodic work every PERIODIC_SECONDS."""

    def loop() -> None:
        while True:
            time.sleep(app.config["PERIODIC_SECONDS"])
            _wait_for_quiet(app)
            try:
                run_periodic(app)
            except Exception:  # keep serving; the next run tries again
                app.logger.exception("periodic run failed")

    threading.Thread(target=loop, name="periodic", daemon=True).start()


def _enqueue_owed(report_ids: list[int]) -> int:
    """The sweep's proposals to rq, after settling abandoned jobs."""
    from triage.jobs import enqueue_proposals

    return _to_rq(enqueue_proposals, f"{len(report_ids)} proposal jobs stay pending", report_ids)


def _hand_over_to_rq(report_ids: list[int]) -> int:
    """A request's proposals and a mail run to rq (each report at most once in the queue)."""
    from triage.jobs import hand_over_after_commit

    waits = f"{len(report_ids)} proposal jobs stay pending, mail in the outbox"
    return _to_rq(hand_over_after_commit, waits, report_ids)


def _run_inline(report_id: int) -> int:
    """Think in a read-only session, then write in a short one: SQLite's single write lock stays free."""
    now = datetime.now(UTC)
    try:
        with database().session_factory() as reading:
            prepared = prepare_proposal(reading, current_app.extensions["classifiers"], report_id, now)
            reading.rollback()
        with database().write_session_factory() as session:
            store_proposal(session, prepared, report_id, now)
            session.commit()
        return 1
    except Exception:  # the report is stored; its job stays pending and is retried by the periodic sweep
        log.exception("proposal for report %s failed; it stays pending", report_id)
        return 0
