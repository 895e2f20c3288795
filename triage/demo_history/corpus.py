"""The demo reports' texts: records of the shipped synthetic corpus (data/demo_corpus.jsonl, DEMO_CORPUS.md).

A demo report takes a corpus record of its main category, preferably one written for its channel (a phone note
for a phone report) and its month (Christmas trees in January, wasps in summer), so text, sub category and
queue label belong together. The corpus covers January to October: other months take the nearest one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from triage.proposals.sources import DEMO_CORPUS

# Corpus queue labels that came from the corpus's own neighbourhood or reporter, which a demo report does not
# share: such a record's report gets its category's default queue instead (the place and reporter rules).
CONTEXT_REASONS = ("within 50 m in 30 days", "by the same reporter")
TEXT_CHANNEL = {"open311": "api"}  # channels without texts of their own write like the app


@dataclass(frozen=True)
class CorpusRecord:
    main: str
    category: str
    queue: str
    text: str
    channel: str
    month: int
    queue_from_context: bool


@cache
def records() -> tuple[CorpusRecord, ...]:
    found = []
    with DEMO_CORPUS.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                found.append(
                    CorpusRecord(
                        row["main_category"],
                        row["category"],
                        row["queue"],
                        row["text"],
                        row["channel"],
                        int(row["created"][5:7]),
                        any(reason in row["reason"] for reason in CONTEXT_REASONS),
                    )
                )
    return tuple(found)


def _month_distance(a: int, b: int) -> int:
    return min((a - b) % 12, (b - a) % 12)


def _nearest_month(candidates: list[CorpusRecord], month: int) -> tuple[CorpusRecord, ...]:
    if not candidates:
        return ()
    best = min(_month_distance(r.month, month) for r in candidates)
    return tuple(r for r in candidates if _month_distance(r.month, month) == best)


@cache
def pool(main: str, channel: str, month: int) -> tuple[CorpusRecord, ...]:
    """Records of the main category for this channel in the nearest month; any channel when it has none."""
    of_main = [r for r in records() if r.main == main]
    if not of_main:
        raise ValueError(f"the demo corpus has no reports of main category {main!r}")
    wanted = TEXT_CHANNEL.get(channel, channel)
    return _nearest_month([r for r in of_main if r.channel == wanted], month) or _nearest_month(of_main, month)
