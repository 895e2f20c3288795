"""When the resident does not answer a team's question: after a number of working days (the municipality's
`resident_answer_working_days` in service_norms.json) the report comes back to the team's attention, marked in
the work list and mailed to the assignee. It is never closed on its own: a person decides what happens next.

Runs with the periodic work and is safe to run as often as anyone likes: the unique (report, question) reminder
row is the proof the team was told, once per question.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import NoAnswerReminder, Report, ReportStatus
from triage.kernel.audit import AuditAction, record
from triage.kernel.time import LOCAL_TIME_ZONE
from triage.norms.due_times import business_calendar, settings
from triage.notifications.kinds import MailKind
from triage.workflow.replies import tell_assignee, waiting_since

if TYPE_CHECKING:
    from triage.workflow.work_lists import WorkLine

SYSTEM_ACTOR = "system:no_answer"
DEFAULT_ANSWER_DAYS = 10  # when the municipality's norms do not say


def answer_working_days() -> int:
    return int(settings().get("resident_answer_working_days") or DEFAULT_ANSWER_DAYS)


def working_days_waited(since: datetime, now: datetime) -> int:
    """Whole working days after the day of the question, today included."""
    first, today = since.astimezone(LOCAL_TIME_ZONE).date(), now.astimezone(LOCAL_TIME_ZONE).date()
    return business_calendar().working_days_between(first, today + timedelta(days=1))


def remind_unanswered(session: Session, now: datetime, working_days: int | None = None) -> list[int]:
    """Tell the team about every question left unanswered too long; returns the ids of the reports."""
    days = working_days if working_days is not None else answer_working_days()
    waiting = list(session.scalars(select(Report).where(Report.status == ReportStatus.WAITING_RESIDENT)))
    asked = waiting_since(session, [report.id for report in waiting])
    told = _reminded(session, asked)
    reminded = []
    for report in waiting:
        since = asked.get(report.id)
        if since is None or report.id in told or working_days_waited(since, now) < days:
            continue
        recipients = tell_assignee(session, report, MailKind.RESIDENT_NO_ANSWER, now)
        session.add(
            NoAnswerReminder(report_id=report.id, waiting_since=since, at=now, recipients=", ".join(recipients))
        )
        record(session, report, AuditAction.RESIDENT_NO_ANSWER, SYSTEM_ACTOR, now, recipients=recipients)
        reminded.append(report.id)
    session.flush()
    return reminded


def _reminded(session: Session, asked: dict[int, datetime]) -> set[int]:
    """Reports whose current question the team was already told about."""
    rows = session.execute(
        select(NoAnswerReminder.report_id, func.max(NoAnswerReminder.waiting_since))
        .where(NoAnswerReminder.report_id.in_(list(asked)))
        .group_by(NoAnswerReminder.report_id)
    )
    return {report_id for report_id, since in rows if since >= asked[report_id]}


def reply_marks(session: Session, reports: list[Report] | list[WorkLine], replied: frozenset[int]) -> dict[int, str]:
    """The work list's mark per report: "replied" while the resident's answer is the last change of status
    (`replied`, which the work list's own read knows: WorkListPage.replied), "no_answer" while a question the team
    was reminded of is still open."""
    waiting = [report.id for report in reports if report.status is ReportStatus.WAITING_RESIDENT]
    unanswered = _reminded(session, waiting_since(session, waiting)) if waiting else set()
    marks = {rid: "replied" for rid in replied}
    return marks | {rid: "no_answer" for rid in unanswered}
