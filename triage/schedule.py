"""What rq's cron runs in production (`rq cron triage.schedule --url $REDIS_URL`, one of them per site).

The periodic run every PERIODIC_SECONDS (default 60): reminders, retention, mail, and handing owed
proposals back to the workers, so a job lost with Redis or a killed worker is redone without a person.
"""

from __future__ import annotations

import os

from rq import cron

from triage.jobs import QUEUE_NAME, periodic_job

PERIODIC_SECONDS = int(os.environ.get("PERIODIC_SECONDS") or 60)

cron.register(periodic_job, QUEUE_NAME, interval=PERIODIC_SECONDS, job_timeout=300)
