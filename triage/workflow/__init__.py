"""Work on a routed report: the one transition table, team work lists, escalation at 80% and overdue, the
resident's feedback, and the staff search over reports.
"""

from triage.workflow.feedback import feedback_for, give_feedback
from triage.workflow.search import (
    COUNTED_UP_TO,
    Found,
    SearchFilters,
    openable_by,
    report_by_code,
    search_problems,
    search_reports,
    without_refused_filters,
)
from triage.workflow.transitions import add_note, assign, change_status, claim, next_statuses, requeue
from triage.workflow.work_lists import (
    PAGE_SIZE,
    Filters,
    describe,
    may_see_queue,
    report_escalations,
    report_history,
    report_messages,
    timer_label,
    work_list,
)

__all__ = [
    "COUNTED_UP_TO",
    "Found",
    "SearchFilters",
    "openable_by",
    "report_by_code",
    "search_problems",
    "search_reports",
    "without_refused_filters",
    "add_note",
    "assign",
    "change_status",
    "claim",
    "next_statuses",
    "requeue",
    "Filters",
    "PAGE_SIZE",
    "describe",
    "feedback_for",
    "give_feedback",
    "may_see_queue",
    "report_escalations",
    "report_history",
    "report_messages",
    "timer_label",
    "work_list",
]
