"""The public account of the classifiers (/algoritme): what the promoted artifacts learnt from and how well
they did on reports held out from their training, read from their metadata, never typed in.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from classifiers.rules import QUEUES
from models import Category


@dataclass(frozen=True)
class ClassScore:
    label: str
    name: str
    precision: float
    recall: float
    f1: float
    support: int
    threshold: float | None = None  # a queue's routing threshold in use; None: it never routes alone


@dataclass(frozen=True)
class ArtifactAccount:
    task: str
    version: str
    created: str
    source: str
    training_size: int
    held_out: int
    accuracy: float | None
    macro_f1: float | None
    classes: list[ClassScore]
    threshold: float | None
    share_routed: float | None = None
    accuracy_routed: float | None = None
    rules_kept: list[str] = field(default_factory=list)
    chosen_on: str = ""


def account_of(session: Session, loaded) -> dict[str, ArtifactAccount | None]:
    """Per task the promoted artifact's account, or None when there is none (every proposal waits)."""
    accounts = {}
    for task in ("category", "queue"):
        artifact = getattr(loaded, task, None) if loaded else None
        accounts[task] = _account(session, task, artifact) if artifact else None
    return accounts


def _account(session: Session, task: str, artifact) -> ArtifactAccount:
    meta, classifier = artifact.metadata, artifact.classifier
    metrics = meta.get("metrics") or {}
    names = _category_names(session, metrics.get("per_class", {})) if task == "category" else {}
    classes = [
        ClassScore(
            label,
            names.get(label, label),
            scores["precision"],
            scores["recall"],
            scores["f1"],
            scores["support"],
            _finite(classifier.threshold_for(label)) if hasattr(classifier, "threshold_for") else None,
        )
        for label, scores in _ordered(task, metrics.get("per_class", {}))
    ]
    routed = metrics.get("routed") or {}
    return ArtifactAccount(
        task=task,
        version=artifact.version,
        created=meta.get("created", ""),
        source=meta.get("source", ""),
        training_size=meta.get("training_size", 0),
        held_out=metrics.get("n", 0),
        accuracy=metrics.get("accuracy"),
        macro_f1=metrics.get("macro_f1"),
        classes=classes,
        threshold=_finite(classifier.threshold),
        share_routed=routed.get("share_routed"),
        accuracy_routed=routed.get("accuracy_routed"),
        rules_kept=list(metrics.get("rules_kept") or []),
        chosen_on=(meta.get("threshold_basis") or {}).get("chosen_on", ""),
    )


def _ordered(task: str, per_class: dict) -> list[tuple[str, dict]]:
    if task == "queue":
        return [(queue, per_class[queue]) for queue in QUEUES if queue in per_class]
    return sorted(per_class.items(), key=lambda item: -item[1]["support"])


def _finite(value) -> float | None:
    return float(value) if value is not None and math.isfinite(value) else None


def _category_names(session: Session, per_class: dict) -> dict[str, str]:
    slugs = list(per_class)
    if not slugs:
        return {}
    return dict(session.execute(select(Category.slug, Category.name).where(Category.slug.in_(slugs))).all())
