"""Choosing among queue-model candidates on later reports inside the training data, never on a test fold.

Rolling origin, as the benchmark splits but one step earlier: for each origin (the first day of a month),
train on every labelled report created before it (enriched rows included) and validate on the reports
created in the month from it (drawn at random or the first 400, texts not seen before). The months' proposals
are pooled, so a candidate is judged on about as many reports as a test fold holds, each proposed by a model
that never saw it nor anything later. Enriched rows are never validated on: their class shares are not those
of real inflow.

`tests/benchmarks/validate_queue.py` runs the candidates tried for issue 14 on the benchmark's training fold.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

import numpy as np
from sklearn.metrics import accuracy_score, f1_score, log_loss, recall_score

from classifiers.inputs import LabelledReport
from classifiers.proposal import QueueProposal
from classifiers.text import normalise

QUEUES = ("simple", "complex", "maatwerk")


class Proposing(Protocol):
    """What validation asks of a trained candidate (a `QueueClassifier` answers it)."""

    labels: list[str]

    def propose(self, reports, categories, explain: bool = True) -> list[QueueProposal]: ...

    def probabilities(self, reports, categories) -> np.ndarray: ...


Trainer = Callable[[Sequence[LabelledReport]], Proposing]


@dataclass(frozen=True)
class Dated:
    """A labelled report and when it was created (the split is by time)."""

    created: datetime
    example: LabelledReport


def rolling_splits(
    rows: Sequence[Dated], origins: Sequence[datetime], end: datetime
) -> list[tuple[list[LabelledReport], list[LabelledReport]]]:
    """Per origin: (training before it, validation from it to the next origin or `end`).

    Validation holds no enriched row and no text seen in its training part or earlier in the same month."""
    ordered = sorted(rows, key=lambda r: r.created)
    splits = []
    for k, origin in enumerate(origins):
        until = origins[k + 1] if k + 1 < len(origins) else end
        train = [r.example for r in ordered if r.created < origin]
        seen, validation = {normalise(e.report.text) for e in train}, []
        for row in ordered:
            key = normalise(row.example.report.text)
            if origin <= row.created < until and not row.example.training_only and key not in seen:
                seen.add(key)
                validation.append(row.example)
        splits.append((train, validation))
    return splits


def figures(truth: Sequence[str], proposals: Sequence[QueueProposal], probs: Sequence[dict[str, float]]) -> dict:
    """What a candidate is judged by: macro-F1, maatwerk recall, missed maatwerk proposed simple, the log-loss
    of its calibrated probabilities (`probs`, per report a probability per queue: smoother than a count of
    errors on forty maatwerk reports), and the share routed without a person with how often those were right."""
    proposed = [p.queue for p in proposals]
    routed = [t == p.queue for t, p in zip(truth, proposals, strict=True) if not p.needs_person]
    maatwerk = [p for t, p in zip(truth, proposed, strict=True) if t == "maatwerk"]
    return {
        "n": len(truth),
        "maatwerk": len(maatwerk),
        "accuracy": round(float(accuracy_score(truth, proposed)), 4),
        "macro_f1": round(float(f1_score(truth, proposed, labels=list(QUEUES), average="macro", zero_division=0)), 4),
        "maatwerk_recall": round(
            float(recall_score(truth, proposed, labels=["maatwerk"], average="macro", zero_division=0)), 4
        ),
        "maatwerk_as_simple": sum(p == "simple" for p in maatwerk),
        "log_loss": round(
            float(log_loss(truth, [[p.get(q, 0.0) for q in sorted(QUEUES)] for p in probs], labels=sorted(QUEUES))), 4
        )
        if truth
        else None,
        "share_routed": round(len(routed) / len(truth), 4) if truth else 0.0,
        "accuracy_routed": round(sum(routed) / len(routed), 4) if routed else None,
    }


def validate(rows: Sequence[Dated], train: Trainer, origins: Sequence[datetime], end: datetime) -> dict:
    """A candidate (`train`: training examples -> a trained classifier) on each origin's month, and pooled."""
    truth, proposals, probs, per_origin = [], [], [], {}
    for origin, (taught, held) in zip(origins, rolling_splits(rows, origins, end), strict=True):
        classifier = train(taught)
        reports, categories = [e.report for e in held], [e.category for e in held]
        found = classifier.propose(reports, categories, explain=False)
        odds = [
            dict(zip(classifier.labels, map(float, p), strict=True))
            for p in classifier.probabilities(reports, categories)
        ]
        answers = [e.queue for e in held]
        per_origin[f"{origin:%Y-%m-%d}"] = {"trained_on": len(taught), **figures(answers, found, odds)}
        truth, proposals, probs = truth + answers, proposals + found, probs + odds
    return {"pooled": figures(truth, proposals, probs), "per_origin": per_origin}


def pooled_summary(results: dict[str, dict]) -> list[tuple]:
    """(candidate, macro-F1, maatwerk recall, maatwerk proposed simple, log-loss), best macro-F1 first."""
    keys = ("macro_f1", "maatwerk_recall", "maatwerk_as_simple", "log_loss")
    rows = [(name, *(r["pooled"][k] for k in keys)) for name, r in results.items()]
    return sorted(rows, key=lambda row: -row[1])


__all__ = ["Dated", "figures", "pooled_summary", "rolling_splits", "validate"]
