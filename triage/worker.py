"""The production rq worker: classifiers and database loaded once, every job run in the worker's own process.

rq's default worker forks a child per job, and each child imported the app and loaded the classifiers
again (2.3 s a proposal). This one is a SimpleWorker (no fork) that preloads them when it starts:

    rq worker -w triage.worker.PreloadedWorker --with-scheduler --url $REDIS_URL triage

A job that hangs is still stopped by its timeout (SIGALRM in the worker's process); a worker that is
killed loses the job it was running, which rq retries once the worker's heartbeat has expired.
"""

from __future__ import annotations

from rq import SimpleWorker

from triage.jobs import preload


class PreloadedWorker(SimpleWorker):
    """An rq worker that keeps the loaded artifacts and the database engine from one job to the next."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        preload()
