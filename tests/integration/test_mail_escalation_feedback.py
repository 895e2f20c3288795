"""Resident mail through a real local SMTP server, escalation once per kind, and the resident's feedback."""

import email
import email.policy
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import sessionmaker

from models import Escalation, Feedback, OutboxMail, ReportStatus, Role
from tests.factories import QUIET_PERIODIC_RUN, make_report, route_report
from tests.support.servers import free_port
from tests.support.web import csrf_token_from, log_in
from triage.notifications.sending import SmtpSettings, send_outbox
from triage.periodic import PeriodicSettings, periodic_work
from triage.workflow.escalation import escalate
from triage.workflow.feedback import give_feedback
from triage.workflow.transitions import change_status

START = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


@pytest.fixture
def report_with_email(session, tmp_path, staff_by_role):
    report = make_report(session, tmp_path, email="bewoner@example.nl", contact_consent=True, now=START)
    return route_report(session, report, staff_by_role[Role.TRIAGE_OFFICER], "simple", now=START)


def mails(session, **where):
    query = select(OutboxMail).order_by(OutboxMail.id)
    for name, value in where.items():
        query = query.where(getattr(OutboxMail, name) == value)
    return session.scalars(query).all()


def test_resident_gets_received_and_what_to_expect(session, report_with_email):
    kinds = [mail.kind for mail in mails(session, report_id=report_with_email.id)]
    assert kinds == ["received", "triaged"]
    triaged = mails(session, kind="triaged")[0]
    assert "binnen 3 werkdagen" in triaged.body and "within 3 working days" in triaged.body


def test_outbox_goes_out_over_smtp_once_with_the_real_link(session, report_with_email, smtp_server):
    smtp = SmtpSettings("127.0.0.1", smtp_server.port, sender="meldingen@haarlem.example")
    assert send_outbox(session, smtp, "https://meldingen.haarlem.example", START) == 2
    assert send_outbox(session, smtp, "https://meldingen.haarlem.example", START) == 0
    recipients, content = smtp_server.messages[0]
    body = email.message_from_string(content, policy=email.policy.default).get_content()
    assert recipients == ["bewoner@example.nl"]
    assert f"https://meldingen.haarlem.example/melding/{report_with_email.status_token}" in body


def test_a_sent_mail_keeps_its_text_but_not_the_secret_in_its_links(session, report_with_email, smtp_server):
    unsent_body = mails(session, kind="triaged")[0].body
    assert report_with_email.status_token in unsent_body  # what the embedded default's admin reads without SMTP
    send_outbox(session, SmtpSettings("127.0.0.1", smtp_server.port), "https://meldingen.haarlem.example", START)
    kept = mails(session, kind="triaged")[0].body
    assert report_with_email.status_token not in kept
    assert "{base_url}/melding/(verwijderd na verzending / removed after sending)" in kept
    assert (
        kept.replace("(verwijderd na verzending / removed after sending)", report_with_email.status_token)
        == unsent_body
    )
    sent = [
        email.message_from_string(content, policy=email.policy.default).get_content()
        for _, content in smtp_server.messages
    ]
    assert any(report_with_email.status_token in body for body in sent)  # the resident got the real link


def test_unreachable_smtp_server_leaves_mail_for_a_retry(session, report_with_email):
    smtp = SmtpSettings("127.0.0.1", free_port(), timeout=2)
    assert send_outbox(session, smtp, "http://x", START) == 0
    assert all(m.sent_at is None and m.attempts == 1 and m.last_error for m in mails(session))


def test_periodic_run_hands_over_owed_proposals_and_sends_the_outbox(connection, report_with_email, smtp_server):
    settings = PeriodicSettings(
        smtp=SmtpSettings("127.0.0.1", smtp_server.port), public_base_url="https://meldingen.haarlem.example"
    )
    handed = []
    sessions = sessionmaker(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)

    done = periodic_work(sessions, settings, START, hand_over=lambda ids: handed.extend(ids) or len(ids))

    assert done == QUIET_PERIODIC_RUN | {"handed_over": 1, "mailed": 2}
    assert handed == [report_with_email.id]
    assert smtp_server.recipients == [["bewoner@example.nl"]] * 2


def test_resident_without_email_gets_no_mail(session, report):
    assert mails(session) == []


def test_escalation_reminds_assignee_at_80_percent_and_lead_when_overdue_once_each(
    session, report_with_email, staff_by_role
):
    report_with_email.assignee_id = staff_by_role[Role.TEAM_MEMBER].id
    due = report_with_email.due_at
    almost = report_with_email.queue_entered_at + (due - report_with_email.queue_entered_at) * 0.95
    assert escalate(session, START + timedelta(hours=1)) == []
    assert escalate(session, almost) == [(report_with_email.id, "due_soon")]
    assert escalate(session, almost) == []
    assert escalate(session, due + timedelta(days=1)) == [(report_with_email.id, "overdue")]
    assert escalate(session, due + timedelta(days=2)) == []
    sent = {(m.kind, m.to_address) for m in mails(session) if m.kind.startswith("escalation")}
    assert sent == {
        ("escalation.due_soon", "team_member@haarlem.example"),
        ("escalation.overdue", "team_lead@haarlem.example"),
    }
    assert session.scalar(select(func.count()).select_from(Escalation)) == 2


def test_negative_feedback_asks_the_team_to_reopen(session, report_with_email, staff_by_role):
    member = staff_by_role[Role.TEAM_MEMBER]
    change_status(session, report_with_email, member, report_with_email.version, "in_progress", "", START)
    change_status(session, report_with_email, member, report_with_email.version, "done", "Geleegd.", START)
    assert "#feedback" in mails(session, kind="done")[0].body
    feedback = give_feedback(session, report_with_email, "no", "Hij is nog steeds vol", START)
    assert feedback.reopen_requested
    from triage.kernel.refusals import DecisionRefused

    with pytest.raises(DecisionRefused):
        give_feedback(session, report_with_email, "yes", "", START)
    assert session.scalar(select(func.count()).select_from(Feedback)) == 1


def test_feedback_form_on_the_status_page(client, session, report_with_email, staff_by_role):
    member = staff_by_role[Role.TEAM_MEMBER]
    change_status(session, report_with_email, member, report_with_email.version, "in_progress", "", START)
    change_status(session, report_with_email, member, report_with_email.version, "done", "Geleegd.", START)
    url = f"/melding/{report_with_email.status_token}"
    page = client.get(url).get_data(as_text=True)
    assert "Bent u tevreden?" in page
    refused = client.post(url + "/feedback", data={"csrf_token": csrf_token_from(page)}, follow_redirects=True)
    assert "Kies ja of nee." in refused.get_data(as_text=True)
    page = client.get(url).get_data(as_text=True)
    client.post(url + "/feedback", data={"csrf_token": csrf_token_from(page), "satisfied": "no", "text": "Nog vol"})
    assert "Het team kijkt er opnieuw naar" in client.get(url).get_data(as_text=True)
    assert report_with_email.status is ReportStatus.DONE


def test_outbox_page_is_for_admins_only(client, staff_by_role, report_with_email):
    log_in(client, "team_lead@haarlem.example")
    assert client.get("/beheer/uitbak").status_code == 403
    log_in(client, "admin@haarlem.example")
    page = client.get("/beheer/uitbak").get_data(as_text=True)
    assert "bewoner@example.nl" in page and report_with_email.tracking_code in page
