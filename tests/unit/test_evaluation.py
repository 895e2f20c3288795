"""The figures a classifier is judged by, on examples small enough to check by hand."""

from __future__ import annotations

import numpy as np
import pytest

from classifiers.evaluation import (
    THRESHOLDS,
    automation_curve,
    evaluate,
    expected_calibration_error,
    plot,
    suggested_threshold,
)

# Four reports: one 'afval' report is taken for 'wegen'.
TRUTH = ["afval", "afval", "wegen", "wegen"]
PREDICTED = ["afval", "wegen", "wegen", "wegen"]
CONFIDENCE = [0.9, 0.6, 0.8, 0.7]


@pytest.fixture
def result() -> dict:
    return evaluate(TRUTH, PREDICTED, CONFIDENCE)


def test_evaluate_counts_accuracy(result):
    assert result["n"] == 4
    assert result["accuracy"] == pytest.approx(0.75)


def test_evaluate_gives_precision_recall_and_f1_per_class(result):
    assert result["per_class"]["afval"] == pytest.approx({"precision": 1.0, "recall": 0.5, "f1": 2 / 3, "support": 2})
    assert result["per_class"]["wegen"] == pytest.approx({"precision": 2 / 3, "recall": 1.0, "f1": 0.8, "support": 2})


def test_evaluate_macro_f1_is_the_plain_mean_over_classes(result):
    assert result["macro_f1"] == pytest.approx((2 / 3 + 0.8) / 2)


def test_evaluate_confusion_matrix_has_truth_in_rows_and_predictions_in_columns(result):
    assert result["labels"] == ["afval", "wegen"]
    assert result["confusion_matrix"] == [[1, 1], [0, 2]]


def test_evaluate_includes_calibration_and_automation_curve(result):
    assert result["expected_calibration_error"] >= 0.0
    assert [p["threshold"] for p in result["automation_curve"]] == THRESHOLDS
    assert result["suggested_threshold"] in THRESHOLDS + [0.95]


def test_evaluate_of_all_correct_predictions_is_perfect():
    result = evaluate(TRUTH, TRUTH, [1.0] * 4)

    assert result["accuracy"] == 1.0
    assert result["macro_f1"] == 1.0
    assert result["confusion_matrix"] == [[2, 0], [0, 2]]


def test_calibration_error_is_zero_when_confidence_matches_how_often_it_is_right():
    correct = np.array([True, True, True, False, True, False])
    confidence = np.array([0.75, 0.75, 0.75, 0.75, 0.5, 0.5])

    assert expected_calibration_error(correct, confidence) == pytest.approx(0.0)


def test_calibration_error_measures_overconfidence():
    correct = np.array([True, False, True, False])
    confidence = np.array([0.95, 0.95, 0.95, 0.95])

    assert expected_calibration_error(correct, confidence) == pytest.approx(0.45)


def test_share_automated_never_grows_as_the_threshold_rises():
    rng = np.random.default_rng(3)
    confidence = rng.uniform(0, 1, 300)
    correct = rng.uniform(0, 1, 300) < confidence

    curve = automation_curve(correct, confidence)
    shares = [p["share_automated"] for p in curve]

    assert shares[0] == 1.0
    assert all(later <= earlier for earlier, later in zip(shares, shares[1:], strict=False))
    assert shares[-1] < shares[0]


def test_automation_curve_has_no_accuracy_where_nothing_is_automated():
    curve = automation_curve(np.array([True, False]), np.array([0.1, 0.2]))

    above = [p for p in curve if p["threshold"] > 0.2]
    assert above and all(p["share_automated"] == 0.0 and p["accuracy_automated"] is None for p in above)


def test_automation_curve_accuracy_is_that_of_the_reports_above_the_threshold():
    curve = automation_curve(np.array([False, True, True]), np.array([0.3, 0.6, 0.9]))
    at = {p["threshold"]: p for p in curve}

    assert at[0.0]["accuracy_automated"] == pytest.approx(2 / 3)
    assert at[0.5]["share_automated"] == pytest.approx(2 / 3)
    assert at[0.5]["accuracy_automated"] == 1.0


def test_suggested_threshold_is_the_lowest_reaching_the_target():
    curve = [
        {"threshold": 0.0, "share_automated": 1.0, "accuracy_automated": 0.7},
        {"threshold": 0.5, "share_automated": 0.8, "accuracy_automated": 0.9},
        {"threshold": 0.7, "share_automated": 0.5, "accuracy_automated": 0.97},
        {"threshold": 0.9, "share_automated": 0.0, "accuracy_automated": None},
    ]

    assert suggested_threshold(curve, target=0.9) == 0.5
    assert suggested_threshold(curve, target=0.95) == 0.7


def test_suggested_threshold_is_cautious_when_no_threshold_reaches_the_target():
    curve = [
        {"threshold": 0.0, "share_automated": 1.0, "accuracy_automated": 0.5},
        {"threshold": 0.5, "share_automated": 0.0, "accuracy_automated": None},
    ]

    assert suggested_threshold(curve, target=0.9) == 0.95


def test_plot_writes_a_png_file(tmp_path, result):
    path = tmp_path / "figures.png"

    plot(result, path, "category on test data")

    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert path.stat().st_size > 1000
