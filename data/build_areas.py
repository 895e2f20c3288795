"""Build the municipality's area layers (data/haarlem/areas/*.geojson) from the reference geodata.

Why this exists: the reference files in ../shared/data/geo come in two coordinate systems (RD New without a
"crs" member, and CRS84) and with source-specific attributes. The product wants one shape for every layer:
WGS84 lon/lat FeatureCollections of valid MultiPolygons with properties {kind, code, name, parent_code} and
the credit the data licence requires. This is a one-off conversion, kept so that it can be reviewed and
rerun: the same input gives byte-identical output. It checks its own result before it exits.

Run from the repo root: .venv/bin/python data/build_areas.py
"""

import json
import re
from collections import defaultdict
from pathlib import Path

import shapely
from pyproj import Transformer
from shapely.geometry import MultiPolygon, Point, Polygon, shape

SOURCE = Path(__file__).resolve().parents[2] / "shared" / "data" / "geo"
TARGET = Path(__file__).resolve().parent / "haarlem" / "areas"
DECIMALS = 6  # about 0.1 m; the sources are generalised to tens of metres
GRID = 10.0**-DECIMALS
CREDIT_2024 = "Kadaster / CBS, 2024"
CREDIT_2015 = "Kadaster / CBS, 2015"
CREDIT_PROVINCES = "TNO, github.com/TNOCS/vr (MIT); upstream not documented, boundaries before 2016"
HAARLEM = "GM0392"


def read(relative: str) -> dict:
    return json.loads((SOURCE / relative).read_text(encoding="utf-8"))


def polygons_of(geom) -> list[Polygon]:
    """The polygon parts of any geometry; make_valid may return collections holding lines or points."""
    if isinstance(geom, Polygon):
        return [] if geom.is_empty else [geom]
    return [part for sub in getattr(geom, "geoms", []) for part in polygons_of(sub)]


def clean(geom) -> MultiPolygon:
    """A valid MultiPolygon snapped to the output grid, so that rounding cannot break validity."""
    snapped = shapely.set_precision(shapely.make_valid(geom), GRID)
    result = MultiPolygon(polygons_of(snapped))
    if not result.is_valid or result.is_empty:
        raise ValueError(f"cannot make a valid polygon: {shapely.is_valid_reason(result)}")
    return result


def area(kind: str, code: str, name: str, parent_code: str | None, geom) -> dict:
    properties = {"kind": kind, "code": code, "name": name, "parent_code": parent_code}
    return {"properties": properties, "geometry": clean(geom)}


def rounded(coords):
    if isinstance(coords[0], float | int):
        return [round(coords[0], DECIMALS), round(coords[1], DECIMALS)]
    return [rounded(part) for part in coords]


def write(filename: str, attribution: str, areas: list[dict]) -> None:
    """One feature per line, so that a change to one area is a one-line diff."""
    lines = []
    for item in areas:
        coordinates = rounded(shapely.geometry.mapping(item["geometry"])["coordinates"])
        geometry = {"type": "MultiPolygon", "coordinates": coordinates}
        feature = {"type": "Feature", "properties": item["properties"], "geometry": geometry}
        lines.append(json.dumps(feature, ensure_ascii=False, separators=(",", ":")))
    header = {"type": "FeatureCollection", "attribution": attribution}
    text = json.dumps(header, ensure_ascii=False)[:-1] + ', "features": [\n' + ",\n".join(lines) + "\n]}\n"
    (TARGET / filename).write_text(text, encoding="utf-8")


def buurten() -> list[dict]:
    """CBS 2024 buurten; the source is RD New (EPSG:28992) although it does not say so."""
    rd_to_wgs84 = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True)
    result = []
    for feature in read("haarlem_buurten_2024_cbs/haarlem_buurten_2024_rd.geojson")["features"]:
        props = feature["properties"]
        code = props["statcode"]
        geom = shapely.transform(shape(feature["geometry"]), rd_to_wgs84.transform, interleaved=False)
        result.append(area("buurt", code, props["statnaam"], "WK" + code[2:8], geom))
    return sorted(result, key=lambda item: item["properties"]["code"])


def wijken(buurt_areas: list[dict]) -> list[dict]:
    """The 2024 wijken as unions of their buurten; only the names come from the 2020 wijk file."""
    source = read("haarlem_wijken_2020/haarlem_wijken_2020_wgs84.geojson")["features"]
    names = {f"WK{HAARLEM[2:]}{f['properties']['code']}": f["properties"]["name"] for f in source}
    groups = defaultdict(list)
    for item in buurt_areas:
        groups[item["properties"]["parent_code"]].append(item["geometry"])
    if set(groups) != set(names):
        raise ValueError(f"wijk codes differ: {sorted(set(groups) ^ set(names))}")
    return [
        area("wijk", code, names[code], HAARLEM, shapely.unary_union(groups[code], grid_size=GRID))
        for code in sorted(groups)
    ]


