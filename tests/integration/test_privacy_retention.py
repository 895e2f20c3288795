"""Contact details are erased after the retention period; the report and its history stay."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from models import AuditEvent, Reporter
from tests.factories import make_report
from triage.intake.privacy import anonymise_expired_contacts

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def report_with_contact(session, tmp_path, created_at):
    return make_report(
        session,
        tmp_path,
        "Scheve paal",
        email="bewoner@example.nl",
        phone="0612345678",
        contact_consent=True,
        now=created_at,
    )


def test_contact_details_older_than_retention_are_erased(session, tmp_path):
    old = report_with_contact(session, tmp_path, NOW - timedelta(days=400))
    recent = report_with_contact(session, tmp_path, NOW - timedelta(days=10))

    assert anonymise_expired_contacts(session, NOW, retention_days=365) == 1

    old_reporter, recent_reporter = session.get(Reporter, old.reporter_id), session.get(Reporter, recent.reporter_id)
    assert (old_reporter.email, old_reporter.phone, old_reporter.anonymised_at) == (None, None, NOW)
    assert recent_reporter.email == "bewoner@example.nl"
    assert old.description == "Scheve paal"
    actions = session.scalars(select(AuditEvent.action).where(AuditEvent.report_id == old.id)).all()
    assert actions == ["report.received", "reporter.anonymised"]


def test_erasing_twice_changes_nothing_more(session, tmp_path):
    report_with_contact(session, tmp_path, NOW - timedelta(days=400))
    assert anonymise_expired_contacts(session, NOW, retention_days=365) == 1
    assert anonymise_expired_contacts(session, NOW + timedelta(days=1), retention_days=365) == 0
