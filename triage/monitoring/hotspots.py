"""Reports per neighbourhood on a map, and the hotspots: where reports are densest, not merely most numerous,
so a large buurt does not stand out just for being large."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from geo.areas import Outline, buurt_outlines
from triage.monitoring.figures import Figure

HOTSPOTS_SHOWN = 5
HOTSPOT_MINIMUM = 5  # a handful of reports in a tiny buurt is no hotspot


@dataclass(frozen=True)
class MapArea:
    outline: Outline
    count: int
    per_square_km: float
    narrowing: dict


def map_outlines(session: Session) -> list[Outline]:
    """The buurten's shapes for the map; reference data, so a caller may keep them between requests."""
    return buurt_outlines(session)


def neighbourhood_map(outlines: list[Outline], inflow_per_buurt: Figure) -> tuple[list[MapArea], list[MapArea]]:
    """(every buurt with its count, the densest few), from the inflow figure per buurt."""
    counts = {row.group.key: (row.values[0], row.group.narrowing) for row in inflow_per_buurt.rows}
    areas = []
    for outline in outlines:
        count, narrowing = counts.get(outline.area_id, (0, {"area": outline.code}))
        density = count / outline.square_km if outline.square_km else 0.0
        areas.append(MapArea(outline, count, density, narrowing))
    candidates = [area for area in areas if area.count >= HOTSPOT_MINIMUM]
    hotspots = sorted(candidates, key=lambda area: area.per_square_km, reverse=True)[:HOTSPOTS_SHOWN]
    return areas, hotspots
