"""Production's periodic run is scheduled by rq's cron from triage.schedule, every minute on the triage queue."""

from redis import Redis
from rq.cron import CronScheduler

from triage.jobs import periodic_job


def test_rq_cron_runs_the_periodic_job_every_minute_on_the_triage_queue():
    scheduler = CronScheduler(connection=Redis(port=1))  # loading the schedule talks to no Redis
    scheduler.load_config_from_file("triage.schedule")
    [job] = scheduler.get_jobs()
    assert (job.func, job.queue_name, job.interval) == (periodic_job, "triage", 60)
