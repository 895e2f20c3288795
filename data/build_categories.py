"""Build data/haarlem/teams.json and data/haarlem/categories.json from the Signalen category taxonomy.

Why this exists: category names, service norms, activity flags and responsible departments are facts taken
from the Signalen taxonomy (../shared/data/signalen_taxonomy.json, read out of the MPL-2.0 repository
Amsterdam/signals). This script copies those facts and applies our triage policy (../shared/TRIAGE_POLICY.md)
to pick each subcategory's default queue. It is rerunnable: the texts written by people (English names and
the resident descriptions in Dutch and English) live in data/haarlem/categories.json itself and are kept on every
run, matched on (main slug, sub slug). New categories get empty texts and are listed as a warning.

The JSON files are what the app reads; this script is only how their structure was made.

Run from the repo root: .venv/bin/python data/build_categories.py
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "haarlem"  # the municipality whose teams these are
TAXONOMY = HERE.parents[2] / "shared" / "data" / "signalen_taxonomy.json"
SOURCE_NOTE = (
    "Category names, service norms (days, workdays or calendar days), activity flags and responsible "
    "departments come from the Signalen category taxonomy, read out of the migrations of the MPL-2.0 "
    "repository Amsterdam/signals. English names, resident descriptions, default queues and teams are ours."
)
FALLBACK_TEAM = "team-eenvoudig"
QUEUE_TEAMS = [
    {"slug": "team-eenvoudig", "name": "Team Eenvoudig", "kind": "queue", "queue": "simple"},
    {"slug": "team-complex", "name": "Team Complex", "kind": "queue", "queue": "complex"},
    {"slug": "team-maatwerk", "name": "Team Maatwerk", "kind": "queue", "queue": "maatwerk"},
    {"slug": "team-triage", "name": "Team Triage", "kind": "triage", "queue": None},
    {"slug": "team-monitoring", "name": "Team Monitoring", "kind": "monitoring", "queue": None},
]

# Policy: reports about people in public space need personal contact and a tailored answer.
MAATWERK_MAINS = {"overlast-van-en-door-personen-of-groepen"}
# Policy: every category here needs inspection, investigation, a permit check or enforcement research,
# several parties, or carries a safety risk (bridges, quays, locks, water, housing, businesses, crime).
COMPLEX_MAINS = {
    "civiele-constructies",
    "ondermijning",
    "overlast-bedrijven-en-horeca",
    "overlast-op-het-water",
    "wonen",
}
# fmt: off
COMPLEX_SUBS = {
    # asbestos; enforcement on (business) waste
    "asbest-accu", "bedrijfsafval", "handhaving-op-afval",
    # trees that may fall, requests, illegal felling, diseases, health risks, invasive plants, banks
    "boom", "boom-noodkap", "boom-stormschade", "boom-verzoek-inspectie", "boom-aanvraag-plaatsing",
    "boom-illegale-kap", "boomziekten-en-plagen", "eikenprocessierups", "japanse-duizendknoop",
    "oever-kade-steiger",
    # permit check, enforcement procedure or environmental investigation
    "auto-scooter-bromfietswrak", "bouw-sloopoverlast", "hinderlijk-geplaatst-object",
    "lozing-dumping-bodemverontreiniging", "markten", "stank-geluidsoverlast",
    # vermin and structural animal nuisance
    "ratten", "ratten-in-en-rond-woning", "duiven", "ganzen", "meeuwen",
    # not about people: a dangerous animal, vehicles (traffic enforcement)
    "loslopende-agressieve-honden", "overlast-van-taxis-bussen-en-fietstaxis",
    # bridges, sewers and flooding, traffic safety and road layout, open cabinets, light nuisance
    "brug", "put-riool-kapot", "put-riolering-verstopt", "verkeerssituaties", "verkeersoverlast",
    "verkeersoverlast-verkeerssituaties", "omleiding", "omleiding-belijning-verkeer",
    "tijdelijke-verkeersmaatregelen", "verdeelkasten-bekabeling", "lichthinder",
}
# fmt: on
TEXT_FIELDS = ("name_en", "description", "description_en")


def default_queue(main_slug: str, slug: str) -> str:
    """Maatwerk wins over complex, complex over simple (TRIAGE_POLICY.md, 'When two apply')."""
    if main_slug in MAATWERK_MAINS and slug not in COMPLEX_SUBS:
        return "maatwerk"
    if main_slug in COMPLEX_MAINS or slug in COMPLEX_SUBS:
        return "complex"
    return "simple"


def department_slug(code: str) -> str:
    return "afd-" + code.lower()


def responsible(row: dict) -> list[dict]:
    return [dept for dept in row["departments"] if dept["is_responsible"]]


def build_teams(rows: list[dict]) -> list[dict]:
    departments = {dept["code"]: dept["name"] for row in rows for dept in responsible(row)}
    operational = [
        {"slug": department_slug(code), "name": name, "kind": "department", "queue": None}
        for code, name in sorted(departments.items())
    ]
    return QUEUE_TEAMS + operational


def existing_texts(path: Path) -> dict:
    """The hand-written texts of the current categories.json, keyed by slug or (main slug, sub slug)."""
    if not path.exists():
        return {}
    texts = {}
    for main in json.loads(path.read_text(encoding="utf-8"))["main_categories"]:
        texts[main["slug"]] = {field: main.get(field, "") for field in TEXT_FIELDS}
        for sub in main["subcategories"]:
            texts[(main["slug"], sub["slug"])] = {field: sub.get(field, "") for field in TEXT_FIELDS}
    return texts


def subcategory(row: dict, texts: dict) -> dict:
    departments = responsible(row)
    text = texts.get((row["main_slug"], row["slug"]), {})
    return {
        "slug": row["slug"],
        "name": row["sub"],
        **{field: text.get(field, "") for field in TEXT_FIELDS},
        "service_norm_days": row["n_days"],
        "calendar_days": row["use_calendar_days"],
        "default_queue": default_queue(row["main_slug"], row["slug"]),
        "team": department_slug(departments[0]["code"]) if departments else FALLBACK_TEAM,
        "is_active": row["is_active"],
        "is_public": row["is_public_accessible"],
    }


def build_categories(rows: list[dict], texts: dict) -> dict:
    mains: dict[str, dict] = {}
    for row in rows:
        if row["main_slug"] not in mains:
            text = texts.get(row["main_slug"], {})
            mains[row["main_slug"]] = {
                "slug": row["main_slug"],
                "name": row["main"],
                **{field: text.get(field, "") for field in TEXT_FIELDS},
                "is_active": row["main_is_active"],
                "subcategories": [],
            }
        mains[row["main_slug"]]["subcategories"].append(subcategory(row, texts))
    return {"source": SOURCE_NOTE, "main_categories": list(mains.values())}


def problems(rows: list[dict], categories: dict) -> list[str]:
    """Typos in the policy sets, duplicate keys and missing texts, as readable lines."""
    slugs = {row["slug"] for row in rows}
    found = [f"unknown slug in COMPLEX_SUBS: {slug}" for slug in sorted(COMPLEX_SUBS - slugs)]
    keys = [(row["main_slug"], row["slug"]) for row in rows]
    found += [f"duplicate category: {key}" for key in sorted(set(keys)) if keys.count(key) > 1]
    for main in categories["main_categories"]:
        for item in [main, *main["subcategories"]]:
            if not all(item[field] for field in TEXT_FIELDS):
                found.append(f"texts missing: {main['slug']} / {item['slug']}")
    return found


def write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def main() -> int:
    rows = json.loads(TAXONOMY.read_text(encoding="utf-8"))
    categories = build_categories(rows, existing_texts(HERE / "categories.json"))
    write_json(HERE / "teams.json", build_teams(rows))
    write_json(HERE / "categories.json", categories)
    found = problems(rows, categories)
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
