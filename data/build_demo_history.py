"""Build the aggregates behind `triage seed-demo`: data/haarlem/demo_history.json (see data/DEMO_HISTORY.md).

    .venv/bin/python data/build_demo_history.py [--csv ../shared/data/katwijk/reports_turnaround_2022-01_2025-02.csv]

Reads Katwijk's real reports (../shared, never shipped) and writes ONLY aggregates: shares and quantiles over
groups of at least MIN_GROUP reports. No row, id, address, coordinate, text or single timestamp of a report
leaves this script. Everything the real data cannot tell (automation, corrections, first contact, feedback)
is written under "assumptions", so the file says itself which numbers are measured and which are chosen.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter, defaultdict
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

DATA = Path(__file__).resolve().parent / "haarlem"  # the municipality the history is scaled to
DEFAULT_CSV = DATA.parents[2] / "shared" / "data" / "katwijk" / "reports_turnaround_2022-01_2025-02.csv"
OUT = DATA / "demo_history.json"
LOCAL = ZoneInfo("Europe/Amsterdam")
MIN_GROUP = 100  # no aggregate over fewer reports than this is written
KATWIJK_INHABITANTS = 66_000
HAARLEM_INHABITANTS = 163_000
RECENT_MONTHS = 12  # volume and channel mix: the last twelve whole months of the export
CENSOR_DAYS = 180  # turnaround: only reports created this long before the last closing seen ...
TURNAROUND_DAYS = 365  # ... and in the year before that: Katwijk got faster over the years, this is its current pace
OPEN_AGE_BUCKETS = (0, 2, 6, 11, 21, 61, 181)  # days, as the dashboard's backlog (plus two older buckets)
LEVELS = (0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8,
          0.85, 0.9, 0.95, 0.98, 0.99)  # fmt: skip

# Katwijk's sources -> our channels. Apps (the residents' app, staff's field apps, third-party apps) -> api;
# written messages (e-mail, WhatsApp, social media) -> email; the counter and unknown -> phone (contact centre).
CHANNELS = {
    "website": "web",
    "e-form": "web",
    "citizen-android": "api",
    "citizen-ios": "api",
    "handler-android": "api",
    "handler-ios": "api",
    "tic-android": "api",
    "tic-ios": "api",
    "admin-android": "api",
    "buitenbeter": "api",
    "verbeterdebuurt": "api",
    "telephone": "phone",
    "desk": "phone",
    "other": "phone",
    "": "phone",
    "email": "email",
    "whats-app": "email",
    "facebook": "email",
    "twitter": "email",
    "instagram": "email",
}

# Katwijk's 15 main categories -> our main categories (data/haarlem/categories.json). "*" is the main category's own
# mapping; a Katwijk sub category named here goes elsewhere. Reports without a sub category (most of them) are
# spread like the reports with one in the same Katwijk main category.
CATEGORIES: dict[str, dict[str, str]] = {
    "Huisafval": {"*": "afval"},
    "Zwerfafval": {"*": "schoon", "Dode dieren": "overlast-van-dieren"},
    "Openbaar groen": {"*": "openbaar-groen-en-water"},
    "Wegen, straten en verkeer": {"*": "wegen-verkeer-straatmeubilair"},
    "Straatverlichting": {"*": "wegen-verkeer-straatmeubilair"},
    "Straatmeubilair en verkeersborden": {"*": "wegen-verkeer-straatmeubilair", "Graffiti": "schoon"},
    "Technische storingen en parkeermeters": {
        "*": "wegen-verkeer-straatmeubilair",
        "Ondergrondse container kapot": "afval",
    },
    "Riolering en water": {"*": "wegen-verkeer-straatmeubilair", "Drijfvuil water (vijver/ kanaal)": "schoon"},
    "Parkeren": {"*": "overlast-in-de-openbare-ruimte"},
    "Vuurwerkoverlast": {"*": "overlast-van-en-door-personen-of-groepen"},
    "Overlast en handhaving": {
        "*": "overlast-in-de-openbare-ruimte",
        "Afval: dumping buitenruimte": "afval",
        "Afval: naast afvalcontainer": "afval",
        "Afval: naast inzamelcontainer": "afval",
        "Hond: is gevaarlijk": "overlast-van-dieren",
        "Hond: loopt los": "overlast-van-dieren",
        "Hond: overig": "overlast-van-dieren",
        "Hond: poep": "schoon",
        "Jeugd": "overlast-van-en-door-personen-of-groepen",
        "Plakken en kladden": "schoon",
    },
    # Not in the turnaround export (only in Katwijk's text export); mapped so the table is complete.
    "Ongedierte": {"*": "overlast-van-dieren"},
    "Meeuwen": {"*": "overlast-van-dieren"},
    "Speelvoorzieningen": {"*": "wegen-verkeer-straatmeubilair"},
    "Gladheidsbestrijding": {"*": "schoon"},
}

# Our main categories that Katwijk's system does not take in (horeca, housing, water traffic, bridges and quays,
# undermining go to other desks there). Haarlem's desk does; these shares are ASSUMED and the measured shares
# are scaled down to make room for them.
ASSUMED_CATEGORY_SHARES = {
    "civiele-constructies": 0.008,
    "overlast-bedrijven-en-horeca": 0.012,
    "overlast-op-het-water": 0.005,
    "wonen": 0.005,
    "ondermijning": 0.002,
    "overig": 0.008,
}

# What the real data cannot tell. Chosen to be plausible for a desk like Haarlem's; see DEMO_HISTORY.md.
ASSUMPTIONS = {
    "automated_share_by_queue": {"simple": 0.55, "complex": 0.25, "maatwerk": 0.05},
    "proposal_threshold": 0.8,
    "proposal_category_right_share": 0.78,  # of the proposals a person decides on
    "proposal_queue_right_share": 0.82,
    "proposal_seconds": [2, 30],  # after the report came in
    "triage_minutes_mean": 40,  # an officer's delay within office hours (exponential)
    "first_contact_office_days": {  # office day (0 = the day of triage) of the first personal contact
        "complex": [0.35, 0.30, 0.20, 0.10, 0.05],
        "maatwerk": [0.60, 0.28, 0.08, 0.04],
    },
    "min_work_minutes": [10, 90],  # the team needs at least this long after triage to close a report
    "feedback_share": 0.12,  # of the done reports, residents who give feedback
    "satisfied_share": {"in_norm": 0.82, "late": 0.55},
    "reopen_share_of_negative": 0.35,  # negative feedback a lead follows with a reopen
    "reopen_office_days": [0, 7],  # working days from the reopen to done again
    "feedback_hours": [1, 96],  # after done
    "waiting_external": {"share": 0.25, "min_days": 5},  # jobs this long that wait for a contractor a while
}


def parse(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone(UTC)


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = []
        for raw in csv.DictReader(handle):
            closed = parse(raw["closed_utc"]) if raw["closed_utc"] else None
            rows.append(
                {
                    "created": parse(raw["created_utc"]),
                    "closed": closed,
                    "denied": raw["status"] == "denied",
                    "category": raw["category"],
                    "subcategory": raw["subcategory"],
                    "source": raw["source"],
                }
            )
    return rows


def shares(counts: dict, keys=None, digits: int = 6) -> dict:
    """Counts -> shares rounded to `digits`, summing to exactly 1 (the rounding rest goes to the largest)."""
    keys = list(keys) if keys is not None else list(counts)
    total = sum(counts.get(k, 0) for k in keys)
    out = {k: round(counts.get(k, 0) / total, digits) for k in keys}
    largest = max(keys, key=lambda k: out[k])
    out[largest] = round(out[largest] + 1 - sum(out.values()), digits)
    return out


def main_weights(rows: list[dict]) -> dict[str, dict[str, float]]:
    """For each Katwijk main category, how its reports spread over our main categories."""
    with_sub: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        if row["subcategory"]:
            table = CATEGORIES[row["category"]]
            with_sub[row["category"]][table.get(row["subcategory"], table["*"])] += 1
    weights = {}
    for katwijk, table in CATEGORIES.items():
        counted = with_sub.get(katwijk)
        weights[katwijk] = shares(counted) if counted else {table["*"]: 1.0}
    return weights


def local(moment: datetime) -> datetime:
    return moment.astimezone(LOCAL)


def month_profile(rows: list[dict]) -> dict[str, float]:
    """Share of a year's reports per calendar month, with Katwijk's growth over the years taken out.

    Classical seasonal decomposition: each month's count divided by the centred twelve-month moving average
    around it (the trend), averaged per calendar month over the years, then scaled to sum to one.
    """
    counts = Counter((local(r["created"]).year, local(r["created"]).month) for r in rows)
    months = sorted(counts)[:-1]  # the last local month is a few hours: the export ends at a UTC month end
    series = [counts[m] for m in months]
    ratios: dict[int, list[float]] = defaultdict(list)
    for index in range(6, len(series) - 6):
        window = series[index - 6 : index + 7]
        trend = (window[0] / 2 + sum(window[1:-1]) + window[-1] / 2) / 12
        ratios[months[index][1]].append(series[index] / trend)
    return {str(m): v for m, v in shares({m: sum(r) / len(r) for m, r in ratios.items()}, range(1, 13)).items()}


def weekday_hour_profile(rows: list[dict]) -> list[list[float]]:
    counts = Counter((local(r["created"]).weekday(), local(r["created"]).hour) for r in rows)
    flat = shares(counts, [(d, h) for d in range(7) for h in range(24)])
    return [[flat[(d, h)] for h in range(24)] for d in range(7)]


def recent(rows: list[dict]) -> tuple[list[dict], str, str]:
    """The last RECENT_MONTHS whole months of the export (UTC months, as the export was cut)."""
    last = max(r["created"] for r in rows)
    end_year, end_month = last.year, last.month
    start_index = end_year * 12 + end_month - 1 - (RECENT_MONTHS - 1)
    first = (start_index // 12, start_index % 12 + 1)
    chosen = [r for r in rows if first <= (r["created"].year, r["created"].month)]
    return chosen, f"{first[0]}-{first[1]:02d}", f"{end_year}-{end_month:02d}"


def volume(rows: list[dict]) -> dict:
    chosen, first, last = recent(rows)
    per_1000 = len(chosen) / (KATWIJK_INHABITANTS / 1000)
    return {
        "months": [first, last],
        "katwijk_reports": len(chosen),
        "katwijk_inhabitants": KATWIJK_INHABITANTS,
        "reports_per_1000_inhabitants_per_year": round(per_1000, 1),
        "inhabitants": HAARLEM_INHABITANTS,
        "reports_per_year": round(per_1000 * HAARLEM_INHABITANTS / 1000),
    }


def channel_mix(rows: list[dict]) -> dict:
    chosen, _, _ = recent(rows)
    ours = sorted(set(CHANNELS.values()))
    overall = Counter(CHANNELS.get(r["source"], "phone") for r in chosen)
    by_hour: dict[int, Counter] = defaultdict(Counter)
    for row in chosen:
        by_hour[local(row["created"]).hour][CHANNELS.get(row["source"], "phone")] += 1
    quiet = [h for h in range(24) if sum(by_hour[h].values()) < MIN_GROUP]  # night hours share one table
    pooled = sum((by_hour[h] for h in quiet), Counter())
    if sum(pooled.values()) < MIN_GROUP:
        pooled = overall
    tables = [pooled if h in quiet else by_hour[h] for h in range(24)]
    return {
        "mapping": CHANNELS,
        "share": shares(overall, ours),
        "share_by_hour": [shares(table, ours) for table in tables],
        "n_by_hour": [sum(table.values()) for table in tables],
    }


def category_mix(rows: list[dict], weights: dict[str, dict[str, float]], ours: list[str]) -> dict:
    measured_room = 1 - sum(ASSUMED_CATEGORY_SHARES.values())
    by_month: dict[int, Counter] = defaultdict(Counter)
    for row in rows:
        for main, weight in weights[row["category"]].items():
            by_month[local(row["created"]).month][main] += weight
    result = {}
    for month in range(1, 13):
        measured = shares(by_month[month], ours)
        mixed = {m: measured[m] * measured_room + ASSUMED_CATEGORY_SHARES.get(m, 0.0) for m in ours}
        result[str(month)] = shares(mixed, ours)
    overall = Counter()
    for main_weights_of in (weights[r["category"]] for r in rows):
        for main, weight in main_weights_of.items():
            overall[main] += weight
    return {
        "mapping": CATEGORIES,
        "weights": weights,
        "assumed_share": ASSUMED_CATEGORY_SHARES,
        "measured_share": shares(overall, ours),
        "share_by_month": result,
        "n_by_month": [sum(1 for r in rows if local(r["created"]).month == m) for m in range(1, 13)],
    }


def weighted_quantiles(values: list[tuple[float, float]], levels) -> list[float]:
    """Quantiles of (value, weight) pairs: the smallest value whose cumulative weight reaches the level."""
    ordered = sorted(values)
    total = sum(w for _, w in ordered)
    out, cumulative, index = [], 0.0, 0
    for level in levels:
        while index < len(ordered) and cumulative + ordered[index][1] < level * total:
            cumulative += ordered[index][1]
            index += 1
        out.append(round(ordered[min(index, len(ordered) - 1)][0], 2))
    return out


def turnaround(rows: list[dict], weights: dict[str, dict[str, float]], ours: list[str]) -> dict:
    """Hours from created to closed per our main category, on reports old enough to have closed."""
    snapshot = max(r["closed"] for r in rows if r["closed"])
    cutoff = snapshot - timedelta(days=CENSOR_DAYS)
    since = cutoff - timedelta(days=TURNAROUND_DAYS)
    old = [r for r in rows if since <= r["created"] < cutoff]
    hours: dict[str, list[tuple[float, float]]] = defaultdict(list)
    never, cancelled, total = Counter(), Counter(), Counter()
    for row in old:
        for main, weight in weights[row["category"]].items():
            for key in (main, "all"):
                total[key] += weight
                if row["closed"] is None:
                    never[key] += weight
                    continue
                hours[key].append(((row["closed"] - row["created"]).total_seconds() / 3600, weight))
                cancelled[key] += weight if row["denied"] else 0
    by_category = {}
    for key in [*ours, "all"]:
        if total[key] < MIN_GROUP:
            continue  # too few reports: the generator uses "all" for this category
        closed = sum(w for _, w in hours[key])
        by_category[key] = {
            "n": round(total[key]),
            "hours": weighted_quantiles(hours[key], LEVELS),
            "never_closed_share": round(never[key] / total[key], 5),
            "cancelled_share": round(cancelled[key] / closed, 5),
        }
    return {
        "levels": list(LEVELS),
        "created": [since.date().isoformat(), cutoff.date().isoformat()],
        "by_category": by_category,
        "close_hour_profile_weekdays": close_hours(rows),
    }


def close_hours(rows: list[dict]) -> list[float]:
    """When on a working day (Monday to Friday, local time) reports are closed."""
    counts = Counter(local(r["closed"]).hour for r in rows if r["closed"] and local(r["closed"]).weekday() < 5)
    return list(shares(counts, range(24)).values())


def open_by_age(rows: list[dict]) -> list[dict]:
    """Share of reports still open at the end of the export, by age: the generated backlog follows it."""
    end = max(r["created"] for r in rows)
    buckets = []
    for index, youngest in enumerate(OPEN_AGE_BUCKETS):
        oldest = OPEN_AGE_BUCKETS[index + 1] if index + 1 < len(OPEN_AGE_BUCKETS) else 400
        group = [r for r in rows if youngest <= (end - r["created"]).days < oldest]
        still_open = sum(1 for r in group if r["closed"] is None or r["closed"] > end)
        if len(group) >= MIN_GROUP:
            share = round(still_open / len(group), 4)
            buckets.append({"from_days": youngest, "to_days": oldest, "n": len(group), "share": share})
    return buckets


def our_main_categories() -> list[str]:
    taxonomy = json.loads((DATA / "categories.json").read_text(encoding="utf-8"))
    return [main["slug"] for main in taxonomy["main_categories"]]


def build(path: Path) -> dict:
    rows = read_rows(path)
    unknown = sorted({r["category"] for r in rows} - set(CATEGORIES))
    if unknown:
        raise SystemExit(f"Katwijk categories without a mapping: {unknown}")
    ours = our_main_categories()
    weights = main_weights(rows)
    return {
        "about": (
            "Aggregates of Katwijk's real reports (January 2022 - February 2025) that `triage seed-demo` draws a "
            "Haarlem demo history from. Shares and quantiles only, each over at least min_group reports; no row "
            "of the source is here. Built by data/build_demo_history.py; see data/DEMO_HISTORY.md."
        ),
        "source": {
            "file": path.name,
            "reports": len(rows),
            "first_month": min(r["created"] for r in rows).strftime("%Y-%m"),
            "last_month": max(r["created"] for r in rows).strftime("%Y-%m"),
        },
        "min_group": MIN_GROUP,
        "volume": volume(rows),
        "month_profile": month_profile(rows),
        "weekday_hour_profile": weekday_hour_profile(rows),
        "channels": channel_mix(rows),
        "categories": category_mix(rows, weights, ours),
        "turnaround": turnaround(rows, weights, ours),
        "open_share_by_age": open_by_age(rows),
        "assumptions": ASSUMPTIONS,
    }


def summary(result: dict) -> str:
    volume_, mix = result["volume"], result["categories"]["measured_share"]
    lines = [
        f"{result['source']['reports']} Katwijk reports; {volume_['reports_per_1000_inhabitants_per_year']} per 1,000 "
        f"inhabitants per year -> Haarlem {volume_['reports_per_year']} a year",
        "channels: " + ", ".join(f"{k} {v:.1%}" for k, v in result["channels"]["share"].items()),
        "categories: " + ", ".join(f"{k} {v:.1%}" for k, v in sorted(mix.items(), key=lambda kv: -kv[1]) if v),
    ]
    for key, row in result["turnaround"]["by_category"].items():
        median = row["hours"][result["turnaround"]["levels"].index(0.5)]
        lines.append(f"  {key:45} n={row['n']:6} median {median:8.1f} h  never closed {row['never_closed_share']:.2%}")
    return "\n".join(lines)


def dumps(value, indent: str = "") -> str:
    """JSON with one key per line, but lists of plain numbers or strings on one line: readable in a diff."""
    inner = indent + " "
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {dumps(v, inner)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and any(isinstance(v, dict | list) for v in value):
        return "[\n" + ",\n".join(inner + dumps(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    if not args.csv.exists():
        raise SystemExit(f"{args.csv} not found: the real reports live in ../shared and are never shipped")
    result = build(args.csv)
    args.out.write_text(dumps(result) + "\n", encoding="utf-8")
    print(summary(result))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
