"""Seeding a demo history: draw when the reports came in, make their rows chunk by chunk, write each chunk.

Making rows is the costly part (the business calendar is asked several times per report). With more than one
chunk, worker processes (forked, so they share the loaded taxonomy and areas) make the next chunks while this
process writes the previous one into the caller's transaction.
"""

from __future__ import annotations

import multiprocessing
import os
import time as clock
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import numpy as np
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from models import AuditEvent
from triage.demo_history import profile, store
from triage.demo_history.catalogue import Catalogue
from triage.demo_history.chunks import Chunk, Context, Counts, Made, make_chunk
from triage.demo_history.places import Buurten
from triage.kernel.audit import AuditAction
from triage.monitoring import refresh_dashboard_days
from triage.reference.profile import load_profile

CHUNK = 10_000
ACTOR = "system:demo-history"


@dataclass
class SeedSummary:
    reports: int = 0
    replaced: int = 0
    counts: Counts = field(default_factory=Counts)
    first_created: datetime | None = None
    last_created: datetime | None = None
    seconds: float = 0.0

    def describe(self) -> str:
        c = self.counts
        statuses = ", ".join(f"{s.value} {n}" for s, n in c.statuses.most_common())
        period = f" from {self.first_created:%Y-%m-%d} to {self.last_created:%Y-%m-%d}" if self.reports else ""
        return (
            f"{self.reports} demo reports{period} ({statuses or 'none'}); {c.proposals} proposals "
            f"({c.automated} routed automatically), {c.corrections} officer decisions, {c.status_changes} status "
            f"changes, {c.messages} messages, {c.feedback} feedback; {self.replaced} earlier demo reports removed; "
            f"{self.seconds:.1f} s"
        )


def seed(
    target: Session | Connection,
    *,
    now: datetime,
    days: int = 365,
    reports: int | None = None,
    seed: int = 1,
    replace: bool = False,
    municipality_code: str | None = None,
    workers: int | None = None,
) -> SeedSummary:
    """Write a demo history of `days` days ending at `now` (in the configured municipality unless a code is given);
    see the package docstring."""
    started = clock.perf_counter()
    session = target if isinstance(target, Session) else Session(bind=target)
    connection = session.connection()
    summary = SeedSummary()
    if store.count_demo_reports(connection):
        if not replace:
            raise store.DemoDataExists("the database has demo reports already; use replace to seed them anew")
        summary.replaced = store.remove_demo_reports(connection)
    buurten = Buurten(connection, municipality_code or load_profile().code)
    context = Context(Catalogue(session), buurten, now, seed, connection.dialect.name)
    count = reports if reports is not None else round(profile.yearly_volume() * days / 365)
    created = profile.created_times(now - timedelta(days=days), now, count, np.random.default_rng([seed, 0]))
    ids = store.reserve_report_ids(connection, count)
    chunks = [
        Chunk(first, created[first : first + CHUNK], ids[first : first + CHUNK]) for first in range(0, count, CHUNK)
    ]
    for made in _made(context, chunks, _workers(workers, len(chunks))):
        made.write(connection)
        summary.counts.add(made.counts)
    summary.reports = count
    summary.first_created, summary.last_created = (created[0], created[-1]) if created else (None, None)
    details = {"reports": count, "days": days, "seed": seed, "replaced": summary.replaced}
    event = {"report_id": None, "at": now, "actor": ACTOR, "action": AuditAction.DEMO_SEEDED, "details": details}
    connection.execute(AuditEvent.__table__.insert(), [event])
    refresh_dashboard_days(session, now, rebuild=True)  # written in bulk: every day of the dashboard anew
    summary.seconds = clock.perf_counter() - started
    return summary


def has_reports(target: Session | Connection) -> bool:
    """Whether the database holds any report at all, real or demo."""
    connection = target.connection() if isinstance(target, Session) else target
    return store.any_report(connection)


def _workers(asked: int | None, chunks: int) -> int:
    """Worker processes: by default one fewer than the cores (at least one); none for a single chunk."""
    if chunks < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return max(asked, 0) if asked is not None else max((os.cpu_count() or 1) - 1, 1)


_CONTEXT: Context | None = None  # what forked workers inherit


def _make_in_worker(chunk: Chunk) -> Made:
    return make_chunk(_CONTEXT, chunk)


def _made(context: Context, chunks: list[Chunk], workers: int) -> Iterator[Made]:
    """The chunks' rows in order; with workers, a few chunks ahead of the writer, never the whole run in memory."""
    if not workers:
        for chunk in chunks:
            yield make_chunk(context, chunk)
        return
    global _CONTEXT
    _CONTEXT = context
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            ahead: deque = deque()
            for chunk in chunks:
                ahead.append(pool.submit(_make_in_worker, chunk))
                if len(ahead) > workers + 1:
                    yield ahead.popleft().result()
            while ahead:
                yield ahead.popleft().result()
    finally:
        _CONTEXT = None
