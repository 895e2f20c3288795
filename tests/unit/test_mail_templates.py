"""Mail texts: every kind renders in Dutch and English, placeholders are strict, times are local."""

from datetime import UTC, datetime

import pytest
from jinja2 import UndefinedError

from models import Queue, Report, ReportStatus
from triage.notifications.kinds import MailKind
from triage.notifications.links import BASE_URL_MARK, with_base_url
from triage.notifications.rendering import LANGUAGES, TEMPLATES, render
from triage.notifications.resident_mail import compose
from triage.reference.profile import load_profile

VALUES = {
    "code": "M-2026-0001",
    "status_link": f"{BASE_URL_MARK}/melding/token",
    "feedback_link": f"{BASE_URL_MARK}/melding/token#feedback",
    "reply_link": f"{BASE_URL_MARK}/melding/token#reply",
    "original_code": "M-2026-0002",
    "original_link": f"{BASE_URL_MARK}/volgen?code=M-2026-0002",
    "message": "Geleegd.",
    "location": "Riouwstraat 1, 2022ZJ Haarlem",
    "promise": "deal_with",
    "days": 3,
    "calendar_days": False,
    "queue": Queue.SIMPLE,
    "due_at": datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
    "report_link": f"{BASE_URL_MARK}/team/melding/1",
    "link": f"{BASE_URL_MARK}/mijn-meldingen/link/token",  # my reports; an invitation's link is alike
    "minutes": 30,
    "name": "Nieuwe Collega",
    "municipality": "Gemeente",
    "expires_at": datetime(2026, 11, 26, 9, 0, tzinfo=UTC),
    "confirm_link": f"{BASE_URL_MARK}/volgen-bevestigen/token",
    "stop_link": f"{BASE_URL_MARK}/volgen-stoppen/token",
    "track_link": f"{BASE_URL_MARK}/volgen?code=M-2026-0001",
    "update": "done",
}


def a_report(queue: Queue = Queue.SIMPLE) -> Report:
    return Report(id=1, tracking_code="M-2026-0001", status_token="token", queue=queue)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", list(MailKind))
def test_every_kind_of_mail_renders_a_subject_and_a_body_in_each_language(kind, language):
    text = render(kind, language, **VALUES)
    assert text.subject and text.body.strip()
    assert "{{" not in text.body and "\n" not in text.subject


def test_a_placeholder_the_caller_does_not_give_fails_the_render():
    values = {name: value for name, value in VALUES.items() if name != "code"}
    with pytest.raises(UndefinedError):
        render(MailKind.RECEIVED, "nl", **values)


def test_every_template_file_belongs_to_a_kind_of_mail():
    names = {kind.template for kind in MailKind} | {"footer.txt"}
    for language in LANGUAGES:
        assert {path.name for path in (TEMPLATES / language).iterdir()} == names


def test_staff_mail_shows_the_due_time_in_local_time():
    text = render(MailKind.ESCALATION_OVERDUE, "nl", **VALUES)
    assert "(simple) moest klaar zijn op 23-11-2026 10:00." in text.body
    assert text.subject == "Melding M-2026-0001 is te laat"


def test_staff_mail_about_a_report_without_a_queue_says_so():
    text = render(MailKind.ESCALATION_DUE_SOON, "nl", **(VALUES | {"queue": None}))
    assert "Melding M-2026-0001 (-) moest" in text.body


def test_resident_mail_is_dutch_with_english_below_and_the_municipality_underneath():
    text = compose(a_report(), MailKind.RECEIVED)
    assert text.subject == "Uw melding M-2026-0001 is ontvangen / Your report was received"
    assert text.body.index("Bedankt voor uw melding") < text.body.index("Thank you for your report")
    assert text.body.endswith(f"You cannot reply to this e-mail.\n{load_profile().footer('nl')}")


@pytest.mark.parametrize(
    ("queue", "dutch", "english"),
    [
        (Queue.SIMPLE, "Wij pakken dit binnen", "We will deal with this within"),
        (Queue.COMPLEX, "Wij zoeken dit uit.", "We will look into this."),
        (Queue.MAATWERK, "persoonlijk contact", "contact you personally"),
    ],
)
def test_what_to_expect_is_the_promise_of_the_reports_queue(queue, dutch, english):
    body = compose(a_report(queue), MailKind.TRIAGED).body
    assert dutch in body and english in body


def test_the_done_mail_asks_for_feedback_on_the_status_page():
    body = with_base_url(compose(a_report(), MailKind.DONE, "Geleegd.").body, "https://meldingen.example/")
    assert body.startswith("Geleegd.") and "https://meldingen.example/melding/token#feedback" in body


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (ReportStatus.DONE, MailKind.DONE),
        (ReportStatus.WAITING_RESIDENT, MailKind.WAITING_RESIDENT),
        (ReportStatus.IN_PROGRESS, None),
        (ReportStatus.WAITING_EXTERNAL, None),
    ],
)
def test_a_status_decides_the_residents_mail(status, kind):
    assert MailKind.for_status(status) is kind
