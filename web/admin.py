"""Admin pages: the outbox, where the embedded default keeps the e-mail it would send."""

from __future__ import annotations

from flask import Blueprint, render_template

from models import Role
from triage.notifications import latest_mails
from web.auth import require_roles
from web.database import session

blueprint = Blueprint("admin", __name__, url_prefix="/beheer")
blueprint.before_request(require_roles({Role.ADMIN}))


@blueprint.get("/uitbak")
def outbox():
    return render_template("admin/outbox.html", mails=latest_mails(session()))
