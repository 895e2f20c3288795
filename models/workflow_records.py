"""The report's life after triage: status changes (which also give the clock's pauses) and messages."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime
from models.enums import ReportStatus
from models.reference import enum_column


class StatusChange(Base):
    __tablename__ = "status_change"
    __table_args__ = (Index("ix_status_change_to_status", "to_status", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(120))
    from_status: Mapped[ReportStatus] = mapped_column(enum_column(ReportStatus))
    to_status: Mapped[ReportStatus] = mapped_column(enum_column(ReportStatus))
    reason: Mapped[str] = mapped_column(Text, default="")


class ReportMessage(Base):
    """A message to the resident (shown on the status page and mailed) or an internal note (staff only)."""

    __tablename__ = "report_message"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(20))  # "resident" or "internal"
    text: Mapped[str] = mapped_column(Text)
