"""Addresses for the report form: suggestions while typing, one suggestion's point, the address nearest a pin.

The browser only ever calls these endpoints on our own host (CSP stays 'self'); they ask the configured geocoder
with a short timeout and answer [] or 204 when none is configured or it does not answer in time. The form's
steps use the same look-ups on the server, so the form works without JavaScript: a typed address is resolved
here, and the address found for the pin travels to the last step sealed, so nobody can slip in another one.
"""

from __future__ import annotations

import math

from flask import Blueprint, current_app, jsonify, request
from itsdangerous import BadSignature, URLSafeSerializer

from geo.addresses import ReadableLocation, readable, readable_location
from geo.geocoder import (
    Address,
    FoundAddress,
    GeocoderSettings,
    GeocoderUnavailable,
    lookup,
    reverse,
    suggest,
)
from triage.kernel import Problems
from web.extensions import limiter

blueprint = Blueprint("addresses", __name__, url_prefix="/adres")
MIN_QUERY, MAX_QUERY = 2, 100
SAME_PLACE_METRES = 30  # a pin moved further than this from the chosen address is looked up again


def geocoder_settings() -> GeocoderSettings:
    config = current_app.config
    return GeocoderSettings(config["GEOCODER_URL"], config["MUNICIPALITY_CODE"], config["GEOCODER_TIMEOUT"])


def address_rate_limit() -> str:
    """Typing asks once per pause; generous per client, but no free proxy to the geocoder."""
    return current_app.config.get("ADDRESS_RATE_LIMIT", "120 per minute;2000 per day")


@blueprint.app_template_global("readable_location")
def readable_location_of(report) -> ReadableLocation:
    return readable_location(report)


@blueprint.get("/zoek")
@limiter.shared_limit(address_rate_limit, scope="address-lookup")
def search():
    text = request.args.get("q", "").strip()[:MAX_QUERY]
    if len(text) < MIN_QUERY or not geocoder_settings().enabled:
        return jsonify([])
    try:
        found = suggest(geocoder_settings(), text)
    except GeocoderUnavailable as error:
        current_app.logger.warning("geocoder unavailable for suggestions: %s", error)
        return jsonify([])
    return jsonify([{"id": item.id, "label": item.label} for item in found])


@blueprint.get("/bij")
@limiter.shared_limit(address_rate_limit, scope="address-lookup")
def nearest():
    try:
        lat, lon = float(request.args.get("lat", "")), float(request.args.get("lon", ""))
    except ValueError:
        return jsonify({"error": "lat and lon are numbers"}), 400
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return jsonify({"error": "lat and lon are numbers"}), 400
    return _answer(_ask(reverse, lon, lat))


@blueprint.get("/<address_id>")
@limiter.shared_limit(address_rate_limit, scope="address-lookup")
def one(address_id: str):
    return _answer(_ask(lookup, address_id[:40]))


def _ask(question, *args) -> FoundAddress | None:
    """A look-up, or None when no geocoder is configured or it is down or slow."""
    settings = geocoder_settings()
    if not settings.enabled:
        return None
    try:
        return question(settings, *args)
    except GeocoderUnavailable as error:
        current_app.logger.warning("geocoder unavailable: %s", error)
        return None


def _answer(found: FoundAddress | None):
    if found is None:
        return "", 204
    return jsonify({"id": found.id, "label": found.address.line, "lat": found.lat, "lon": found.lon})


# The form's steps -------------------------------------------------------------------------------------------


def place_typed_address(submission, problems: Problems) -> None:
    """Without JavaScript the address field is plain text: resolve it to the address's point, or say why not.

    Only when the resident gave no pin and no buurt; otherwise the typed text is just a search they did not finish.
    """
    typed = request.form.get("address_query", "").strip()[:MAX_QUERY]
    if not typed or submission.lat.strip() or submission.lon.strip() or submission.buurt_code.strip():
        return
    settings = geocoder_settings()
    if not settings.enabled:
        problems.add("address", "address.unavailable")
        return
    try:
        found = _resolve(settings, request.form.get("address_id", ""), typed)
    except GeocoderUnavailable as error:
        current_app.logger.warning("geocoder unavailable for a typed address: %s", error)
        problems.add("address", "address.unavailable")
        return
    if found is None:
        problems.add("address", "address.not_found")
        return
    submission.lat, submission.lon = f"{found.lat:.6f}", f"{found.lon:.6f}"
    submission.address, submission.address_sought = found.address, True


def _resolve(settings: GeocoderSettings, address_id: str, typed: str) -> FoundAddress | None:
    if address_id:
        return lookup(settings, address_id)
    suggestions = suggest(settings, typed)
    return lookup(settings, suggestions[0].id) if suggestions else None


def find_pin_address(submission, location) -> None:
    """The address for the checked pin: the chosen suggestion when the pin is still on it, else the nearest one.

    A geocoder that is off, down or slow leaves the report without an address (it is then owed a look-up).
    """
    if location is None or location.approximate or submission.address is not None:
        return
    settings = geocoder_settings()
    if not settings.enabled:
        return
    try:
        chosen = lookup(settings, request.form.get("address_id", "")) if request.form.get("address_id") else None
        if chosen is None or _metres(chosen, location.lon, location.lat) > SAME_PLACE_METRES:
            chosen = reverse(settings, location.lon, location.lat)
    except GeocoderUnavailable as error:
        current_app.logger.warning("geocoder unavailable for a pin: %s", error)
        return
    submission.address, submission.address_sought = (chosen.address if chosen else None), True


def _metres(found: FoundAddress, lon: float, lat: float) -> float:
    """Distance over a flat earth: plenty for "is the pin still on the chosen house"."""
    dx = (found.lon - lon) * 111_320 * math.cos(math.radians(lat))
    dy = (found.lat - lat) * 110_540
    return math.hypot(dx, dy)


def _sealer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="report-address")


def seal_address(submission) -> str:
    """The address found at the summary, bound to the pin it was found for, for the hidden field of the last step."""
    address = submission.address
    fields = [address.street, address.house_number, address.postcode, address.place] if address else None
    return _sealer().dumps([submission.lat, submission.lon, submission.address_sought, fields])


def unseal_address(submission) -> None:
    """Take the sealed address back, if it is ours and still belongs to this pin; else the report is owed one."""
    try:
        lat, lon, sought, fields = _sealer().loads(request.form.get("address_seal", ""))
    except (BadSignature, ValueError, TypeError):
        return
    if (lat, lon) != (submission.lat, submission.lon):
        return
    submission.address = Address(*fields) if fields else None
    submission.address_sought = bool(sought)


def summary_location(submission, location) -> ReadableLocation:
    """The summary shows the place as the report will: the address, else the buurt and the resident's words."""
    return readable(submission.address, location.buurt, location.wijk, submission.location_text.strip())
