"""What is left of a report after it was destroyed at the end of its keeping period: a stub without text or
personal data, so the municipality can still show which report was destroyed, when and by whom."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class DestroyedReport(Base):
    __tablename__ = "destroyed_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    tracking_code: Mapped[str] = mapped_column(String(20), unique=True)
    category_slug: Mapped[str] = mapped_column(String(80), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    destroyed_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    destroyed_by: Mapped[str] = mapped_column(String(120))
