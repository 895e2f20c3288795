"""The municipality's own wording of each resident mail: a template per mail and language, edited in the screens,
used for the next mail at once; without one the shipped file (templates/<language>/<kind>.txt) is the default.

Every save and every restore of the default is a version (kernel versions, Subject.STANDARD_TEXT, key
"mail:<name>:<language>"), so it shows in the history and can be undone; a stale form is an EditConflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import MailTemplate
from triage.kernel.refusals import Problems, SubmissionRejected
from triage.kernel.versions import Subject, current_version, expect_version, record_change
from triage.notifications.kinds import MailKind
from triage.notifications.links import with_base_url
from triage.notifications.placeholders import (
    EDITABLE_MAILS,
    EXAMPLE_VALUES,
    FOOTER,
    TemplateField,
    check_fields,
    check_renders,
    mail_placeholders,
)
from triage.notifications.rendering import LANGUAGES, SUBJECT, TEMPLATES, render, render_footer

MAX_SUBJECT = 90  # both languages' subjects share the outbox's 200 characters, with the codes filled in
MAX_BODY = 10_000
MAIL_LANGUAGES = LANGUAGES  # every resident mail is written in both, so each language is editable


def mail_key(name: str, language: str) -> str:
    return f"mail:{name}:{language}"


def is_editable(name: str, language: str) -> bool:
    return name in EDITABLE_MAILS and language in MAIL_LANGUAGES


def source_of(name: str, subject: str, body: str) -> str:
    """The template text rendering.py reads: a subject line and an empty line above the body (not the footer)."""
    return body if name == FOOTER else f"{SUBJECT}{subject}\n\n{body}"


def shipped_text(name: str, language: str) -> tuple[str, str]:
    """The shipped default's subject and body, as the edit form shows them."""
    text = (TEMPLATES / language / f"{name}.txt").read_text(encoding="utf-8").rstrip("\n")
    if name == FOOTER:
        return "", text
    head, _blank, body = text.split("\n", 2)
    return head.removeprefix(SUBJECT), body


def template_sources(session: Session, name: str) -> dict[str, str]:
    """The edited templates of one mail, per language; a language without one uses its shipped file."""
    rows = session.scalars(select(MailTemplate).where(MailTemplate.name == name))
    return {row.language: source_of(name, row.subject, row.body) for row in rows}


def _row(session: Session, name: str, language: str) -> MailTemplate | None:
    query = select(MailTemplate).where(MailTemplate.name == name, MailTemplate.language == language)
    return session.scalar(query)


@dataclass(frozen=True)
class EditableMail:
    """What the edit page shows: the text in use, whether it is the default, the version the form carries."""

    name: str
    language: str
    subject: str
    body: str
    is_default: bool
    version: int
    placeholders: tuple[str, ...]
    default_subject: str
    default_body: str


def editable_mail(session: Session, name: str, language: str) -> EditableMail:
    row = _row(session, name, language)
    default_subject, default_body = shipped_text(name, language)
    subject, body = (row.subject, row.body) if row else (default_subject, default_body)
    version = current_version(session, Subject.STANDARD_TEXT, mail_key(name, language))
    placeholders = mail_placeholders(name)
    return EditableMail(
        name, language, subject, body, row is None, version, placeholders, default_subject, default_body
    )


def editable_mails(session: Session) -> list[tuple[str, dict[str, bool]]]:
    """Every editable mail with, per language, whether the municipality changed it."""
    changed = {(row.name, row.language) for row in session.scalars(select(MailTemplate))}
    return [(name, {lang: (name, lang) in changed for lang in MAIL_LANGUAGES}) for name in EDITABLE_MAILS]


def render_example(name: str, language: str, subject: str, body: str) -> tuple[str, str]:
    """The mail (one language) as a resident would read it with example values: the same rendering as sent."""
    source = source_of(name, subject, body)
    if name == FOOTER:
        return "", render_footer(language, source)
    text = render(MailKind(name), language, source, **EXAMPLE_VALUES)
    return text.subject, text.body


