"""The resident answers a team's question on the status page; every team message is mailed; a duplicate or split
report tells its resident in plain words; an unanswered question comes back to the team, never closed by itself."""

import io
from datetime import UTC, datetime, timedelta

import pytest
from PIL import Image
from sqlalchemy import func, select

from models import (
    AuditEvent,
    NoAnswerReminder,
    OutboxMail,
    Queue,
    Report,
    ReportStatus,
    ResidentReply,
    Role,
    StatusChange,
)
from tests.factories import OFFICER_EMAIL, jpeg_bytes, make_report, make_staff, route_report
from tests.support.web import csrf_token_from, log_in, post_multipart
from triage.inbox.decisions import mark_duplicate, split
from triage.intake import PhotoStore, Upload
from triage.kernel.refusals import DecisionRefused, SubmissionRejected
from triage.kernel.time import LOCAL_TIME_ZONE
from triage.staff.accounts import find_user
from triage.workflow import Filters, answer_question, reply_marks, work_list
from triage.workflow.no_answer import remind_unanswered
from triage.workflow.transitions import assign, change_status

MONDAY = datetime(2026, 11, 23, 10, 0, tzinfo=LOCAL_TIME_ZONE)
QUESTION = "Welke container bedoelt u, die bij de kerk of die bij de school?"
RESIDENT = "bewoner@example.nl"


@pytest.fixture
def member(session):
    return make_staff(session, Role.TEAM_MEMBER, email="eenvoudig@haarlem.example", teams=["team-eenvoudig"])


def routed(session, tmp_path, now, **fields):
    officer = find_user(session, OFFICER_EMAIL) or make_staff(session, Role.TRIAGE_OFFICER)
    report = make_report(session, tmp_path, "Container zit vol", now=now, **fields)
    return route_report(session, report, officer, "simple", now=now)


def asked(session, report, member, now):
    """The team member takes the report and asks the resident a question."""
    report.assignee_id = member.id
    change_status(session, report, member, report.version, "in_progress", "", now)
    change_status(session, report, member, report.version, "waiting_resident", QUESTION, now)
    return report


@pytest.fixture
def waiting(session, tmp_path, member):
    report = routed(session, tmp_path, MONDAY, email=RESIDENT, contact_consent=True)
    return asked(session, report, member, MONDAY)


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def mails(session, report, kind) -> list[OutboxMail]:
    query = select(OutboxMail).where(OutboxMail.report_id == report.id, OutboxMail.kind == kind)
    return list(session.scalars(query.order_by(OutboxMail.id)))


def stored_photos(store_root) -> int:
    return len(list((store_root / "photos").rglob("*.jpg"))) if (store_root / "photos").exists() else 0


def test_the_question_mail_links_the_reply_form(session, waiting):
    (mail,) = mails(session, waiting, "waiting_resident")
    assert QUESTION in mail.body
    assert f"/melding/{waiting.status_token}#reply" in mail.body


def test_the_residents_answer_with_a_photo_moves_the_report_on_and_runs_the_clock(session, tmp_path, waiting, member):
    due_while_waiting = waiting.due_at
    store = PhotoStore(tmp_path / "replies")
    answered = MONDAY + timedelta(days=1)
    photo = Upload("bak.jpg", jpeg_bytes(exif_gps=True))
    reply = answer_question(session, waiting, "  Die bij de kerk.  ", [photo], store, answered)

    assert waiting.status is ReportStatus.IN_PROGRESS
    assert reply.text == "Die bij de kerk." and len(reply.photos) == 1
    with Image.open(store.path(reply.photos[0].storage_key)) as image:
        assert not image.getexif()  # the GPS position of the resident's home is gone
    last = session.scalar(select(StatusChange).order_by(StatusChange.id.desc()))
    assert (last.actor, last.from_status, last.to_status) == ("resident", "waiting_resident", "in_progress")
    assert waiting.due_at == due_while_waiting + timedelta(days=1)  # the day of waiting does not count
    actions = session.scalars(select(AuditEvent.action).where(AuditEvent.report_id == waiting.id)).all()
    assert "resident.replied" in actions and actions[-1] == "due.set"
    (told,) = mails(session, waiting, "resident_replied")
    assert told.to_address == member.email and f"/team/melding/{waiting.id}" in told.body


