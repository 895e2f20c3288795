"""The intake pipeline: after a report is stored it is owed a proposal; confident proposals route at once.

The owed job is written in the same transaction as the report (an outbox), so a report is never left
without its proposal: if Redis or the worker is down, the job stays pending and is run when it is back.
Running the job twice does no harm: a report that already has a proposal is left alone.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from classifiers.proposal import CategoryProposal, QueueProposal
from models import Category, PendingJob, Proposal, Queue, Report, ReportStatus
from triage.audit import record
from triage.proposals import LoadedClassifiers, propose, report_input
from triage.resident_mail import mail_resident
from triage.service_norms import enter_queue

PROPOSE = "propose"
CLASSIFIER_ACTOR = "system:classifier"


def owe_proposal(session: Session, report: Report, now: datetime) -> PendingJob:
    job = PendingJob(name=PROPOSE, report_id=report.id, created_at=now)
    session.add(job)
    session.flush()
    return job


def pending_jobs(session: Session, name: str = PROPOSE) -> list[PendingJob]:
    return list(
        session.scalars(
            select(PendingJob).where(PendingJob.name == name, PendingJob.done_at.is_(None)).order_by(PendingJob.id)
        )
    )


def category_for(session: Session, proposal: CategoryProposal | None) -> Category | None:
    """The product category a proposal names: its sub-category when given, else the main category."""
    if proposal is None:
        return None
    main = session.scalar(select(Category).where(Category.slug == proposal.category, Category.parent_id.is_(None)))
    if main is None or proposal.subcategory is None:
        return main
    sub = session.scalar(select(Category).where(Category.slug == proposal.subcategory, Category.parent_id == main.id))
    return sub or main


def run_proposal(session: Session, classifiers: LoadedClassifiers, report_id: int, now: datetime) -> Proposal | None:
    """Make and store the proposal for one report, route it when confident, and settle its owed jobs."""
    report = session.get(Report, report_id)
    if report is None:
        return None
    existing = session.scalar(select(Proposal).where(Proposal.report_id == report_id))
    proposal = existing or _new_proposal(session, classifiers, report, now)
    for job in session.scalars(
        select(PendingJob).where(PendingJob.report_id == report_id, PendingJob.done_at.is_(None))
    ):
        job.done_at, job.attempts = now, job.attempts + 1
    session.flush()
    return proposal


def _new_proposal(session: Session, classifiers: LoadedClassifiers, report: Report, now: datetime) -> Proposal:
    category, queue = propose(classifiers, report_input(session, report, now))
    proposal = Proposal(
        report_id=report.id,
        category=category_for(session, category),
        category_confidence=category.confidence if category else None,
        queue=Queue(queue.queue) if queue else None,
        queue_confidence=queue.confidence if queue else None,
        needs_person=_needs_person(category, queue),
        reasons=_reasons(category, queue),
        artifacts={
            "category": classifiers.category.version if classifiers.category else None,
            "queue": classifiers.queue.version if classifiers.queue else None,
        },
        created_at=now,
    )
    session.add(proposal)
    record(session, report, "proposal.made", CLASSIFIER_ACTOR, now, needs_person=proposal.needs_person)
    if not proposal.needs_person and report.status is ReportStatus.RECEIVED:
        _route(session, report, proposal, now)
    return proposal


def _needs_person(category: CategoryProposal | None, queue: QueueProposal | None) -> bool:
    return category is None or queue is None or category.needs_person or queue.needs_person


def _reasons(category: CategoryProposal | None, queue: QueueProposal | None) -> dict:
    return {
        "category": [r.as_dict() for r in category.reasons] if category else [],
        "queue": [r.as_dict() for r in queue.reasons] if queue else [],
        "alternatives": [[label, round(p, 3)] for label, p in category.alternatives] if category else [],
        "rules_fired": queue.rules_fired if queue else [],
    }


def _route(session: Session, report: Report, proposal: Proposal, now: datetime) -> None:
    report.category, report.queue, report.status = proposal.category, proposal.queue, ReportStatus.TRIAGED
    record(
        session,
        report,
        "triage.auto_routed",
        CLASSIFIER_ACTOR,
        now,
        category=proposal.category.slug if proposal.category else None,
        queue=proposal.queue.value,
    )
    enter_queue(session, report, now, "routed by the classifier", CLASSIFIER_ACTOR)
    mail_resident(session, report, "triaged", now)
