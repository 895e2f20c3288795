"""Whole reports are destroyed at the end of their keeping period once an administrator confirms the list;
a stub without text or personal data stays."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from models import Attachment, AuditEvent, DestroyedReport, Report, Reporter, ReportMessage, Role, StatusChange
from tests.factories import jpeg_bytes, make_report, make_staff, route_report
from triage.intake import PhotoStore, destroy_reports, fingerprint, reports_due_for_destruction
from triage.intake.photos import prepare_photo
from triage.workflow.transitions import change_status

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
KEEPING_DAYS = 5 * 365


@pytest.fixture
def admin(session):
    return make_staff(session, Role.ADMIN, email="beheerder@gemeente.nl")


def closed_report(session, store, admin, closed_at, description="Losse stoeptegel"):
    """A report with a photo and a contact address, routed and done at `closed_at`."""
    key = store.save_draft(prepare_photo(jpeg_bytes(), "tegel.jpg"))
    report = make_report(
        session,
        store,
        description,
        email="bewoner@example.nl",
        contact_consent=True,
        photo_keys=[key],
        now=closed_at - timedelta(days=3),
    )
    route_report(session, report, admin, now=closed_at - timedelta(days=2))
    change_status(session, report, admin, report.version, "in_progress", "", closed_at - timedelta(days=1))
    change_status(session, report, admin, report.version, "done", "Tegel ligt weer vast.", closed_at)
    return report


def test_only_reports_closed_longer_ago_than_the_keeping_period_are_due(session, tmp_path, admin):
    store = PhotoStore(tmp_path)
    old = closed_report(session, store, admin, NOW - timedelta(days=KEEPING_DAYS + 10))
    closed_report(session, store, admin, NOW - timedelta(days=KEEPING_DAYS - 10))
    make_report(session, store, "Nog open", now=NOW - timedelta(days=KEEPING_DAYS + 400))

    due = reports_due_for_destruction(session, NOW, KEEPING_DAYS)

    assert [report.tracking_code for report in due] == [old.tracking_code]
    assert due[0].closed_at == NOW - timedelta(days=KEEPING_DAYS + 10)


def test_destroying_removes_the_report_its_rows_and_photo_files_and_keeps_a_stub(session, tmp_path, admin):
    store = PhotoStore(tmp_path)
    old = closed_report(session, store, admin, NOW - timedelta(days=KEEPING_DAYS + 10))
    kept = closed_report(session, store, admin, NOW - timedelta(days=10), "Kapotte lamp")
    photo = old.attachments[0].storage_key
    old_id, reporter_id, code = old.id, old.reporter_id, old.tracking_code
    assert store.path(photo) is not None

    due = reports_due_for_destruction(session, NOW, KEEPING_DAYS)
    assert destroy_reports(session, due, store, "beheerder@gemeente.nl", NOW) == 1

    assert session.get(Report, old_id) is None and session.get(Reporter, reporter_id) is None
    for model in (Attachment, AuditEvent, ReportMessage, StatusChange):
        assert session.scalar(select(func.count()).select_from(model).where(model.report_id == old_id)) == 0
    assert store.path(photo) is None and store.path(photo, "thumb") is None
    stub = session.scalar(select(DestroyedReport))
    assert (stub.tracking_code, stub.destroyed_by, stub.destroyed_at) == (code, "beheerder@gemeente.nl", NOW)
    assert session.get(Report, kept.id).description == "Kapotte lamp"
    assert store.path(kept.attachments[0].storage_key) is not None


def test_the_confirmed_list_has_a_fingerprint_that_changes_with_the_list(session, tmp_path, admin):
    store = PhotoStore(tmp_path)
    closed_report(session, store, admin, NOW - timedelta(days=KEEPING_DAYS + 10))
    before = fingerprint(reports_due_for_destruction(session, NOW, KEEPING_DAYS))
    closed_report(session, store, admin, NOW - timedelta(days=KEEPING_DAYS + 5))

    assert fingerprint(reports_due_for_destruction(session, NOW, KEEPING_DAYS)) != before


def test_a_duplicate_pointing_at_a_destroyed_report_stays(session, tmp_path, admin):
    store = PhotoStore(tmp_path)
    old = closed_report(session, store, admin, NOW - timedelta(days=KEEPING_DAYS + 10))
    newer = make_report(session, store, "Weer een tegel", now=NOW - timedelta(days=1))
    newer.duplicate_of_id = old.id
    session.flush()

    destroy_reports(session, reports_due_for_destruction(session, NOW, KEEPING_DAYS), store, "beheerder", NOW)

    assert session.get(Report, newer.id).duplicate_of_id is None
