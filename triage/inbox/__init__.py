"""The triage inbox: officers' decisions on proposals (accept, correct, duplicate, split), duplicate candidates, and
the inbox's lists.
"""
