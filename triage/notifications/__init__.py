"""Mail to residents and staff: what each mail says (templates per kind and language, the municipality's own
templates and standard texts from the screens) and sending the outbox."""

from triage.notifications import text_versions  # noqa: F401 (registers the restorer of standard texts and mails)
from triage.notifications.mail_templates import (
    MAIL_LANGUAGES,
    EditableMail,
    editable_mail,
    editable_mails,
    example_mail,
    is_editable,
    restore_default,
    save_mail_template,
)
from triage.notifications.outbox import latest_mails
from triage.notifications.placeholders import FOOTER, REPORT_PLACEHOLDERS
from triage.notifications.preview import MailPreview, preview_status_mail
from triage.notifications.sending import send_outbox
from triage.notifications.staff_mail import mail_invitation
from triage.notifications.standard_texts import (
    TEXT_LANGUAGES,
    TEXT_STATUSES,
    PickableText,
    TypedText,
    all_standard_texts,
    delete_standard_text,
    find_standard_text,
    save_standard_text,
    text_version,
    texts_for_report,
)

__all__ = [
    "FOOTER",
    "MAIL_LANGUAGES",
    "REPORT_PLACEHOLDERS",
    "TEXT_LANGUAGES",
    "TEXT_STATUSES",
    "EditableMail",
    "MailPreview",
    "PickableText",
    "TypedText",
    "all_standard_texts",
    "delete_standard_text",
    "editable_mail",
    "editable_mails",
    "example_mail",
    "find_standard_text",
    "is_editable",
    "latest_mails",
    "mail_invitation",
    "preview_status_mail",
    "restore_default",
    "save_mail_template",
    "save_standard_text",
    "send_outbox",
    "text_version",
    "texts_for_report",
]
