"""One way to put a mail to residents together: each language in turn, then the footer once under them.

Every mail to a resident, a follower or an address ("my reports") goes through `compose_mail`, so an administrator's
edited template or footer (mail_templates) and the municipality's line from its profile reach all of them alike.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from jinja2 import TemplateError
from sqlalchemy.orm import Session

from triage.notifications.kinds import MailKind
from triage.notifications.mail_templates import template_sources
from triage.notifications.placeholders import FOOTER
from triage.notifications.rendering import LANGUAGES, MailText, render, render_footer
from triage.reference.saved_profile import current_profile

SUBJECT_LIMIT = 200  # OutboxMail.subject
log = logging.getLogger(__name__)


def _safely(render_part, language: str, source: str | None, *args, **values):
    """The municipality's template when it renders, else the shipped file: a mail never fails on an edited text
    (they are checked when saved, so this is a last safety net)."""
    if source is not None:
        try:
            return render_part(*args, language, source, **values)
        except (TemplateError, ValueError, TypeError, ArithmeticError):
            log.exception("edited mail template %s did not render; the shipped default is used", language)
    return render_part(*args, language, **values)


def compose_mail(
    kind: MailKind,
    values_for: Callable[[str], dict],
    profile_footer: str,
    sources: dict[str, str] | None = None,
    footers: dict[str, str] | None = None,
) -> MailText:
    """The subject and body of one mail. `values_for(language)` gives the placeholders' values in that language;
    `sources` and `footers` are the municipality's own templates per language (template_sources), the shipped
    files where they are missing; `profile_footer` is the municipality's line from the profile in force."""
    sources, footers = sources or {}, footers or {}
    texts = [_safely(render, language, sources.get(language), kind, **values_for(language)) for language in LANGUAGES]
    subject = " / ".join(text.subject for text in texts)[:SUBJECT_LIMIT]
    no_reply = " / ".join(_safely(render_footer, language, footers.get(language)) for language in LANGUAGES)
    return MailText(subject, "\n\n".join([*(text.body for text in texts), f"{no_reply}\n{profile_footer}"]))


def mail_text(session: Session, kind: MailKind, values_for: Callable[[str], dict]) -> MailText:
    """The mail as it is sent now: with the templates, footer and profile that are in the database at this moment."""
    return compose_mail(
        kind,
        values_for,
        current_profile(session).footer(LANGUAGES[0]),
        template_sources(session, kind.value),
        template_sources(session, FOOTER),
    )
