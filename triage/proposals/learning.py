"""Learning from corrections (`triage retrain`, also an rq job).

The training set is the base corpus, imported history, and every report whose category and queue a
person confirmed or corrected. A candidate is trained on a fixed 80% of it and compared with the current
promoted artifact on the other 20%; it is promoted only if it is not worse. The decision and both scores
are written to the audit log.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from classifiers.artifacts import ArtifactError, ArtifactStore
from classifiers.datasets import Record, with_file_context
from classifiers.inputs import LabelledReport, ReportInput
from classifiers.rules import RuleSet
from classifiers.training import candidate_is_not_worse, evaluate_on, metadata, train_category, train_queue
from models import AuditEvent, Category, Report, TrainingExample
from triage.kernel.audit import AuditAction

PERSON_DECISIONS = (AuditAction.TRIAGE_ACCEPTED, AuditAction.TRIAGE_CORRECTED)  # an officer's decision
HOLDOUT_PERCENT = 20


@dataclass(frozen=True)
class RetrainDecision:
    task: str
    candidate: str
    current: str | None
    candidate_macro_f1: float
    current_macro_f1: float | None
    promoted: bool
    training_size: int
    holdout_size: int


def in_holdout(example: LabelledReport) -> bool:
    """A fixed split by text, so the same report is always on the same side, run after run."""
    digest = hashlib.sha256(example.report.text.encode("utf-8", "surrogatepass")).digest()
    return digest[0] * 100 // 256 < HOLDOUT_PERCENT


def history_examples(session: Session) -> list[Record]:
    return [
        Record(
            f"history-{row.id}",
            row.created_at,
            LabelledReport(ReportInput(text=row.text, channel=row.channel), row.category, row.subcategory, row.queue),
            row.lat,
            row.lon,
            row.closed_at,
        )
        for row in session.scalars(select(TrainingExample))
    ]


def decided_report_examples(session: Session) -> list[Record]:
    """Reports a person accepted or corrected, labelled with their main category, sub-category and queue."""
    parent = aliased(Category)
    decided = select(AuditEvent.report_id).where(AuditEvent.action.in_(PERSON_DECISIONS))
    query = (
        select(Report, Category, parent)
        .join(Category, Report.category_id == Category.id)
        .outerjoin(parent, Category.parent_id == parent.id)
        .where(Report.id.in_(decided))
    )
    records = []
    for report, category, main in session.execute(query):
        main_slug, sub_slug = (main.slug, category.slug) if main else (category.slug, None)
        example = LabelledReport(
            ReportInput(text=report.description, channel=report.channel.value),
            main_slug,
            sub_slug,
            report.queue.value if report.queue else None,
        )
        records.append(Record(f"report-{report.id}", report.created_at, example))
    return records


def retrain(
    session: Session, store: ArtifactStore, task: str, base: list[Record], rules: RuleSet, now: datetime
) -> RetrainDecision:
    records = with_file_context(base + history_examples(session) + decided_report_examples(session))
    examples = [r.example for r in records if (r.example.category if task == "category" else r.example.queue)]
    train = [e for e in examples if not in_holdout(e)]
    holdout = [e for e in examples if in_holdout(e)]
    candidate, metrics = train_category(train) if task == "category" else train_queue(train, rules)
    candidate_score = evaluate_on(candidate, holdout)["macro_f1"]
    current_version, current_score = _current_score(store, task, holdout)
    promote = current_score is None or candidate_is_not_worse(
        {"macro_f1": current_score}, {"macro_f1": candidate_score}
    )
    version = store.save(task, candidate, metadata(task, train, metrics, "retrain"), now)
    if promote:
        store.promote(task, version)
    decision = RetrainDecision(
        task, version, current_version, candidate_score, current_score, promote, len(train), len(holdout)
    )
    session.add(
        AuditEvent(
            report_id=None,
            at=now,
            actor="system:retrain",
            action=AuditAction.CLASSIFIER_RETRAINED,
            details=decision.__dict__,
        )
    )
    session.flush()
    return decision


def _current_score(store: ArtifactStore, task: str, holdout: list[LabelledReport]):
    try:
        current = store.load_promoted(task)
    except ArtifactError:
        return None, None
    return current.version, evaluate_on(current.classifier, holdout)["macro_f1"]
