"""Routing rules (an area and a category to an owning team and a queue) and what routing gave each report.

Rules are the administrator's (the screens under /beheer/routering); `ReportRouting` keeps, per report, which
team owns it and which rule decided that, so a routed report can say why it went where it went. It is a table of
its own rather than columns on `report`, so a rule that is later removed leaves the report's record intact.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base, UTCDateTime
from models.enums import Queue
from models.reference import Area, Category, Team, enum_column


class RoutingRule(Base):
    """Reports of `category` (a main or a sub category) in `area` (a wijk or a buurt) go to `team` and at least
    `queue`. One rule per area and category; the evaluation order lives in triage/reference/routing.py."""

    __tablename__ = "routing_rule"
    __table_args__ = (UniqueConstraint("area_id", "category_id", name="uq_routing_rule_area_category"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("area.id"))
    category_id: Mapped[int] = mapped_column(ForeignKey("category.id"), index=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("team.id"))
    queue: Mapped[Queue] = mapped_column(enum_column(Queue))

    area: Mapped[Area] = relationship()
    category: Mapped[Category] = relationship()
    team: Mapped[Team] = relationship()


class ReportRouting(Base):
    """The owning team a report got when it entered a queue, and the rule (or category setting) that gave it.
    `rule_id` is no foreign key: the rule may be removed later, the record of why stays; `step` says which
    level of the evaluation order decided."""

    __tablename__ = "report_routing"

    report_id: Mapped[int] = mapped_column(ForeignKey("report.id", ondelete="CASCADE"), primary_key=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    queue: Mapped[Queue | None] = mapped_column(enum_column(Queue))
    rule_id: Mapped[int | None] = mapped_column(Integer)
    step: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(UTCDateTime)

    team: Mapped[Team | None] = relationship()
