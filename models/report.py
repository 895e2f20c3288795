"""A report and what hangs off it: who sent it, its photos, and its audit trail."""

from __future__ import annotations

from datetime import datetime

from geoalchemy2 import Geometry
from sqlalchemy import JSON, Boolean, ColumnElement, ForeignKey, Index, Integer, String, Text, bindparam, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime
from models.enums import Channel, Priority, Queue, ReportStatus
from models.reference import Area, Category, enum_column

TEAM_WORK_CONDITION = "status IN ({})".format(", ".join(f"'{s.value}'" for s in ReportStatus.team_work()))
WAITING_CONDITION = f"status = '{ReportStatus.RECEIVED.value}'"


class Reporter(Base):
    """Contact details live apart from the report so they can be anonymised without touching the report."""

    __tablename__ = "reporter"

    id: Mapped[int] = mapped_column(primary_key=True)
    # Indexed: a proposal counts the same person's recent reports by e-mail or phone (geo/nearby.py).
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    phone: Mapped[str | None] = mapped_column(String(40), index=True)
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Consent given to a person (the contact centre, by phone or at the counter): who took it, and how.
    consent_taken_by: Mapped[str | None] = mapped_column(String(120))
    consent_channel: Mapped[str | None] = mapped_column(String(20))
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Report(Base):
    """A resident's report. `version` rises with every change, so two officers cannot overwrite each other."""

    __tablename__ = "report"

    id: Mapped[int] = mapped_column(primary_key=True)
    tracking_code: Mapped[str] = mapped_column(String(20), unique=True)
    status_token: Mapped[str] = mapped_column(String(64), unique=True)
    description: Mapped[str] = mapped_column(Text)
    location = mapped_column(Geometry("POINT", srid=4326, spatial_index=True), nullable=False)
    location_text: Mapped[str] = mapped_column(String(300), default="")
    location_is_approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    # The nearest address (BAG) as the resident chose it or a geocoder found it; empty when none is known.
    # address_sought_at is when a geocoder was asked: empty means the report is still owed the look-up.
    street: Mapped[str | None] = mapped_column(String(120))
    house_number: Mapped[str | None] = mapped_column(String(20))
    postcode: Mapped[str | None] = mapped_column(String(7))
    place: Mapped[str | None] = mapped_column(String(80))
    address_sought_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    buurt_id: Mapped[int | None] = mapped_column(ForeignKey("area.id"), index=True)
    wijk_id: Mapped[int | None] = mapped_column(ForeignKey("area.id"), index=True)
    category_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"), index=True)
    queue: Mapped[Queue | None] = mapped_column(enum_column(Queue))
    status: Mapped[ReportStatus] = mapped_column(enum_column(ReportStatus), index=True)
    channel: Mapped[Channel] = mapped_column(enum_column(Channel))
    language: Mapped[str] = mapped_column(String(5), default="nl")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("reporter.id"), index=True)
    priority: Mapped[Priority] = mapped_column(
        enum_column(Priority), default=Priority.NORMAL, server_default=Priority.NORMAL.value
    )
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("report.id"), index=True)
    split_from_id: Mapped[int | None] = mapped_column(ForeignKey("report.id"), index=True)
    queue_entered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    response_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("staff_user.id"), index=True)
    # Outcomes, written once when they happen (triage/outcomes.py) so the dashboard can aggregate them in SQL:
    # working time needs the business calendar and the pauses, which SQL cannot count.
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    resolution_seconds: Mapped[int | None] = mapped_column(Integer)
    resolved_in_norm: Mapped[bool | None] = mapped_column(Boolean)
    first_contact_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    response_seconds: Mapped[int | None] = mapped_column(Integer)
    responded_in_norm: Mapped[bool | None] = mapped_column(Boolean)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's declarative hook)
    # A team's work list counts its queue by status and due time from the first index (issue 17), and pages it
    # from the partial one of open team work: ordered by due time over all reports, the handled ones (most of
    # them, with due times of their own) came first and were read and thrown away. The inbox pages the reports
    # waiting for triage, oldest first, from its own partial index for the same reason.
    # The dashboard's turnaround percentiles read a period's times per queue from the index alone.
    __table_args__ = (
        Index("ix_report_queue_status_due_at", "queue", "status", "due_at"),
        Index(
            "ix_report_team_work_queue_due_at",
            "queue",
            "due_at",
            "id",
            postgresql_where=text(TEAM_WORK_CONDITION),
            sqlite_where=text(TEAM_WORK_CONDITION),
        ),
        Index(
            "ix_report_waiting_created_at",
            "created_at",
            "id",
            postgresql_where=text(WAITING_CONDITION),
            sqlite_where=text(WAITING_CONDITION),
        ),
        Index("ix_report_resolved_at_queue_seconds", "resolved_at", "queue", "resolution_seconds"),
        Index("ix_report_first_contact_at_queue_seconds", "first_contact_at", "queue", "response_seconds"),
    )

    buurt: Mapped[Area | None] = relationship(foreign_keys=[buurt_id])
    wijk: Mapped[Area | None] = relationship(foreign_keys=[wijk_id])
    category: Mapped[Category | None] = relationship()
    reporter: Mapped[Reporter | None] = relationship()
    duplicate_of: Mapped[Report | None] = relationship(remote_side=[id], foreign_keys=[duplicate_of_id])
    split_from: Mapped[Report | None] = relationship(remote_side=[id], foreign_keys=[split_from_id])
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="report", order_by="Attachment.position", cascade="all, delete-orphan"
    )
    events: Mapped[list[AuditEvent]] = relationship(back_populates="report", order_by="AuditEvent.id")

    @property
    def norm_in_calendar_days(self) -> bool:
        """The category's norm counts calendar days (as in the Signalen taxonomy), else working days."""
        return bool(self.category and self.category.calendar_days)


class Attachment(Base):
    """A photo; the files live outside the database, named by a random key, stripped of EXIF."""

    __tablename__ = "attachment"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    storage_key: Mapped[str] = mapped_column(String(80), unique=True)
    original_name: Mapped[str] = mapped_column(String(255), default="")
    content_type: Mapped[str] = mapped_column(String(40))
    byte_size: Mapped[int] = mapped_column(Integer)
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    report: Mapped[Report] = relationship(back_populates="attachments")


class AuditEvent(Base):
    """One thing that happened to a report, with who did it; never updated, only added."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int | None] = mapped_column(ForeignKey("report.id"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(60))
    details: Mapped[dict] = mapped_column(JSON, default=dict)

    report: Mapped[Report | None] = relationship(back_populates="events")


def is_team_work() -> ColumnElement[bool]:
    """A team is working on the report, written with its statuses in the SQL text: a partial index serves a query
    only when the planner sees the statuses, and a bound parameter hides them from a prepared (generic) plan."""
    return Report.status.in_(bindparam("team_work", list(ReportStatus.team_work()), literal_execute=True))


def is_waiting_for_triage() -> ColumnElement[bool]:
    """The report waits for a triage officer, written as `is_team_work` is and for the same reason."""
    return Report.status == bindparam("waiting", ReportStatus.RECEIVED, literal_execute=True)
