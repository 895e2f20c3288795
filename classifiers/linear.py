"""A linear SVM with calibrated probabilities, and the per-term contributions that explain a decision.

LinearSVC is fast and strong on sparse text, but gives scores, not probabilities. We fit one temperature
on a held-out part (softmax of score / T), so that "0.9 confident" means right about 9 times in 10; the
threshold for automatic routing depends on that.
"""

from __future__ import annotations

import numpy as np
from scipy.optimize import minimize_scalar
from scipy.sparse import csr_matrix
from sklearn.model_selection import train_test_split
from sklearn.svm import LinearSVC

HOLDOUT_SHARE = 0.15


def softmax(scores: np.ndarray) -> np.ndarray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=1, keepdims=True)


class CalibratedLinear:
    def __init__(self, C: float = 0.5, class_weight: str | None = "balanced") -> None:
        self.C = C
        self.class_weight = class_weight
        self.temperature = 1.0
        self.svm: LinearSVC | None = None
        self.holdout_: tuple | None = None  # (truth, classes, probabilities) on the calibration part

    def __getstate__(self) -> dict:
        return {**self.__dict__, "holdout_": None}

    @property
    def classes_(self) -> np.ndarray:
        return self.svm.classes_

    def _new_svm(self) -> LinearSVC:
        return LinearSVC(C=self.C, class_weight=self.class_weight, max_iter=5000)

    def fit(self, X: csr_matrix, y: list[str]) -> CalibratedLinear:
        labels = np.asarray(y)
        if _can_hold_out(labels):
            X_fit, X_cal, y_fit, y_cal = train_test_split(
                X, labels, test_size=HOLDOUT_SHARE, stratify=labels, random_state=7
            )
            self.svm = self._new_svm().fit(X_fit, y_fit)
            self.temperature = _fit_temperature(self._scores(X_cal), self.svm.classes_, y_cal)
            self.holdout_ = (y_cal, self.svm.classes_, self.predict_proba(X_cal))
        self.svm = self._new_svm().fit(X, labels)
        self.svm.coef_ = self.svm.coef_.astype(np.float32)  # half the memory; scores differ below 1e-6
        self.svm.intercept_ = self.svm.intercept_.astype(np.float32)
        return self

    def _scores(self, X: csr_matrix) -> np.ndarray:
        """The SVM's scores, computed directly: sklearn's input checks cost more than the product itself."""
        scores = np.asarray(X @ self.svm.coef_.T) + self.svm.intercept_
        scores = scores.ravel() if scores.shape[1] == 1 else scores
        return np.column_stack([-scores, scores]) if scores.ndim == 1 else scores

    def predict_proba(self, X: csr_matrix) -> np.ndarray:
        return softmax(self._scores(X) / self.temperature)

    def add_class(self, label: str, coef: np.ndarray, intercept: float) -> None:
        """One more class with a weight vector made elsewhere (not learnt by the SVM); two classes become two
        rows first, so that every class has its own row of scores."""
        if self.svm.coef_.shape[0] == 1:
            self.svm.coef_ = np.vstack([-self.svm.coef_, self.svm.coef_])
            self.svm.intercept_ = np.concatenate([-self.svm.intercept_, self.svm.intercept_])
        self.svm.coef_ = np.vstack([self.svm.coef_, coef.astype(np.float32)[None, :]])
        self.svm.intercept_ = np.append(self.svm.intercept_, np.float32(intercept)).astype(np.float32)
        self.svm.classes_ = np.append(self.svm.classes_, label)

    def contributions(self, row: csr_matrix, class_index: int) -> list[tuple[int, float]]:
        """(feature index, contribution) of the features present in one row, strongest first."""
        coef = self.svm.coef_
        weights = coef[0] * (1 if class_index == 1 else -1) if coef.shape[0] == 1 else coef[class_index]
        indices = row.indices
        values = row.data * weights[indices]
        order = np.argsort(-values)
        return [(int(indices[i]), float(values[i])) for i in order if values[i] > 0]


def _can_hold_out(labels: np.ndarray) -> bool:
    _, counts = np.unique(labels, return_counts=True)
    return len(labels) >= 200 and counts.min() >= 2 and len(counts) >= 2


def _fit_temperature(scores: np.ndarray, classes: np.ndarray, truth: np.ndarray) -> float:
    index = {label: i for i, label in enumerate(classes)}
    known = np.array([label in index for label in truth])
    if not known.any():
        return 1.0
    target = np.array([index[label] for label in truth[known]])
    scores = scores[known]

    def nll(log_t: float) -> float:
        probs = softmax(scores / np.exp(log_t))
        return -np.mean(np.log(probs[np.arange(len(target)), target] + 1e-12))

    return float(np.exp(minimize_scalar(nll, bounds=(-4, 3), method="bounded").x))
