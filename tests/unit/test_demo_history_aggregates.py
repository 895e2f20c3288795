"""The shipped demo-history aggregates: well-formed, mapped onto our taxonomy, and free of row-level data."""

import json
import random
import re
from pathlib import Path

import pytest

from models import Channel
from triage.demo_history import profile
from triage.demo_history.corpus import records

DATA = Path(__file__).resolve().parents[2] / "data" / "haarlem"  # the aggregates were built for this one
AGGREGATES = json.loads((DATA / "demo_history.json").read_text(encoding="utf-8"))
TAXONOMY = json.loads((DATA / "categories.json").read_text(encoding="utf-8"))
MAINS = {main["slug"] for main in TAXONOMY["main_categories"]}
FORBIDDEN_KEYS = {"id", "address", "lat", "lon", "latitude", "longitude", "description", "text", "region", "team"}
POSTCODE = re.compile(r"\b\d{4} ?[A-Z]{2}\b")


def walk(value, path=()):
    """Every (path, key or value) in the document."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key), key
            yield from walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, (*path, index))
    else:
        yield path, value


def share_tables():
    categories, channels, turnaround = AGGREGATES["categories"], AGGREGATES["channels"], AGGREGATES["turnaround"]
    yield "month_profile", list(AGGREGATES["month_profile"].values())
    yield "weekday_hour_profile", [v for row in AGGREGATES["weekday_hour_profile"] for v in row]
    yield "channels.share", list(channels["share"].values())
    yield "categories.measured_share", list(categories["measured_share"].values())
    yield "close_hour_profile", turnaround["close_hour_profile_weekdays"]
    for hour, table in enumerate(channels["share_by_hour"]):
        yield f"channels.share_by_hour[{hour}]", list(table.values())
    for month, table in categories["share_by_month"].items():
        yield f"categories.share_by_month[{month}]", list(table.values())
    for name, table in categories["weights"].items():
        yield f"categories.weights[{name}]", list(table.values())


@pytest.mark.parametrize(("name", "shares"), list(share_tables()), ids=lambda v: v if isinstance(v, str) else "")
def test_every_share_table_sums_to_one(name, shares):
    assert all(0 <= share <= 1 for share in shares), name
    assert sum(shares) == pytest.approx(1, abs=1e-6), name


def test_every_mapped_category_is_a_main_category_of_the_shipped_taxonomy():
    categories = AGGREGATES["categories"]
    mapped = {slug for table in categories["mapping"].values() for slug in table.values()}
    weighted = {slug for table in categories["weights"].values() for slug in table}
    assert mapped | weighted | set(categories["assumed_share"]) <= MAINS
    assert set(categories["measured_share"]) == MAINS
    assert all(set(table) == MAINS for table in categories["share_by_month"].values())
    assert set(AGGREGATES["turnaround"]["by_category"]) - {"all"} <= MAINS
    assert len(categories["mapping"]) == 15  # Katwijk's fifteen main categories, each mapped explicitly


def test_every_channel_is_one_of_ours_and_every_main_category_has_demo_texts():
    ours = {channel.value for channel in Channel}
    assert set(AGGREGATES["channels"]["mapping"].values()) <= ours
    assert set(AGGREGATES["channels"]["share"]) <= ours
    assert {record.main for record in records()} == MAINS


def test_turnaround_quantiles_rise_and_draws_stay_within_bounds():
    turnaround = AGGREGATES["turnaround"]
    levels = turnaround["levels"]
    assert levels == sorted(levels) and levels[0] > 0 and levels[-1] < 1
    rng = random.Random(1)
    for main, row in turnaround["by_category"].items():
        assert row["hours"] == sorted(row["hours"]) and len(row["hours"]) == len(levels), main
        assert 0 <= row["never_closed_share"] < 0.05 and 0 <= row["cancelled_share"] < 0.05, main
        draws = [profile.turnaround_hours(rng, main) for _ in range(2000)]
        assert min(draws) >= 0 and max(draws) <= 2 * row["hours"][-1], main


def test_no_aggregate_is_taken_over_fewer_reports_than_the_minimum_group():
    counted = [
        value
        for path, value in walk(AGGREGATES)
        if isinstance(value, int) and any(p == "n" or str(p).startswith("n_by_") for p in path[-2:])
    ]
    assert counted and all(n >= AGGREGATES["min_group"] >= 100 for n in counted)


def test_no_row_of_the_real_reports_is_shipped():
    for path, value in walk(AGGREGATES):
        if isinstance(value, str):
            assert value.lower() not in FORBIDDEN_KEYS, path
            assert not POSTCODE.search(value), path
        if isinstance(value, float) and (50.5 < value < 54 or 3 < value < 7.5):
            assert round(value, 2) == value, f"{path}: {value} looks like a coordinate"  # pins have 5+ decimals
    timestamps = [v for _, v in walk(AGGREGATES) if isinstance(v, str) and re.search(r"\d{2}:\d{2}", v)]
    assert timestamps == []  # months and days only, never a report's moment


def test_haarlem_volume_follows_from_reports_per_inhabitant():
    volume = AGGREGATES["volume"]
    per_year = volume["reports_per_1000_inhabitants_per_year"] * volume["inhabitants"] / 1000
    assert volume["reports_per_year"] == pytest.approx(per_year, rel=0.01)
    assert 20_000 < volume["reports_per_year"] < 100_000
