"""Administrators' screens for texts: standard texts a team picks for its message to a resident, and the wording
of every resident mail (the shipped file is the default and can be restored). Saves are versions (history and undo
on the history page); a form opened before someone else saved is refused as a conflict, a wrong field next to it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from models import Queue, Role
from triage.kernel import EditConflict, Problems, SubmissionRejected
from triage.notifications import (
    REPORT_PLACEHOLDERS,
    TEXT_LANGUAGES,
    TEXT_STATUSES,
    TypedText,
    all_standard_texts,
    delete_standard_text,
    editable_mail,
    editable_mails,
    example_mail,
    find_standard_text,
    is_editable,
    restore_default,
    save_mail_template,
    save_standard_text,
    text_version,
)
from triage.reference import main_categories
from web.auth import require_roles
from web.database import session
from web.i18n import translate

blueprint = Blueprint("admin_texts", __name__, url_prefix="/beheer/teksten")
blueprint.before_request(require_roles({Role.ADMIN}))


@blueprint.get("/")
def index():
    return render_template(
        "admin_texts/index.html", texts=all_standard_texts(session()), mails=editable_mails(session())
    )


def _typed() -> TypedText:
    form = request.form
    fields = ("title", "status", "category_id", "queue", "language", "body")
    return TypedText(**{name: form.get(name, "") for name in fields})


def _text_page(text_id: int | None, typed: TypedText, version: int | str, problems: Problems | None = None):
    return render_template(
        "admin_texts/standard_text.html",
        text_id=text_id,
        typed=typed,
        version=version,
        problems=problems or Problems(),
        statuses=TEXT_STATUSES,
        queues=list(Queue),
        languages=TEXT_LANGUAGES,
        categories=main_categories(session()),
        placeholders=REPORT_PLACEHOLDERS,
    )


def _as_typed(text) -> TypedText:
    queue = text.queue.value if text.queue else ""
    category = str(text.category_id or "")
    return TypedText(text.title, text.status.value, category, queue, text.language, text.body)


@blueprint.get("/standaardtekst/nieuw")
def new_text():
    return _text_page(None, TypedText(status=request.args.get("status", "")), 0)


@blueprint.get("/standaardtekst/<int:text_id>")
def edit_text(text_id: int):
    text = find_standard_text(session(), text_id) or abort(404)
    return _text_page(text_id, _as_typed(text), text_version(session(), text_id))


@blueprint.post("/standaardtekst/nieuw")
@blueprint.post("/standaardtekst/<int:text_id>")
def save_text(text_id: int | None = None):
    if text_id is not None and find_standard_text(session(), text_id) is None:
        abort(404)
    typed, seen = _typed(), request.form.get("version", "")
    try:
        text = save_standard_text(session(), text_id, typed, seen, current_user.user.email, datetime.now(UTC))
    except SubmissionRejected as refused:
        session().rollback()
        return _text_page(text_id, typed, seen, refused.problems), 422
    except EditConflict:
        session().rollback()
        flash(translate("texts.conflict"), "error")
        return _text_page(text_id, typed, text_version(session(), text_id), _conflict()), 409
    session().commit()
    flash(translate("texts.text_saved", title=text.title), "success")
    return redirect(url_for(".index"))


def _conflict() -> Problems:
    problems = Problems()
    problems.add("version", "texts.conflict")
    return problems


@blueprint.post("/standaardtekst/<int:text_id>/verwijderen")
def delete_text(text_id: int):
    text = find_standard_text(session(), text_id) or abort(404)
    title = text.title
    try:
        seen = request.form.get("version", "")
        delete_standard_text(session(), text, seen, current_user.user.email, datetime.now(UTC))
    except EditConflict:
        session().rollback()
        flash(translate("texts.conflict"), "error")
        return redirect(url_for(".edit_text", text_id=text_id))
    session().commit()
    flash(translate("texts.text_deleted", title=title), "success")
    return redirect(url_for(".index"))


def _mail_or_404(name: str, language: str):
    if not is_editable(name, language):
        abort(404)
    return editable_mail(session(), name, language)


def _mail_page(mail, subject: str, body: str, version, problems: Problems | None = None, example=None):
    return render_template(
        "admin_texts/mail_template.html",
        mail=mail,
        subject=subject,
        body=body,
        version=version,
        problems=problems or Problems(),
        example=example,
        placeholders=mail.placeholders,
    )


@blueprint.get("/mail/<name>/<language>")
def edit_mail(name: str, language: str):
    mail = _mail_or_404(name, language)
    return _mail_page(mail, mail.subject, mail.body, mail.version)


@blueprint.post("/mail/<name>/<language>")
def save_mail(name: str, language: str):
    mail = _mail_or_404(name, language)
    form = request.form
    subject, body, seen = form.get("subject", ""), form.get("body", ""), form.get("version", "")
    if form.get("step") == "preview":
        return _mail_preview(mail, subject, body, seen)
    try:
        save_mail_template(session(), name, language, subject, body, seen, current_user.user.email, datetime.now(UTC))
    except SubmissionRejected as refused:
        session().rollback()
        return _mail_page(mail, subject, body, seen, refused.problems), 422
    except EditConflict:
        session().rollback()
        flash(translate("texts.conflict"), "error")
        return _mail_page(mail, subject, body, editable_mail(session(), name, language).version, _conflict()), 409
    session().commit()
    flash(translate("texts.mail_saved", mail=translate(f"texts.mail.{name}")), "success")
    return redirect(url_for(".index"))


def _mail_preview(mail, subject: str, body: str, seen: str):
    """The mail with example values, through the same rendering as a sent mail; a template that does not render
    shows why, next to the field, as a save would."""
    try:
        example = example_mail(mail.name, mail.language, subject, body, current_app.config["PUBLIC_BASE_URL"])
    except SubmissionRejected as refused:
        return _mail_page(mail, subject, body, seen, refused.problems), 422
    return _mail_page(mail, subject, body, seen, example=example)


@blueprint.post("/mail/<name>/<language>/standaard")
def restore_mail(name: str, language: str):
    _mail_or_404(name, language)
    try:
        seen = request.form.get("version", "")
        restore_default(session(), name, language, seen, current_user.user.email, datetime.now(UTC))
    except EditConflict:
        session().rollback()
        flash(translate("texts.conflict"), "error")
        return redirect(url_for(".edit_mail", name=name, language=language))
    session().commit()
    flash(translate("texts.mail_restored", mail=translate(f"texts.mail.{name}")), "success")
    return redirect(url_for(".edit_mail", name=name, language=language))
