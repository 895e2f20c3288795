"""Service norms: the Dutch business calendar, the pure clock (due times, timers, pauses), the due times stored on a
report when it enters a queue, and the outcomes written when they happen.
"""

from triage.norms.due_times import business_calendar
from triage.norms.recomputing import recompute_category_due_times, reports_running_on_norm

__all__ = [
    "business_calendar",
    "recompute_category_due_times",
    "reports_running_on_norm",
]
