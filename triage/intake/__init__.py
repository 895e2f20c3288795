"""Intake: checking and storing what a resident or a client system sends (text, place, photos, contact details), the
codes residents refer to a report by, and the retention of contact details.
"""
