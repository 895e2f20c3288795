"""An officer's decision on a report in the triage inbox: accept the proposal, or correct it.

Every decision writes an audit event and correction records (from, to, who, when): the training data of
`triage retrain`. A decision names the report version the officer saw; if someone else acted first, the
decision is refused and nothing changes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Category, Correction, Proposal, Queue, Report, ReportStatus, StaffUser
from triage.audit import record


class DecisionRefused(Exception):
    """`code` is a message key for the officer; nothing has been changed when it is raised."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def latest_proposal(session: Session, report: Report) -> Proposal | None:
    return session.scalar(select(Proposal).where(Proposal.report_id == report.id).order_by(Proposal.id.desc()))


def _check_open(report: Report | None, seen_version: int) -> Report:
    if report is None:
        raise DecisionRefused("triage.unknown_report")
    if report.version != seen_version:
        raise DecisionRefused("triage.conflict")
    if report.status is not ReportStatus.RECEIVED:
        raise DecisionRefused("triage.already_triaged")
    return report


def accept(session: Session, report: Report | None, officer: StaffUser, seen_version: int, now: datetime) -> None:
    report = _check_open(report, seen_version)
    proposal = latest_proposal(session, report)
    if proposal is None or proposal.category is None or proposal.queue is None:
        raise DecisionRefused("triage.no_proposal")
    _decide(session, report, officer, proposal, proposal.category, proposal.queue, "triage.accepted", now)


def correct(
    session: Session,
    report: Report | None,
    officer: StaffUser,
    seen_version: int,
    category_id: int | None,
    queue: str,
    now: datetime,
) -> None:
    report = _check_open(report, seen_version)
    category = session.get(Category, category_id) if category_id else None
    if category is None or not category.is_active:
        raise DecisionRefused("triage.unknown_category")
    if queue not in {q.value for q in Queue}:
        raise DecisionRefused("triage.unknown_queue")
    proposal = latest_proposal(session, report)
    unchanged = proposal and proposal.category_id == category.id and proposal.queue == Queue(queue)
    action = "triage.accepted" if unchanged else "triage.corrected"
    _decide(session, report, officer, proposal, category, Queue(queue), action, now)


def _decide(session, report, officer, proposal, category: Category, queue: Queue, action: str, now) -> None:
    proposed_category = proposal.category.slug if proposal and proposal.category else None
    proposed_queue = proposal.queue.value if proposal and proposal.queue else None
    for field, before, after in (
        ("category", proposed_category, category.slug),
        ("queue", proposed_queue, queue.value),
    ):
        session.add(
            Correction(
                report_id=report.id,
                actor_id=officer.id,
                actor=officer.email,
                at=now,
                field=field,
                from_value=before,
                to_value=after,
            )
        )
    report.category, report.queue, report.status = category, queue, ReportStatus.TRIAGED
    record(
        session,
        report,
        action,
        officer.email,
        now,
        category=category.slug,
        queue=queue.value,
        proposed_category=proposed_category,
        proposed_queue=proposed_queue,
    )
    session.flush()
