"""Honest figures for a classifier: accuracy, macro-F1, per class, calibration and the automation curve.

The automation curve answers the triage question directly: if we route automatically only above a
confidence threshold, what share of reports is routed and how often is that routing right?
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, precision_recall_fscore_support

THRESHOLDS = [round(t, 2) for t in np.arange(0.0, 1.0, 0.05)]
TARGET_ACCURACY = 0.95  # of the reports routed without a person, this share must be right (issue 14)


def expected_calibration_error(correct: np.ndarray, confidence: np.ndarray, bins: int = 10) -> float:
    edges = np.linspace(0, 1, bins + 1)
    total, error = len(correct), 0.0
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        inside = ((confidence > low) | (low == 0)) & (confidence <= high)  # the first bin includes 0
        if inside.any():
            error += inside.sum() / total * abs(correct[inside].mean() - confidence[inside].mean())
    return float(error)


def automation_curve(correct: np.ndarray, confidence: np.ndarray) -> list[dict]:
    curve = []
    for threshold in THRESHOLDS:
        above = confidence >= threshold
        curve.append(
            {
                "threshold": threshold,
                "share_automated": float(above.mean()),
                "accuracy_automated": float(correct[above].mean()) if above.any() else None,
            }
        )
    return curve


def suggested_threshold(curve: list[dict], target: float = TARGET_ACCURACY) -> float:
    """The lowest threshold whose automatically routed reports are right at least `target` of the time."""
    for point in curve:
        if point["accuracy_automated"] is not None and point["accuracy_automated"] >= target:
            return point["threshold"]
    return 0.95


def evaluate(truth: Sequence[str], predicted: Sequence[str], confidence: Sequence[float]) -> dict:
    truth, predicted = np.asarray(truth), np.asarray(predicted)
    confidence = np.asarray(confidence, dtype=float)
    labels = sorted(set(truth) | set(predicted))
    precision, recall, f1, support = precision_recall_fscore_support(truth, predicted, labels=labels, zero_division=0)
    correct = truth == predicted
    curve = automation_curve(correct, confidence)
    return {
        "n": int(len(truth)),
        "accuracy": float(accuracy_score(truth, predicted)),
        "macro_f1": float(f1_score(truth, predicted, labels=sorted(set(truth)), average="macro", zero_division=0)),
        "per_class": {
            label: {"precision": float(p), "recall": float(r), "f1": float(f), "support": int(s)}
            for label, p, r, f, s in zip(labels, precision, recall, f1, support, strict=True)
        },
        "labels": labels,
        "confusion_matrix": confusion_matrix(truth, predicted, labels=labels).tolist(),
        "expected_calibration_error": expected_calibration_error(correct, confidence),
        "automation_curve": curve,
        "suggested_threshold": suggested_threshold(curve),
    }


def plot(result: dict, path: Path, title: str) -> None:
    """The automation curve and the confusion matrix side by side, as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(14, 6))
    points = [p for p in result["automation_curve"] if p["accuracy_automated"] is not None]
    left.plot([p["share_automated"] for p in points], [p["accuracy_automated"] for p in points], marker="o")
    for p in points[::4]:
        left.annotate(f"{p['threshold']:.2f}", (p["share_automated"], p["accuracy_automated"]), fontsize=8)
    left.set(xlabel="share routed automatically", ylabel="accuracy of those", title="Automation curve", ylim=(0, 1))
    left.grid(True)
    matrix = np.asarray(result["confusion_matrix"])
    right.imshow(matrix, cmap="Blues")
    labels = [label[:18] for label in result["labels"]]
    right.set_xticks(range(len(labels)), labels, rotation=90, fontsize=7)
    right.set_yticks(range(len(labels)), labels, fontsize=7)
    right.set(xlabel="predicted", ylabel="true", title="Confusion matrix")
    figure.suptitle(title)
    figure.tight_layout()
    figure.savefig(path, dpi=90)
    plt.close(figure)
