"""Every change an administrator makes to the configuration (categories, teams, accounts, texts, routing, the
municipality's profile), kept as a numbered version with who, when, before and after, so it can be shown and
undone. One table for every kind of setting, so the history page and undo need no code per table."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class ConfigChange(Base):
    """One saved change to one setting. `version` counts per setting (subject + key) from 1; the unique
    constraint makes two administrators who saved on top of the same version collide instead of one silently
    overwriting the other. `before` is None for a creation, `after` None for a removal."""

    __tablename__ = "config_change"
    __table_args__ = (UniqueConstraint("subject", "subject_key", "version", name="uq_config_change_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str] = mapped_column(String(40), index=True)
    subject_key: Mapped[str] = mapped_column(String(120))
    version: Mapped[int] = mapped_column(Integer)
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
    actor: Mapped[str] = mapped_column(String(254))
    at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    summary: Mapped[str] = mapped_column(String(300), default="")
    undoes_id: Mapped[int | None] = mapped_column(ForeignKey("config_change.id"))


class MunicipalitySettings(Base):
    """What an administrator set in the profile screen, over the data folder's municipality.json: only the fields
    that were saved, so the file keeps giving the rest. One row per municipality (the data folder's CBS code), so
    that a database that once served another data folder does not dress this one in its colours."""

    __tablename__ = "municipality_settings"

    municipality_code: Mapped[str] = mapped_column(String(10), primary_key=True)
    settings: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
