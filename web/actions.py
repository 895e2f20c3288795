"""Running a staff action on a report the same way everywhere: one commit, refusals as messages, work after."""

from __future__ import annotations

from collections.abc import Callable

from flask import flash, request
from sqlalchemy.orm.exc import StaleDataError

from models import Report
from triage.kernel.refusals import DecisionRefused
from web.database import session
from web.i18n import translate
from web.jobs import after_commit


def perform(report: Report | None, action: Callable[[Report | None, int], object]) -> tuple[bool, object]:
    """Run `action(report, seen_version)` and commit; on refusal or conflict roll back and say why.

    Returns (succeeded, what the action returned). A report the action creates (a split) is owed its proposal.
    """
    version = request.form.get("version", "")
    try:
        outcome = action(report, int(version) if version.isdigit() else -1)
        session().commit()
    except DecisionRefused as refusal:
        session().rollback()
        flash(translate(refusal.code), "error")
        return False, None
    except StaleDataError:  # someone else changed the report between our read and our write
        session().rollback()
        flash(translate("triage.conflict"), "error")
        return False, None
    after_commit([outcome.id] if isinstance(outcome, Report) else [])
    return True, outcome
