"""The rows of a chunk of demo reports: drawn, lived up to `now` and written down as the product would have.

A chunk's draws depend only on the seed and the chunk's place in the run, so a history is the same whether
chunks are made one after the other or in worker processes.
"""

from __future__ import annotations

import random
import secrets
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from sqlalchemy import Connection

from models import Correction, Feedback, Proposal, Queue, Report, ReportMessage, StatusChange
from triage.demo_history import corpus, lifecycle, profile, store
from triage.demo_history.catalogue import Catalogue
from triage.demo_history.places import Buurten
from triage.demo_history.texts import PROPOSAL_REASON

REASONS = {
    "category": [{"kind": "fallback", "text": PROPOSAL_REASON, "weight": 0.0, "details": {}}],
    "queue": [],
    "alternatives": [],
    "rules_fired": [],
}
ARTIFACTS = {"category": "demo", "queue": "demo"}


@dataclass
class Counts:
    statuses: Counter = field(default_factory=Counter)
    proposals: int = 0
    automated: int = 0
    corrections: int = 0
    status_changes: int = 0
    messages: int = 0
    feedback: int = 0

    def add(self, other: Counts) -> None:
        self.statuses.update(other.statuses)
        for name in ("proposals", "automated", "corrections", "status_changes", "messages", "feedback"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class Rows:
    reports: list[dict] = field(default_factory=list)
    proposals: list[dict] = field(default_factory=list)
    corrections: list[dict] = field(default_factory=list)
    changes: list[dict] = field(default_factory=list)
    messages: list[dict] = field(default_factory=list)
    feedback: list[dict] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)

    def batches(self, dialect: str) -> list[store.Batch]:
        """Reports first: the other rows point at them."""
        return [
            store.batch(dialect, model.__table__, rows)
            for model, rows in (
                (Report, self.reports),
                (Proposal, self.proposals),
                (Correction, self.corrections),
                (StatusChange, self.changes),
                (ReportMessage, self.messages),
                (Feedback, self.feedback),
            )
            if rows
        ]


@dataclass
class Made:
    """A chunk as it travels from a worker to the writer."""

    batches: list[store.Batch]
    counts: Counts

    def write(self, connection: Connection) -> None:
        for batch in self.batches:
            store.write(connection, batch)


@dataclass(frozen=True)
class Context:
    catalogue: Catalogue
    buurten: Buurten
    now: datetime
    seed: int
    dialect: str


@dataclass(frozen=True)
class Chunk:
    first: int  # the number of reports before this chunk in the run
    created: list[datetime]
    ids: list[int]


def make_chunk(context: Context, chunk: Chunk) -> Made:
    rows = make_rows(context, chunk)
    return Made(rows.batches(context.dialect), rows.counts)


def make_rows(context: Context, chunk: Chunk) -> Rows:
    rng = random.Random(f"demo-history:{context.seed}:{chunk.first}")
    points = context.buurten.sample(np.random.default_rng([context.seed, 1, chunk.first]), len(chunk.ids))
    rows = Rows()
    for offset, (report_id, moment, point) in enumerate(zip(chunk.ids, chunk.created, points, strict=True)):
        _report(context.catalogue, rng, rows, report_id, chunk.first + offset + 1, moment, point, context.now)
    return rows


def _report(catalogue, rng, rows: Rows, report_id, number, created, point, now) -> None:
    local = created.astimezone(catalogue.calendar.zone)
    channel = profile.channel(rng, local.hour)
    record = rng.choice(corpus.pool(profile.main_category(rng, local.month), channel, local.month))
    category = catalogue.by_slug[record.category]
    queue = (category.default_queue or record.queue) if record.queue_from_context else record.queue
    life = lifecycle.plan(catalogue, rng, created, category, queue, now)
    outcome = lifecycle.cut(life, now)
    rows.reports.append(_report_row(catalogue, life, outcome, report_id, number, record.text, channel, point))
    _related(rows, life, outcome, report_id, now)
    rows.counts.statuses[outcome.status] += 1