def check_mail_template(name: str, language: str, subject: str, body: str) -> Problems:
    """Why this template cannot be saved (empty, too long, more than one line of subject, not rendering)."""
    problems = Problems()
    if name != FOOTER:
        if not subject.strip():
            problems.add("subject", "texts.subject_required")
        elif "\n" in subject or "\r" in subject:
            problems.add("subject", "texts.subject_one_line")
        elif len(subject) > MAX_SUBJECT:
            problems.add("subject", "texts.too_long", limit=MAX_SUBJECT)
    if not body.strip():
        problems.add("body", "texts.body_required")
    elif len(body) > MAX_BODY:
        problems.add("body", "texts.too_long", limit=MAX_BODY)
    fields = [TemplateField("subject", subject), TemplateField("body", body)] if name != FOOTER else []
    check_fields(fields or [TemplateField("body", body)], mail_placeholders(name), problems)
    if not problems:
        check_renders("body", lambda: render_example(name, language, subject, body), problems)
    return problems


def _normalised(subject: str, body: str) -> tuple[str, str]:
    return subject.strip(), body.strip("\n")


def example_mail(name: str, language: str, subject: str, body: str, base_url: str) -> tuple[str, str]:
    """The admin's preview (subject, body) with example values and the site's links, or SubmissionRejected saying
    why it cannot render."""
    subject, body = _normalised(subject, body)
    problems = check_mail_template(name, language, subject, body)
    if problems:
        raise SubmissionRejected(problems)
    subject, body = render_example(name, language, subject, body)
    return subject, with_base_url(body, base_url)


def _snapshot(row: MailTemplate | None) -> dict | None:
    if row is None:
        return None
    return {"name": row.name, "language": row.language, "subject": row.subject, "body": row.body}


def save_mail_template(
    session: Session, name: str, language: str, subject: str, body: str, seen: str, actor: str, now: datetime
) -> None:
    """Save the municipality's template, or refuse (SubmissionRejected, EditConflict) and change nothing."""
    expect_version(session, Subject.STANDARD_TEXT, mail_key(name, language), seen)
    subject, body = _normalised(subject, body)
    problems = check_mail_template(name, language, subject, body)
    if problems:
        raise SubmissionRejected(problems)
    row = _row(session, name, language)
    before = _snapshot(row)
    row = _put(session, row, {"name": name, "language": language, "subject": subject, "body": body}, actor, now)
    record_change(
        session,
        Subject.STANDARD_TEXT,
        mail_key(name, language),
        before,
        _snapshot(row),
        actor,
        now,
        f"mail {name} ({language})",
    )


def restore_default(session: Session, name: str, language: str, seen: str, actor: str, now: datetime) -> None:
    """Back to the shipped file: the row goes, recorded as a version (so undo brings the edited text back)."""
    expect_version(session, Subject.STANDARD_TEXT, mail_key(name, language), seen)
    row = _row(session, name, language)
    if row is None:
        return
    before = _snapshot(row)
    session.delete(row)
    session.flush()
    record_change(
        session,
        Subject.STANDARD_TEXT,
        mail_key(name, language),
        before,
        None,
        actor,
        now,
        f"mail {name} ({language}): default",
    )


def _put(session: Session, row: MailTemplate | None, snapshot: dict, actor: str, now: datetime) -> MailTemplate:
    row = row or MailTemplate(name=snapshot["name"], language=snapshot["language"])
    row.subject, row.body, row.updated_at, row.updated_by = snapshot["subject"], snapshot["body"], now, actor
    session.add(row)
    session.flush()
    return row


def restore_mail_template(session: Session, name: str, language: str, snapshot: dict | None, actor: str, now) -> None:
    """The restorer's part for mail templates: put the snapshot back, or the default when it is None."""
    row = _row(session, name, language)
    if snapshot is None:
        if row is not None:
            session.delete(row)
            session.flush()
        return
    _put(session, row, snapshot, actor, now)
