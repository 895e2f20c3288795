"""The team leads' dashboard as one list of named figures, plus what is read rather than counted.

Each figure can also be built on its own by name, for its CSV export, so the export and the page are the
same numbers by construction.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from classifiers.artifacts import ArtifactStore
from models import Feedback, Report
from triage.monitoring import figures as f
from triage.monitoring.batching import batched
from triage.monitoring.daily_counts import reading_days
from triage.monitoring.filters import Filters, report_conditions

FigureBuilder = Callable[[Session, Filters, datetime], f.Figure]

FIGURES: dict[str, FigureBuilder] = {
    "inflow_day": partial(f.inflow, by="day"),
    "inflow_week": partial(f.inflow, by="week"),
    "inflow_channel": partial(f.inflow, by="channel"),
    "norm_queue": partial(f.within_norm, by="queue"),
    "norm_week": partial(f.within_norm, by="week"),
    "norm_team": partial(f.within_norm, by="team"),
    "norm_category": partial(f.within_norm, by="category"),
    "norm_wijk": partial(f.within_norm, by="wijk"),
    "turnaround": f.turnaround,
    "maatwerk_contact": f.maatwerk_contact,
    "backlog": f.backlog,
    "satisfaction": f.reopen_and_satisfaction,
    "automation_week": partial(f.automation, by="week"),
    "accuracy_week": partial(f.accuracy, by="week"),
    "category_corrections_category": partial(f.corrections, field_name="category", by="category"),
    "queue_corrections_queue": partial(f.corrections, field_name="queue", by="queue"),
    "category_corrections_buurt": partial(f.corrections, field_name="category", by="buurt"),
    "inflow_buurt": partial(f.inflow, by="buurt"),
}
NEGATIVE_FEEDBACK_SHOWN = 20


@dataclass
class Dashboard:
    filters: Filters
    now: datetime
    figures: dict[str, f.Figure]
    negative_feedback: list[tuple[Feedback, Report]] = field(default_factory=list)
    artifact_versions: list[dict] = field(default_factory=list)

    @property
    def inflow_trend(self) -> float | None:
        return f.trend(self.figures["inflow_day"])


def build_figure(session: Session, name: str, filters: Filters, now: datetime) -> f.Figure | None:
    if name not in FIGURES:
        return None
    return _build(session, [name], filters, now)[name]


def _build(session: Session, names: list[str], filters: Filters, now: datetime) -> dict[str, f.Figure]:
    """The named figures; on PostgreSQL asked for first and counted in one pass per source (batching.py)."""
    with reading_days(), batched(session, now) as batch:
        if batch is not None:
            for name in names:
                FIGURES[name](session, filters=filters, now=now)
            batch.execute()
        return {name: FIGURES[name](session, filters=filters, now=now) for name in names}


def build_dashboard(session: Session, filters: Filters, now: datetime, artifact_dir: Path | None) -> Dashboard:
    figures = _build(session, list(FIGURES), filters, now)
    flag_worse_served(figures["category_corrections_buurt"])
    return Dashboard(
        filters,
        now,
        figures,
        negative_feedback(session, filters, now),
        artifact_history(artifact_dir) if artifact_dir else [],
    )


def negative_feedback(session: Session, filters: Filters, now: datetime) -> list[tuple[Feedback, Report]]:
    """The residents' own words when they were not satisfied, newest first."""
    query = (
        select(Feedback, Report)
        .join(Report, Report.id == Feedback.report_id)
        .where(
            Feedback.satisfied.is_(False),
            Feedback.at >= filters.period.start,
            Feedback.at < filters.period.end,
            *report_conditions(session, filters),
        )
        .order_by(Feedback.at.desc())
        .limit(NEGATIVE_FEEDBACK_SHOWN)
    )
    return [(row[0], row[1]) for row in session.execute(query)]


def wilson_lower_bound(part: int, whole: int, z: float = 1.96) -> float:
    """The lowest share still plausible (95%) given part of whole: few reports never make a neighbourhood
    look worse than it is."""
    if whole == 0:
        return 0.0
    p = part / whole
    centre = p + z * z / (2 * whole)
    spread = z * math.sqrt(p * (1 - p) / whole + z * z / (4 * whole * whole))
    return (centre - spread) / (1 + z * z / whole)


def flag_worse_served(figure: f.Figure) -> None:
    """Mark groups whose correction share is, with 95% confidence, above the overall share."""
    overall = figure.total.values[2] if figure.total else None  # columns: decided, corrected, share
    if overall is None:
        return
    figure.flagged = [
        row.group.key for row in figure.rows if wilson_lower_bound(row.values[1], row.values[0]) > overall
    ]


def artifact_history(artifact_dir: Path) -> list[dict]:
    """The category artifacts trained so far with their held-out scores, newest first; which one is promoted."""
    store = ArtifactStore(artifact_dir)
    promoted = store.promoted("category")
    history = []
    for meta in store.versions("category"):
        metrics = meta.get("metrics") or {}
        history.append(
            {
                "version": meta.get("version", ""),
                "created": meta.get("created", ""),
                "training_size": meta.get("training_size"),
                "accuracy": metrics.get("accuracy"),
                "macro_f1": metrics.get("macro_f1"),
                "promoted": meta.get("version") == promoted,
            }
        )
    return sorted(history, key=lambda item: item["created"], reverse=True)
