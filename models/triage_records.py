"""What triage leaves behind: the classifier's proposal, the officers' corrections, and jobs still owed."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime
from models.enums import Queue
from models.reference import Category, enum_column


class Proposal(Base):
    """The classifier's proposal for a report, kept as it was made, with the artifacts that made it.

    One per report (a unique index): a proposal job run twice at the same time cannot leave two behind.
    """

    __tablename__ = "proposal"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id"), index=True, unique=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    category_confidence: Mapped[float | None] = mapped_column(Float)
    queue: Mapped[Queue | None] = mapped_column(enum_column(Queue))
    queue_confidence: Mapped[float | None] = mapped_column(Float)
    needs_person: Mapped[bool] = mapped_column(Boolean, default=True)
    reasons: Mapped[dict] = mapped_column(JSON, default=dict)
    artifacts: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)

    category: Mapped[Category | None] = relationship()


class Correction(Base):
    """An officer's decision on a proposal: from what to what, by whom, when. Training data for retraining."""

    __tablename__ = "correction"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id"), index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"))
    actor: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    field: Mapped[str] = mapped_column(String(20))
    from_value: Mapped[str | None] = mapped_column(String(120))
    to_value: Mapped[str | None] = mapped_column(String(120))


class PendingJob(Base):
    """A job a committed change still owes (an outbox): run inline, or handed to rq, and retried until done."""

    __tablename__ = "pending_job"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    report_id: Mapped[int | None] = mapped_column(ForeignKey("report.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