def gemeente(buurt_areas: list[dict]) -> list[dict]:
    union = shapely.unary_union([item["geometry"] for item in buurt_areas], grid_size=GRID)
    return [area("gemeente", HAARLEM, "Haarlem", None, union)]


def buurgemeenten() -> list[dict]:
    """Neighbouring municipalities (CBS 2015); mapshaper left some of them as lines, which are skipped."""
    result = []
    for feature in read("kennemerland_cbs_2015/kennemerland_gemeente_2015_wgs84.geojson")["features"]:
        props = feature["properties"]
        if props["GM_CODE"] == HAARLEM or feature["geometry"]["type"] not in ("Polygon", "MultiPolygon"):
            continue
        result.append(area("gemeente", props["GM_CODE"], props["GM_NAAM"], None, shape(feature["geometry"])))
    return sorted(result, key=lambda item: item["properties"]["code"])


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def provincies() -> list[dict]:
    """The 12 provinces, simplified: they only answer 'which province', so ~100 m detail is enough."""
    result = []
    for feature in read("nl_waterschappen_provincies/nl_provincies_wgs84.geojson")["features"]:
        name = feature["properties"]["Provincien"]
        simplified = shapely.make_valid(shape(feature["geometry"])).simplify(0.001, preserve_topology=True)
        result.append(area("provincie", slug(name), name, None, simplified))
    return sorted(result, key=lambda item: item["properties"]["code"])


def load(filename: str) -> list[dict]:
    features = json.loads((TARGET / filename).read_text(encoding="utf-8"))["features"]
    return [{"properties": f["properties"], "geometry": shape(f["geometry"])} for f in features]


def containing(areas: list[dict], lon: float, lat: float) -> list[str]:
    return [item["properties"]["name"] for item in areas if item["geometry"].contains(Point(lon, lat))]


def require(condition: bool, what: str) -> None:
    if not condition:
        raise SystemExit(f"check failed: {what}")


def check() -> None:
    """Read the written files back and fail loudly if they do not hold what the product relies on."""
    layers = {name: load(name) for name in sorted(path.name for path in TARGET.glob("*.geojson"))}
    for name, items in layers.items():
        for item in items:
            geom = item["geometry"]
            require(geom.geom_type == "MultiPolygon" and geom.is_valid, f"{name} {item['properties']}")
    buurt, wijk = layers["haarlem_buurten.geojson"], layers["haarlem_wijken.geojson"]
    require(len(buurt) == 111 and len(wijk) == 21, "111 buurten in 21 wijken")
    require(len(layers["provincies.geojson"]) == 12, "12 provinces")
    wijk_geoms = {item["properties"]["code"]: item["geometry"] for item in wijk}
    for item in buurt:
        inside = wijk_geoms[item["properties"]["parent_code"]].contains(item["geometry"].representative_point())
        require(inside, f"buurt {item['properties']['code']} lies in its wijk")
    markt, heemstede = (4.6368, 52.3812), (4.62, 52.355)  # Grote Markt, and a point in Heemstede
    gemeente_hits = containing(layers["haarlem_gemeente.geojson"], *markt)
    require(gemeente_hits == ["Haarlem"], "Grote Markt in Haarlem")
    require(len(containing(buurt, *markt)) == 1, "Grote Markt in exactly one buurt")
    require(containing(layers["buurgemeenten.geojson"], *heemstede) == ["Heemstede"], "Heemstede point")
    require(containing(layers["provincies.geojson"], *markt) == ["Noord-Holland"], "Haarlem in Noord-Holland")
    require((TARGET / "haarlem_buurten.geojson").stat().st_size < 200_000, "buurten file under 200 KB")


def main() -> None:
    TARGET.mkdir(exist_ok=True)
    buurt_areas = buurten()
    write("haarlem_buurten.geojson", CREDIT_2024, buurt_areas)
    write("haarlem_wijken.geojson", CREDIT_2024, wijken(buurt_areas))
    write("haarlem_gemeente.geojson", CREDIT_2024, gemeente(buurt_areas))
    write("buurgemeenten.geojson", CREDIT_2015, buurgemeenten())
    write("provincies.geojson", CREDIT_PROVINCES, provincies())
    check()
    for path in sorted(TARGET.glob("*.geojson")):
        count = len(json.loads(path.read_text(encoding="utf-8"))["features"])
        print(f"{path.name}: {count} features, {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
