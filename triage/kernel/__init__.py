"""The small kernel every feature stands on: the audit trail, refusals as data, and versions of the configuration."""

from triage.kernel.refusals import DecisionRefused, Problem, Problems, SubmissionRejected
from triage.kernel.time import LOCAL_TIME_ZONE
from triage.kernel.versions import (
    EditConflict,
    HistoryLine,
    Subject,
    change_history,
    current_version,
    expect_version,
    record_change,
    register_restorer,
    undo_change,
)

__all__ = [
    "DecisionRefused",
    "EditConflict",
    "HistoryLine",
    "Subject",
    "change_history",
    "current_version",
    "expect_version",
    "record_change",
    "register_restorer",
    "undo_change",
    "LOCAL_TIME_ZONE",
    "Problem",
    "Problems",
    "SubmissionRejected",
]
