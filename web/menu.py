"""What the staff menu shows: only the pages the person may open, asked of the same access checks the pages
themselves run, so a menu link never ends in "no access". And which pages are staff pages (no resident footer).
"""

from __future__ import annotations

from flask import Flask, current_app, request
from flask_login import current_user
from werkzeug.exceptions import HTTPException

from models import Queue
from triage.workflow import may_see_queue

STAFF_BLUEPRINTS = frozenset(
    {
        "auth",
        "triage",
        "team",
        "dashboard",
        "admin",
        "admin_profile",
        "admin_texts",
        "contact_centre",
        "erasure_requests",
        "admin_config",
        "people",
        "password",
    }
)


def init_app(app: Flask) -> None:
    app.context_processor(lambda: {"may_open_page": may_open_page, "menu_queues": menu_queues})
    app.context_processor(lambda: {"is_staff_page": request.blueprint in STAFF_BLUEPRINTS})


def may_open_page(endpoint: str) -> bool:
    """Whether the logged-in person passes the access check of the blueprint that serves `endpoint`."""
    if not current_user.is_authenticated:
        return False
    for check in current_app.before_request_funcs.get(endpoint.rpartition(".")[0], ()):
        try:
            if check() is not None:
                return False
        except HTTPException:
            return False
    return True


def menu_queues() -> list[Queue]:
    """The queues whose work list the person may open: their own teams' queues, or all for leads and admins."""
    if not may_open_page("team.work_list_page"):
        return []
    return [queue for queue in Queue if may_see_queue(current_user.user, queue)]
