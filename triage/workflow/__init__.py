"""Work on a routed report: the one transition table, team work lists, escalation at 80% and overdue, the
resident's feedback and answers to a team's question, the staff search over reports, and the contact centre's
look-up and call notes.
"""

from triage.workflow.caller_lookup import (
    LOOKUP_KINDS,
    CallerView,
    add_call_note,
    caller_report,
    caller_view,
    find_for_caller,
)
from triage.workflow.contact_details import ContactDetails, may_see_contact, view_contact_details
from triage.workflow.feedback import feedback_for, give_feedback
from triage.workflow.history import HistoryLine, Term, history_lines
from triage.workflow.no_answer import reply_marks
from triage.workflow.replies import answer_question, reply_photo, resident_replies
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
    TimerLabel,
    WorkListPage,
    describe,
    may_reopen,
    may_see_queue,
    report_escalations,
    report_messages,
    timer_label,
    work_list,
)

__all__ = [
    "LOOKUP_KINDS",
    "CallerView",
    "add_call_note",
    "caller_report",
    "caller_view",
    "find_for_caller",
    "ContactDetails",
    "HistoryLine",
    "Term",
    "history_lines",
    "may_reopen",
    "may_see_contact",
    "view_contact_details",
    "COUNTED_UP_TO",
    "Found",
    "SearchFilters",
    "openable_by",
    "report_by_code",
    "search_problems",
    "search_reports",
    "without_refused_filters",
    "answer_question",
    "reply_marks",
    "reply_photo",
    "resident_replies",
    "add_note",
    "assign",
    "change_status",
    "claim",
    "next_statuses",
    "requeue",
    "Filters",
    "PAGE_SIZE",
    "TimerLabel",
    "describe",
    "feedback_for",
    "give_feedback",
    "may_see_queue",
    "report_escalations",
    "report_messages",
    "timer_label",
    "WorkListPage",
    "work_list",
]
