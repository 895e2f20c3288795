"""The queue proposal: one model that weighs the policy's signs, the rules and the words, with calibrated odds.

The policy rules used to override the model; on reports they were not written against they fired too often
(a "!" is not despair) and too rarely (a "graag reactie" is a request for contact). Now every rule and every
sign of the policy (`classifiers.signals`) is a feature: the labels decide how much each counts, and
training keeps only the rules that help on reports held out from it (`classifiers.queue_training`).

The proposed queue is the one with the lowest expected cost (`COSTS`), not simply the likeliest: missing a
maatwerk report costs more than sending a simple one to a person. Each queue has its own routing threshold.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from classifiers.calibration import Calibration
from classifiers.features import ReportVectorizer, fast_sklearn, one_blas_thread
from classifiers.inputs import LabelledReport, ReportInput
from classifiers.proposal import QueueProposal
from classifiers.reasons import Reason, reasons_from_features
from classifiers.rules import RuleFiring, RuleSet, plain
from classifiers.signals import place_and_reporter, shape_of, signs_in

POLICY_WEIGHT = 1.0  # the policy features beside the text's tf-idf rows (each of unit length)
# A report picked because it looked like maatwerk teaches, but must not set the odds: its weight beside a report
# drawn at random. Chosen with C on later reports inside training (classifiers.queue_validation, issue 14):
# cross-validation over shuffled reports chose 1.0 from (0.25, 0.5, 1.0), and on the months after their
# training that choice found fewer maatwerk reports and a lower macro-F1 than 0.5 or 0.25. So it is fixed.
ENRICHED_WEIGHT = 0.5
ENRICHED_WEIGHTS = (ENRICHED_WEIGHT,)  # what training's cross-validation may choose among
# A logistic regression rather than a linear SVM (C 0.1: cross-validated macro-F1 0.785 against 0.792 at C 3).
# C 1 rather than 3: rolling-origin validation inside the benchmark's training fold (August to November 2024,
# 595 reports, 70 maatwerk; tests/benchmarks/validate_queue.py), with every rule kept and enriched weight 0.5,
# macro-F1 0.789 against 0.783 at C 3, log-loss 0.443 against 0.445; C 10 was worse (0.754 on three months).
QUEUE_C = 1.0
CHAR_NGRAMS = (2, 5)  # character n-grams within words, and how many of the most frequent are kept
MAX_CHAR_FEATURES = 60_000
# What a wrong proposal costs, in "one ordinary mistake": truth -> proposed. A maatwerk report sent to the
# simple queue is a person who needed a call and got a standard message: the error this product must not make.
# The default; training chooses what a missed maatwerk costs among MAATWERK_MISSED by cross-validation
# (queue_training.choose_setting). Equal costs found a third fewer maatwerk reports.
COSTS = {
    "maatwerk": {"maatwerk": 0.0, "complex": 3.0, "simple": 4.0},
    "complex": {"maatwerk": 1.0, "complex": 0.0, "simple": 1.5},
    "simple": {"maatwerk": 1.0, "complex": 1.0, "simple": 0.0},
}
MAATWERK_MISSED = ((2.0, 3.0), (3.0, 4.0), (4.0, 6.0))  # what a maatwerk report costs proposed complex, simple


def costs_missing_maatwerk(complex_cost: float, simple_cost: float) -> dict[str, dict[str, float]]:
    """COSTS with another price on a missed maatwerk report; the other errors cost what they did."""
    return {**COSTS, "maatwerk": {"maatwerk": 0.0, "complex": complex_cost, "simple": simple_cost}}


class QueueClassifier:
    task = "queue"

    def __init__(self, rules: RuleSet, C: float | None = None, rule_ids: Sequence[str] | None = None) -> None:
        self.rules = rules
        self.rule_ids = None if rule_ids is None else tuple(rule_ids)  # None: every rule is a feature
        self.C = QUEUE_C if C is None else C
        self.vectorizer = ReportVectorizer(
            use_context=False, max_char_features=MAX_CHAR_FEATURES, char_ngrams=CHAR_NGRAMS
        )
        self.policy = DictVectorizer(dtype=np.float32)
        self.model: LogisticRegression | None = None
        self.calibration = Calibration()
        self.threshold = 0.5  # the floor under every queue's own threshold (a setting may raise it)
        self.queue_thresholds: dict[str, float] = {}
        self.costs = COSTS  # what each wrong proposal costs (chosen in training; COSTS until then)
        self.enriched_weight = ENRICHED_WEIGHT
        self._names: list[str] | None = None

    @property
    def labels(self) -> list[str]:
        return [str(label) for label in self.model.classes_]

    def firings(self, report: ReportInput, category: str | None) -> list[RuleFiring]:
        """The kept rules that fire on a report."""
        return [f for f in self.rules.fired(report, category) if self.rule_ids is None or f.rule_id in self.rule_ids]

    def policy_values(
        self, report: ReportInput, category: str | None, firings: Sequence[RuleFiring] | None = None
    ) -> dict[str, float]:
        """The policy's meaning as numbers: signs, how it is written, place, reporter, rules, category."""
        text = plain(report.text)
        values = {**signs_in(text), **shape_of(report.text or ""), **place_and_reporter(report, category)}
        for firing in self.firings(report, category) if firings is None else firings:
            values[f"rule={firing.rule_id}"] = 1.0
        values[f"category={category or 'unknown'}"] = 1.0
        values[f"channel={report.channel or 'unknown'}"] = 1.0
        return values

    def _rows(self, reports, categories, fit: bool, firings=None) -> csr_matrix:
        """The text's rows beside the policy's (`firings`: the kept rules' firings per report, if known)."""
        firings = firings or [None] * len(reports)
        policy = [self.policy_values(*args) for args in zip(reports, categories, firings, strict=True)]
        text_rows = self.vectorizer.fit_transform(reports) if fit else self.vectorizer.transform(reports)
        return self.stack(text_rows, policy, fit)

    def stack(self, text_rows: csr_matrix, policy: Sequence[dict[str, float]], fit: bool) -> csr_matrix:
        """Text rows from this classifier's vectorizer beside the rows of `policy_values` (cross-validation
        stacks each fold once, with every rule, and leaves rule columns out to try a rule set)."""
        policy_rows = self.policy.fit_transform(policy) if fit else self.policy.transform(policy)
        return hstack([text_rows, POLICY_WEIGHT * policy_rows], format="csr")

    def fit(self, examples: Sequence[LabelledReport]) -> QueueClassifier:
        examples = [e for e in examples if e.queue]
        X = self._rows([e.report for e in examples], [e.category for e in examples], True)
        weights = training_weights(examples, self.enriched_weight)
        self.model = fit_model(X, [e.queue for e in examples], weights, self.C)
        self.model.coef_ = self.model.coef_.astype(np.float32)
        return self

    def scores(self, reports, categories, firings=None) -> tuple[csr_matrix, np.ndarray]:
        """Feature rows and raw scores, computed directly (sklearn's checks cost more than the product)."""
        with fast_sklearn():
            X = self._rows(reports, categories, False, firings)
        return X, class_scores(self.model, X)

    def probabilities(self, reports: Sequence[ReportInput], categories: Sequence[str | None]) -> np.ndarray:
        return self.calibration.probabilities(self.scores(reports, categories)[1])

    def propose(
        self, reports: Sequence[ReportInput], categories: Sequence[str | None], explain: bool = True
    ) -> list[QueueProposal]:
        fired = [self.firings(r, c) for r, c in zip(reports, categories, strict=True)]
        X, scores = self.scores(reports, categories, fired)
        probs = self.calibration.probabilities(scores)
        return [self._proposal(fired[i], X[i], probs[i], explain) for i in range(len(reports))]

    def _proposal(self, fired: list[RuleFiring], row, probs, explain) -> QueueProposal:
        likeliest = int(np.argmax(probs))
        chosen = least_costly(self.labels, probs, self.costs)
        queue, confidence = self.labels[chosen], float(probs[chosen])
        reasons = [f.reason for f in fired if f.queue == queue]
        if explain:
            reasons += self.explain(row, chosen)
        return QueueProposal(
            queue=queue,
            confidence=confidence,
            model_queue=self.labels[likeliest],
            model_confidence=float(probs[likeliest]),
            rules_fired=[f.rule_id for f in fired],
            reasons=reasons,
            needs_person=bool(confidence < self.threshold_for(queue)),
        )

    def threshold_for(self, queue: str) -> float:
        """Its own threshold, never below the floor; a queue without one never routes alone."""
        return max(self.threshold, self.queue_thresholds.get(queue, float("inf")))

    def explain(self, row, class_index: int) -> list[Reason]:
        if self._names is None:
            self._names = self.vectorizer.feature_names() + list(self.policy.get_feature_names_out())
        weights = self.model.coef_[class_index]
        values = row.data * weights[row.indices]
        order = np.argsort(-values)[:40]
        return reasons_from_features([(self._names[row.indices[i]], float(values[i])) for i in order if values[i] > 0])

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_names"] = None
        return state

    def __setstate__(self, state: dict) -> None:
        """An artifact from before the policy features cannot propose: say so, so that it is retrained."""
        if "policy" not in state:
            raise ValueError("a queue artifact from before the policy features and per-queue thresholds: retrain it")
        self.__dict__.update({"costs": COSTS, "enriched_weight": ENRICHED_WEIGHT, **state})  # older: the defaults


