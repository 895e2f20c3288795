"""What the triage officers' pages list: the reports waiting for a decision, their proposals, past corrections."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from models import Correction, Proposal, Report, ReportStatus

INBOX_SIZE = 50
CORRECTIONS_SHOWN = 200


def waiting_reports(session: Session, limit: int = INBOX_SIZE) -> list[Report]:
    """Received reports, oldest first: the one that has waited longest is decided first."""
    query = (
        select(Report)
        .where(Report.status == ReportStatus.RECEIVED)
        .order_by(Report.created_at, Report.id)
        .options(selectinload(Report.buurt))
        .limit(limit)
    )
    return list(session.scalars(query))


def next_waiting(session: Session, decided: Report) -> int | None:
    """The report to open after this one, so an officer goes through the inbox without going back to it."""
    return next((r.id for r in waiting_reports(session, limit=2) if r.id != decided.id), None)


def latest_proposals(session: Session, reports: list[Report]) -> dict[int, Proposal]:
    """Each report's latest proposal, in one query for the whole inbox rather than one per row."""
    if not reports:
        return {}
    rows = session.scalars(
        select(Proposal).where(Proposal.report_id.in_([r.id for r in reports])).order_by(Proposal.id)
    )
    return {proposal.report_id: proposal for proposal in rows}


def recent_corrections(session: Session, limit: int = CORRECTIONS_SHOWN) -> list[Correction]:
    """The officers' latest decisions on proposals first, kept or changed: where people overrule the classifier."""
    query = select(Correction).order_by(Correction.at.desc(), Correction.id.desc()).limit(limit)
    return list(session.scalars(query))
