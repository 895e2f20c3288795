"""Loading area polygons from the GeoJSON files in the data folder's areas/, idempotently (by kind and code)."""

from __future__ import annotations

import json
from pathlib import Path

from geoalchemy2.shape import from_shape
from shapely.geometry import MultiPolygon, shape
from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Area, AreaKind


def read_features(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)["features"]


def as_multipolygon(geometry: dict) -> MultiPolygon:
    geom = shape(geometry)
    return geom if isinstance(geom, MultiPolygon) else MultiPolygon([geom])


def upsert_area(session: Session, feature: dict) -> Area:
    props = feature["properties"]
    kind = AreaKind(props["kind"])
    area = session.scalar(select(Area).where(Area.kind == kind, Area.code == props["code"]))
    if area is None:
        area = Area(kind=kind, code=props["code"])
        session.add(area)
    area.name = props["name"]
    area.parent_code = props.get("parent_code")
    area.geom = from_shape(as_multipolygon(feature["geometry"]), srid=4326)
    return area


def load_area_files(session: Session, paths: list[Path]) -> int:
    """Load every feature of the given files; running it again updates the same rows."""
    count = 0
    for path in paths:
        for feature in read_features(path):
            upsert_area(session, feature)
            count += 1
    session.flush()
    return count
