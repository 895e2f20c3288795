"""Mail to residents and staff: what each mail says (templates per kind and language) and sending the outbox."""

from triage.notifications.outbox import latest_mails
from triage.notifications.sending import send_outbox
from triage.notifications.staff_mail import mail_invitation

__all__ = [
    "latest_mails",
    "mail_invitation",
    "send_outbox",
]
