"""The triage inbox: officers' decisions on proposals (accept, correct, duplicate, split), duplicate candidates, and
the inbox's lists and their filters.
"""

from triage.inbox.decisions import accept, correct, latest_proposal, mark_duplicate, split
from triage.inbox.duplicates import duplicate_candidates
from triage.inbox.queries import (
    AGES,
    InboxFilters,
    InboxLine,
    ListedProposal,
    filter_problems,
    inbox_lines,
    matching,
    next_waiting,
    recent_corrections,
    waiting_reports,
    without_refused,
)

__all__ = [
    "AGES",
    "InboxFilters",
    "filter_problems",
    "matching",
    "without_refused",
    "accept",
    "correct",
    "latest_proposal",
    "mark_duplicate",
    "split",
    "duplicate_candidates",
    "next_waiting",
    "recent_corrections",
    "InboxLine",
    "ListedProposal",
    "inbox_lines",
    "waiting_reports",
]
