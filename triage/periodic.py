"""The periodic work, one use case for both runtime sizes: reminders that are due, owed proposals, mail, retention.

rq's cron runs it in production (`rq cron triage.schedule` enqueues `triage.jobs.periodic_job`), a thread of
the embedded server every few minutes, and `triage periodic` once. Each of them reads its settings at its own
edge and passes them in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from geo.geocoder import GeocoderSettings
from triage.intake.addresses import settle_owed_addresses
from triage.intake.privacy import anonymise_expired_contacts
from triage.monitoring import refresh_dashboard_days
from triage.notifications.sending import SmtpSettings, send_outbox
from triage.proposals.pipeline import pending_jobs
from triage.reference.profile import load_profile
from triage.workflow.escalation import escalate
from triage.workflow.no_answer import remind_unanswered

DEFAULT_BASE_URL = "http://127.0.0.1:5000"
DEFAULT_RETENTION_DAYS = 365


@dataclass(frozen=True)
class PeriodicSettings:
    """What a periodic run needs to know; without SMTP mail stays in the outbox for admins to read."""

    retention_days: int = DEFAULT_RETENTION_DAYS
    smtp: SmtpSettings | None = None
    public_base_url: str = DEFAULT_BASE_URL
    geocoder: GeocoderSettings | None = None  # None or no URL: owed addresses wait until one is configured

    @classmethod
    def from_environment(cls, env: Mapping[str, str]) -> PeriodicSettings:
        """REPORTER_RETENTION_DAYS, SMTP_HOST and friends, PUBLIC_BASE_URL, GEOCODER_URL: the names an operator sets."""
        return cls(
            int(env.get("REPORTER_RETENTION_DAYS") or DEFAULT_RETENTION_DAYS),
            SmtpSettings.from_environment(env),
            env.get("PUBLIC_BASE_URL") or DEFAULT_BASE_URL,
            _geocoder_from_environment(env),
        )


def periodic_work(
    sessions: Callable[[], Session],
    settings: PeriodicSettings,
    now: datetime,
    hand_over: Callable[[list[int]], int],
) -> dict:
    """Safe to run as often as anyone likes; each step commits its own short unit of work.

    `hand_over` gives the proposals still owed to whoever makes them (rq, or inline) and says how many it
    gave; mail goes out after the reminders it carries were committed.
    """
    with sessions() as session:
        escalated = escalate(session, now)
        unanswered = remind_unanswered(session, now)
        anonymised = anonymise_expired_contacts(session, now, settings.retention_days)
        owed = list(dict.fromkeys(job.report_id for job in pending_jobs(session)))
        session.commit()
    handed_over = hand_over(owed) if owed else 0
    addressed = settle_owed_addresses(sessions, settings.geocoder, now)
    with sessions() as session:
        mailed = send_outbox(session, settings.smtp, settings.public_base_url, now)
        session.commit()
    with sessions() as session:  # the dashboard's day rows: yesterday, and days changed since they were built
        counted_days = refresh_dashboard_days(session, now)
        session.commit()
    return {
        "escalated": len(escalated),
        "unanswered": len(unanswered),
        "anonymised": anonymised,
        "handed_over": handed_over,
        "mailed": mailed,
        "addressed": addressed,
        "dashboard_days": counted_days,
    }


def _geocoder_from_environment(env: Mapping[str, str]) -> GeocoderSettings | None:
    """GEOCODER_URL and GEOCODER_TIMEOUT, for the municipality of the environment's profile."""
    if not env.get("GEOCODER_URL"):
        return None
    code = env.get("MUNICIPALITY_CODE") or load_profile().code
    return GeocoderSettings(env["GEOCODER_URL"], code, float(env.get("GEOCODER_TIMEOUT") or 3))
