"""Proposals for a report's category and queue, with reasons.

No Flask and no database here: everything arrives as plain values (`ReportInput`), so the same code
serves training from files, training from the database and live prediction. A trained classifier is
an "artifact", never a "model" (models/ is the database layer).
"""
