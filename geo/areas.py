"""Placing a point among the shipped areas: its buurt and wijk, or the municipality or province it lies in."""

from __future__ import annotations

import math
from dataclasses import dataclass

from geoalchemy2.shape import from_shape, to_shape
from shapely import affinity
from shapely.geometry import Point
from sqlalchemy import func, select
from sqlalchemy.orm import Session, undefer

from geo.wrong_door import WrongDoor
from models import Area, AreaKind


@dataclass(frozen=True)
class Placement:
    """Where a point lies. `elsewhere` names the other municipality (or province) when it is not ours."""

    inside: bool
    buurt: Area | None = None
    wijk: Area | None = None
    elsewhere: str | None = None


def point_element(lon: float, lat: float):
    return from_shape(Point(lon, lat), srid=4326)


def areas_containing(session: Session, lon: float, lat: float) -> list[Area]:
    """Every area of every kind that contains the point, in one query (same SQL on SpatiaLite and PostGIS).

    The database answers; the shapes stay there (deferred): sending every containing area's geometry to
    Python to be parsed and thrown away was 11% of a create."""
    point = point_element(lon, lat)
    query = select(Area).where(func.ST_Contains(Area.geom, point))
    return list(session.scalars(query))


def place_point(
    session: Session, lon: float, lat: float, municipality_code: str, wrong_door: WrongDoor | None = None
) -> Placement:
    found = {(area.kind, area.code): area for area in areas_containing(session, lon, lat)}
    by_kind: dict[AreaKind, list[Area]] = {}
    for area in found.values():
        by_kind.setdefault(area.kind, []).append(area)
    if (AreaKind.GEMEENTE, municipality_code) in found:
        return Placement(
            inside=True,
            buurt=_first(by_kind.get(AreaKind.BUURT)),
            wijk=_first(by_kind.get(AreaKind.WIJK)),
        )
    return Placement(inside=False, elsewhere=_name_elsewhere(by_kind, lon, lat, wrong_door or WrongDoor()))


def _first(areas: list[Area] | None) -> Area | None:
    return areas[0] if areas else None


def _name_elsewhere(by_kind: dict[AreaKind, list[Area]], lon: float, lat: float, wrong_door: WrongDoor) -> str | None:
    """The most precise name we know for a place outside our municipality: a shipped neighbour's, else the
    municipality or place the wrong door names (PDOK, postcode areas), and a province only when neither can."""
    if by_kind.get(AreaKind.GEMEENTE):
        return by_kind[AreaKind.GEMEENTE][0].name
    named = wrong_door.name_at(lon, lat)
    if named:
        return named
    return by_kind[AreaKind.PROVINCIE][0].name if by_kind.get(AreaKind.PROVINCIE) else None


def areas_of_kind(session: Session, kind: AreaKind, with_shapes: bool = False) -> list[Area]:
    """Every area of one kind, by name: for choosing one in a list, or a row per area in a table; a map asks
    for their shapes too (deferred otherwise: models/reference.py)."""
    return list(session.scalars(_shapes_if(select(Area).where(Area.kind == kind).order_by(Area.name), with_shapes)))


def _shapes_if(query, with_shapes: bool):
    return query.options(undefer(Area.geom)) if with_shapes else query


def buurten(session: Session, municipality_code: str | None = None) -> list[Area]:
    """The neighbourhoods a resident can choose from when the map is not available, by name; with a code, only
    the municipality's own (a database can hold another's, e.g. after the profile screen chose another gemeente)."""
    if municipality_code is None:
        return areas_of_kind(session, AreaKind.BUURT)
    wijken_of_ours = select(Area.code).where(Area.kind == AreaKind.WIJK, Area.parent_code == municipality_code)
    query = select(Area).where(Area.kind == AreaKind.BUURT, Area.parent_code.in_(wijken_of_ours)).order_by(Area.name)
    return list(session.scalars(query))


def wijken(session: Session) -> list[Area]:
    return areas_of_kind(session, AreaKind.WIJK)


def find_area(session: Session, kind: AreaKind, code: str, with_shape: bool = False) -> Area | None:
    return session.scalar(_shapes_if(select(Area).where(Area.kind == kind, Area.code == code), with_shape))


def representative_point(area: Area) -> tuple[float, float]:
    """A point guaranteed inside the area (unlike the centroid of a bent shape), as (lon, lat)."""
    point = to_shape(area.geom).representative_point()
    return point.x, point.y


def outline_geojson(session: Session, municipality_code: str) -> dict:
    """The municipality's boundary as a GeoJSON Feature, for drawing on the resident's map."""
    area = find_area(session, AreaKind.GEMEENTE, municipality_code, with_shape=True)
    if area is None:
        return {"type": "FeatureCollection", "features": []}
    return {
        "type": "Feature",
        "properties": {"name": area.name},
        "geometry": to_shape(area.geom).__geo_interface__,
    }


@dataclass(frozen=True)
class Outline:
    """A buurt's shape in a flat plane (kilometres east and north of a reference point), for maps and densities."""

    area_id: int
    code: str
    name: str
    rings: list[list[tuple[float, float]]]
    square_km: float


def buurt_outlines(session: Session, tolerance_km: float = 0.01) -> list[Outline]:
    """Every buurt projected to kilometres (equirectangular at the buurten's mean latitude: under 0.5% off
    across a city) and simplified to about ten metres, which is all a map on a screen can show."""
    areas = areas_of_kind(session, AreaKind.BUURT, with_shapes=True)
    shapes = [to_shape(area.geom) for area in areas]
    if not shapes:
        return []
    latitude = sum(shape.centroid.y for shape in shapes) / len(shapes)
    east, north = 111.32 * math.cos(math.radians(latitude)), 110.57
    outlines = []
    for area, shape in zip(areas, shapes, strict=True):
        flat = affinity.scale(shape, xfact=east, yfact=north, origin=(0, 0)).simplify(tolerance_km)
        polygons = list(getattr(flat, "geoms", [flat]))
        rings = [list(polygon.exterior.coords) for polygon in polygons if not polygon.is_empty]
        outlines.append(Outline(area.id, area.code, area.name, rings, flat.area))
    return outlines
