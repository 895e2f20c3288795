"""Mail texts as Jinja2 templates in templates/<language>/, one file per mail kind, plain text.

A mail template's first line is `Subject: ...`, then an empty line, then the body. footer.txt is one line
without a subject. Placeholders are strict: a name the caller does not give fails the render, so no mail
goes out with a hole in it. Nothing is HTML-escaped (these are text mails), and `local_time` shows a
moment in the product's time zone: `{{ due_at | local_time("%d-%m-%Y %H:%M") }}`.

An administrator may write a template in the screens (triage/notifications/mail_templates.py); it is rendered
here too, from its `source`, in the same sandboxed environment, so a shipped file and an edited template go
through one path and a template cannot reach further than the values it is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined, Template, meta
from jinja2.sandbox import SandboxedEnvironment

from triage.kernel.time import LOCAL_TIME_ZONE
from triage.notifications.kinds import MailKind

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
def _environment() -> SandboxedEnvironment:
    environment = SandboxedEnvironment(
        loader=FileSystemLoader(TEMPLATES),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["local_time"] = local_time
    return environment


def compiled(source: str) -> Template:
    """A template written in the screens; raises jinja2.TemplateSyntaxError when it does not parse."""
    return _environment().from_string(source)


def placeholders_used(source: str) -> set[str]:
    """The names a template reads from its values (not those it sets itself); raises TemplateSyntaxError."""
    return meta.find_undeclared_variables(_environment().parse(source))


def _render(name: str, language: str, values: dict, source: str | None = None) -> str:
    template = compiled(source) if source is not None else _environment().get_template(f"{language}/{name}")
    return template.render(values)


def render(kind: MailKind, language: str, source: str | None = None, **values) -> MailText:
    """The subject and body of one kind of mail in one language: the shipped file, or `source` in its place."""
    head, blank, body = _render(kind.template, language, values, source).split("\n", 2)
    if not head.startswith(SUBJECT) or blank:
        raise ValueError(f"{language}/{kind.template} must start with '{SUBJECT}...' and an empty line")
    return MailText(head.removeprefix(SUBJECT), body)


def render_footer(language: str, source: str | None = None) -> str:
    """The line under every resident mail (that nobody reads replies), in one language."""
    return _render("footer.txt", language, {}, source)