@pytest.mark.parametrize(
    ("text", "uploads", "field", "code"),
    [
        ("", [Upload("bak.jpg", jpeg_bytes())], "text", "reply.text_required"),
        ("Die bij de kerk.", [Upload("bak.jpg", b"not an image")], "photos", "photo.not_an_image"),
        ("Die bij de kerk.", [Upload(f"{n}.jpg", jpeg_bytes()) for n in range(4)], "photos", "photos.too_many"),
        ("x" * 2001, [], "text", "reply.text_too_long"),
    ],
)
def test_a_refused_answer_changes_nothing(session, tmp_path, waiting, text, uploads, field, code):
    store, version, changes = PhotoStore(tmp_path / "replies"), waiting.version, count(session, StatusChange)
    with pytest.raises(SubmissionRejected) as refusal:
        answer_question(session, waiting, text, uploads, store, MONDAY + timedelta(days=1))
    assert [problem.code for problem in refusal.value.problems[field]] == [code]
    assert waiting.status is ReportStatus.WAITING_RESIDENT and waiting.version == version
    assert count(session, ResidentReply) == 0 and count(session, StatusChange) == changes
    assert stored_photos(tmp_path / "replies") == 0


def test_an_answer_when_no_question_is_open_is_refused(session, tmp_path, member):
    report = routed(session, tmp_path, MONDAY)
    with pytest.raises(DecisionRefused, match="reply.not_waiting"):
        answer_question(session, report, "Die bij de kerk.", [], PhotoStore(tmp_path), MONDAY)
    assert report.status is ReportStatus.TRIAGED and count(session, ResidentReply) == 0


def test_every_team_message_is_mailed_not_only_done_and_cancelled(session, tmp_path, member):
    report = routed(session, tmp_path, MONDAY, email=RESIDENT, contact_consent=True)
    change_status(session, report, member, report.version, "in_progress", "We komen morgen kijken.", MONDAY)
    change_status(session, report, member, report.version, "waiting_external", "", MONDAY)
    (mail,) = mails(session, report, "team_message")
    assert "We komen morgen kijken." in mail.body and mail.to_address == RESIDENT


def test_an_unanswered_question_comes_back_to_the_assignee_once_and_is_never_closed(session, waiting, member):
    assert remind_unanswered(session, MONDAY + timedelta(days=13), working_days=10) == []  # 9 working days
    later = MONDAY + timedelta(days=14)  # the 10th working day after the question
    assert remind_unanswered(session, later, working_days=10) == [waiting.id]
    assert remind_unanswered(session, later + timedelta(days=5), working_days=10) == []
    assert waiting.status is ReportStatus.WAITING_RESIDENT
    listed = work_list(session, Queue.SIMPLE, Filters(), member, later)
    assert reply_marks(session, [waiting], listed.replied) == {waiting.id: "no_answer"}  # listed for the team
    (mail,) = mails(session, waiting, "resident_no_answer")
    assert mail.to_address == member.email
    assert session.scalar(select(NoAnswerReminder.recipients)) == member.email


def test_a_new_question_gets_its_own_reminder(session, waiting, member):
    remind_unanswered(session, MONDAY + timedelta(days=14), working_days=10)
    again = MONDAY + timedelta(days=15)
    change_status(session, waiting, member, waiting.version, "in_progress", "", again)
    change_status(session, waiting, member, waiting.version, "waiting_resident", "En nu?", again)
    assert remind_unanswered(session, again + timedelta(days=14), working_days=10) == [waiting.id]
    assert len(mails(session, waiting, "resident_no_answer")) == 2


