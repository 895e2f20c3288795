"""What goes out to people: e-mail (an outbox, sent over SMTP in production), escalation notices, feedback."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class OutboxMail(Base):
    """A message written in the same transaction as the change it reports; sent after commit, retried."""

    __tablename__ = "outbox_mail"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("report.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    to_address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)


class Escalation(Base):
    """A reminder that went out for a report (80% of the norm used, or overdue): each kind only once."""

    __tablename__ = "escalation"
    __table_args__ = (UniqueConstraint("report_id", "kind", name="uq_escalation_report_kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "due_soon" or "overdue"
    recipients: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class Feedback(Base):
    __tablename__ = "feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    satisfied: Mapped[bool] = mapped_column(Boolean)
    text: Mapped[str] = mapped_column(Text, default="")
    reopen_requested: Mapped[bool] = mapped_column(Boolean, default=False)
