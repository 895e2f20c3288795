"""Standard texts (standaardteksten): ready messages to a resident for a status change, written by administrators
per status, optionally for one category (and its sub categories) or one queue, in Dutch or English.

A team member picks one on the report's page; its placeholders are filled in with the report's values and the
result lands in the message field, where it can still be edited before sending. Every change is a version (kernel
versions, Subject.STANDARD_TEXT, key "text:<id>"); a stale form is an EditConflict and nothing changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from geo.addresses import readable_location
from models import Category, Queue, Report, ReportStatus, StandardText
from triage.kernel.refusals import DecisionRefused, Problems, SubmissionRejected
from triage.kernel.versions import Subject, current_version, expect_version, record_change
from triage.notifications.placeholders import (
    EXAMPLE_VALUES,
    REPORT_PLACEHOLDERS,
    TemplateField,
    check_fields,
    check_renders,
    fill_in,
)
from triage.notifications.rendering import LANGUAGES, local_time

# A team moves a report to these (the inbox decides "triaged", intake "received"; neither has a message form).
TEXT_STATUSES = tuple(s for s in ReportStatus if s not in (ReportStatus.RECEIVED, ReportStatus.TRIAGED))
TEXT_LANGUAGES = LANGUAGES  # the languages mails are written in
MAX_TITLE = 120
MAX_BODY = 2000  # the longest message a team may send (workflow's MAX_MESSAGE)
DATE = "%d-%m-%Y"


def text_key(text_id: int | str) -> str:
    return f"text:{text_id}"


def text_version(session: Session, text_id: int | None) -> int:
    return current_version(session, Subject.STANDARD_TEXT, text_key(text_id)) if text_id else 0


@dataclass(frozen=True)
class TypedText:
    """A standard text as the form sends it: every field as typed, to be checked."""

    title: str = ""
    status: str = ""
    category_id: str = ""
    queue: str = ""
    language: str = "nl"
    body: str = ""


def all_standard_texts(session: Session) -> list[StandardText]:
    status_rank = {status: rank for rank, status in enumerate(ReportStatus)}
    texts = session.scalars(select(StandardText))
    return sorted(texts, key=lambda t: (status_rank[t.status], t.language, t.title.lower(), t.id))


def find_standard_text(session: Session, text_id: int) -> StandardText | None:
    return session.get(StandardText, text_id)


def _checked(session: Session, typed: TypedText) -> dict:
    """The values to store, or SubmissionRejected with a problem next to each wrong field."""
    problems = Problems()
    title, body = typed.title.strip(), typed.body.strip()
    if not title:
        problems.add("title", "texts.title_required")
    elif len(title) > MAX_TITLE:
        problems.add("title", "texts.too_long", limit=MAX_TITLE)
    if typed.status not in {s.value for s in TEXT_STATUSES}:
        problems.add("status", "texts.status_unknown")
    category = session.get(Category, int(typed.category_id)) if typed.category_id.isdigit() else None
    if typed.category_id and category is None:
        problems.add("category_id", "texts.category_unknown")
    if typed.queue and typed.queue not in {q.value for q in Queue}:
        problems.add("queue", "texts.queue_unknown")
    if typed.language not in TEXT_LANGUAGES:
        problems.add("language", "texts.language_unknown")
    if not body:
        problems.add("body", "texts.body_required")
    elif len(body) > MAX_BODY:
        problems.add("body", "texts.too_long", limit=MAX_BODY)
    check_fields([TemplateField("body", body)], REPORT_PLACEHOLDERS, problems)
    if not problems:
        check_renders("body", lambda: fill_in(body, EXAMPLE_VALUES), problems)
    if problems:
        raise SubmissionRejected(problems)
    return {
        "title": title,
        "status": typed.status,
        "category_id": category.id if category else None,
        "queue": typed.queue or None,
        "language": typed.language,
        "body": body,
    }


def _snapshot(text: StandardText | None) -> dict | None:
    if text is None:
        return None
    queue = text.queue.value if text.queue else None
    return {
        "id": text.id,
        "title": text.title,
        "status": text.status.value,
        "category_id": text.category_id,
        "queue": queue,
        "language": text.language,
        "body": text.body,
    }


def _put(session: Session, text: StandardText, values: dict, actor: str, now: datetime) -> StandardText:
    text.title, text.body, text.language = values["title"], values["body"], values["language"]
    text.category_id = values["category_id"]
    text.status = ReportStatus(values["status"])
    text.queue = Queue(values["queue"]) if values["queue"] else None
    text.updated_at, text.updated_by = now, actor
    session.add(text)
    session.flush()
    return text


def save_standard_text(
    session: Session, text_id: int | None, typed: TypedText, seen: str, actor: str, now: datetime
) -> StandardText:
    """Create (text_id None) or change a standard text; refused (SubmissionRejected, EditConflict) changes nothing."""
    text = StandardText() if text_id is None else session.get(StandardText, text_id)
    if text is None:
        raise DecisionRefused("texts.unknown_text")
    if text_id is not None:
        expect_version(session, Subject.STANDARD_TEXT, text_key(text_id), seen)
    values = _checked(session, typed)
    before = _snapshot(text) if text_id is not None else None
    text = _put(session, text, values, actor, now)
    record_change(
        session,
        Subject.STANDARD_TEXT,
        text_key(text.id),
        before,
        _snapshot(text),
        actor,
        now,
        f"standard text {text.title}",
    )
    return text


def delete_standard_text(session: Session, text: StandardText, seen: str, actor: str, now: datetime) -> None:
    expect_version(session, Subject.STANDARD_TEXT, text_key(text.id), seen)
    before = _snapshot(text)
    session.delete(text)
    session.flush()
    record_change(
        session,
        Subject.STANDARD_TEXT,
        text_key(before["id"]),
        before,
        None,
        actor,
        now,
        f"standard text {before['title']}: removed",
    )


def restore_standard_text(session: Session, text_id: int, snapshot: dict | None, actor: str, now: datetime) -> None:
    """The restorer's part for standard texts: back as in the snapshot (same id), or gone when it is None."""
    text = session.get(StandardText, text_id)
    if snapshot is None:
        if text is not None:
            session.delete(text)
            session.flush()
        return
    _put(session, text or StandardText(id=text_id), snapshot, actor, now)


@dataclass(frozen=True)
class PickableText:
    """A standard text a team member may use for this report, with the report's values filled in."""

    text: StandardText
    filled_in: str


def report_values(report: Report, language: str) -> dict:
    """What a standard text's placeholders become for this report, in the text's language."""
    category = report.category
    name = (category.name if language == "nl" else category.name_en) if category else ""
    return {
        "code": report.tracking_code,
        "category": name,
        "location": readable_location(report).line,
        "due_date": local_time(report.due_at, DATE) if report.due_at else "",
    }


def _fits(text: StandardText, report: Report) -> bool:
    category_ids = {report.category_id, report.category.parent_id if report.category else None} - {None}
    return (text.category_id is None or text.category_id in category_ids) and text.queue in (None, report.queue)


def texts_for_report(session: Session, report: Report, statuses: Iterable[ReportStatus]) -> list[PickableText]:
    """The standard texts for the statuses the team member may choose now, that fit the report's category and
    queue; the most specific (category and queue) first within a status."""
    wanted = set(statuses)
    texts = [t for t in all_standard_texts(session) if t.status in wanted and _fits(t, report)]
    texts.sort(key=lambda t: (list(ReportStatus).index(t.status), t.category_id is None, t.queue is None))
    return [PickableText(text, fill_in(text.body, report_values(report, text.language))) for text in texts]
