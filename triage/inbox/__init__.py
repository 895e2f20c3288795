"""The triage inbox: officers' decisions on proposals (accept, correct, duplicate, split), duplicate candidates, and
the inbox's lists.
"""

from triage.inbox.decisions import accept, correct, latest_proposal, mark_duplicate, split
from triage.inbox.duplicates import duplicate_candidates
from triage.inbox.queries import latest_proposals, next_waiting, recent_corrections, waiting_reports

__all__ = [
    "accept",
    "correct",
    "latest_proposal",
    "mark_duplicate",
    "split",
    "duplicate_candidates",
    "latest_proposals",
    "next_waiting",
    "recent_corrections",
    "waiting_reports",
]
