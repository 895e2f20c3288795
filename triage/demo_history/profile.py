"""The municipality's aggregates (its demo_history.json) and the draws made from them: when, how, what, how long.

Only aggregates are here (shares and quantiles of Katwijk's real reports, see data/DEMO_HISTORY.md). Draws
that concern many reports at once (the created times) use numpy; per-report draws take a random.Random.
"""

from __future__ import annotations

import bisect
import calendar as month_calendar
import itertools
import math
import random
from datetime import date, datetime, time, timedelta
from functools import cache
from pathlib import Path

import numpy as np

from triage.kernel.time import LOCAL_TIME_ZONE
from triage.reference.loading import DEFAULT_DATA_DIR, read_json

AGGREGATES_FILE = DEFAULT_DATA_DIR / "demo_history.json"


@cache
def aggregates(path: Path = AGGREGATES_FILE) -> dict:
    return read_json(path)


def yearly_volume() -> int:
    return aggregates()["volume"]["reports_per_year"]


def _day_weights(days: list[date]) -> np.ndarray:
    """Relative inflow of each local day: its month's share spread over the month, times its weekday's share."""
    profile = aggregates()
    months = profile["month_profile"]
    weekdays = [sum(row) for row in profile["weekday_hour_profile"]]
    weights = np.array(
        [months[str(d.month)] / month_calendar.monthrange(d.year, d.month)[1] * weekdays[d.weekday()] for d in days]
    )
    return weights / weights.sum()


def created_times(start: datetime, now: datetime, count: int, rng: np.random.Generator) -> list[datetime]:
    """`count` moments in [start, now), by the seasonal, weekday and hour profiles, in time order."""
    first, last = start.astimezone(LOCAL_TIME_ZONE).date(), now.astimezone(LOCAL_TIME_ZONE).date()
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    weights = _day_weights(days)
    hour_rows = np.array(aggregates()["weekday_hour_profile"])
    cumulative = np.cumsum(hour_rows / hour_rows.sum(axis=1, keepdims=True), axis=1)
    found: list[datetime] = []
    while len(found) < count:
        wanted = count - len(found)
        picked = rng.choice(len(days), size=wanted, p=weights)
        draws, seconds = rng.random(wanted), rng.integers(0, 3600, wanted)
        for index, u, second in zip(picked.tolist(), draws.tolist(), seconds.tolist(), strict=True):
            day = days[index]
            hour = min(int(np.searchsorted(cumulative[day.weekday()], u, side="right")), 23)
            moment = datetime.combine(day, time(hour), LOCAL_TIME_ZONE) + timedelta(seconds=second)
            if start <= moment < now:
                found.append(moment.astimezone(start.tzinfo))
    return sorted(found)


@cache
def _table(kind: str, key: str) -> tuple[list, list[float]]:
    """A share table as (choices, cumulative weights), made once: random.choices is then cheap."""
    table = {
        "channel": lambda: aggregates()["channels"]["share_by_hour"][int(key)],
        "category": lambda: aggregates()["categories"]["share_by_month"][key],
        "close_hour": lambda: dict(enumerate(aggregates()["turnaround"]["close_hour_profile_weekdays"])),
    }[kind]()
    return list(table), list(itertools.accumulate(table.values()))


def _choose(rng: random.Random, kind: str, key: str = ""):
    choices, cumulative = _table(kind, key)
    return rng.choices(choices, cum_weights=cumulative)[0]


def channel(rng: random.Random, local_hour: int) -> str:
    return _choose(rng, "channel", str(local_hour))


def main_category(rng: random.Random, month: int) -> str:
    return _choose(rng, "category", str(month))


def _turnaround_row(main: str) -> dict:
    rows = aggregates()["turnaround"]["by_category"]
    return rows.get(main, rows["all"])


def cancelled_share(main: str) -> float:
    return _turnaround_row(main)["cancelled_share"]


def turnaround_hours(rng: random.Random, main: str) -> float:
    """Hours from created to closed: the category's quantiles, log-linear in between; the tails bounded."""
    levels, hours = aggregates()["turnaround"]["levels"], _turnaround_row(main)["hours"]
    u = rng.random()
    if u <= levels[0]:
        return hours[0] * u / levels[0]
    if u >= levels[-1]:
        return hours[-1] * (1 + (u - levels[-1]) / (1 - levels[-1]))  # at most twice the 99th percentile
    i = bisect.bisect_right(levels, u) - 1
    low, high = max(hours[i], 0.01), max(hours[i + 1], 0.01)
    share = (u - levels[i]) / (levels[i + 1] - levels[i])
    return math.exp(math.log(low) + share * (math.log(high) - math.log(low)))


def open_share(age_days: int) -> float:
    """The real share of reports of this age still open (at the export's end): the backlog a team carries.

    Older than the last band (the export holds 400 days at most) counts as that band."""
    bands = aggregates()["open_share_by_age"]
    return next((b["share"] for b in bands if b["from_days"] <= age_days < b["to_days"]), bands[-1]["share"])


def turnaround_beyond(rng: random.Random, main: str, hours: float, still_open: bool, tries: int = 60) -> float | None:
    """A turnaround from the category's quantiles, longer than `hours` when the report is still open and at most
    that when it is closed; None when the quantiles give none (the report never closes, or closes by `hours`)."""
    for _ in range(tries):
        drawn = turnaround_hours(rng, main)
        if (drawn > hours) == still_open:
            return drawn
    return None


def close_hour(rng: random.Random) -> int:
    """The hour of a working day at which a report that took a day or more gets closed."""
    return _choose(rng, "close_hour")


def assumption(name: str):
    return aggregates()["assumptions"][name]
