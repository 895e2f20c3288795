"""Finding reports the way residents refer to them: by the secret status token or by the tracking code."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Report, ReportMessage
from triage.intake.tracking import normalise_tracking_code

MAX_TOKEN_LENGTH = 64
TOKEN = re.compile(r"[A-Za-z0-9_-]+")  # what new_status_token makes; anything else cannot match


def by_status_token(session: Session, token: str) -> Report | None:
    if not token or len(token) > MAX_TOKEN_LENGTH or not TOKEN.fullmatch(token):
        return None
    return session.scalar(select(Report).where(Report.status_token == token))


def by_tracking_code(session: Session, typed: str) -> Report | None:
    code = normalise_tracking_code(typed)
    return session.scalar(select(Report).where(Report.tracking_code == code)) if code else None


def split_parts(session: Session, report: Report) -> list[Report]:
    """Reports an officer split off this one: the same resident follows them from the same page."""
    return list(session.scalars(select(Report).where(Report.split_from_id == report.id).order_by(Report.id)))


def resident_messages(session: Session, report: Report) -> list[ReportMessage]:
    """What the teams wrote to the resident, oldest first; internal notes never leave the staff pages."""
    query = (
        select(ReportMessage)
        .where(ReportMessage.report_id == report.id, ReportMessage.kind == "resident")
        .order_by(ReportMessage.id)
    )
    return list(session.scalars(query))
