"""Client systems that write through Open311, and what they sent along with each report."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime
from models.reference import Category
from models.report import Report


class ApiKey(Base):
    """A client system's key. Only its SHA-256 is stored: the key itself is shown once, when it is made."""

    __tablename__ = "api_key"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ApiSubmission(Base):
    """Which key sent a report, the service it asked for and its media link; the report itself stays as any other.

    The asked-for category is kept apart from `Report.category`, which only an officer (or a confident
    proposal) sets, so a client cannot route around triage.
    """

    __tablename__ = "api_submission"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id"), unique=True)
    api_key_id: Mapped[int] = mapped_column(ForeignKey("api_key.id"), index=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    media_url: Mapped[str | None] = mapped_column(String(2000))
    attributes: Mapped[dict] = mapped_column(JSON, default=dict)

    report: Mapped[Report] = relationship()
    api_key: Mapped[ApiKey] = relationship()
    category: Mapped[Category | None] = relationship()
