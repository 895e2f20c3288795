"""Location and reporter context computed from a list of reports, for training and evaluating from files.

Live reports get the same facts from the database (triage/ asks geo/); here they come from the file
itself: for each report, only the reports before it count, as they would have at the time.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from sklearn.neighbors import BallTree

EARTH_RADIUS_M = 6_371_000
DAY = 86_400


@dataclass(frozen=True)
class Event:
    created: float  # seconds since the epoch
    category: str | None = None
    lat: float | None = None
    lon: float | None = None
    closed: float | None = None
    reporter: str | None = None


@dataclass
class Context:
    nearby_50m_30d: dict[str, int]
    nearby_250m_30d: dict[str, int]
    nearest_open_m: dict[str, float]
    reporter_reports_90d: int = 0


def compute_contexts(events: list[Event]) -> list[Context]:
    contexts = [Context({}, {}, {}) for _ in events]
    _add_location_context(events, contexts)
    _add_reporter_context(events, contexts)
    return contexts


def _add_location_context(events: list[Event], contexts: list[Context]) -> None:
    located = [i for i, e in enumerate(events) if _has_place(e)]
    if not located:
        return
    points = np.radians([[events[i].lat, events[i].lon] for i in located])
    tree = BallTree(points, metric="haversine")
    neighbours, distances = tree.query_radius(points, r=250 / EARTH_RADIUS_M, return_distance=True)
    for k, i in enumerate(located):
        near50, near250, nearest = Counter(), Counter(), {}
        now = events[i].created
        for j_local, distance in zip(neighbours[k], distances[k] * EARTH_RADIUS_M, strict=True):
            other = events[located[j_local]]
            if not (now - 30 * DAY <= other.created < now) or other.category is None:
                continue
            near250[other.category] += 1
            if distance <= 50:
                near50[other.category] += 1
            if other.closed is None or other.closed > now:
                nearest[other.category] = min(nearest.get(other.category, float("inf")), float(distance))
        contexts[i].nearby_50m_30d, contexts[i].nearby_250m_30d = dict(near50), dict(near250)
        contexts[i].nearest_open_m = nearest


def _has_place(event: Event) -> bool:
    """A usable point: a NaN or infinite coordinate (from any source) is no place, and BallTree refuses it."""
    return all(value is not None and math.isfinite(value) for value in (event.lat, event.lon, event.created))


def _add_reporter_context(events: list[Event], contexts: list[Context]) -> None:
    by_reporter: dict[str, list[int]] = defaultdict(list)
    for i, event in enumerate(events):
        if event.reporter:
            by_reporter[event.reporter].append(i)
    for indices in by_reporter.values():
        times = sorted((events[i].created, i) for i in indices)
        for position, (created, i) in enumerate(times):
            contexts[i].reporter_reports_90d = sum(1 for t, _ in times[:position] if t >= created - 90 * DAY)
