"""The small kernel every feature stands on: the audit trail and refusals as data."""

from triage.kernel.refusals import DecisionRefused, Problem, Problems, SubmissionRejected
from triage.kernel.time import LOCAL_TIME_ZONE

__all__ = [
    "DecisionRefused",
    "LOCAL_TIME_ZONE",
    "Problem",
    "Problems",
    "SubmissionRejected",
]
