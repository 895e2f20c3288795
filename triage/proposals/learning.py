"""Training, saving and promoting artifacts (`train_and_store`), and learning from corrections (`retrain`).

`triage train`, `triage setup` (a new install learns from the demo corpus) and retraining all train, save and
promote through `train_and_store`; they differ only in their examples and in what decides the promotion.

The retraining set is the base corpus, imported history, and every report whose category and queue a
person confirmed or corrected. A candidate is trained on a fixed 80% of it and compared with the current
promoted artifact on the other 20%; it is promoted only if it is not worse. The decision and both scores
are written to the audit log.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from classifiers.artifacts import ArtifactError, ArtifactStore
from classifiers.datasets import Record, with_file_context
from classifiers.inputs import ConfiguredCategory, LabelledReport, ReportInput
from classifiers.rules import RuleSet
from classifiers.thresholds import DECISIONS, DEMO, HISTORY, MIN_REAL_DECISIONS, threshold_basis
from classifiers.training import (
    candidate_is_not_worse,
    choose_threshold,
    evaluate_on,
    has_label,
    metadata,
    train_category,
    train_queue,
)
from models import AuditEvent, Category, Report, TrainingExample
from triage.kernel.audit import AuditAction
from triage.proposals.sources import DEMO_TRACKING_PREFIX
from triage.reference import configured_categories

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


def origin_of(record: Record, base_origin: str = DEMO) -> str:
    """Where a training record came from: imported history, a person's decision, or the base corpus."""
    if record.id.startswith("history-"):
        return HISTORY
    if record.id.startswith("report-"):
        return DECISIONS
    if record.id.startswith("demo-report-"):
        return DEMO  # the demo history's made-up officers
    return base_origin


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
        kind = "demo-report" if report.tracking_code.startswith(DEMO_TRACKING_PREFIX) else "report"
        example = LabelledReport(
            ReportInput(text=report.description, channel=report.channel.value),
            main_slug,
            sub_slug,
            report.queue.value if report.queue else None,
        )
        records.append(Record(f"{kind}-{report.id}", report.created_at, example))
    return records


@dataclass(frozen=True)
class StoredArtifact:
    """A classifier trained and saved as a new version; `promoted` says whether proposals now come from it."""

    task: str
    version: str
    classifier: object
    metrics: dict
    promoted: bool


PromotionTest = Callable[[object], bool]  # judges a freshly trained classifier: promote it or not


@dataclass(frozen=True)
class ThresholdOrigin:
    """What the routing threshold is chosen on, so the app knows whether it may route without a person.

    `origins` name where each training example came from (`classifiers.thresholds`: demo, history,
    decisions); with `held_out` the threshold is chosen again on those (example, origin) pairs instead.
    """

    origins: Sequence[str]
    held_out: Sequence[tuple[LabelledReport, str]] = ()

    @classmethod
    def all_from(cls, origin: str, examples: Sequence[LabelledReport]) -> ThresholdOrigin:
        return cls([origin] * len(examples))

    @classmethod
    def demo(cls, examples: Sequence[LabelledReport]) -> ThresholdOrigin:
        return cls.all_from(DEMO, examples)

    @property
    def only_demo(self) -> bool:
        """Learnt from the made-up demo corpus alone: what it scores says nothing about real reports."""
        return not self.held_out and all(origin == DEMO for origin in self.origins)

    def basis(self, task: str, classifier, examples: Sequence[LabelledReport]) -> dict:
        if self.held_out:
            choose_threshold(classifier, [example for example, _ in self.held_out])
            return threshold_basis(origin for _, origin in self.held_out)
        return threshold_basis(o for e, o in zip(examples, self.origins, strict=True) if has_label(task, e))


def train_and_store(
    store: ArtifactStore,
    task: str,
    examples: Sequence[LabelledReport],
    rules: RuleSet,
    source: str,
    promote: PromotionTest,
    origin: ThresholdOrigin,
    now: datetime | None = None,
    configured: Sequence[ConfiguredCategory] = (),
) -> StoredArtifact:
    """Train, save, promote: every version is saved, so one that was not promoted can be promoted by hand.

    `configured`: the municipality's categories, so that one without examples yet can still be proposed."""
    if task == "category":
        classifier, metrics = train_category(examples, configured=configured)
    else:  # choosing rules on the demo corpus would take minutes and teach nothing about real reports
        classifier, metrics = train_queue(examples, rules, choose_rules=not origin.only_demo)
    basis = origin.basis(task, classifier, examples)
    details = {**metadata(task, examples, metrics, source, basis), "threshold": classifier.threshold}
    version = store.save(task, classifier, details, now)
    promoted = promote(classifier)
    if promoted:
        store.promote(task, version)
    return StoredArtifact(task, version, classifier, metrics, promoted)


def when_none_is_promoted(store: ArtifactStore, task: str) -> PromotionTest:
    """A new install promotes its first artifact; after that a person or retraining decides."""
    return lambda _candidate: store.promoted(task) is None


@dataclass
class NotWorseOnHoldout:
    """Promotes a candidate only if it scores no worse than the promoted artifact on the held-out reports.

    It keeps both scores, because the decision and what it was based on go to the audit log.
    """

    store: ArtifactStore
    task: str
    holdout: list[LabelledReport]
    current: str | None = None
    current_score: float | None = None
    candidate_score: float = 0.0

    def __call__(self, candidate: object) -> bool:
        self.candidate_score = evaluate_on(candidate, self.holdout)["macro_f1"]
        self.current, self.current_score = _current_score(self.store, self.task, self.holdout)
        return self.current_score is None or candidate_is_not_worse(
            {"macro_f1": self.current_score}, {"macro_f1": self.candidate_score}
        )


def retrain_threshold_origin(train: list[tuple[LabelledReport, str]], labelled: list[tuple[LabelledReport, str]]):
    """The threshold is chosen on the real decisions held out from training, once there are enough of them."""
    real_held_out = [(e, o) for e, o in labelled if in_holdout(e) and o in (HISTORY, DECISIONS)]
    if len(real_held_out) >= MIN_REAL_DECISIONS:
        return ThresholdOrigin([o for _, o in train], real_held_out)
    return ThresholdOrigin([o for _, o in train])


def retrain(
    session: Session,
    store: ArtifactStore,
    task: str,
    base: list[Record],
    rules: RuleSet,
    now: datetime,
    base_origin: str = DEMO,
) -> RetrainDecision:
    records = with_file_context(base + history_examples(session) + decided_report_examples(session))
    labelled = [(r.example, origin_of(r, base_origin)) for r in records if has_label(task, r.example)]
    train = [(e, o) for e, o in labelled if not in_holdout(e)]
    holdout = [e for e, _ in labelled if in_holdout(e)]
    judge = NotWorseOnHoldout(store, task, holdout)
    origin = retrain_threshold_origin(train, labelled)
    examples = [e for e, _ in train]
    stored = train_and_store(
        store, task, examples, rules, "retrain", judge, origin, now, configured_categories(session)
    )
    decision = RetrainDecision(
        task,
        stored.version,
        judge.current,
        judge.candidate_score,
        judge.current_score,
        stored.promoted,
        len(train),
        len(holdout),
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
