"""The dashboard's figures kept per local day, so a year is read as a few hundred rows instead of counted anew.

`DashboardDay` holds, per day and per dimension group, how many reports of each period set fell on that day
(a row per group of one dimension: the other group columns are empty). The rows are only ever rebuilt from
the reports by the monitoring package, never adjusted by hand, so they are the same numbers as counting.
`DashboardMonth` adds up a whole month's day rows. `DashboardBuiltDay` lists the days built so far.
`DashboardStaleMoment` is filled by database triggers (migration 0026) with every moment whose day may have
changed since: a day with such a moment is counted from the reports again until it is rebuilt. Triggers see
every write, also bulk ones and COPY.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime
from models.enums import Channel, Queue
from models.reference import enum_column

# The period sets a day row counts (triage/monitoring/report_sets.py names them; a test ties the two).
DAY_COUNTS = (
    "inflow",
    "resolved",
    "resolved_in_norm",
    "resolved_late",
    "responded",
    "responded_in_norm",
    "responded_late",
    "feedback",
    "feedback_satisfied",
    "feedback_negative",
    "proposed",
    "automated",
    "category_decided",
    "category_accepted",
    "category_corrected",
    "queue_decided",
    "queue_corrected",
)


class _Counts:
    """A group of one dimension (the other group columns empty) and how many reports of each set it had."""

    id: Mapped[int] = mapped_column(primary_key=True)
    dimension: Mapped[str] = mapped_column(String(20))  # queue, channel, category, wijk, buurt or total
    queue: Mapped[Queue | None] = mapped_column(enum_column(Queue))
    channel: Mapped[Channel | None] = mapped_column(enum_column(Channel))
    category_id: Mapped[int | None] = mapped_column(Integer)  # the report's own (sub)category
    wijk_id: Mapped[int | None] = mapped_column(Integer)
    buurt_id: Mapped[int | None] = mapped_column(Integer)
    inflow: Mapped[int] = mapped_column(Integer, default=0)
    resolved: Mapped[int] = mapped_column(Integer, default=0)
    resolved_in_norm: Mapped[int] = mapped_column(Integer, default=0)
    resolved_late: Mapped[int] = mapped_column(Integer, default=0)
    responded: Mapped[int] = mapped_column(Integer, default=0)
    responded_in_norm: Mapped[int] = mapped_column(Integer, default=0)
    responded_late: Mapped[int] = mapped_column(Integer, default=0)
    feedback: Mapped[int] = mapped_column(Integer, default=0)
    feedback_satisfied: Mapped[int] = mapped_column(Integer, default=0)
    feedback_negative: Mapped[int] = mapped_column(Integer, default=0)
    proposed: Mapped[int] = mapped_column(Integer, default=0)
    automated: Mapped[int] = mapped_column(Integer, default=0)
    category_decided: Mapped[int] = mapped_column(Integer, default=0)
    category_accepted: Mapped[int] = mapped_column(Integer, default=0)
    category_corrected: Mapped[int] = mapped_column(Integer, default=0)
    queue_decided: Mapped[int] = mapped_column(Integer, default=0)
    queue_corrected: Mapped[int] = mapped_column(Integer, default=0)


class DashboardDay(_Counts, Base):
    __tablename__ = "dashboard_day"
    # Each day's totals (the day and week figures) are read without the groups' rows.
    __table_args__ = (Index("ix_dashboard_day_dimension_day", "dimension", "day"),)

    day: Mapped[date] = mapped_column(Date, index=True)


class DashboardMonth(_Counts, Base):
    """The day rows of a whole calendar month added up, made once all its days are built: a year is twelve
    months' rows and the days at its edges."""

    __tablename__ = "dashboard_month"

    month: Mapped[date] = mapped_column(Date, index=True)  # its first day


class DashboardBuiltDay(Base):
    __tablename__ = "dashboard_built_day"

    day: Mapped[date] = mapped_column(Date, primary_key=True)


class DashboardStaleMoment(Base):
    __tablename__ = "dashboard_stale_moment"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
