"""Time-ordered validation inside training data (classifiers.queue_validation): made-up reports only."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from classifiers.inputs import LabelledReport, ReportInput
from classifiers.proposal import QueueProposal
from classifiers.queue_validation import Dated, figures, rolling_splits, validate

SEP, OCT, NOV, DEC = (datetime(2024, month, 1, tzinfo=UTC) for month in (9, 10, 11, 12))


def row(day: datetime, text: str, queue: str = "simple", enriched: bool = False) -> Dated:
    return Dated(day, LabelledReport(ReportInput(text=text), "wegen", queue=queue, training_only=enriched))


ROWS = [
    row(datetime(2024, 8, 5, tzinfo=UTC), "lamp kapot"),
    row(datetime(2024, 8, 9, tzinfo=UTC), "bel mij terug", "maatwerk", enriched=True),
    row(datetime(2024, 9, 3, tzinfo=UTC), "tegel los"),
    row(datetime(2024, 9, 4, tzinfo=UTC), "lamp kapot"),  # a text training saw
    row(datetime(2024, 9, 8, tzinfo=UTC), "niemand reageert", "maatwerk", enriched=True),
    row(datetime(2024, 10, 2, tzinfo=UTC), "boom valt om", "complex"),
    row(datetime(2024, 10, 3, tzinfo=UTC), "boom valt om", "complex"),  # the same text twice in a month
    row(datetime(2024, 12, 2, tzinfo=UTC), "na het einde"),
]


def test_each_month_is_validated_by_a_model_trained_only_on_what_came_before():
    (train_sep, held_sep), (train_oct, held_oct) = rolling_splits(ROWS, [SEP, OCT], NOV)
    assert [e.report.text for e in train_sep] == ["lamp kapot", "bel mij terug"]
    assert len(train_oct) == 5  # everything before October, the enriched rows included
    assert [e.report.text for e in held_sep] == ["tegel los"]
    assert [e.report.text for e in held_oct] == ["boom valt om"]


def test_enriched_rows_are_trained_on_but_never_validated_on():
    for _train, held in rolling_splits(ROWS, [SEP, OCT, NOV], DEC):
        assert not any(e.training_only for e in held)
    assert any(e.training_only for e in rolling_splits(ROWS, [OCT], DEC)[0][0])


def test_nothing_from_the_end_on_is_read():
    splits = rolling_splits(ROWS, [SEP, OCT, NOV], DEC)
    assert all(e.report.text != "na het einde" for train, held in splits for e in train + held)


def proposal(queue: str, needs_person: bool = True) -> QueueProposal:
    return QueueProposal(queue, 0.9, queue, 0.9, needs_person=needs_person)


def test_figures_count_maatwerk_sent_to_simple_and_the_routed_share():
    truth = ["maatwerk", "maatwerk", "simple", "complex"]
    found = [proposal("simple"), proposal("maatwerk"), proposal("simple", False), proposal("simple", False)]
    odds = [{"simple": 0.6, "complex": 0.1, "maatwerk": 0.3}] * 4
    result = figures(truth, found, odds)
    assert result["maatwerk_recall"] == 0.5 and result["maatwerk_as_simple"] == 1
    assert result["share_routed"] == 0.5 and result["accuracy_routed"] == 0.5
    assert result["log_loss"] > 0


class Always:
    """A candidate that proposes one queue, sure of it."""

    labels = ["complex", "maatwerk", "simple"]

    def __init__(self, queue: str) -> None:
        self.queue = queue

    def propose(self, reports, categories, explain=True):
        return [proposal(self.queue) for _ in reports]

    def probabilities(self, reports, categories):
        return np.array([[0.8 if q == self.queue else 0.1 for q in self.labels] for _ in reports])


def test_validation_pools_the_months_and_keeps_each_month_apart():
    result = validate(ROWS, lambda examples: Always("simple"), [SEP, OCT], NOV)
    assert result["pooled"]["n"] == 2 and set(result["per_origin"]) == {"2024-09-01", "2024-10-01"}
    assert result["per_origin"]["2024-09-01"]["accuracy"] == 1.0
    assert result["per_origin"]["2024-10-01"]["accuracy"] == 0.0
