"""Admin pages: the outbox, where the embedded default keeps the e-mail it would send, and the destruction of
reports at the end of their keeping period (REPORT_DESTRUCTION_DAYS), which an administrator confirms."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from models import Role
from triage.intake import destroy_reports, fingerprint, reports_due_for_destruction
from triage.notifications import latest_mails
from web.auth import require_roles
from web.database import session
from web.i18n import translate
from web.intake_request import photo_store

blueprint = Blueprint("admin", __name__, url_prefix="/beheer")
blueprint.before_request(require_roles({Role.ADMIN}))


@blueprint.get("/uitbak")
def outbox():
    return render_template("admin/outbox.html", mails=latest_mails(session()))


@blueprint.get("/vernietigen")
def destruction():
    return _destruction_page()


@blueprint.post("/vernietigen")
def destroy():
    """Destroy exactly the list the administrator saw; a list that changed since is refused and shown anew."""
    days = current_app.config.get("REPORT_DESTRUCTION_DAYS")
    if not days:
        return _destruction_page(), 409
    due = reports_due_for_destruction(session(), datetime.now(UTC), days)
    if not due or request.form.get("fingerprint") != fingerprint(due):
        flash(translate("destruction.list_changed"), "error")
        return _destruction_page(), 409
    count = destroy_reports(session(), due, photo_store(), current_user.user.email, datetime.now(UTC))
    session().commit()
    flash(translate("destruction.done", count=count), "success")
    return redirect(url_for("admin.destruction"))


def _destruction_page() -> str:
    days = current_app.config.get("REPORT_DESTRUCTION_DAYS")
    due = reports_due_for_destruction(session(), datetime.now(UTC), days) if days else []
    return render_template("admin/destruction.html", days=days, due=due, fingerprint=fingerprint(due))
