"""What a resident without an account asks about their own data: a short-lived link to "my reports" by mail, and a
request to erase their data, which an administrator handles."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class ResidentLink(Base):
    """A link mailed to an address: only its digest is kept, it expires soon and opens the overview once."""

    __tablename__ = "resident_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_digest: Mapped[str] = mapped_column(String(64), unique=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ErasureRequest(Base):
    """A resident's request to erase their data; open until an administrator erases (or refuses, with a reason)."""

    __tablename__ = "erasure_request"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), index=True)
    language: Mapped[str] = mapped_column(String(5), default="nl")
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    handled_by: Mapped[str | None] = mapped_column(String(120))
    outcome: Mapped[str | None] = mapped_column(String(20))  # "erased" or "refused"
    reason: Mapped[str] = mapped_column(Text, default="")
    reports_erased: Mapped[int] = mapped_column(Integer, default=0)