def test_a_duplicate_tells_its_resident_and_links_the_original_by_its_public_lookup(session, tmp_path):
    officer = make_staff(session, Role.TRIAGE_OFFICER)
    original = make_report(session, tmp_path, "Container vol bij de kerk", now=MONDAY)
    second = make_report(session, tmp_path, "Kerkcontainer vol", now=MONDAY, email=RESIDENT, contact_consent=True)
    mark_duplicate(session, second, officer, second.version, original.tracking_code, MONDAY)
    (mail,) = mails(session, second, "duplicate")
    assert "hetzelfde probleem al gemeld" in mail.body
    assert f"/volgen?code={original.tracking_code}" in mail.body
    assert original.status_token not in mail.body  # another resident's status page stays theirs


def test_a_split_tells_the_resident_the_new_number_and_both_pages(session, tmp_path):
    officer = make_staff(session, Role.TRIAGE_OFFICER)
    report = make_report(
        session, tmp_path, "Container vol en lamp kapot", now=MONDAY, email=RESIDENT, contact_consent=True
    )
    part = split(session, report, officer, report.version, "Container vol", "Lamp kapot", MONDAY)
    (mail,) = mails(session, part, "split")
    assert part.tracking_code in mail.body and report.tracking_code in mail.body
    assert f"/melding/{part.status_token}" in mail.body and f"/melding/{report.status_token}" in mail.body


# Through the pages


@pytest.fixture
def waiting_now(session, tmp_path, member):
    now = datetime.now(UTC)
    report = routed(session, tmp_path, now - timedelta(hours=1), email=RESIDENT, contact_consent=True)
    return asked(session, report, member, now - timedelta(minutes=30))


def status_of(client, url: str) -> int:
    """The response's status code; the photo file it streams is closed at once (no ResourceWarning)."""
    response = client.get(url)
    response.close()
    return response.status_code


def post_answer(client, report, text, photos=()):
    token = csrf_token_from(client.get(f"/melding/{report.status_token}").get_data(as_text=True))
    data = {"csrf_token": token, "text": text}
    if photos:
        data["photos"] = [(io.BytesIO(content), name) for name, content in photos]
    return post_multipart(client, f"/melding/{report.status_token}/reactie", data)


def test_the_resident_answers_on_the_status_page_and_the_team_sees_it(client, session, upload_dir, waiting_now):
    page = client.get(f"/melding/{waiting_now.status_token}").get_data(as_text=True)
    assert 'id="reply-form"' in page and QUESTION in page
    response = post_answer(client, waiting_now, "Die bij de kerk.", [("bak.jpg", jpeg_bytes())])
    assert response.status_code == 303
    status = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Bedankt voor uw antwoord" in status and "Die bij de kerk." in status and 'id="reply-form"' not in status

    log_in(client, "eenvoudig@haarlem.example")
    team_page = client.get(f"/team/melding/{waiting_now.id}").get_data(as_text=True)
    assert 'id="resident-replies"' in team_page and "Die bij de kerk." in team_page
    photo = session.scalar(select(ResidentReply)).photos[0]
    assert status_of(client, f"/team/melding/{waiting_now.id}/reactie-foto/{photo.id}/thumb") == 200
    assert "Melder heeft gereageerd" in client.get("/team/simple").get_data(as_text=True)
    session.expire_all()
    assert session.get(Report, waiting_now.id).status is ReportStatus.IN_PROGRESS


def test_a_refused_answer_on_the_page_keeps_the_text_and_says_why(client, session, upload_dir, waiting_now):
    response = post_answer(client, waiting_now, "Die bij de kerk.", [("bak.jpg", b"GIF89a nonsense")])
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Die bij de kerk.</textarea>" in page and 'aria-invalid="true"' in page
    session.expire_all()
    assert session.get(Report, waiting_now.id).status is ReportStatus.WAITING_RESIDENT
    assert count(session, ResidentReply) == 0 and stored_photos(upload_dir) == 0


