"""Staff accounts with roles and team memberships."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime
from models.reference import Team, enum_column


class Role(enum.StrEnum):
    TRIAGE_OFFICER = "triage_officer"
    TEAM_MEMBER = "team_member"
    TEAM_LEAD = "team_lead"
    ADMIN = "admin"
    CONTACT_CENTRE = "contact_centre"  # takes reports by phone, at the counter, by e-mail and social media


class StaffRole(Base):
    __tablename__ = "staff_role"
    __table_args__ = (UniqueConstraint("user_id", "role", name="uq_staff_role_user_role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(enum_column(Role))


class StaffTeam(Base):
    __tablename__ = "staff_team"
    __table_args__ = (UniqueConstraint("user_id", "team_id", name="uq_staff_team_user_team"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
    team: Mapped[Team] = relationship()


class StaffUser(Base):
    __tablename__ = "staff_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    password_hash: Mapped[str] = mapped_column(String(255))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Every login session carries the version it began with; raising it ends them all at their next request.
    session_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    role_rows: Mapped[list[StaffRole]] = relationship(cascade="all, delete-orphan", lazy="selectin")
    team_rows: Mapped[list[StaffTeam]] = relationship(cascade="all, delete-orphan", lazy="selectin")

    @property
    def roles(self) -> set[Role]:
        return {row.role for row in self.role_rows}

    @property
    def teams(self) -> list[Team]:
        return [row.team for row in self.team_rows]


class StaffInvitation(Base):
    """A link that lets an invited person set their password once, until it expires.

    Only a hash of the link's token is kept, so whoever reads the database (or a backup) cannot use a link.
    """

    __tablename__ = "staff_invitation"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("staff_user.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_by: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    user: Mapped[StaffUser] = relationship()
