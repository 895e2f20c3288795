"""The municipality every page, mail and Open311 answer speaks of: the profile in force, asked once per request.

Why per request and not once at start-up: an administrator changes the profile in the screens (web/admin_profile.py)
and expects the next page, in every worker process, to show it. The profile is one primary-key read; settings an
operator fixed in the environment or the app's config (MUNICIPALITY_NAME ...) keep winning over it.
"""

from __future__ import annotations

from flask import Flask, Response, abort, current_app, g, request, send_file, url_for
from sqlalchemy.exc import InterfaceError, OperationalError

from geo.wrong_door import WrongDoor
from triage.reference import LogoStore, MunicipalityProfile, current_profile, serve_data_dir, uploaded_logo_key
from web.addresses import geocoder_settings
from web.config import FROM_PROFILE, municipality_of
from web.database import session


def init_app(app: Flask) -> None:
    app.extensions["fixed_municipality_settings"] = {key for key in FROM_PROFILE if key in app.config}
    app.extensions["shipped_profile"] = municipality_of(app.config)
    serve_data_dir(app.config["DATA_DIR"])
    app.before_request(_profile_in_force)
    app.context_processor(lambda: {"municipality": municipality(), "logo_url": logo_url})
    app.add_url_rule("/huisstijl.css", "house_style", _house_style)
    app.add_url_rule("/gemeente/logo/<key>.png", "municipality_logo", _logo)


def municipality() -> MunicipalityProfile:
    """The profile in force for this request (the data folder's when the database cannot be read)."""
    return g.get("municipality") or current_app.extensions["shipped_profile"]


def refresh_municipality() -> None:
    """After a save in this request: the rest of it (the page shown next) already uses the new profile."""
    g.pop("municipality", None)
    _profile_in_force()


def _profile_in_force() -> None:
    if request.endpoint == "static":
        return
    try:
        profile = current_profile(session(), current_app.config["DATA_DIR"])
    except (OperationalError, InterfaceError):  # the database is down: the view's error page says so
        return
    g.municipality = profile
    fixed = current_app.extensions["fixed_municipality_settings"]
    for key, attribute in FROM_PROFILE.items():
        if key not in fixed:
            current_app.config[key] = getattr(profile, attribute)


def logo_url(profile: MunicipalityProfile) -> str | None:
    """Where the page header finds the logo: an uploaded one from the logo store, a shipped one under static/."""
    if not profile.logo:
        return None
    key = uploaded_logo_key(profile.logo)
    return url_for("municipality_logo", key=key) if key else url_for("static", filename=profile.logo)


def wrong_door() -> WrongDoor:
    """How this app names a pin outside the municipality: PDOK when a geocoder is configured, the postcode areas'
    places (PLACES_FILE) offline."""
    return WrongDoor(geocoder_settings(), current_app.config.get("PLACES_FILE") or None)


def logo_store() -> LogoStore:
    return LogoStore(current_app.config["UPLOAD_DIR"])


def _house_style() -> Response:
    """The house colour as a stylesheet of its own, so pages need no inline style; revalidated by its ETag so a
    colour saved in the screens shows at the next page."""
    response = Response(f":root {{ --brand: {municipality().colour}; }}\n", mimetype="text/css")
    response.cache_control.no_cache = True
    response.add_etag()
    return response.make_conditional(request)


def _logo(key: str):
    path = logo_store().path(key)
    if path is None:
        abort(404)
    return send_file(path, mimetype="image/png", max_age=300)