def training_weights(examples: Sequence[LabelledReport], enriched_weight: float = ENRICHED_WEIGHT) -> np.ndarray:
    return np.array([enriched_weight if e.training_only else 1.0 for e in examples])


def fit_model(X, queues, weights: np.ndarray, C: float | None = None, start=None) -> LogisticRegression:
    """The logistic regression, on one BLAS thread; `start` (coefficients, intercepts) of a fit on nearly the
    same columns is where the solver begins, so that trying a rule set in cross-validation takes a few steps.
    The optimum does not depend on it (the penalised loss has one minimum), only the steps to reach it."""
    model = LogisticRegression(C=QUEUE_C if C is None else C, max_iter=3000, warm_start=start is not None)
    if start is not None:
        model.coef_, model.intercept_ = start
    with one_blas_thread():
        return model.fit(X, queues, sample_weight=weights)


def class_scores(model: LogisticRegression, X: csr_matrix) -> np.ndarray:
    """A score per queue (the sparse product, without sklearn's checks); with two queues, zero for the first."""
    scores = np.asarray(X @ model.coef_.T) + model.intercept_
    if scores.shape[1] == 1:
        scores = np.column_stack([np.zeros(len(scores)), scores[:, 0]])
    return scores


def least_costly(labels: list[str], probs: np.ndarray, costs: dict[str, dict[str, float]] = COSTS) -> int:
    """The queue with the lowest expected cost under `costs`, given the calibrated probabilities."""
    expected = [
        sum(p * costs.get(truth, {}).get(proposed, 1.0) for truth, p in zip(labels, probs, strict=True))
        for proposed in labels
    ]
    return int(np.argmin(expected))