def _report_row(catalogue, life, outcome, report_id, number, text, channel, point) -> dict:
    buurt, lon, lat = point
    triaged = outcome.status is not lifecycle.S.RECEIVED
    seconds = lifecycle.counted_seconds
    resolved, contact = outcome.resolved_at, outcome.first_contact_at
    return {
        "id": report_id,
        "tracking_code": store.tracking_code(number),
        "status_token": secrets.token_urlsafe(32),  # the resident's secret link: random even in a demo
        "description": text,
        "location": f"SRID=4326;POINT({lon:.6f} {lat:.6f})",
        "location_text": "",
        "location_is_approximate": False,
        "buurt_id": buurt.area_id,
        "wijk_id": buurt.wijk_id,
        "category_id": life.category.id if triaged else None,
        "queue": life.queue if triaged else None,
        "status": outcome.status.value,
        "channel": channel,
        "language": "nl",
        "created_at": life.created,
        "reporter_id": None,
        "priority": "normal",
        "queue_entered_at": life.triaged if triaged else None,
        "due_at": life.due if triaged else None,
        "response_due_at": life.response_due if triaged else None,
        "resolved_at": resolved,
        "resolution_seconds": seconds(catalogue.calendar, life.triaged, resolved) if resolved else None,
        "resolved_in_norm": (resolved <= life.due if life.due else None) if resolved else None,
        "first_contact_at": contact,
        "response_seconds": seconds(catalogue.calendar, life.triaged, contact) if contact else None,
        "responded_in_norm": (contact <= life.response_due if life.response_due else None) if contact else None,
        "version": 1,
    }


def _related(rows: Rows, life, outcome, report_id: int, now: datetime) -> None:
    counts = rows.counts
    proposal = life.proposal
    if proposal.at > now:
        return
    rows.proposals.append(
        {
            "report_id": report_id,
            "category_id": proposal.category.id,
            "category_confidence": round(proposal.category_confidence, 4),
            "queue": proposal.queue,
            "queue_confidence": round(proposal.queue_confidence, 4),
            "needs_person": proposal.needs_person,
            "reasons": REASONS,
            "artifacts": ARTIFACTS,
            "created_at": proposal.at,
        }
    )
    counts.proposals += 1
    counts.automated += not proposal.needs_person
    if proposal.needs_person and life.triaged <= now:
        for name, before, after in (
            ("category", proposal.category.slug, life.category.slug),
            ("queue", proposal.queue, Queue(life.queue).value),
        ):
            rows.corrections.append(
                {
                    "report_id": report_id,
                    "actor_id": None,
                    "actor": lifecycle.OFFICER,
                    "at": life.triaged,
                    "field": name,
                    "from_value": before,
                    "to_value": after,
                }
            )
            counts.corrections += 1
    _history(rows, life, outcome, report_id, now)


def _history(rows: Rows, life, outcome, report_id: int, now: datetime) -> None:
    counts = rows.counts
    for change in outcome.transitions:
        rows.changes.append(
            {
                "report_id": report_id,
                "at": change.at,
                "actor": change.actor,
                "from_status": change.before.value,
                "to_status": change.after.value,
                "reason": change.message,
            }
        )
        if change.message:
            message = {"at": change.at, "actor": change.actor, "kind": "resident", "text": change.message}
            rows.messages.append({"report_id": report_id, **message})
    counts.status_changes += len(outcome.transitions)
    counts.messages += sum(1 for c in outcome.transitions if c.message)
    if life.feedback and life.feedback[0] <= now:
        at, satisfied, text = life.feedback
        rows.feedback.append(
            {"report_id": report_id, "at": at, "satisfied": satisfied, "text": text, "reopen_requested": not satisfied}
        )
        counts.feedback += 1
