"""A report's history as sentences: each audit event becomes a text key with its parameters, so the team reads
"Status: In behandeling -> Afgehandeld, door Naam" in its own language instead of internal action names.

The words live in the web's catalogues under `history.<action>`; parameters that are words themselves (a status,
a queue, a channel, who acted) are `Term`s the web translates before filling them in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import AuditEvent, Category, Report, ReportMessage, StaffUser
from triage.kernel.audit import AuditAction

RESIDENT_ACTOR = "resident"


@dataclass(frozen=True)
class Term:
    """A parameter that is itself a text to translate: a status, queue, channel, or who acted."""

    key: str


Param = str | int | datetime | Term


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    key: str
    params: dict[str, Param]


@dataclass(frozen=True)
class _Context:
    """What a sentence may need beyond the event: staff names, category names, messages sent with a status."""

    names: dict[str, str]
    categories: dict[str, str]
    messages: dict[tuple[datetime, str], str]

    def who(self, actor: str) -> Param:
        if actor in (RESIDENT_ACTOR, "api"):
            return Term(f"history.actor.{actor}")
        if actor.startswith("open311:"):
            return f"{actor.removeprefix('open311:')} (Open311)"
        if actor.startswith("system:"):
            return Term(f"history.actor.{actor.removeprefix('system:')}")
        return self.names.get(actor, actor)

    def people(self, emails: list[str]) -> str:
        return ", ".join(self.names.get(email, email) for email in emails)

    def category(self, slug: str | None) -> Param:
        return self.categories.get(slug or "", slug or Term("history.unknown"))


def _queue(value: str | None) -> Param:
    return Term(f"queue.{value}") if value else Term("history.unknown")


def _status(value: str) -> Term:
    return Term(f"status.{value}")


def _when(text: str | None) -> Param:
    return datetime.fromisoformat(text) if text else Term("history.no_due")


def _pair(value) -> tuple[str | None, str | None]:
    return (value[0], value[1]) if isinstance(value, list | tuple) and len(value) == 2 else (None, None)


Sentence = Callable[[dict, _Context], tuple[str, dict[str, Param]]]


def _plain(details: dict, context: _Context) -> tuple[str, dict[str, Param]]:
    return "", {}


def _received(details, context):
    return "", {"channel": Term(f"team.channel.{details.get('channel', 'web')}"), "photos": details.get("photos", 0)}


def _proposal(details, context):
    return (".needs_person" if details.get("needs_person") else ""), {}


def _routed(details, context):
    return "", {"queue": _queue(details.get("queue")), "category": context.category(details.get("category"))}


def _status_changed(details, context):
    return "", {"before": _status(details.get("before", "")), "after": _status(details.get("after", ""))}


def _requeued(details, context):
    (before_category, before_queue), (after_category, after_queue) = (
        _pair(details.get("before")),
        _pair(details.get("after")),
    )
    return "", {
        "before": _queue(before_queue),
        "after": _queue(after_queue),
        "before_category": context.category(before_category),
        "after_category": context.category(after_category),
    }


def _feedback(details, context):
    return (".satisfied" if details.get("satisfied") else ".reopen"), {}


SENTENCES: dict[AuditAction, Sentence] = {
    AuditAction.REPORT_RECEIVED: _received,
    AuditAction.PROPOSAL_MADE: _proposal,
    AuditAction.TRIAGE_AUTO_ROUTED: _routed,
    AuditAction.TRIAGE_ACCEPTED: _routed,
    AuditAction.TRIAGE_CORRECTED: _routed,
    AuditAction.TRIAGE_DUPLICATE: lambda d, c: ("", {"original": d.get("original", "")}),
    AuditAction.TRIAGE_SPLIT: lambda d, c: ("", {"into": d.get("into", "")}),
    AuditAction.TRIAGE_SPLIT_FROM: lambda d, c: ("", {"original": d.get("original", "")}),
    AuditAction.DUE_SET: lambda d, c: ("", {"due": _when(d.get("due"))}),
    AuditAction.STATUS_CHANGED: _status_changed,
    AuditAction.NOTE_ADDED: _plain,
    AuditAction.CONTACT_LOGGED: _plain,
    AuditAction.CONTACT_VIEWED: _plain,
    AuditAction.REPORT_CLAIMED: _plain,
    AuditAction.REPORT_REQUEUED: _requeued,
    AuditAction.REPORT_ASSIGNED: lambda d, c: ("", {"assignee": c.who(d.get("assignee", ""))}),
    AuditAction.ESCALATION_DUE_SOON: lambda d, c: ("", {"recipients": c.people(d.get("recipients", []))}),
    AuditAction.ESCALATION_OVERDUE: lambda d, c: ("", {"recipients": c.people(d.get("recipients", []))}),
    AuditAction.FEEDBACK_GIVEN: _feedback,
    AuditAction.RESIDENT_REPLIED: lambda d, c: ("", {"photos": d.get("photos", 0)}),
    AuditAction.RESIDENT_NO_ANSWER: lambda d, c: ("", {"recipients": c.people(d.get("recipients", []))}),
    AuditAction.REPORTER_ANONYMISED: lambda d, c: (
        (".on_request", {}) if d.get("erasure_request") else ("", {"days": d.get("retention_days", 0)})
    ),
    AuditAction.CLASSIFIER_RETRAINED: _plain,
    AuditAction.DEMO_SEEDED: _plain,
    AuditAction.CALLER_LOOKUP: lambda d, c: ("", {"by": Term(f"contact_centre.by.{d.get('by', 'code')}")}),
    AuditAction.CALL_NOTED: _plain,
    AuditAction.CONTACT_CORRECTED: lambda d, c: ("", {"channel": Term(f"team.channel.{d.get('channel', 'phone')}")}),
    AuditAction.RESIDENT_DATA_SHOWN: _plain,
    AuditAction.ERASURE_REQUESTED: _plain,
    AuditAction.ERASURE_HANDLED: _plain,
    AuditAction.FOLLOWER_CONFIRMED: _plain,
    AuditAction.FOLLOWER_STOPPED: _plain,
    AuditAction.FOLLOWER_ADDED: lambda d, c: ("", {"count": d.get("count", 0), "duplicate": d.get("duplicate", "")}),
    AuditAction.FOLLOWER_ANONYMISED: lambda d, c: ("", {"days": d.get("retention_days", 0)}),
}


def sentence(event: AuditEvent, context: _Context) -> HistoryLine:
    """One event as a key and parameters; an action this version does not know reads as "something changed"."""
    try:
        action = AuditAction(event.action)
    except ValueError:
        return HistoryLine(event.at, "history.unknown_action", {"who": context.who(event.actor)})
    variant, params = SENTENCES[action](event.details or {}, context)
    message = context.messages.get((event.at, event.actor)) if action is AuditAction.STATUS_CHANGED else None
    if message:
        variant, params = ".with_message", {**params, "message": message}
    return HistoryLine(event.at, f"history.{action.value}{variant}", {**params, "who": context.who(event.actor)})


def history_lines(session: Session, report: Report) -> list[HistoryLine]:
    """Every change to the report, oldest first, as sentences that say who acted (staff by name)."""
    events = list(session.scalars(select(AuditEvent).where(AuditEvent.report_id == report.id).order_by(AuditEvent.id)))
    context = _context(session, report, events)
    return [sentence(event, context) for event in events]


def _context(session: Session, report: Report, events: Iterable[AuditEvent]) -> _Context:
    actors = {e.actor for e in events}
    for event in events:
        details = event.details or {}
        actors |= {str(details.get("assignee")), *details.get("recipients", [])}
    names = dict(session.execute(select(StaffUser.email, StaffUser.name).where(StaffUser.email.in_(actors))).all())
    categories = dict(session.execute(select(Category.slug, Category.name)).all())
    sent = session.execute(
        select(ReportMessage.at, ReportMessage.actor, ReportMessage.text).where(
            ReportMessage.report_id == report.id, ReportMessage.kind == "resident"
        )
    )
    return _Context(names, categories, {(at, actor): text for at, actor, text in sent})
