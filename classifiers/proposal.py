"""What a classifier proposes for one report."""

from __future__ import annotations

from dataclasses import dataclass, field

from classifiers.reasons import Reason
from classifiers.rules import QUEUES

QUEUE_ORDER = {queue: rank for rank, queue in enumerate(QUEUES)}  # the most demanding need decides


@dataclass(frozen=True)
class CategoryProposal:
    category: str
    confidence: float
    subcategory: str | None = None
    subcategory_confidence: float | None = None
    alternatives: list[tuple[str, float]] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)
    needs_person: bool = False


@dataclass(frozen=True)
class QueueProposal:
    queue: str
    confidence: float
    model_queue: str
    model_confidence: float
    rules_fired: list[str] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)
    needs_person: bool = False
