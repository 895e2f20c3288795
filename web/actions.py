"""Ending a request that wrote the same way everywhere: one commit, then the work it owes; refusals as messages."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from flask import flash, request
from sqlalchemy.orm.exc import StaleDataError

from models import Report
from triage.kernel import DecisionRefused
from web.database import session
from web.i18n import translate
from web.jobs import after_commit


def commit_and_dispatch(report_ids: Iterable[int] = ()) -> None:
    """Commit the request's one unit of work, and only then hand over what it owes: proposals and mail.

    Intake on every channel and every staff action end here, so nothing is enqueued for a change that
    was not committed.
    """
    session().commit()
    after_commit(report_ids)


def perform(report: Report | None, action: Callable[[Report | None, int], object]) -> tuple[bool, object]:
    """Run `action(report, seen_version)` and commit; on refusal or conflict roll back and say why.

    Returns (succeeded, what the action returned). A report the action creates (a split) is owed its proposal.
    """
    version = request.form.get("version", "")
    try:
        outcome = action(report, int(version) if version.isdigit() else -1)
        commit_and_dispatch([outcome.id] if isinstance(outcome, Report) else [])
    except DecisionRefused as refusal:
        session().rollback()
        flash(translate(refusal.code), "error")
        return False, None
    except StaleDataError:  # someone else changed the report between our read and our write
        session().rollback()
        flash(translate("triage.conflict"), "error")
        return False, None
    return True, outcome
