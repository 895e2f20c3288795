"""The intake pipeline: after a report is stored it is owed a proposal; confident proposals route at once.

The owed job is written in the same transaction as the report (an outbox), so a report is never left
without its proposal: if Redis or the worker is down, the job stays pending and is run when it is back.
Running the job twice does no harm: a report that already has a proposal is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session, aliased, contains_eager, joinedload

from classifiers.proposal import CategoryProposal
from models import Category, PendingJob, Proposal, Queue, Report, ReportStatus
from triage.kernel.audit import AuditAction, record
from triage.norms.due_times import enter_queue
from triage.notifications.kinds import MailKind
from triage.notifications.resident_mail import mail_resident
from triage.proposals.classifying import LoadedClassifiers, earlier_reports_nearby, propose, report_input
from triage.proposals.holding import named_reasons, waits_for_a_person
from triage.reference.routing import Routing, most_demanding, routing_for

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
    """The product category a proposal names: its sub-category when given, else the main category.

    The classifier knows the categories it was trained on; an administrator may since have retired one (or
    removed the main category's slug). Such a label is never proposed: an inactive sub falls back to its main
    category (which waits for a person), an unknown or inactive main category to no category at all."""
    if proposal is None:
        return None
    named = {"main": proposal.category, "sub": proposal.subcategory}
    sub = session.scalar(SUB_WITH_ITS_MAIN, named) if proposal.subcategory else None
    main = sub.parent if sub is not None else session.scalar(MAIN_CATEGORY, named)
    if main is None or not main.is_active:
        return None
    return sub if sub is not None and sub.is_active else main


def _sub_with_its_main():
    """The sub-category with its main category in one read, held on the sub: the routing reads `sub.parent`, and a
    main category loaded on its own had left the session's (weakly held) identity map by then and was read again."""
    main = aliased(Category)
    return (
        select(Category)
        .join(Category.parent.of_type(main))
        .where(Category.slug == bindparam("sub"), main.slug == bindparam("main"), main.parent_id.is_(None))
        .options(contains_eager(Category.parent.of_type(main)))
    )


# Built once: composing a statement with an alias and an eager option took longer than running it.
SUB_WITH_ITS_MAIN = _sub_with_its_main()
MAIN_CATEGORY = select(Category).where(Category.slug == bindparam("main"), Category.parent_id.is_(None))


# What the classifiers read of a report, loaded with it in one statement: four lazy loads were four round trips a
# proposal (a report has a few photos at most, so joining them repeats its row a few times at most).
READ_FOR_A_PROPOSAL = (
    joinedload(Report.reporter),
    joinedload(Report.wijk),
    joinedload(Report.buurt),
    joinedload(Report.attachments),
)


@dataclass(frozen=True)
class PreparedProposal:
    """A proposal worked out from reads only, ready to be stored in a short write transaction."""

    report_id: int
    category_id: int | None
    category_confidence: float | None
    queue: Queue | None
    queue_confidence: float | None
    needs_person: bool
    reasons: dict
    artifacts: dict


def prepare_proposal(
    session: Session, classifiers: LoadedClassifiers, report_id: int, now: datetime
) -> PreparedProposal | None:
    """The classifier's work, done without writing: on SQLite no write lock is held while it thinks."""
    report = session.get(Report, report_id, options=READ_FOR_A_PROPOSAL)
    if report is None or session.scalar(select(Proposal.id).where(Proposal.report_id == report_id)):
        return None
    nearby = earlier_reports_nearby(session, report)
    category, queue = propose(classifiers, report_input(session, report, now, nearby))
    chosen = category_for(session, category)
    held_for = waits_for_a_person(session, report, category, queue, chosen, nearby)
    routing = routing_for(session, chosen, report.buurt_id, report.wijk_id)
    proposed_queue = Queue(queue.queue) if queue else None
    return PreparedProposal(
        report_id=report_id,
        category_id=chosen.id if chosen else None,
        category_confidence=category.confidence if category else None,
        queue=most_demanding(proposed_queue, routing.queue),
        queue_confidence=queue.confidence if queue else None,
        needs_person=bool(held_for),
        reasons={
            **named_reasons(session, category, queue),
            "held_for": held_for,
            "routing": _routing_reason(routing, proposed_queue),
        },
        artifacts={
            "category": classifiers.category.version if classifiers.category else None,
            "queue": classifiers.queue.version if classifiers.queue else None,
        },
    )


def _routing_reason(routing: Routing, proposed: Queue | None) -> dict:
    """Which routing rule (or category setting) applied, and whether it raised the classifier's queue."""
    raised = proposed is not None and most_demanding(proposed, routing.queue) is not proposed
    return {
        "step": routing.step.value,
        "rule": routing.rule_id,
        "classifier": proposed.value if proposed else None,
        "raised_to": routing.queue.value if raised else None,
    }


def store_proposal(
    session: Session, prepared: PreparedProposal | None, report_id: int, now: datetime
) -> Proposal | None:
    """Store the proposal (unless one exists already), route a confident one, and settle the owed jobs.

    Returns the report's proposal, the one stored here or the one it had already."""
    report = session.get(Report, report_id)
    if report is None:
        return None
    proposal = session.scalar(select(Proposal).where(Proposal.report_id == report_id))
    if proposal is None and prepared is not None:
        columns = {field.name: getattr(prepared, field.name) for field in fields(prepared)}  # asdict copies deeply
        proposal = Proposal(**columns, created_at=now)  # the prepared fields are the columns
        session.add(proposal)
        session.flush()
        record(session, report, AuditAction.PROPOSAL_MADE, CLASSIFIER_ACTOR, now, needs_person=proposal.needs_person)
        if not proposal.needs_person and report.status.awaits_triage:
            _route(session, report, proposal, now)
    session.execute(  # one statement settles them: the jobs themselves are never needed here
        update(PendingJob)
        .where(PendingJob.report_id == report_id, PendingJob.done_at.is_(None))
        .values(done_at=now, attempts=PendingJob.attempts + 1)
        .execution_options(synchronize_session=False)
    )
    session.flush()
    return proposal


def run_proposal(session: Session, classifiers: LoadedClassifiers, report_id: int, now: datetime) -> Proposal | None:
    """Prepare and store in one session (rq workers); the embedded default splits the two over sessions."""
    report = session.get(Report, report_id, options=READ_FOR_A_PROPOSAL)  # held: storing finds it in the session
    proposal = store_proposal(session, prepare_proposal(session, classifiers, report_id, now), report_id, now)
    del report
    return proposal


def _route(session: Session, report: Report, proposal: Proposal, now: datetime) -> None:
    report.category, report.queue, report.status = proposal.category, proposal.queue, ReportStatus.TRIAGED
    record(
        session,
        report,
        AuditAction.TRIAGE_AUTO_ROUTED,
        CLASSIFIER_ACTOR,
        now,
        category=proposal.category.slug if proposal.category else None,
        queue=proposal.queue.value,
    )
    enter_queue(session, report, now, "routed by the classifier", CLASSIFIER_ACTOR)
    mail_resident(session, report, MailKind.TRIAGED, now)
