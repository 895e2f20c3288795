"""How often officers kept the classifier's proposal: the live accuracy per month and per wijk.

Every officer's decision on a proposal (accepted or corrected) is audited with what was proposed and what the
officer chose; a proposal was right when the two agree. These figures are for the public account of the
algorithm (/algoritme): they come from the decisions themselves, never from a number typed in.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import Area, AuditEvent, Report
from triage.kernel.audit import AuditAction
from triage.kernel.time import LOCAL_TIME_ZONE

DECISIONS = (AuditAction.TRIAGE_ACCEPTED.value, AuditAction.TRIAGE_CORRECTED.value)
MONTHS_SHOWN = 12


@dataclass(frozen=True)
class Agreement:
    """Decisions in one month or wijk, and how many kept the proposed queue and category."""

    label: str
    decisions: int
    queue_right: int
    category_right: int

    @property
    def queue_share(self) -> float:
        return self.queue_right / self.decisions if self.decisions else 0.0

    @property
    def category_share(self) -> float:
        return self.category_right / self.decisions if self.decisions else 0.0


@dataclass(frozen=True)
class LiveAccuracy:
    total: Agreement
    by_month: list[Agreement]
    by_wijk: list[Agreement]


def live_accuracy(session: Session, now: datetime, months: int = MONTHS_SHOWN) -> LiveAccuracy:
    """Officers' decisions of the last `months` months; a wijk without a name is shown as the empty label."""
    since = now - timedelta(days=31 * months)
    rows = session.execute(
        select(AuditEvent.at, AuditEvent.details, Area.name)
        .join(Report, AuditEvent.report_id == Report.id)
        .outerjoin(Area, Report.wijk_id == Area.id)
        .where(AuditEvent.action.in_(DECISIONS), AuditEvent.at >= since)
    )
    by_month, by_wijk = defaultdict(lambda: [0, 0, 0]), defaultdict(lambda: [0, 0, 0])
    total = [0, 0, 0]
    for at, details, wijk in rows:
        counts = _counts(details or {})
        month = at.astimezone(LOCAL_TIME_ZONE).strftime("%Y-%m")
        for bucket in (by_month[month], by_wijk[wijk or ""], total):
            for i, value in enumerate(counts):
                bucket[i] += value
    return LiveAccuracy(
        Agreement("", *total),
        [Agreement(month, *by_month[month]) for month in sorted(by_month)],
        sorted((Agreement(wijk, *counts) for wijk, counts in by_wijk.items()), key=lambda a: (-a.decisions, a.label)),
    )


def _counts(details: dict) -> tuple[int, int, int]:
    """One decision, whether it kept the proposed queue, and whether it kept the proposed category."""
    queue_right = details.get("proposed_queue") is not None and details.get("queue") == details.get("proposed_queue")
    category_right = details.get("proposed_category") is not None and details.get("category") == details.get(
        "proposed_category"
    )
    return 1, int(queue_right), int(category_right)
