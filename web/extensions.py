"""Flask extensions, created unbound here and bound to an app in create_app."""

from flask import current_app
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_wtf import CSRFProtect

csrf = CSRFProtect()
# Rate limits live in Redis in production (RATELIMIT_STORAGE_URI). When Redis stops, the limits carry on in
# this process's memory and a storage error is logged, never a 500: a resident is not turned away because
# the limiter's storage is down. The limiter checks the storage again and moves back once it answers.
limiter = Limiter(key_func=get_remote_address, default_limits=[], in_memory_fallback_enabled=True, swallow_errors=True)


@limiter.request_filter
def _limits_switched_off() -> bool:
    """RATELIMIT_ENABLED is the serving app's own, read at each request. Flask-Limiter keeps its switch on the one
    Limiter object, so in a process with several apps (the test suite) the app set up last decided for all of them:
    an app without limits had its staff log-ins refused after ten a minute once another app switched limits on."""
    return not current_app.config.get("RATELIMIT_ENABLED", True)


def init_limiter(app) -> None:
    """Bind the limiter; an app with limits switched off registers no checks and leaves the others' switch alone."""
    limiter.init_app(app)
    limiter.enabled = True  # each app decides by its own setting (above), not by which app was set up last


def report_rate_limit() -> str:
    """Public writes share one configurable limit per client, e.g. "30 per minute;300 per day"."""
    return current_app.config["REPORT_RATE_LIMIT"]


def open311_rate_limit() -> str:
    """Open311 writes are limited per API key (web/open311), so one busy client cannot crowd out another."""
    return current_app.config["OPEN311_RATE_LIMIT"]
