"""People who follow someone else's report by e-mail: "already reported?" on the form, or an officer's duplicate.

Their addresses are personal data kept apart from the report, as a reporter's are, so retention can erase them.
A follower counts (and gets mail) only once the address is confirmed, so nobody can sign up another person.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime
from models.report import Report


class Follower(Base):
    __tablename__ = "follower"
    __table_args__ = (UniqueConstraint("report_id", "email", name="uq_follower_report_email"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id"), index=True)
    email: Mapped[str | None] = mapped_column(String(254))
    language: Mapped[str] = mapped_column(String(5), default="nl")
    token: Mapped[str] = mapped_column(String(64), unique=True)  # in the confirm and stop links of every mail
    source: Mapped[str] = mapped_column(String(20))  # "resident" (the form) or "duplicate" (an officer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    report: Mapped[Report] = relationship()

    @property
    def is_active(self) -> bool:
        """Gets the report's mail: confirmed, not stopped, not erased."""
        return bool(self.confirmed_at and not self.stopped_at and self.email)
