"""Proposals: asking the promoted classifiers about a stored report, the intake pipeline that owes and routes them,
and learning from history and officers' decisions.
"""
