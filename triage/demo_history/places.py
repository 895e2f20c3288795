"""Points for demo reports: in one of the municipality's buurten, with the buurt and wijk that place_point gives.

Every buurt is equally likely. CBS draws buurten to hold comparable numbers of people, so small buurten are the
dense ones: equal weights come closer to "reports follow people" than weighting by area would. A point is drawn
uniformly inside its buurt, at least about a metre from its edges, inside the buurt's wijk and the municipality
and outside every other buurt, so the database's ST_Contains agrees with the buurt and wijk written down.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from geoalchemy2.shape import to_shape
from sqlalchemy import Connection, select

from models import Area, AreaKind

EDGE = 0.00001  # degrees, about a metre: generalised boundaries are only this exact after rounding


@dataclass(frozen=True)
class Buurt:
    area_id: int
    wijk_id: int
    region: shapely.Geometry


class Buurten:
    def __init__(self, connection: Connection, municipality_code: str) -> None:
        areas = connection.execute(select(Area.id, Area.kind, Area.code, Area.parent_code, Area.geom)).all()
        shapes = {(a.kind, a.code): (a.id, to_shape(a.geom)) for a in areas}
        gemeente = shapes.get((AreaKind.GEMEENTE, municipality_code))
        buurten = [a for a in areas if a.kind is AreaKind.BUURT]
        if gemeente is None or not buurten:
            raise LookupError(f"no buurten or boundary of {municipality_code}: load the shipped data first (setup)")
        tree = shapely.STRtree([shapes[(AreaKind.BUURT, b.code)][1] for b in buurten])
        self.buurten = []
        for index, area in enumerate(buurten):
            wijk = shapes.get((AreaKind.WIJK, area.parent_code))
            if wijk is None:
                continue
            own = shapes[(AreaKind.BUURT, area.code)][1]
            region = own.buffer(-EDGE).intersection(wijk[1].buffer(-EDGE)).intersection(gemeente[1].buffer(-EDGE))
            for other in tree.query(own):
                if other != index:
                    region = region.difference(tree.geometries[other].buffer(EDGE))
            if not region.is_empty:
                shapely.prepare(region)
                self.buurten.append(Buurt(area.id, wijk[0], region))

    def sample(self, rng: np.random.Generator, count: int) -> list[tuple[Buurt, float, float]]:
        """`count` (buurt, lon, lat), each buurt equally likely, each point uniform inside its buurt."""
        chosen = rng.integers(0, len(self.buurten), count)
        points: list[tuple[Buurt, float, float] | None] = [None] * count
        for index in np.unique(chosen).tolist():
            where = np.flatnonzero(chosen == index)
            buurt = self.buurten[index]
            lons, lats = _inside(buurt.region, len(where), rng)
            for slot, lon, lat in zip(where.tolist(), lons, lats, strict=True):
                points[slot] = (buurt, lon, lat)
        return points  # type: ignore[return-value]


def _inside(region: shapely.Geometry, count: int, rng: np.random.Generator) -> tuple[list[float], list[float]]:
    """Rejection sampling in the bounding box, rounded to 6 decimals (a decimetre) as the app stores pins."""
    minx, miny, maxx, maxy = region.bounds
    lons: list[float] = []
    lats: list[float] = []
    while len(lons) < count:
        batch = max(2 * (count - len(lons)), 16)
        x = np.round(rng.uniform(minx, maxx, batch), 6)
        y = np.round(rng.uniform(miny, maxy, batch), 6)
        keep = shapely.contains_xy(region, x, y)
        lons.extend(x[keep].tolist())
        lats.extend(y[keep].tolist())
    return lons[:count], lats[:count]
