"""The kinds of mail the product writes; each kind is a template per language and a value in the outbox.

The values are what OutboxMail.kind stores, so they never change. A report's status decides the resident's
mail in one place, `MailKind.for_status`, so a new status is mailed (or not) by a line here.
"""

from __future__ import annotations

import enum

from models import ReportStatus


class MailKind(enum.StrEnum):
    RECEIVED = "received"
    TRIAGED = "triaged"  # what to expect from the queue the report is in
    WAITING_RESIDENT = "waiting_resident"
    CANCELLED = "cancelled"
    REOPENED = "reopened"
    DONE = "done"
    TEAM_MESSAGE = "team_message"  # a team's message at a status change that has no mail of its own
    DUPLICATE = "duplicate"  # the report is closed as a duplicate: the resident follows the original
    SPLIT = "split"  # about the new part of a split report, which the same resident follows
    RESIDENT_REPLIED = "resident_replied"  # staff: the resident answered the team's question
    RESIDENT_NO_ANSWER = "resident_no_answer"  # staff: the resident did not answer in time
    ESCALATION_DUE_SOON = "escalation.due_soon"
    ESCALATION_OVERDUE = "escalation.overdue"
    MY_REPORTS_LINK = "my_reports_link"  # a resident asked for the link to every report of their address
    STAFF_INVITATION = "staff.invitation"  # staff: the link to set a first password
    FOLLOW_CONFIRM = "follow_confirm"  # a resident asked to follow a report: confirm the address first
    FOLLOWER_UPDATE = "follower_update"  # what a follower hears when the followed report moves on

    @property
    def template(self) -> str:
        """The template's file name in each language folder."""
        return f"{self.value}.txt"

    @classmethod
    def for_status(cls, status: ReportStatus) -> MailKind | None:
        """The resident's mail when the report reaches this status; None when that change is not mailed."""
        return _RESIDENT_MAIL_FOR_STATUS.get(status)

    @classmethod
    def for_status_change(cls, status: ReportStatus, message: str) -> MailKind | None:
        """A team's message to the resident is always mailed: in the status's own mail, or as a message."""
        return cls.for_status(status) or (cls.TEAM_MESSAGE if message.strip() else None)

    @classmethod
    def for_escalation(cls, escalation: str) -> MailKind:
        """The staff mail of an escalation ("due_soon", "overdue")."""
        return cls(f"escalation.{escalation}")


_RESIDENT_MAIL_FOR_STATUS = {
    ReportStatus.RECEIVED: MailKind.RECEIVED,
    ReportStatus.TRIAGED: MailKind.TRIAGED,
    ReportStatus.WAITING_RESIDENT: MailKind.WAITING_RESIDENT,
    ReportStatus.CANCELLED: MailKind.CANCELLED,
    ReportStatus.REOPENED: MailKind.REOPENED,
    ReportStatus.DONE: MailKind.DONE,
}
