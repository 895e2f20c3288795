"""Proposals: asking the promoted classifiers about a stored report, the intake pipeline that owes and routes them,
and learning from history and officers' decisions.
"""

from triage.proposals.account import account_of
from triage.proposals.classifying import load_classifiers
from triage.proposals.learning import ThresholdOrigin, train_and_store, when_none_is_promoted
from triage.proposals.pipeline import pending_jobs, prepare_proposal, store_proposal
from triage.proposals.sources import DEMO_CORPUS, artifact_root, product_rules

__all__ = [
    "DEMO_CORPUS",
    "ThresholdOrigin",
    "account_of",
    "artifact_root",
    "load_classifiers",
    "pending_jobs",
    "prepare_proposal",
    "product_rules",
    "store_proposal",
    "train_and_store",
    "when_none_is_promoted",
]
