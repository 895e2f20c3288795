"""The intake service stores a checked report with everything attached, and refuses without changing anything."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from geo.areas import find_area
from models import AreaKind, AuditEvent, Channel, OutboxMail, PendingJob, Report, Reporter, ReportStatus
from tests.factories import GROTE_MARKT, HEEMSTEDE, jpeg_bytes
from triage.intake.photo_store import PhotoStore
from triage.intake.submission import (
    Submission,
    Upload,
    accept_uploads,
    check_submission,
    receive_report,
    submit_report,
)
from triage.kernel.refusals import Problems, SubmissionRejected

NOW = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)


@pytest.fixture
def store(tmp_path):
    return PhotoStore(tmp_path / "uploads")


@pytest.fixture
def submission():
    return Submission(description="Losse stoeptegel voor de bakker", lon=str(GROTE_MARKT[0]), lat=str(GROTE_MARKT[1]))


def reports_in(session) -> int:
    return session.scalar(select(func.count()).select_from(Report))


def test_submitted_report_is_received_with_buurt_wijk_and_audit_event(session, store, submission):
    location = check_submission(session, submission, "GM0392")
    report = submit_report(session, submission, location, store, channel=Channel.WEB, now=NOW)

    stored = session.get(Report, report.id)
    assert stored.status is ReportStatus.RECEIVED
    assert stored.channel is Channel.WEB
    assert stored.created_at == NOW
    assert stored.wijk.code == "WK039201"
    assert stored.buurt.parent_code == stored.wijk.code
    assert stored.reporter is None
    events = session.scalars(select(AuditEvent).where(AuditEvent.report_id == report.id)).all()
    assert [(e.action, e.actor) for e in events] == [("report.received", "resident")]


def test_location_is_stored_as_a_wgs84_point(session, store, submission):
    location = check_submission(session, submission, "GM0392")
    report = submit_report(session, submission, location, store, channel=Channel.WEB, now=NOW)
    srid, x, y = session.execute(
        select(func.ST_SRID(Report.location), func.ST_X(Report.location), func.ST_Y(Report.location)).where(
            Report.id == report.id
        )
    ).one()
    assert srid == 4326
    assert (round(x, 4), round(y, 4)) == GROTE_MARKT


def test_contact_details_go_to_their_own_table(session, store, submission):
    submission.email, submission.contact_consent = "bewoner@example.nl", True
    location = check_submission(session, submission, "GM0392")
    report = submit_report(session, submission, location, store, channel=Channel.WEB, now=NOW)
    reporter = session.get(Reporter, report.reporter_id)
    assert reporter.email == "bewoner@example.nl"
    assert reporter.consent_at == NOW


def test_photos_are_moved_from_draft_to_storage(session, store, submission):
    problems = Problems()
    accept_uploads(store, submission, [Upload("a.jpg", jpeg_bytes(exif_gps=True))], problems)
    assert not problems and len(submission.photo_keys) == 1
    location = check_submission(session, submission, "GM0392")
    report = submit_report(session, submission, location, store, channel=Channel.WEB, now=NOW)

    [attachment] = report.attachments
    assert store.path(attachment.storage_key).read_bytes()[:2] == b"\xff\xd8"
    assert store.path(attachment.storage_key, "thumb") is not None
    assert not store.has_draft(submission.photo_keys[0])


def test_buurt_choice_without_map_stores_an_approximate_point_in_that_buurt(session, store):
    submission = Submission(
        description="Graffiti op de muur", buurt_code="BU03920102", location_text="Achter de Grote Kerk"
    )
    location = check_submission(session, submission, "GM0392")
    report = submit_report(session, submission, location, store, channel=Channel.WEB, now=NOW)
    assert report.location_is_approximate
    assert report.buurt.code == "BU03920102"
    assert report.wijk == find_area(session, AreaKind.WIJK, "WK039201")


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"description": "   "}, "description", "description.required"),
        ({"description": "x" * 5000}, "description", "description.too_long"),
        ({"lat": "", "lon": ""}, "location", "location.required"),
        ({"lat": "noord"}, "location", "location.invalid"),
        ({"lat": "91", "lon": "4.6"}, "location", "location.out_of_range"),
        ({"lat": str(HEEMSTEDE[1]), "lon": str(HEEMSTEDE[0])}, "location", "location.outside_named"),
        ({"lat": "0", "lon": "0"}, "location", "location.outside"),
        ({"lat": "", "lon": "", "buurt_code": "BU99999999"}, "location", "location.unknown_buurt"),
        ({"lat": "", "lon": "", "buurt_code": "BU03920102"}, "location_text", "location_text.required"),
        ({"email": "geen-adres", "contact_consent": True}, "email", "email.invalid"),
        ({"phone": "12", "contact_consent": True}, "phone", "phone.invalid"),
        ({"email": "bewoner@example.nl"}, "contact_consent", "contact_consent.required"),
    ],
)
def test_refused_submission_names_the_field_and_stores_nothing(session, submission, changes, field, code):
    for name, value in changes.items():
        setattr(submission, name, value)
    before = reports_in(session)
    with pytest.raises(SubmissionRejected) as refusal:
        check_submission(session, submission, "GM0392")
    assert code in [problem.code for problem in refusal.value.problems[field]]
    assert reports_in(session) == before


def test_outside_refusal_names_the_neighbouring_municipality(session, submission):
    submission.lon, submission.lat = str(HEEMSTEDE[0]), str(HEEMSTEDE[1])
    with pytest.raises(SubmissionRejected) as refusal:
        check_submission(session, submission, "GM0392")
    assert refusal.value.problems["location"][0].params == {"place": "Heemstede"}


def test_more_than_three_photos_are_refused_and_none_are_kept(store, submission):
    problems = Problems()
    accept_uploads(store, submission, [Upload(f"{n}.jpg", jpeg_bytes()) for n in range(4)], problems)
    assert [p.code for p in problems["photos"]] == ["photos.too_many"]
    assert submission.photo_keys == []


def test_received_report_is_owed_its_proposal_and_the_received_mail(session, store, submission):
    submission.email, submission.contact_consent = "bewoner@example.nl", True

    report = receive_report(
        session, submission, store, municipality_code="GM0392", channel=Channel.API, now=NOW, actor="api"
    )

    assert session.scalars(select(PendingJob.report_id).where(PendingJob.done_at.is_(None))).all() == [report.id]
    assert session.scalars(select(OutboxMail.to_address).where(OutboxMail.report_id == report.id)).all() == [
        "bewoner@example.nl"
    ]
    events = session.scalars(select(AuditEvent).where(AuditEvent.report_id == report.id)).all()
    assert [(e.action, e.actor) for e in events] == [("report.received", "api")]


def test_receiving_refuses_problems_found_before_the_check_with_its_own_and_stores_nothing(session, store, submission):
    found = Problems()
    found.add("photos", "photos.too_many", max=3)
    submission.description = ""
    before = reports_in(session)

    with pytest.raises(SubmissionRejected) as refusal:
        receive_report(
            session, submission, store, municipality_code="GM0392", channel=Channel.WEB, now=NOW, found=found
        )

    assert {name: [p.code for p in items] for name, items in refusal.value.problems.items()} == {
        "photos": ["photos.too_many"],
        "description": ["description.required"],
    }
    assert [p.code for p in found["photos"]] == ["photos.too_many"]
    assert reports_in(session) == before
