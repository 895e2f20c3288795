"""Possible duplicates of a report: earlier reports within 50 m in 30 days, ranked by place, time and wording.

The score mixes three closeness measures in [0, 1] so that a report across the street yesterday with the
same words outranks one on the spot a month ago about something else.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from geoalchemy2.shape import to_shape
from sqlalchemy import select
from sqlalchemy.orm import Session

from classifiers.text import normalise
from geo.nearby import reports_near
from models import Report

RADIUS_M = 50
WINDOW_DAYS = 30
WEIGHTS = {"distance": 0.35, "time": 0.25, "text": 0.40}


@dataclass(frozen=True)
class Candidate:
    report: Report
    distance_m: float
    days_apart: float
    text_similarity: float
    score: float


def trigrams(text: str) -> set[str]:
    plain = f" {normalise(text)} "
    return {plain[i : i + 3] for i in range(len(plain) - 2)}


def text_similarity(a: str, b: str) -> float:
    """Jaccard overlap of character trigrams: robust to typos and word order."""
    left, right = trigrams(a), trigrams(b)
    return len(left & right) / len(left | right) if left and right else 0.0


def duplicate_candidates(session: Session, report: Report, limit: int = 10) -> list[Candidate]:
    point = to_shape(report.location)
    since = report.created_at - timedelta(days=WINDOW_DAYS)
    nearby = reports_near(
        session, point.x, point.y, RADIUS_M, since, report.created_at + timedelta(seconds=1), exclude_id=report.id
    )
    reports = {r.id: r for r in session.scalars(select(Report).where(Report.id.in_([n.report_id for n in nearby])))}
    candidates = [_candidate(report, reports[item.report_id], item.distance_m) for item in nearby]
    return sorted(candidates, key=lambda c: -c.score)[:limit]


def _candidate(report: Report, other: Report, distance_m: float) -> Candidate:
    days = abs((report.created_at - other.created_at).total_seconds()) / 86_400
    similarity = text_similarity(report.description, other.description)
    score = (
        WEIGHTS["distance"] * (1 - distance_m / RADIUS_M)
        + WEIGHTS["time"] * (1 - min(days, WINDOW_DAYS) / WINDOW_DAYS)
        + WEIGHTS["text"] * similarity
    )
    return Candidate(other, distance_m, days, similarity, round(score, 3))
