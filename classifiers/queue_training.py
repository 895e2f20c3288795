"""Training the queue classifier so that its figures hold on reports it never saw.

Cross-validation inside the training data decides everything that is chosen: which policy rules stay as
features (a rule is dropped only if leaving it out raises the held-out macro-F1), the calibration, and each
queue's routing threshold. Reports marked `training_only` (an enriched sample) are trained on in every fold but never
scored, calibrated on or used for a threshold: their class shares are not those of real inflow.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from classifiers.calibration import Calibration
from classifiers.evaluation import evaluate
from classifiers.inputs import LabelledReport
from classifiers.queue import COSTS, QueueClassifier, least_costly
from classifiers.rules import RuleSet
from classifiers.thresholds import routed_figures, safe_queue_thresholds

QUEUE_FOLDS = 5
CATEGORY_DEFAULT = "category-default"  # the taxonomy's default queue of a category, a rule like the others


@dataclass
class Fold:
    """One split with its text rows computed once, so trying rule sets costs only the policy rows and a fit."""

    train: list[int]
    test: list[int]
    classifier: QueueClassifier
    train_rows: object
    test_rows: object


def folds_for(examples: Sequence[LabelledReport], rules: RuleSet) -> list[Fold]:
    truth = np.array([f"{e.queue}|{e.training_only}" for e in examples])
    count = min(QUEUE_FOLDS, int(np.unique([e.queue for e in examples], return_counts=True)[1].min()))
    if count < 2:
        return []
    folds = []
    for train, test in StratifiedKFold(count, shuffle=True, random_state=1).split(examples, _stratifiable(truth)):
        classifier = QueueClassifier(rules)
        train_rows = classifier.vectorizer.fit_transform([examples[i].report for i in train])
        test_rows = classifier.vectorizer.transform([examples[i].report for i in test])
        folds.append(
            Fold(
                list(train),
                [i for i in test if not examples[i].training_only],
                classifier,
                train_rows,
                test_rows[[k for k, i in enumerate(test) if not examples[i].training_only]],
            )
        )
    return folds


def _stratifiable(strata: np.ndarray) -> np.ndarray:
    """Queue and sample together where each pair is common enough to split; else the queue alone."""
    _, counts = np.unique(strata, return_counts=True)
    return strata if counts.min() >= QUEUE_FOLDS else np.array([s.split("|")[0] for s in strata])


def held_out_scores(examples, folds: list[Fold], rule_ids) -> tuple[np.ndarray, list[int], list[str]]:
    """Raw scores of every scored report from the fold that did not see it."""
    rows, scores, classes = [], [], None
    for fold in folds:
        fold.classifier.rule_ids = rule_ids
        fold.classifier.fit([examples[i] for i in fold.train], fold.train_rows)
        classes = fold.classifier.labels if classes is None else classes
        tested = [examples[i] for i in fold.test]
        _, found = fold.classifier.scores([e.report for e in tested], [e.category for e in tested], fold.test_rows)
        rows += fold.test
        scores.append(_aligned(found, fold.classifier.labels, classes))
    return np.vstack(scores), rows, classes


def _aligned(scores: np.ndarray, labels: list[str], classes: list[str]) -> np.ndarray:
    out = np.full((len(scores), len(classes)), -10.0)
    for k, label in enumerate(labels):
        if label in classes:
            out[:, classes.index(label)] = scores[:, k]
    return out


@dataclass
class HeldOut:
    truth: np.ndarray
    proposed: np.ndarray
    confidence: np.ndarray
    calibration: Calibration


def judged(examples, folds, rule_ids) -> HeldOut:
    scores, rows, classes = held_out_scores(examples, folds, rule_ids)
    truth = np.array([examples[i].queue for i in rows])
    calibration = Calibration.fit(scores, truth, classes)
    probs = calibration.probabilities(scores)
    chosen = [least_costly(classes, p) for p in probs]
    proposed = np.array([classes[c] for c in chosen])
    confidence = np.array([p[c] for p, c in zip(probs, chosen, strict=True)])
    return HeldOut(truth, proposed, confidence, calibration)


def macro_f1(held: HeldOut) -> float:
    return float(f1_score(held.truth, held.proposed, average="macro", zero_division=0))


def rule_ids_of(rules: RuleSet) -> list[str]:
    return [rule.id for rule in rules.rules] + ([CATEGORY_DEFAULT] if rules.category_queues else [])


def select_rules(examples, folds, rules: RuleSet) -> tuple[list[str], dict[str, float]]:
    """Each rule's effect: the held-out macro-F1 with every rule minus without it; dropped only if it hurts.

    Kept when leaving it out does not raise the score: one rule alone moves the macro-F1 by a few thousandths,
    within chance, while together they add about 0.01 (with only the rules that helped alone kept, the
    cross-validated macro-F1 inside the benchmark's training fold was 0.792; with every rule, 0.801)."""
    everything = rule_ids_of(rules)
    base = macro_f1(judged(examples, folds, tuple(everything)))
    effects = {}
    for rule_id in everything:
        without = tuple(r for r in everything if r != rule_id)
        effects[rule_id] = round(base - macro_f1(judged(examples, folds, without)), 4)
    return [r for r in everything if effects[r] >= 0], effects


def train_queue(
    examples: Sequence[LabelledReport], rules: RuleSet, choose_rules: bool = True
) -> tuple[QueueClassifier, dict]:
    """Choose rules, calibration and thresholds by cross-validation, then fit once on everything. Without
    `choose_rules` every rule stays a feature (for made-up data, where choosing would measure nothing real)."""
    examples = [e for e in examples if e.queue]
    folds = folds_for(examples, rules)
    classifier = QueueClassifier(rules)
    if not folds:
        return classifier.fit(examples), {}
    kept, effects = select_rules(examples, folds, rules) if choose_rules else (rule_ids_of(rules), {})
    held = judged(examples, folds, tuple(kept))
    classifier = QueueClassifier(rules, rule_ids=kept).fit(examples)
    classifier.calibration = held.calibration
    classifier.queue_thresholds = safe_queue_thresholds(held.truth, held.proposed, held.confidence, COSTS)
    metrics = evaluate(held.truth, held.proposed, held.confidence)
    metrics["suggested_threshold"] = classifier.threshold = min(classifier.queue_thresholds.values(), default=1.0)
    routes = [c >= classifier.threshold_for(p) for p, c in zip(held.proposed, held.confidence, strict=True)]
    metrics.update(
        queue_thresholds=classifier.queue_thresholds,
        routed=routed_figures(held.truth, held.proposed, routes),
        rules_kept=kept,
        rule_effects=effects,
        costs=COSTS,
        trained_on=len(examples),
        training_only=sum(e.training_only for e in examples),
    )
    return classifier, metrics
