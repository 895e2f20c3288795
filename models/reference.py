"""Reference data shipped in data/: teams, categories with their service norms, and areas."""

from __future__ import annotations

from geoalchemy2 import Geometry
from sqlalchemy import Boolean, Enum, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base
from models.enums import AreaKind, Queue, TeamKind


def enum_column(enum_cls: type) -> Enum:
    """Store enum values as plain strings (no native PostgreSQL enum) so migrations stay simple on both DBs."""
    return Enum(
        enum_cls,
        native_enum=False,
        length=20,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class Team(Base):
    __tablename__ = "team"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    kind: Mapped[TeamKind] = mapped_column(enum_column(TeamKind))
    queue: Mapped[Queue | None] = mapped_column(enum_column(Queue))


class Category(Base):
    """A main category (parent_id is None) or a sub category with its service norm.

    The norm is counted in workdays unless calendar_days is set, as in the Signalen taxonomy.
    """

    __tablename__ = "category"
    __table_args__ = (UniqueConstraint("parent_id", "slug", name="uq_category_parent_slug"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("category.id"))
    slug: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    service_norm_days: Mapped[int | None] = mapped_column(Integer)
    calendar_days: Mapped[bool] = mapped_column(Boolean, default=False)
    default_queue: Mapped[Queue | None] = mapped_column(enum_column(Queue))
    team_id: Mapped[int | None] = mapped_column(ForeignKey("team.id"))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    is_public: Mapped[bool] = mapped_column(Boolean, default=False)

    parent: Mapped[Category | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Category]] = relationship(back_populates="parent", order_by="Category.name")
    team: Mapped[Team | None] = relationship()


class Area(Base):
    """A named polygon: a buurt, wijk, our municipality or a neighbouring one, a province."""

    __tablename__ = "area"
    __table_args__ = (UniqueConstraint("kind", "code", name="uq_area_kind_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[AreaKind] = mapped_column(enum_column(AreaKind))
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(120))
    parent_code: Mapped[str | None] = mapped_column(String(40))
    # Deferred: lists, filters and report pages name areas by the dozen and never draw them; a buurt's shape is
    # kilobytes to send and parse. Maps ask for it (geo/areas.py, with_shapes).
    geom = mapped_column(Geometry("MULTIPOLYGON", srid=4326, spatial_index=True), nullable=False, deferred=True)
