"""Every refusal gets a page (or JSON under /api/) in the person's language, never a bare error or a 500 trace."""

from __future__ import annotations

from flask import Flask, g, jsonify, make_response, render_template, request
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException, MethodNotAllowed, RequestEntityTooLarge

from triage.kernel import Problem, Problems
from web.i18n import DEFAULT_LANGUAGE, LANGUAGES, current_language, problem_text
from web.open311.formats import Open311Error, error_response

STATUS_KEYS = {
    400: "error.bad_request",
    403: "error.forbidden",
    404: "error.not_found",
    405: "error.not_allowed",
    413: "error.too_large",
    429: "error.too_many",
    500: "error.server",
    503: "error.unavailable",
}
RETRY_AFTER_SECONDS = 60  # the database is usually back within a minute (a restart, a failover)


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf_refused)
    app.register_error_handler(RequestEntityTooLarge, _too_large)
    app.register_error_handler(MethodNotAllowed, _not_allowed)
    for unreachable in (OperationalError, InterfaceError):  # not DataError or IntegrityError: those are our bugs
        app.register_error_handler(unreachable, _database_unavailable)
    app.register_error_handler(HTTPException, _http_error)
    app.register_error_handler(Exception, _unexpected)


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def _error_response(status: int):
    key = STATUS_KEYS.get(status, "error.bad_request")
    if request.path.startswith("/open311/"):
        return error_response(Open311Error(status, [problem_text(Problem(key))]))
    if _wants_json():
        message = problem_text(Problem(key))
        return jsonify(errors={"request": [{"code": key, "message": message}]}), status
    if status == 403:
        from web.auth import start_page

        return render_template("error_forbidden.html", status=status, key=key, start_page=start_page), status
    return render_template("error.html", status=status, key=key), status


def _http_error(error: HTTPException):
    return _error_response(error.code or 500)


def _too_large(error: RequestEntityTooLarge):
    """The body is refused unread: the language comes from the address or cookie, never from the form."""
    if "language" not in g:
        asked = request.args.get("lang") or request.cookies.get("lang")
        g.language = asked if asked in LANGUAGES else DEFAULT_LANGUAGE
    return _error_response(413)


def _not_allowed(error: MethodNotAllowed):
    response = make_response(_error_response(405))
    response.headers["Allow"] = ", ".join(sorted(error.valid_methods or ()))
    return response


def _database_unavailable(error: DBAPIError):
    """The database is down or unreachable: say so with 503 and when to try again; a resident keeps what was typed."""
    from flask import current_app

    from web.database import session

    current_app.logger.error("database unavailable: %s", error.__class__.__name__)
    session().rollback()
    _page_without_staff_member()
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    if request.endpoint == "resident.report_step":
        from web.intake_request import submission_from_form
        from web.resident import render_form

        problems = Problems()
        problems.add("form", "error.unavailable_form")
        page, status = render_form(submission_from_form(current_language()), problems, status=503, areas=[])
        return page, status, headers
    response = make_response(_error_response(503))
    response.headers.update(headers)
    return response


def _page_without_staff_member() -> None:
    """The page about the outage cannot look the staff member up (that needs the database): show it as to anyone.

    Flask-Login keeps the request's user in g._login_user; setting it stops a second lookup, it logs nobody out.
    """
    from flask import current_app

    g._login_user = current_app.login_manager.anonymous_user()


def _csrf_refused(error: CSRFError):
    """An expired or missing form token: show the form again with what was typed, and ask to send again."""
    if request.endpoint == "resident.report_step":
        from web.intake_request import submission_from_form
        from web.resident import render_form

        problems = Problems()
        problems.add("form", "error.csrf")
        return render_form(submission_from_form(current_language()), problems, status=400)
    return _error_response(400)


def _unexpected(error: Exception):
    from flask import current_app

    current_app.logger.exception("unexpected error", exc_info=error)
    return _error_response(500)
