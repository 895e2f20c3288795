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
from scipy.sparse import csr_matrix
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold

from classifiers.calibration import Calibration
from classifiers.evaluation import evaluate
from classifiers.inputs import LabelledReport
from classifiers.queue import COSTS, QueueClassifier, class_scores, fit_model, least_costly, training_weights
from classifiers.rules import RuleSet
from classifiers.thresholds import routed_figures, safe_queue_thresholds

QUEUE_FOLDS = 5
CATEGORY_DEFAULT = "category-default"  # the taxonomy's default queue of a category, a rule like the others


@dataclass
class Fold:
    """One split's rows, stacked once with every rule as a column: a rule set is tried by leaving its rules'
    columns out (the same rows a classifier fitted with only those rules makes, as the policy's columns are
    sorted by name), and its fit starts from the fit with every rule."""

    train: list[int]
    test: list[int]  # the scored reports only (never a training-only one)
    X_train: csr_matrix
    X_test: csr_matrix
    queues: np.ndarray
    weights: np.ndarray
    rule_columns: dict[str, int]
    policy_from: int  # the first policy column (the text's come before)
    start: tuple[np.ndarray, np.ndarray] | None = None  # coefficients and intercepts with every rule

    def columns_without(self, dropped: set[str]) -> np.ndarray:
        left_out = [self.rule_columns[r] for r in dropped if r in self.rule_columns]
        return np.setdiff1d(np.arange(self.X_train.shape[1]), left_out)


def folds_for(examples: Sequence[LabelledReport], rules: RuleSet) -> list[Fold]:
    truth = np.array([f"{e.queue}|{e.training_only}" for e in examples])
    count = min(QUEUE_FOLDS, int(np.unique([e.queue for e in examples], return_counts=True)[1].min()))
    if count < 2:
        return []
    policy = [QueueClassifier(rules).policy_values(e.report, e.category) for e in examples]  # every rule
    folds = []
    for train, test in StratifiedKFold(count, shuffle=True, random_state=1).split(examples, _stratifiable(truth)):
        scored = [i for i in test if not examples[i].training_only]
        classifier = QueueClassifier(rules)
        text_train = classifier.vectorizer.fit_transform([examples[i].report for i in train])
        X_train = classifier.stack(text_train, [policy[i] for i in train], fit=True)
        text_test = classifier.vectorizer.transform([examples[i].report for i in scored])
        X_test = classifier.stack(text_test, [policy[i] for i in scored], fit=False)
        rule_columns = _rule_columns(classifier.policy.feature_names_, text_train.shape[1])
        taught = [examples[i] for i in train]
        queues = np.array([e.queue for e in taught])
        folds.append(
            Fold(
                list(train),
                scored,
                X_train,
                X_test,
                queues,
                training_weights(taught),
                rule_columns,
                text_train.shape[1],
            )
        )
    return folds


def _rule_columns(policy_names: list[str], offset: int) -> dict[str, int]:
    """Each rule's column in a fold's rows: the policy's columns come after the text's."""
    return {name[len("rule=") :]: offset + k for k, name in enumerate(policy_names) if name.startswith("rule=")}


def _stratifiable(strata: np.ndarray) -> np.ndarray:
    """Queue and sample together where each pair is common enough to split; else the queue alone."""
    _, counts = np.unique(strata, return_counts=True)
    return strata if counts.min() >= QUEUE_FOLDS else np.array([s.split("|")[0] for s in strata])


def held_out_scores(folds: list[Fold], dropped: set[str]) -> tuple[np.ndarray, list[int], list[str]]:
    """Raw scores of every scored report from the fold that did not see it, with the `dropped` rules left out."""
    rows, scores, classes = [], [], None
    for fold in folds:
        keep = fold.columns_without(dropped)
        start = None if fold.start is None else (fold.start[0][:, keep], fold.start[1])
        model = fit_model(fold.X_train[:, keep], fold.queues, fold.weights, start=start)
        if fold.start is None and len(keep) == fold.X_train.shape[1]:
            fold.start = (model.coef_, model.intercept_)
        labels = [str(label) for label in model.classes_]
        classes = labels if classes is None else classes
        rows += fold.test
        scores.append(_aligned(class_scores(model, fold.X_test[:, keep]), labels, classes))
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


def judged(examples, folds, dropped: set[str]) -> HeldOut:
    scores, rows, classes = held_out_scores(folds, dropped)
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


def select_rules(examples, folds, rules: RuleSet, everything: HeldOut) -> tuple[list[str], dict[str, float]]:
    """Each rule's effect: the held-out macro-F1 with every rule (`everything`) minus without it; dropped only
    if it hurts.

    Kept when leaving it out does not raise the score: one rule alone moves the macro-F1 by a few thousandths,
    within chance, while together they add about 0.01 (with only the rules that helped alone kept, the
    cross-validated macro-F1 inside the benchmark's training fold was 0.792; with every rule, 0.801)."""
    base = macro_f1(everything)
    effects = {r: round(base - macro_f1(judged(examples, folds, {r})), 4) for r in rule_ids_of(rules)}
    return [r for r, effect in effects.items() if effect >= 0], effects


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
    everything = judged(examples, folds, set())
    kept, effects = select_rules(examples, folds, rules, everything) if choose_rules else (rule_ids_of(rules), {})
    dropped = set(rule_ids_of(rules)) - set(kept)
    held = judged(examples, folds, dropped) if dropped else everything
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
