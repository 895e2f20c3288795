"""Mail texts as Jinja2 templates in templates/<language>/, one file per mail kind, plain text.

A mail template's first line is `Subject: ...`, then an empty line, then the body. footer.txt is one line
without a subject. Placeholders are strict: a name the caller does not give fails the render, so no mail
goes out with a hole in it. Nothing is HTML-escaped (these are text mails), and `local_time` shows a
moment in the product's time zone: `{{ due_at | local_time("%d-%m-%Y %H:%M") }}`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from triage.kernel.time import LOCAL_TIME_ZONE
from triage.notifications.kinds import MailKind
from triage.reference.profile import load_profile

TEMPLATES = Path(__file__).parent / "templates"
SUBJECT = "Subject: "
LANGUAGES = ("nl", "en")  # one mail every resident can read: Dutch first, English below


@dataclass(frozen=True)
class MailText:
    subject: str
    body: str


def local_time(moment: datetime, pattern: str) -> str:
    return moment.astimezone(LOCAL_TIME_ZONE).strftime(pattern)


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["local_time"] = local_time
    return environment


def _render(name: str, language: str, values: dict) -> str:
    return _environment().get_template(f"{language}/{name}").render(values)


def render(kind: MailKind, language: str, **values) -> MailText:
    """The subject and body of one kind of mail in one language."""
    head, blank, body = _render(kind.template, language, values).split("\n", 2)
    if not head.startswith(SUBJECT) or blank:
        raise ValueError(f"{language}/{kind.template} must start with '{SUBJECT}...' and an empty line")
    return MailText(head.removeprefix(SUBJECT), body)


def render_footer(language: str) -> str:
    """The line under every resident mail (that nobody reads replies), in one language."""
    return _render("footer.txt", language, {})


def render_both(kind: MailKind, values: dict) -> MailText:
    """A mail to a resident or follower: each language in turn, the footer once under them."""
    texts = [render(kind, language, **values) for language in LANGUAGES]
    subject = " / ".join(text.subject for text in texts)
    return MailText(subject, "\n\n".join([*(text.body for text in texts), _footer()]))


def _footer() -> str:
    """Under both languages, once: that nobody reads replies, and the municipality that sends the mail."""
    no_reply = " / ".join(render_footer(language) for language in LANGUAGES)
    return f"{no_reply}\n{load_profile().footer(LANGUAGES[0])}"
