"""Training both classifiers, measuring them, and deciding whether a retrained one may replace the current."""

from __future__ import annotations

from collections.abc import Sequence

from classifiers.artifacts import data_fingerprint
from classifiers.category import CategoryClassifier
from classifiers.evaluation import evaluate
from classifiers.inputs import ConfiguredCategory, LabelledReport
from classifiers.queue import QueueClassifier
from classifiers.queue_training import train_queue
from classifiers.thresholds import DECISIONS, DEMO, HISTORY, safe_threshold

__all__ = ["train_queue"]  # trained in queue_training; imported from here by triage/ and the tests

FORMAT_ORIGINS = {"demo": DEMO, "katwijk": HISTORY, "signalen": HISTORY, "queue-labels": DECISIONS}


def fingerprint(examples: Sequence[LabelledReport], task: str) -> str:
    label = (lambda e: f"{e.category}|{e.subcategory}") if task == "category" else (lambda e: f"{e.queue}")
    return data_fingerprint([f"{label(e)}\t{e.report.text}" for e in examples])


SPEAKS_CONFIGURED_NAMES = 0.5  # the share of examples labelled with configured names before those names count


def train_category(
    examples: Sequence[LabelledReport], use_context: bool = True, configured: Sequence[ConfiguredCategory] = ()
) -> tuple[CategoryClassifier, dict]:
    """Fit on everything, and on the configured categories' own words (`speaking_the_same_labels`); figures and
    the routing threshold (`safe_threshold`, with its margin) come from the part held out for calibration."""
    configured = speaking_the_same_labels(examples, configured)
    classifier = CategoryClassifier(use_context=use_context).fit(examples, configured)
    metrics = {}
    if classifier.main.holdout_ is not None:
        truth, classes, probs = classifier.main.holdout_
        best = probs.argmax(axis=1)
        metrics = evaluate(truth, classes[best], probs.max(axis=1))
        metrics["suggested_threshold"] = safe_threshold(truth, classes[best], probs.max(axis=1))
        classifier.threshold = metrics["suggested_threshold"]
    return classifier, metrics


def speaking_the_same_labels(
    examples: Sequence[LabelledReport], configured: Sequence[ConfiguredCategory]
) -> Sequence[ConfiguredCategory]:
    """The configured categories, if the examples are mostly labelled with their names; else none: a file from
    another system (names where the product has slugs) would otherwise add every configured category as new."""
    names = {c.name for c in configured}
    labelled = [e for e in examples if e.category]
    speaking = sum(e.category in names for e in labelled)
    return configured if labelled and speaking >= SPEAKS_CONFIGURED_NAMES * len(labelled) else ()


def predict_queue(classifier: QueueClassifier, examples: Sequence[LabelledReport]):
    return classifier.propose([e.report for e in examples], [e.category for e in examples], explain=False)


def evaluate_on(classifier, examples: Sequence[LabelledReport]) -> dict:
    """Figures of an existing classifier on labelled examples (the `evaluate` command, the retrain gate).

    Reports marked training-only (an enriched sample) never count in a score."""
    examples = [e for e in examples if not e.training_only]
    if isinstance(classifier, QueueClassifier):
        examples = [e for e in examples if e.queue]
        proposals = predict_queue(classifier, examples)
        return evaluate([e.queue for e in examples], [p.queue for p in proposals], [p.confidence for p in proposals])
    examples = [e for e in examples if e.category]
    proposals = classifier.propose([e.report for e in examples], explain=False)
    return evaluate([e.category for e in examples], [p.category for p in proposals], [p.confidence for p in proposals])


def candidate_is_not_worse(current: dict, candidate: dict, tolerance: float = 0.0) -> bool:
    """The retrain gate: macro-F1 on the same held-out data may not drop."""
    return candidate["macro_f1"] + tolerance >= current["macro_f1"]


def has_label(task: str, example: LabelledReport) -> bool:
    return bool(example.category if task == "category" else example.queue)


def choose_threshold(classifier, examples: Sequence[LabelledReport]) -> float:
    """Re-choose the routing threshold on other examples (the real decisions held out from retraining)."""
    classifier.threshold = evaluate_on(classifier, examples)["suggested_threshold"]
    return classifier.threshold


def metadata(
    task: str, examples: Sequence[LabelledReport], metrics: dict, source: str, threshold_basis: dict | None = None
) -> dict:
    labels = sorted({(e.category if task == "category" else e.queue) for e in examples} - {None})
    return {
        "training_data_sha256": fingerprint(examples, task),
        "training_size": len(examples),
        "labels": labels,
        "source": source,
        "metrics": {k: v for k, v in metrics.items() if k != "automation_curve"},
        "automation_curve": metrics.get("automation_curve", []),
        "threshold": metrics.get("suggested_threshold"),
        "threshold_basis": threshold_basis,
        "queue_thresholds": metrics.get("queue_thresholds"),
    }
