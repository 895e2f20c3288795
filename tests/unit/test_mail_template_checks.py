"""The documented placeholders cover the shipped mails (so the default can be saved unchanged and every name on the
edit page is explained), and an edited template that fails when a mail is written falls back to the shipped one."""

import pytest

from models import Queue, Report
from triage.notifications.kinds import MailKind
from triage.notifications.mail_templates import MAIL_LANGUAGES, check_mail_template, shipped_text
from triage.notifications.placeholders import EDITABLE_MAILS, mail_placeholders
from triage.notifications.resident_mail import compose
from web.i18n import catalogue


@pytest.mark.parametrize("language", MAIL_LANGUAGES)
@pytest.mark.parametrize("name", EDITABLE_MAILS)
def test_every_shipped_resident_mail_passes_the_check_an_edited_one_gets(name, language):
    assert check_mail_template(name, language, *shipped_text(name, language)) == {}


def test_every_placeholder_and_mail_on_the_edit_pages_is_explained_in_both_languages():
    names = {name for mail in EDITABLE_MAILS for name in mail_placeholders(mail)}
    keys = {f"texts.placeholder.{n}" for n in names}
    keys |= {f"texts.mail.{m}" for m in EDITABLE_MAILS} | {f"texts.mail_explain.{m}" for m in EDITABLE_MAILS}
    for language in MAIL_LANGUAGES:
        assert keys <= set(catalogue(language)), keys - set(catalogue(language))


def test_staff_mails_are_not_editable_as_resident_mails():
    assert "escalation.overdue" not in EDITABLE_MAILS and "resident_replied" not in EDITABLE_MAILS


def test_an_edited_template_that_fails_when_the_mail_is_written_gives_way_to_the_shipped_one():
    report = Report(id=1, tracking_code="M-2026-0001", status_token="token", queue=Queue.SIMPLE)
    broken = {"nl": "Subject: Ontvangen\n\n{{ days + 'x' }}"}  # days is not a value of this mail
    text = compose(report, MailKind.RECEIVED, sources=broken, footers={"en": "{% if %}"})
    assert text.subject.startswith("Uw melding M-2026-0001 is ontvangen")
    assert "Bedankt voor uw melding" in text.body and "You cannot reply to this e-mail." in text.body


def test_an_edited_template_is_used_and_nothing_in_it_is_escaped():
    report = Report(id=1, tracking_code="M-2026-0001", status_token="token", queue=Queue.SIMPLE)
    edited = {"nl": "Subject: Ontvangen <{{ code }}>\n\n{{ message }} & meer"}
    text = compose(report, MailKind.TEAM_MESSAGE, "<b>Tom</b> & 'Jerry'", sources=edited)
    assert text.subject.startswith("Ontvangen <M-2026-0001> / ")
    assert text.body.startswith("<b>Tom</b> & 'Jerry' & meer")
