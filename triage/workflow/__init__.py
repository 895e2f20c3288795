"""Work on a routed report: the one transition table, team work lists, escalation at 80% and overdue, and the
resident's feedback.
"""
