"""The public account of the algorithm (/algoritme), in the spirit of the Dutch Algoritmeregister.

What the classifiers decide and what they never decide, what they learnt from, their held-out figures per
queue and per main category, the live accuracy from officers' decisions, the thresholds, and how a resident
asks for a person to look again. Every figure comes from the promoted artifacts' metadata or the database.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, current_app, render_template

from triage.monitoring import live_accuracy
from triage.proposals import account_of
from web.database import session

blueprint = Blueprint("algorithm", __name__)


@blueprint.get("/algoritme")
def page():
    """Public: no log-in, no personal data; only counts and shares."""
    db = session()
    accounts = account_of(db, current_app.extensions.get("classifiers"))
    live = live_accuracy(db, datetime.now(UTC))
    return render_template("algorithm/page.html", category=accounts["category"], queue=accounts["queue"], live=live)
