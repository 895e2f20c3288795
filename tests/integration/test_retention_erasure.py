"""After the retention period no trace of a reporter's address or phone number is left anywhere, and mail
that was still waiting for them is never sent."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import JSON, String, Text, cast, func, select

from models import AuditEvent, Base, OutboxMail, ReportMessage
from tests.factories import make_report
from triage.intake.privacy import anonymise_expired_contacts
from triage.kernel.audit import AuditAction, record
from triage.notifications.sending import unsent

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
ADDRESS = "Bewoner_Een@example.nl"
PHONE = "06-12345678"


def text_columns():
    for table in Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, String | Text | JSON):
                yield table, column


def places_holding(session, needle: str) -> list[str]:
    """table.column of every row, in every text or JSON column of the schema, that still contains `needle`."""
    found = []
    for table, column in text_columns():
        hits = session.scalar(
            select(func.count()).select_from(table).where(cast(column, Text).contains(needle, autoescape=True))
        )
        found += [f"{table.name}.{column.name}"] * hits
    return found


def old_report_with_traces(session, tmp_path):
    """A report past retention whose reporter's details also ended up in mail, the audit trail and a reply."""
    created = NOW - timedelta(days=400)
    report = make_report(
        session, tmp_path, "Losse stoeptegel", email=ADDRESS, phone=PHONE, contact_consent=True, now=created
    )
    sent = OutboxMail(
        report_id=report.id,
        kind="received",
        to_address=ADDRESS,
        subject="Ontvangen",
        body=f"Beste {ADDRESS}, bel {PHONE}",
        created_at=created,
        sent_at=created,
        attempts=1,
    )
    waiting = OutboxMail(
        report_id=report.id,
        kind="status",
        to_address=ADDRESS,
        subject="Status",
        body="Uw melding is opgelost",
        created_at=created,
        attempts=0,
    )
    reply = ReportMessage(
        report_id=report.id,
        at=created,
        actor="resident",
        kind="resident",
        text=f"Mail mij op {ADDRESS.lower()} of bel {PHONE}",
    )
    session.add_all([sent, waiting, reply])
    record(
        session, report, AuditAction.REPORT_RECEIVED, "resident", created, contact={"email": ADDRESS, "phone": PHONE}
    )
    session.flush()
    return report, waiting


def test_after_retention_the_address_and_phone_are_nowhere_in_the_database(session, tmp_path):
    old_report_with_traces(session, tmp_path)
    assert places_holding(session, ADDRESS)  # the search finds what it looks for

    assert anonymise_expired_contacts(session, NOW, retention_days=365) == 1
    session.expire_all()

    assert places_holding(session, ADDRESS) == []
    assert places_holding(session, ADDRESS.lower()) == []
    assert places_holding(session, PHONE) == []


def test_mail_still_waiting_for_an_erased_reporter_is_never_sent(session, tmp_path):
    _, waiting = old_report_with_traces(session, tmp_path)
    assert waiting in unsent(session)

    anonymise_expired_contacts(session, NOW, retention_days=365)

    assert waiting not in unsent(session)


def test_the_report_text_and_other_reporters_are_left_alone(session, tmp_path):
    report, _ = old_report_with_traces(session, tmp_path)
    recent = make_report(
        session, tmp_path, "Kapotte lamp", email="ander@example.nl", contact_consent=True, now=NOW - timedelta(days=3)
    )

    anonymise_expired_contacts(session, NOW, retention_days=365)
    session.expire_all()

    assert report.description == "Losse stoeptegel"
    assert recent.reporter.email == "ander@example.nl"
    events = session.scalars(select(AuditEvent.action).where(AuditEvent.report_id == report.id)).all()
    assert events[-1] == "reporter.anonymised"


def test_a_newer_report_of_the_same_resident_keeps_its_details_and_its_mail(session, tmp_path):
    old, _ = old_report_with_traces(session, tmp_path)
    newer = make_report(session, tmp_path, "Weer een tegel", email=ADDRESS, contact_consent=True, now=NOW)
    newer_mail = OutboxMail(
        report_id=newer.id,
        kind="status",
        to_address=ADDRESS,
        subject="Status",
        body=f"Beste {ADDRESS}",
        created_at=NOW,
        attempts=0,
    )
    session.add(newer_mail)
    session.flush()

    anonymise_expired_contacts(session, NOW, retention_days=365)
    session.expire_all()

    assert newer.reporter.email == ADDRESS
    assert newer_mail in unsent(session) and ADDRESS in newer_mail.body
    old_texts = session.scalars(select(ReportMessage.text).where(ReportMessage.report_id == old.id)).all()
    assert all(ADDRESS.lower() not in text for text in old_texts)


def test_the_command_erases_through_the_app(cli_database, tmp_path, monkeypatch):
    from web import create_app

    with cli_database.session() as session:
        old_report_with_traces(session, tmp_path)
    monkeypatch.setenv("INSTANCE_DIR", str(tmp_path / "instance"))
    app = create_app(
        {"DATABASE_URL": cli_database.url, "UPLOAD_DIR": str(tmp_path / "up"), "REPORTER_RETENTION_DAYS": 365}
    )
    result = app.test_cli_runner().invoke(args=["anonymise-contacts"])
    app.extensions["database"].dispose()

    assert result.exit_code == 0, result.output
    with cli_database.session() as session:
        assert places_holding(session, ADDRESS) == places_holding(session, PHONE) == []
