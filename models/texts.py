"""Texts the municipality writes in the screens: standard texts a team picks for its message to a resident, and
its own wording of a resident mail (a template per mail kind and language) in place of the shipped file."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime
from models.enums import Queue, ReportStatus
from models.reference import Category, enum_column


class StandardText(Base):
    """A ready message for a status change, optionally only for one category (and its subs) or one queue.

    `body` may hold the documented placeholders ({{ code }}, {{ category }}, ...), filled in when a team member
    picks it; the team member can still edit the result before sending."""

    __tablename__ = "standard_text"

    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[ReportStatus] = mapped_column(enum_column(ReportStatus), index=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    queue: Mapped[Queue | None] = mapped_column(enum_column(Queue))
    language: Mapped[str] = mapped_column(String(2))
    title: Mapped[str] = mapped_column(String(120))
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(254))

    category: Mapped[Category | None] = relationship()


class MailTemplate(Base):
    """The municipality's own template of one resident mail in one language; without a row the shipped file is
    used, so removing the row restores the default. `name` is the mail kind's value (or "footer")."""

    __tablename__ = "mail_template"
    __table_args__ = (UniqueConstraint("name", "language", name="uq_mail_template_name_language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(2))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_by: Mapped[str] = mapped_column(String(254))
