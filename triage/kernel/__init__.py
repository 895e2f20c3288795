"""The small kernel every feature stands on: the audit trail and refusals as data."""
