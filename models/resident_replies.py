"""The resident's side of a question from a team: their answers (text and photos) and the reminder the team gets
when no answer comes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime


class ResidentReply(Base):
    """What the resident wrote back on their status page while the team waited for them."""

    __tablename__ = "resident_reply"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    text: Mapped[str] = mapped_column(Text)

    photos: Mapped[list[ReplyPhoto]] = relationship(
        back_populates="reply", order_by="ReplyPhoto.position", cascade="all, delete-orphan"
    )


class ReplyPhoto(Base):
    """A photo with an answer; cleaned like an intake photo (no EXIF), the file outside the database."""

    __tablename__ = "reply_photo"

    id: Mapped[int] = mapped_column(primary_key=True)
    reply_id: Mapped[int] = mapped_column(ForeignKey("resident_reply.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    storage_key: Mapped[str] = mapped_column(String(80), unique=True)
    byte_size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))

    reply: Mapped[ResidentReply] = relationship(back_populates="photos")


class NoAnswerReminder(Base):
    """The team was told the resident did not answer: once per question, which `waiting_since` names."""

    __tablename__ = "no_answer_reminder"
    __table_args__ = (UniqueConstraint("report_id", "waiting_since", name="uq_no_answer_reminder_report_since"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id"), index=True)
    waiting_since: Mapped[datetime] = mapped_column(UTCDateTime)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    recipients: Mapped[str] = mapped_column(Text, default="")
