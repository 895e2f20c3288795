"""Build the data folder of a second municipality, Heemstede (data/heemstede/), from the reference geodata and the
shipped taxonomy: the product serving another municipality from data alone (DATA_DIR=data/heemstede).

Why generated: the areas come from the same public CBS/Kadaster sources as Haarlem's (see data/haarlem/areas/
PROVENANCE.md and data/heemstede/areas/PROVENANCE.md); the category taxonomy is the shared Signalen one, with
Heemstede's own (demo) teams as owners and its own norms. The same input gives byte-identical output, and the
script checks its result before it exits. Heemstede's boundary is CBS 2015 (the reference data has no wijken or
buurten of Heemstede), so the folder has the boundary alone.

Run from the repo root: .venv/bin/python data/build_heemstede.py
"""

import json
from pathlib import Path

import build_areas
from build_areas import CREDIT_2015, CREDIT_PROVINCES, area, containing, load, provincies, read, write
from shapely.geometry import shape

DATA = Path(__file__).resolve().parent
TARGET = DATA / "heemstede"
HEEMSTEDE = "GM0397"
HAARLEM = "GM0392"
CREDIT_MIXED = "Kadaster / CBS, 2015; Haarlem: Kadaster / CBS, 2024"

# Heemstede's owners of the shared taxonomy: the departments of the Haarlem demo folder mapped onto a smaller
# organisation (demo assumptions, not Heemstede's real organisation chart).
DEPARTMENTS = {
    "afd-aeg": ("afd-afval", "Afval (Meerlanden)"),
    "afd-asc": ("afd-buitendienst", "Buitendienst"),
    "afd-stw": ("afd-buitendienst", "Buitendienst"),
    "afd-tho": ("afd-buitendienst", "Buitendienst"),
    "afd-ovl": ("afd-wegen", "Wegen, verlichting en verkeer"),
    "afd-vis": ("afd-wegen", "Wegen, verlichting en verkeer"),
    "afd-vor": ("afd-wegen", "Wegen, verlichting en verkeer"),
    "afd-ggd": ("afd-ggd", "GGD Kennemerland"),
    "afd-oov": ("afd-oov", "Openbare orde en veiligheid"),
    "afd-vth": ("afd-vth", "Vergunningen, toezicht en handhaving"),
    "afd-won": ("afd-vth", "Vergunningen, toezicht en handhaving"),
    "afd-wat": ("afd-water", "Water en riolering"),
}
QUEUE_TEAMS = [
    {"slug": "team-eenvoudig", "name": "Meldpunt Eenvoudig", "kind": "queue", "queue": "simple"},
    {"slug": "team-complex", "name": "Meldpunt Complex", "kind": "queue", "queue": "complex"},
    {"slug": "team-maatwerk", "name": "Meldpunt Maatwerk", "kind": "queue", "queue": "maatwerk"},
    {"slug": "team-triage", "name": "Team Triage", "kind": "triage", "queue": None},
    {"slug": "team-monitoring", "name": "Team Monitoring", "kind": "monitoring", "queue": None},
]
PROFILE = {
    "code": HEEMSTEDE,
    "name": "Heemstede",
    "open311_jurisdiction": "heemstede.nl",
    "area_files": ["heemstede_gemeente.geojson", "buurgemeenten.geojson", "provincies.geojson"],
    "mail_sender": "meldingen@heemstede.example",
    "mail_footer": {
        "nl": "Gemeente Heemstede – Meldingen openbare ruimte",
        "en": "Municipality of Heemstede – Reports about public space",
    },
    "logo": None,
    "colour": "#005a8c",
    "privacy_url": "",
    "neighbour_report_urls": {},
}


def gemeenten_2015() -> list[dict]:
    features = read("kennemerland_cbs_2015/kennemerland_gemeente_2015_wgs84.geojson")["features"]
    return [f for f in features if f["geometry"]["type"] in ("Polygon", "MultiPolygon")]


def own_boundary() -> list[dict]:
    (feature,) = [f for f in gemeenten_2015() if f["properties"]["GM_CODE"] == HEEMSTEDE]
    return [area("gemeente", HEEMSTEDE, feature["properties"]["GM_NAAM"], None, shape(feature["geometry"]))]


def neighbours() -> list[dict]:
    """Haarlem at its 2024 boundary (the Haarlem folder's), the other Kennemerland municipalities at 2015's."""
    haarlem = json.loads((DATA / "haarlem" / "areas" / "haarlem_gemeente.geojson").read_text(encoding="utf-8"))
    result = [area("gemeente", HAARLEM, "Haarlem", None, shape(haarlem["features"][0]["geometry"]))]
    for feature in gemeenten_2015():
        props = feature["properties"]
        if props["GM_CODE"] not in (HEEMSTEDE, HAARLEM):
            result.append(area("gemeente", props["GM_CODE"], props["GM_NAAM"], None, shape(feature["geometry"])))
    return sorted(result, key=lambda item: item["properties"]["code"])


def taxonomy() -> dict:
    """The shared taxonomy with Heemstede's owners; norms and queues as shipped."""
    shared = json.loads((DATA / "haarlem" / "categories.json").read_text(encoding="utf-8"))
    for main in shared["main_categories"]:
        for row in [main, *main["subcategories"]]:
            if row.get("team") in DEPARTMENTS:
                row["team"] = DEPARTMENTS[row["team"]][0]
    shared["source"] += " Owning teams mapped to Heemstede's demo organisation by data/build_heemstede.py."
    return shared


def teams() -> list[dict]:
    departments = sorted(set(DEPARTMENTS.values()))
    return QUEUE_TEAMS + [{"slug": s, "name": n, "kind": "department", "queue": None} for s, n in departments]


def norms() -> dict:
    shipped = json.loads((DATA / "haarlem" / "service_norms.json").read_text(encoding="utf-8"))
    shipped["resolution_default"]["simple"] = {"days": 3, "calendar_days": False}  # a small municipality's promise
    shipped["office_hours"] = {"opens": "08:30", "closes": "16:30"}
    return shipped


def dump(name: str, value) -> None:
    (TARGET / name).write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def check() -> None:
    build_areas.TARGET = TARGET / "areas"
    own, others = load("heemstede_gemeente.geojson"), load("buurgemeenten.geojson")
    inside, markt = (4.62, 52.355), (4.6368, 52.3812)
    build_areas.require(containing(own, *inside) == ["Heemstede"], "a point in Heemstede")
    build_areas.require(containing(own, *markt) == [] and containing(others, *markt) == ["Haarlem"], "Grote Markt")
    slugs = {team["slug"] for team in teams()}
    rows = [row for main in taxonomy()["main_categories"] for row in [main, *main["subcategories"]]]
    build_areas.require(all(row.get("team") in slugs | {None} for row in rows), "every owner is a team")


def main() -> None:
    (TARGET / "areas").mkdir(parents=True, exist_ok=True)
    build_areas.TARGET = TARGET / "areas"
    write("heemstede_gemeente.geojson", CREDIT_2015, own_boundary())
    write("buurgemeenten.geojson", CREDIT_MIXED, neighbours())
    write("provincies.geojson", CREDIT_PROVINCES, provincies())
    dump("municipality.json", PROFILE)
    dump("teams.json", teams())
    dump("categories.json", taxonomy())
    dump("service_norms.json", norms())
    check()
    for path in sorted(TARGET.rglob("*.*json")):
        print(f"{path.relative_to(DATA)}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
