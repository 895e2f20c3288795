"""Proposals for a stored report: gather its context with geo/ queries, ask the promoted classifiers.

The classifiers are loaded once, when the app or a worker starts (`load_classifiers`); nothing here
trains. Without a usable artifact every proposal says "needs a person", and triage goes on by hand.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from geoalchemy2.shape import to_shape
from sqlalchemy.orm import Session

from classifiers.artifacts import ArtifactError, ArtifactStore, LoadedArtifact
from classifiers.inputs import ReportInput
from classifiers.proposal import CategoryProposal, QueueProposal
from classifiers.thresholds import routing_threshold
from geo.nearby import NearbyReport, reports_by_reporter, reports_near
from models import Report
from triage.kernel.time import LOCAL_TIME_ZONE

log = logging.getLogger(__name__)
THRESHOLD_SETTINGS = {"category": "CATEGORY_THRESHOLD", "queue": "QUEUE_THRESHOLD"}


@dataclass
class LoadedClassifiers:
    category: LoadedArtifact | None
    queue: LoadedArtifact | None
    problems: list[str]


def load_classifiers(root: Path, thresholds: dict[str, float | None] | None = None) -> LoadedClassifiers:
    """Load the promoted artifacts; a broken one is reported clearly and the previous promoted one used.

    `thresholds` overrides the confidence below which a proposal needs a person (default: the one the
    artifact's evaluation suggested, if it was chosen on real decisions; else no proposal routes alone).
    """
    store, loaded, problems = ArtifactStore(root), {}, []
    for task in ("category", "queue"):
        try:
            loaded[task] = store.load_promoted(task)
        except ArtifactError as error:
            _say_why_none(store, task, error)
            loaded[task] = None
            problems.append(str(error))
            continue
        _set_thresholds(loaded[task], (thresholds or {}).get(task))
    return LoadedClassifiers(loaded["category"], loaded["queue"], problems)


def _set_thresholds(artifact: LoadedArtifact, configured: float | None) -> None:
    """The routing floor (`routing_threshold`); a configured setting also replaces each queue's own threshold,
    because a person chose it, while the learnt per-queue thresholds count only above the floor."""
    classifier = artifact.classifier
    classifier.threshold = routing_threshold(artifact.metadata, classifier.threshold, configured)
    if configured is not None and hasattr(classifier, "queue_thresholds"):
        classifier.queue_thresholds = {queue: configured for queue in classifier.labels}


def thresholds_from_environment(env: Mapping[str, str]) -> dict[str, float | None]:
    """CATEGORY_THRESHOLD and QUEUE_THRESHOLD, so an rq worker routes as the app it serves does."""
    return {task: float(env[name]) if env.get(name) else None for task, name in THRESHOLD_SETTINGS.items()}


def _say_why_none(store: ArtifactStore, task: str, error: ArtifactError) -> None:
    """A new install has none yet (`triage setup` trains one): that is news, not a fault; a broken one is."""
    if store.promoted(task) is None:
        log.info("no %s classifier trained yet: proposals wait for a person until one is", task)
    else:
        log.warning("no usable %s classifier: proposals wait for a person until one is trained: %s", task, error)


CONTEXT_RADIUS_M, CONTEXT_DAYS = 250, 30  # the surroundings the classifiers learnt from


def earlier_reports_nearby(session: Session, report: Report) -> list[NearbyReport]:
    """Reports of the last 30 days within 250 m, up to the report itself: read once per proposal, for the
    classifiers' context and for the check on duplicate candidates alike."""
    point = to_shape(report.location)
    since = report.created_at - timedelta(days=CONTEXT_DAYS)
    until = report.created_at + timedelta(microseconds=1)
    return reports_near(session, point.x, point.y, CONTEXT_RADIUS_M, since, until, exclude_id=report.id)


def report_input(
    session: Session, report: Report, now: datetime, nearby: list[NearbyReport] | None = None
) -> ReportInput:
    """The report and its surroundings as plain values, as they are at `now`."""
    nearby = earlier_reports_nearby(session, report) if nearby is None else nearby
    local = report.created_at.astimezone(LOCAL_TIME_ZONE)
    contact = report.reporter
    return ReportInput(
        text=report.description,
        channel=report.channel.value,
        has_photos=bool(report.attachments),
        areas=tuple(f"{area.kind.value}:{area.code}" for area in (report.wijk, report.buurt) if area),
        hour=local.hour,
        weekday=local.weekday(),
        nearby_50m_30d=dict(Counter(r.category for r in nearby if r.category and r.distance_m <= 50)),
        nearby_250m_30d=dict(Counter(r.category for r in nearby if r.category)),
        nearest_open_m=_nearest_open(nearby),
        reporter_reports_90d=reports_by_reporter(
            session,
            contact.email if contact else None,
            contact.phone if contact else None,
            report.created_at - timedelta(days=90),
            report.created_at,
        )
        if contact
        else 0,
    )


def _nearest_open(nearby) -> dict[str, float]:
    nearest: dict[str, float] = {}
    for item in nearby:
        if item.is_open and item.category and item.category not in nearest:
            nearest[item.category] = item.distance_m  # the list is nearest first
    return nearest


def propose(
    classifiers: LoadedClassifiers, report: ReportInput
) -> tuple[CategoryProposal | None, QueueProposal | None]:
    category = classifiers.category.classifier.propose([report])[0] if classifiers.category else None
    if classifiers.queue is None:
        return category, None
    queue = classifiers.queue.classifier.propose([report], [category.category if category else None])[0]
    return category, queue
