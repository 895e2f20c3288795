"""Today's queue classifier before issue 14 (rules override a linear SVM), kept only so the benchmark compares.

The product uses classifiers/queue.py; this copy is measured beside it on the same time-ordered split.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction import DictVectorizer

from classifiers.features import META_WEIGHT, ReportVectorizer, fast_sklearn
from classifiers.inputs import LabelledReport, ReportInput
from classifiers.linear import CalibratedLinear
from classifiers.proposal import QUEUE_ORDER, QueueProposal
from classifiers.reasons import Reason, reasons_from_features
from classifiers.rules import RuleFiring, RuleSet


class QueueClassifier:
    task = "queue"

    def __init__(self, rules: RuleSet, C: float = 0.1) -> None:
        self.rules = rules
        self.vectorizer = ReportVectorizer(use_context=True, max_char_features=60_000)
        self.categories = DictVectorizer(dtype=np.float32)
        self.model = CalibratedLinear(C=C)
        self.threshold = 0.5
        self._names: list[str] | None = None

    @property
    def labels(self) -> list[str]:
        return [str(label) for label in self.model.classes_]

    def _category_tokens(self, categories: Sequence[str | None]):
        return [{f"category={c or 'unknown'}": 1.0} for c in categories]

    def fit(self, examples: Sequence[LabelledReport]) -> QueueClassifier:
        examples = [e for e in examples if e.queue]
        X = hstack(
            [
                self.vectorizer.fit_transform([e.report for e in examples]),
                META_WEIGHT * self.categories.fit_transform(self._category_tokens([e.category for e in examples])),
            ],
            format="csr",
        )
        self.model.fit(X, [e.queue for e in examples])
        return self

    def propose(
        self, reports: Sequence[ReportInput], categories: Sequence[str | None], explain: bool = True
    ) -> list[QueueProposal]:
        with fast_sklearn():
            report_rows = self.vectorizer.transform(reports)
        X = hstack(
            [
                report_rows,
                META_WEIGHT * self.categories.transform(self._category_tokens(categories)),
            ],
            format="csr",
        )
        probs = self.model.predict_proba(X)
        return [self._proposal(reports[i], categories[i], X[i], probs[i], explain) for i in range(len(reports))]

    def _proposal(self, report, category, row, probs, explain) -> QueueProposal:
        best = int(np.argmax(probs))
        model_queue, model_confidence = self.labels[best], float(probs[best])
        firings = self.rules.fired(report, category)
        queue, confidence = combine(
            model_queue,
            model_confidence,
            dict(zip(self.labels, probs, strict=True)),
            firings,
            self.rules.min_escalation,
        )
        reasons = [f.reason for f in firings if f.queue == queue]
        if explain:
            reasons += self.explain(row, self.labels.index(queue) if queue in self.labels else best)
        return QueueProposal(
            queue=queue,
            confidence=confidence,
            model_queue=model_queue,
            model_confidence=model_confidence,
            rules_fired=[f.rule_id for f in firings],
            reasons=reasons,
            needs_person=bool(confidence < self.threshold),
        )

    def explain(self, row, class_index: int) -> list[Reason]:
        if self._names is None:
            self._names = self.vectorizer.feature_names() + list(self.categories.get_feature_names_out())
        contributions = self.model.contributions(row, class_index)[:40]
        return reasons_from_features([(self._names[i], w) for i, w in contributions])

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_names"] = None
        return state


def combine(
    model_queue: str,
    model_confidence: float,
    probs: dict[str, float],
    firings: list[RuleFiring],
    min_escalation: dict[str, float],
) -> tuple[str, float]:
    """The most demanding of the model's choice and every fired rule; its confidence from both.

    The model alone escalates (to complex or maatwerk) only when it is sure enough: with few labels it
    sees demand where the policy sees a standard action. A rule pointing the same way always counts.
    """
    supported = {f.queue for f in firings}
    while (
        model_queue != "simple"
        and model_queue not in supported
        and probs.get(model_queue, 0.0) < min_escalation.get(model_queue, 0.0)
    ):
        lower = [q for q in QUEUE_ORDER if QUEUE_ORDER[q] < QUEUE_ORDER[model_queue]]
        model_queue = max(lower, key=lambda q: probs.get(q, 0.0))
    queue = max([model_queue, *supported], key=QUEUE_ORDER.__getitem__)
    rule_confidence = max((f.confidence for f in firings if f.queue == queue), default=0.0)
    return queue, max(rule_confidence, probs.get(queue, 0.0))
