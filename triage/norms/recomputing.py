"""Due times after an administrator changed a category's service norm.

Reports already in a queue keep the due time they got when they entered it (DESIGN.md: the due time is stored then):
a changed norm applies to new reports at once, and to the reports in a queue only when the administrator chooses
so, after seeing how many that touches. Each recomputed report gets its reason in the audit trail.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import Report, is_team_work
from triage.norms.due_times import recompute_due


def _in_a_queue(category_id: int):
    return select(Report).where(
        Report.category_id == category_id,
        is_team_work(),
        Report.queue_entered_at.is_not(None),
    )


def reports_running_on_norm(session: Session, category_id: int) -> int:
    """How many reports in a queue run on this category's norm: what a recomputation would touch."""
    return session.scalar(select(func.count()).select_from(_in_a_queue(category_id).subquery())) or 0


def recompute_category_due_times(session: Session, category_id: int, now: datetime, actor: str) -> int:
    """Recompute the due time of every report in a queue with this category, from the norm it has now."""
    reports = list(session.scalars(_in_a_queue(category_id)))
    for report in reports:
        recompute_due(session, report, now, "the category's service norm was changed", actor)
    session.flush()
    return len(reports)
