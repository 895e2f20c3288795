"""Work on a routed report: the one transition table, team work lists, escalation at 80% and overdue, and the
resident's feedback and answers to a team's question.
"""

from triage.workflow.feedback import feedback_for, give_feedback
from triage.workflow.no_answer import reply_marks
from triage.workflow.replies import answer_question, reply_photo, resident_replies
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