def test_an_answer_to_a_report_not_waiting_is_refused_on_the_page(client, session, tmp_path, csrf_token):
    report = routed(session, tmp_path, datetime.now(UTC))
    response = client.post(
        f"/melding/{report.status_token}/reactie",
        data={"csrf_token": csrf_token, "text": "Hallo"},
        follow_redirects=True,
    )
    assert "Wij wachten nu niet op een antwoord van u" in response.get_data(as_text=True)
    assert count(session, ResidentReply) == 0


def test_an_answer_without_the_forms_token_is_refused(client, session, waiting_now):
    response = client.post(f"/melding/{waiting_now.status_token}/reactie", data={"text": "Hallo"})
    assert response.status_code == 400 and count(session, ResidentReply) == 0


def test_another_residents_answer_photo_is_not_served(client, session, tmp_path, waiting_now):
    post_answer(client, waiting_now, "Die bij de kerk.", [("bak.jpg", jpeg_bytes())])
    photo = session.scalar(select(ResidentReply)).photos[0]
    other = routed(session, tmp_path, datetime.now(UTC))
    assert status_of(client, f"/melding/{other.status_token}/reactie-foto/{photo.id}") == 404
    assert status_of(client, f"/melding/{waiting_now.status_token}/reactie-foto/{photo.id}") == 200


def test_the_status_page_of_a_duplicate_says_so_and_never_points_at_a_missing_message(client, session, tmp_path):
    officer = make_staff(session, Role.TRIAGE_OFFICER)
    original = make_report(session, tmp_path, "Container vol bij de kerk")
    second = make_report(session, tmp_path, "Kerkcontainer vol")
    mark_duplicate(session, second, officer, second.version, original.tracking_code, datetime.now(UTC))
    page = client.get(f"/melding/{second.status_token}").get_data(as_text=True)
    assert "Iemand anders heeft hetzelfde probleem al gemeld" in page
    assert f"/volgen?code={original.tracking_code}" in page
    assert "In het bericht hieronder staat waarom" not in page


def test_a_stopped_report_without_a_message_does_not_point_at_one(client, session, tmp_path, member, lead):
    report = routed(session, tmp_path, datetime.now(UTC))
    report.status = ReportStatus.CANCELLED  # as older data has it: stopped before messages were required
    session.flush()
    page = client.get(f"/melding/{report.status_token}").get_data(as_text=True)
    assert "Wij behandelen deze melding niet verder." in page and "hieronder" not in page


def test_the_message_field_says_who_will_see_it(client, session, waiting_now, lead):
    assign(session, waiting_now, lead, waiting_now.version, "eenvoudig@haarlem.example", datetime.now(UTC))
    log_in(client, "eenvoudig@haarlem.example")
    page = client.get(f"/team/melding/{waiting_now.id}").get_data(as_text=True)
    assert "De melder ziet dit bericht en krijgt het per e-mail." in page


def test_the_work_list_marks_a_report_the_resident_answered_until_the_team_moves_it(session, tmp_path, waiting, member):
    """The work list's own read knows whose status change came last, the same as reply_marks reads it alone."""
    other = asked(session, routed(session, tmp_path, MONDAY), member, MONDAY)  # still waiting: no mark
    answer_question(session, waiting, "Die bij de kerk.", [], PhotoStore(tmp_path), MONDAY + timedelta(days=1))
    listed = work_list(session, Queue.SIMPLE, Filters(), member, MONDAY + timedelta(days=1))
    assert {waiting.id, other.id} <= {report.id for report in listed.reports}
    assert listed.replied == {waiting.id} and reply_marks(session, listed.reports, listed.replied) == {
        waiting.id: "replied"
    }
    change_status(session, waiting, member, waiting.version, "waiting_external", "", MONDAY + timedelta(days=2))
    assert work_list(session, Queue.SIMPLE, Filters(), member, MONDAY + timedelta(days=2)).replied == frozenset()
