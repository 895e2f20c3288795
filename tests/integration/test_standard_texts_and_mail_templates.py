"""Standard texts and the municipality's own mail templates, on both databases: saved as versions, refused with
the reason next to the field (and nothing changed), a stale form is a conflict, undo puts the text back, and the
next resident mail uses the edited template at once."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from models import ConfigChange, MailTemplate, OutboxMail, Queue, ReportStatus, Role, StandardText
from tests.factories import category, make_report, route_report
from triage.intake.following import start_following
from triage.intake.my_reports import request_link
from triage.kernel import EditConflict, Subject, SubmissionRejected, current_version, undo_change
from triage.notifications import (
    TypedText,
    editable_mail,
    preview_status_mail,
    restore_default,
    save_mail_template,
    save_standard_text,
    texts_for_report,
)
from triage.notifications.links import with_base_url
from triage.workflow.transitions import change_status

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
ADMIN = "admin@haarlem.example"
BASE = "https://meldingen.example"


def a_text(**changes) -> TypedText:
    fields = {"title": "Container geleegd", "status": "done", "language": "nl",
              "body": "Melding {{ code }} ({{ category }}) is klaar. Dank u wel."}  # fmt: skip
    return TypedText(**(fields | changes))


@pytest.fixture
def routed(session, tmp_path, staff_by_role):
    report = make_report(session, tmp_path, email="bewoner@example.nl", contact_consent=True, now=NOW)
    route_report(session, report, staff_by_role[Role.TRIAGE_OFFICER], "simple", now=NOW)
    return report


def counts(session) -> tuple[int, int, int]:
    return tuple(
        session.scalar(select(func.count()).select_from(m)) for m in (StandardText, MailTemplate, ConfigChange)
    )


def test_a_standard_text_is_filled_in_for_the_report_it_fits(session, routed):
    main = category(session).parent
    save_standard_text(session, None, a_text(), "0", ADMIN, NOW)
    save_standard_text(session, None, a_text(title="Hoofdcategorie", category_id=str(main.id)), "0", ADMIN, NOW)
    save_standard_text(session, None, a_text(title="Complex", queue="complex"), "0", ADMIN, NOW)
    save_standard_text(session, None, a_text(title="Vraag", status="waiting_resident"), "0", ADMIN, NOW)
    picked = texts_for_report(session, routed, [ReportStatus.DONE, ReportStatus.IN_PROGRESS])
    assert [p.text.title for p in picked] == ["Hoofdcategorie", "Container geleegd"]
    assert picked[1].filled_in == f"Melding {routed.tracking_code} (Container is vol) is klaar. Dank u wel."


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"title": "  "}, "title", "texts.title_required"),
        ({"body": ""}, "body", "texts.body_required"),
        ({"status": "flying"}, "status", "texts.status_unknown"),
        ({"status": "received"}, "status", "texts.status_unknown"),
        ({"queue": "urgent"}, "queue", "texts.queue_unknown"),
        ({"category_id": "999999"}, "category_id", "texts.category_unknown"),
        ({"language": "fr"}, "language", "texts.language_unknown"),
        ({"body": "Beste {{ naam }}"}, "body", "texts.unknown_placeholder"),
        ({"body": "Melding {{ code "}, "body", "texts.syntax_error"),
        ({"body": "{{ code | no_such_filter }}"}, "body", "texts.syntax_error"),
        ({"body": "{{ code.__class__ }}"}, "body", "texts.does_not_render"),
    ],
)
def test_a_wrong_standard_text_is_refused_next_to_its_field_and_nothing_changes(session, changes, field, code):
    before = counts(session)
    with pytest.raises(SubmissionRejected) as refused:
        save_standard_text(session, None, a_text(**changes), "0", ADMIN, NOW)
    assert [p.code for p in refused.value.problems[field]] == [code]
    assert counts(session) == before


def test_a_stale_form_is_a_conflict_and_undo_puts_the_text_back(session):
    text = save_standard_text(session, None, a_text(), "0", ADMIN, NOW)
    key = f"text:{text.id}"
    save_standard_text(session, text.id, a_text(title="Nieuw"), "1", ADMIN, NOW)
    with pytest.raises(EditConflict):
        save_standard_text(session, text.id, a_text(title="Ouder formulier"), "1", "other@haarlem.example", NOW)
    assert session.get(StandardText, text.id).title == "Nieuw"
    latest = session.scalar(select(ConfigChange).where(ConfigChange.subject_key == key, ConfigChange.version == 2))
    undo_change(session, latest.id, ADMIN, NOW)
    assert session.get(StandardText, text.id).title == "Container geleegd"
    assert current_version(session, Subject.STANDARD_TEXT, key) == 3


def test_undoing_a_creation_removes_the_text_and_undoing_a_removal_brings_it_back(session):
    from triage.notifications import delete_standard_text

    text = save_standard_text(session, None, a_text(), "0", ADMIN, NOW)
    text_id = text.id
    delete_standard_text(session, text, "1", ADMIN, NOW)
    assert session.get(StandardText, text_id) is None
    removal = session.scalar(select(ConfigChange).where(ConfigChange.subject_key == f"text:{text_id}",
                                                        ConfigChange.version == 2))  # fmt: skip
    undo_change(session, removal.id, ADMIN, NOW)
    assert session.get(StandardText, text_id).body == a_text().body
    recreation = session.scalar(select(ConfigChange).where(ConfigChange.undoes_id == removal.id))
    assert recreation.version == 3


def test_the_next_mail_uses_the_edited_template_and_restoring_the_default_is_undoable(session, routed, lead):
    subject, body = "Klaar: {{ code }}", "{{ message }}\n\nTom & Jerry <b>bedanken</b> u. Categorie: {{ category }}"
    save_mail_template(session, "done", "nl", subject, body, "0", ADMIN, NOW)
    change_status(session, routed, lead, routed.version, "in_progress", "", NOW)
    change_status(session, routed, lead, routed.version, "done", "Geleegd & schoon.", NOW)
    mail = session.scalars(select(OutboxMail).where(OutboxMail.kind == "done")).one()
    assert mail.subject.startswith(f"Klaar: {routed.tracking_code} / ")
    assert "Geleegd & schoon.\n\nTom & Jerry <b>bedanken</b> u. Categorie: Container is vol" in mail.body
    assert mail.subject.endswith(" / Your report has been handled")  # English: the default
    restore_default(session, "done", "nl", "1", ADMIN, NOW)
    assert editable_mail(session, "done", "nl").is_default
    restored = session.scalar(select(ConfigChange).where(ConfigChange.subject_key == "mail:done:nl",
                                                         ConfigChange.version == 2))  # fmt: skip
    undo_change(session, restored.id, ADMIN, NOW)
    assert editable_mail(session, "done", "nl").subject == subject


def test_an_edited_footer_is_under_every_mail_to_residents_followers_and_my_reports(session, routed, lead):
    footer = "Antwoorden op deze mail leest niemand. Bel 14 023 als u vragen hebt."
    save_mail_template(session, "footer", "nl", "", footer, "0", ADMIN, NOW)
    start_following(session, routed, "buurman@example.nl", "nl", NOW)
    change_status(session, routed, lead, routed.version, "in_progress", "", NOW)
    change_status(session, routed, lead, routed.version, "done", "Geleegd.", NOW)
    request_link(session, "bewoner@example.nl", NOW, 30)
    kinds = ["done", "follow_confirm", "my_reports_link"]
    written = session.scalars(select(OutboxMail).where(OutboxMail.kind.in_(kinds))).all()
    assert sorted(mail.kind for mail in written) == sorted(kinds)
    for mail in written:
        assert footer in mail.body, mail.kind
        assert "You cannot reply to this e-mail." in mail.body, mail.kind  # English: the shipped footer


@pytest.mark.parametrize(
    ("subject", "body", "field", "code"),
    [
        ("", "{{ message }}", "subject", "texts.subject_required"),
        ("Twee\nregels", "{{ message }}", "subject", "texts.subject_one_line"),
        ("{{ message }}", "{{ message }}", "body", "texts.does_not_render"),  # a message has lines: not a subject
        ("Melding {{ code }}", "   ", "body", "texts.body_required"),
        ("Melding {{ code }}", "Beste {{ naam }}", "body", "texts.unknown_placeholder"),
        ("Melding {{ original_code }}", "x", "subject", "texts.unknown_placeholder"),  # only duplicate and split
        ("Melding {{ code }}", "{% if location %}Plek", "body", "texts.syntax_error"),
    ],
)
def test_a_mail_template_that_does_not_render_is_refused_with_the_reason(session, subject, body, field, code):
    before = counts(session)
    with pytest.raises(SubmissionRejected) as refused:
        save_mail_template(session, "done", "nl", subject, body, "0", ADMIN, NOW)
    assert [p.code for p in refused.value.problems[field]] == [code]
    assert counts(session) == before and editable_mail(session, "done", "nl").is_default


def test_two_administrators_on_one_mail_template_get_a_conflict(session):
    save_mail_template(session, "received", "en", "Got {{ code }}", "Thanks.", "0", ADMIN, NOW)
    with pytest.raises(EditConflict):
        save_mail_template(session, "received", "en", "Received {{ code }}", "Thank you.", "0", "b@x.example", NOW)
    assert editable_mail(session, "received", "en").subject == "Got {{ code }}"


def test_the_preview_is_the_mail_that_is_sent(session, routed, lead):
    save_mail_template(session, "team_message", "en", "News on {{ code }}", "{{ message }}\n{{ status_link }}",
                       "0", ADMIN, NOW)  # fmt: skip
    change_status(session, routed, lead, routed.version, "in_progress", "", NOW)
    preview = preview_status_mail(session, routed, ReportStatus.WAITING_EXTERNAL, " De aannemer komt dinsdag. ", BASE)
    assert preview.to_address == "bewoner@example.nl" and preview.kind == "team_message"
    change_status(session, routed, lead, routed.version, "waiting_external", " De aannemer komt dinsdag. ", NOW)
    sent = session.scalars(select(OutboxMail).where(OutboxMail.kind == "team_message")).one()
    assert (preview.subject, preview.body) == (sent.subject, with_base_url(sent.body, BASE))
    assert f"{BASE}/melding/{routed.status_token}" in preview.body


def test_a_status_change_without_mail_previews_as_none(session, routed):
    preview = preview_status_mail(session, routed, ReportStatus.IN_PROGRESS, "  ", BASE)
    assert preview.kind is None


def test_a_text_for_another_queue_is_not_offered(session, routed):
    save_standard_text(session, None, a_text(queue=Queue.MAATWERK.value), "0", ADMIN, NOW)
    assert texts_for_report(session, routed, [ReportStatus.DONE]) == []
