"""No wrong door: naming the municipality (or place) a pin outside ours lies in, anywhere in the Netherlands.

The shipped areas name our neighbours exactly; beyond them, a resident who put the pin in Amsterdam should hear
"Amsterdam", not "Noord-Holland". With a geocoder configured, PDOK's reverse look-up gives the gemeente; offline
(or when PDOK is down) the nearest four-digit postcode area's place stands in, from a table of postcode centroids
read at run time (PLACES_FILE: its upstream licence is unclear, so the product does not ship a copy). Only when
neither knows the place does the caller fall back to the province.
"""

from __future__ import annotations

import json
import math
import statistics
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from geo.geocoder import GeocoderSettings, GeocoderUnavailable, gemeente_at

NEAREST_PLACE_KM = 8.0  # farther from every postcode centroid than this (sea, abroad): no place is named
STRAY_CENTROID_KM = 15.0  # a PO-box postcode placed far from its town's other postcodes is left out


@dataclass(frozen=True)
class WrongDoor:
    """How to name a place outside the municipality; both sources are optional."""

    geocoder: GeocoderSettings | None = None
    places_file: Path | str | None = None

    def name_at(self, lon: float, lat: float) -> str | None:
        """The gemeente (PDOK) or the nearest postcode area's place (offline); None when neither knows."""
        if self.geocoder is not None and self.geocoder.enabled:
            try:
                name = gemeente_at(self.geocoder, lon, lat)
            except GeocoderUnavailable:
                name = None
            if name:
                return name
        if self.places_file and Path(self.places_file).is_file():
            return nearest_place(Path(self.places_file).resolve(), lon, lat)
        return None


def nearest_place(places_file: Path, lon: float, lat: float) -> str | None:
    """The place of the postcode area whose centroid is nearest, within NEAREST_PLACE_KM."""
    best_name, best_km = None, NEAREST_PLACE_KM
    for name, (place_lat, place_lon) in _places(places_file):
        distance = _km(lat, lon, place_lat, place_lon)
        if distance < best_km:
            best_name, best_km = name, distance
    return best_name


@cache
def _places(places_file: Path) -> tuple[tuple[str, tuple[float, float]], ...]:
    """{"<PC4>": {"city": ..., "c": [lat, lon]}} as (place, (lat, lon)), without stray PO-box centroids."""
    raw = json.loads(places_file.read_text(encoding="utf-8"))
    by_place: dict[str, list[tuple[float, float]]] = {}
    for entry in raw.values():
        if isinstance(entry, dict) and entry.get("city") and len(entry.get("c") or ()) == 2:
            by_place.setdefault(str(entry["city"]), []).append((float(entry["c"][0]), float(entry["c"][1])))
    kept = []
    for name, points in by_place.items():
        middle = (statistics.median(p[0] for p in points), statistics.median(p[1] for p in points))
        kept += [(name, point) for point in points if _km(*point, *middle) <= STRAY_CENTROID_KM]
    return tuple(kept)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance: well under 1% off over the tens of kilometres that matter here."""
    east = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(east, math.radians(lat2 - lat1))
