"""The documented placeholders: which names a resident mail template and a standard text may use, what they
mean (the edit page lists them, words in the catalogue as `texts.placeholder.<name>`), and example values.

A template written in the screens is checked against these before it is saved: a name outside the list, a
template that does not parse, or one that fails on the example values is refused with the reason, so a saved
template always renders (rendering.py gives StrictUndefined: a hole would fail the mail, not send it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from jinja2 import TemplateError, TemplateSyntaxError

from triage.kernel.refusals import Problems
from triage.notifications.kinds import MailKind
from triage.notifications.links import BASE_URL_MARK
from triage.notifications.rendering import compiled, placeholders_used

FOOTER = "footer"  # the line under every resident mail, editable like a kind of mail
RESIDENT_MAIL_KINDS = (
    MailKind.RECEIVED,
    MailKind.TRIAGED,
    MailKind.WAITING_RESIDENT,
    MailKind.DONE,
    MailKind.CANCELLED,
    MailKind.REOPENED,
    MailKind.TEAM_MESSAGE,
    MailKind.DUPLICATE,
    MailKind.SPLIT,
)
EDITABLE_MAILS = (*(kind.value for kind in RESIDENT_MAIL_KINDS), FOOTER)

REPORT_PLACEHOLDERS = ("code", "category", "location", "due_date")  # also what a standard text may use
MAIL_PLACEHOLDERS = (*REPORT_PLACEHOLDERS, "message", "status_link", "feedback_link", "reply_link")
_KIND_PLACEHOLDERS = {
    MailKind.TRIAGED: ("promise", "days", "calendar_days"),
    MailKind.DUPLICATE: ("original_code", "original_link"),
    MailKind.SPLIT: ("original_code", "original_link"),
}

EXAMPLE_VALUES = {
    "code": "M-2026-0042",
    "category": "Container is vol",
    "location": "Grote Markt 2, 2011RD",
    "due_date": "04-12-2026",
    "message": "Wij hebben de container geleegd.\nDank voor het melden.",
    "status_link": f"{BASE_URL_MARK}/melding/voorbeeld",
    "feedback_link": f"{BASE_URL_MARK}/melding/voorbeeld#feedback",
    "reply_link": f"{BASE_URL_MARK}/melding/voorbeeld#reply",
    "promise": "deal_with",
    "days": 5,
    "calendar_days": False,
    "original_code": "M-2026-0041",
    "original_link": f"{BASE_URL_MARK}/volgen?code=M-2026-0041",
}
EXAMPLE_MOMENT = datetime(2026, 12, 4, 9, tzinfo=UTC)


def mail_placeholders(name: str) -> tuple[str, ...]:
    """The names the template of one editable mail may use (the footer none: it is the same under every mail)."""
    if name == FOOTER:
        return ()
    return MAIL_PLACEHOLDERS + _KIND_PLACEHOLDERS.get(MailKind(name), ())


@dataclass(frozen=True)
class TemplateField:
    """One field of a form that holds template text: its form name and what it says."""

    name: str
    source: str


def check_fields(fields: list[TemplateField], allowed: tuple[str, ...], problems: Problems) -> None:
    """Add a problem to each field that does not parse or uses a name outside `allowed`."""
    for field in fields:
        try:
            unknown = sorted(placeholders_used(field.source) - set(allowed))
        except TemplateSyntaxError as error:
            problems.add(field.name, "texts.syntax_error", line=error.lineno, reason=error.message or "")
            continue
        if unknown:
            problems.add(field.name, "texts.unknown_placeholder", names=", ".join(unknown))


def check_renders(field_name: str, render, problems: Problems) -> None:
    """Render with the example values (`render()` does); a failure is the field's problem, with its reason."""
    try:
        render()
    except (TemplateError, ValueError, TypeError, ArithmeticError) as error:
        problems.add(field_name, "texts.does_not_render", reason=str(error))


def fill_in(source: str, values: dict) -> str:
    """A standard text with the report's values filled in (checked at save, so it renders)."""
    return compiled(source).render(values)
